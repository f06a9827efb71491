#include "sitrep/show/open_database.h"

#include <sqlite3.h>

#include <filesystem>

namespace sitrep::show {
namespace {

// Reads the schema marker through a read-only connection: nothing is created or changed.
Status CheckSitrepSchema(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::InvalidArgument(path + ": not a sitrep database (" + why + ")");
  }
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
      "('events', 'documents', 'migrations')";
  int tables = -1;
  std::string why;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    tables = sqlite3_column_int(stmt, 0);
  } else {
    why = sqlite3_errmsg(db);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (tables < 0) return Status::InvalidArgument(path + ": not a sitrep database (" + why + ")");
  if (tables < 3) {
    return Status::InvalidArgument(path + ": not a sitrep database (no events, documents and "
                                   "migrations tables)");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<EventStore>> OpenSitrepDatabase(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no database at " + path + " (run sitrep ingest first)");
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::InvalidArgument(path + ": not a sitrep database (not a regular file)");
  }
  RETURN_IF_ERROR(CheckSitrepSchema(path));
  auto store = EventStore::Open(path);
  if (!store.ok()) return store.status().WithContext(path);
  return store;
}

}  // namespace sitrep::show
