// The blocking index of stored reports: an R-tree over each report's date window and country,
// so a candidate query reads only the reports whose window overlaps the asked one, in the same
// or an unknown country (no scan, no bound on the widest window). Reports with an unknown date
// or country cover the whole axis. Lives in the reports_window table (schema migration 3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/fuse/coref.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct IndexedReport {
  std::string key;
  std::string event_id;  // "" = not assigned yet
};

// Statements prepared once per index object; one per transaction or batch is typical.
class ReportIndex {
 public:
  explicit ReportIndex(SqliteDb& db) : db_(db) {}
  // Adds a report's window; returns the index row id to store with the report (reports.wid).
  Result<int64_t> Add(const std::string& key, const BlockKey& block, bool dated);
  // Removes the index rows of a document's reports (call before the reports are deleted).
  Status RemoveDocument(const std::string& doc_id);
  // Reports whose window overlaps `block`'s (any window when !dated) in a compatible country.
  Result<std::vector<IndexedReport>> Overlapping(const BlockKey& block, bool dated);

 private:
  SqliteDb& db_;
  std::optional<SqliteStmt> add_, remove_, query_;
};

// The country axis: ISO2 codes (any case) -> 1..676; other names -> 677; "" = the whole axis.
std::pair<int64_t, int64_t> CountryRange(const std::string& country);

}  // namespace sitrep
