// The blocking index of stored reports. Most reports are found by an R-tree over their date
// window and country (no scan, no bound on the widest window; unknown date or country covers
// the whole axis). A report that only a shared sentence can link (LinksOnlyBySentence: no
// specific place, no day, a window wider than a month) is found by its sentences' hashes
// instead, so year-wide and undated background reports do not pile up in every date query.
// Tables reports_window (schema migration 3) and report_sentences (migration 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/fuse/coref.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct IndexedReport {
  std::string key;
  std::string event_id;        // "" = not assigned yet
  int64_t wfrom = 0, wto = 0;  // its blocking window (day numbers; unknown dates are huge)
  bool any_country = false;    // its country is unknown (it meets every country)
};

// Statements prepared once per index object; one per transaction or batch is typical.
class ReportIndex {
 public:
  explicit ReportIndex(SqliteDb& db) : db_(db) {}
  // Indexes a stored report (its `reports` row holds `block`): its window unless it links only
  // by sentence, and its sentences. Returns the R-tree row id to store as reports.wid (0: none).
  Result<int64_t> Add(const Report& report, const FusionOptions& options);
  // Indexes only the sentences of a report whose stored window is [wfrom, wto].
  Status AddSentences(const Report& report, bool by_sentence, int64_t wfrom, int64_t wto);
  // Removes the index rows of a document's reports (call before the reports are deleted).
  Status RemoveDocument(const std::string& doc_id);
  // A superset of the stored reports Linked(report, *) may accept, `report` itself included
  // when stored: overlapping window and compatible country, shared sentence, same article.
  Result<std::vector<IndexedReport>> Candidates(const Report& report,
                                                const FusionOptions& options);
  // Reports in the R-tree whose window overlaps `block`'s (any window when !dated) in a
  // compatible country.
  Result<std::vector<IndexedReport>> Overlapping(const BlockKey& block, bool dated);

 private:
  Status Collect(SqliteStmt& st, std::vector<IndexedReport>* out);

  SqliteDb& db_;
  std::optional<SqliteStmt> add_, add_sentence_, remove_, remove_sentences_, query_,
      by_sentence_, by_doc_;
};

// The country axis: ISO2 codes (any case) -> 1..676; other names -> 677; "" = the whole axis.
std::pair<int64_t, int64_t> CountryRange(const std::string& country);

// The distinct hashes of a report's non-empty source sentences (sorted).
std::vector<int64_t> SentenceHashes(const Report& report);

// Migration 4's step: indexes the sentences of every stored report and takes the reports that
// link only by sentence out of the R-tree.
Status IndexReportSentences(SqliteDb& db);

}  // namespace sitrep
