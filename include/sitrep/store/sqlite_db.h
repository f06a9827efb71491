// Thin RAII over the SQLite C API: a connection and prepared statements whose failures are
// Status values naming the statement. Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sitrep {

class SqliteStmt {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  SqliteStmt(SqliteStmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  SqliteStmt(const SqliteStmt&) = delete;
  ~SqliteStmt();

  // Binds are 1-based; return *this for chaining.
  SqliteStmt& Bind(int i, std::string_view text);
  SqliteStmt& Bind(int i, int64_t v);
  SqliteStmt& Bind(int i, double v);
  SqliteStmt& BindNull(int i);
  // Advances: true = a row is ready, false = done. Errors as Status.
  Result<bool> Step();
  // Runs to completion (for statements without rows).
  Status Run();
  Status Reset();  // ready to bind and step again

  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteDb {
 public:
  // Opens (creating when absent) with the given VFS ("" = default). Foreign keys on, WAL on,
  // a 64 MiB page cache (the blocking queries revisit recent pages).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const std::string& vfs = "");
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;

  Status Exec(std::string_view sql);  // one or more statements, no rows
  Result<SqliteStmt> Prepare(std::string_view sql);
  int64_t Changes() const;
  int64_t LastInsertRowid() const;  // rowid of the latest INSERT on this connection
  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteDb() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Runs `sql` and returns the first column of the first row as an integer (nullopt: no row).
Result<std::optional<int64_t>> QueryInt(SqliteDb& db, std::string_view sql);

}  // namespace sitrep
