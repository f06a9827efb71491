// The database schema as an ordered list of migrations. Opening a database applies the ones
// it lacks, each in its own transaction, recording them in `migrations` and PRAGMA user_version.
#pragma once

#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct Migration {
  int version;
  std::string description;
  std::string sql;
  Status (*step)(SqliteDb&) = nullptr;  // run after `sql`, in the same transaction
};

const std::vector<Migration>& Migrations();
inline constexpr int kSchemaVersion = 7;

// Brings `db` to kSchemaVersion. Fails when the database is newer than this program.
Status Migrate(SqliteDb& db);

}  // namespace sitrep
