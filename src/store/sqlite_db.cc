#include "sitrep/store/sqlite_db.h"

#include <sqlite3.h>

namespace sitrep {
namespace {

Status Error(sqlite3* db, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::DataLoss(msg);
  if (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN ||
      code == SQLITE_READONLY || code == SQLITE_BUSY) {
    return Status::IoError(msg);
  }
  return Status::Internal(msg);
}

}  // namespace

SqliteStmt::~SqliteStmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStmt& SqliteStmt::Bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStmt& SqliteStmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
SqliteStmt& SqliteStmt::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
SqliteStmt& SqliteStmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> SqliteStmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(db_, std::string("step '") + sqlite3_sql(stmt_) + "'");
}

Status SqliteStmt::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
  }
  return Reset();
}

Status SqliteStmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return Status::Ok();
}

int64_t SqliteStmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double SqliteStmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string SqliteStmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col))
           : std::string();
}
bool SqliteStmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, const std::string& vfs) {
  std::unique_ptr<SqliteDb> db(new SqliteDb());
  db->path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &db->db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) return Error(db->db_, "open " + path).WithContext("sqlite");
  sqlite3_busy_timeout(db->db_, 10000);
  sqlite3_extended_result_codes(db->db_, 0);
  RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                           "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")
                      .WithContext("open " + path));
  return db;
}

SqliteDb::~SqliteDb() {
  if (db_) sqlite3_close_v2(db_);
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "error";
    sqlite3_free(err);
    Status st = Error(db_, "exec");
    return Status(st.code(), "exec '" + s.substr(0, 60) + "': " + msg);
  }
  return Status::Ok();
}

Result<SqliteStmt> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(db_, "prepare '" + std::string(sql.substr(0, 80)) + "'");
  return SqliteStmt(db_, stmt);
}

int64_t SqliteDb::Changes() const { return sqlite3_changes64(db_); }
int64_t SqliteDb::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

Result<std::optional<int64_t>> QueryInt(SqliteDb& db, std::string_view sql) {
  ASSIGN_OR_RETURN(SqliteStmt st, db.Prepare(sql));
  ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.Int(0));
}

}  // namespace sitrep
