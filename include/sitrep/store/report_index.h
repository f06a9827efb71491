// The blocking index of stored reports. A report whose window spans at most kNarrowDays (day
// and week reports: nearly all) is found by a B-tree range scan over (country, window start)
// on `reports` (band, migration 5); wider ones by an R-tree over window and country
// (reports_window, migration 3; unknown country covers the whole axis). A report that only a
// shared sentence can link (LinksOnlyBySentence: no specific place, no day, a window wider
// than name_window_days) is found by its sentences' hashes (report_sentences, migration 4).
// An undated report placed in a country is found by the keys of what it names (report_keys,
// migration 7; UndatedIdentityKeys), and by its sentences.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/fuse/coref.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

// Narrow windows (stored wto - wfrom, in days) are scanned from `from - kNarrowDays`; a fixed
// schema constant: changing it needs a migration that moves rows between the two indexes.
inline constexpr int64_t kNarrowDays = 10;

// Where ReportIndex::Add put a report: its R-tree row (0: none) or its band (the country
// code of CountryRange, 0 = unknown country) on the narrow index.
struct IndexSlot {
  int64_t wid = 0;
  std::optional<int64_t> band;
};

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
  // Indexes a report about to be stored: its sentences, and its window unless it links only by
  // sentence (R-tree row added here; the caller stores the slot as reports.wid / reports.band).
  Result<IndexSlot> Add(const Report& report, const FusionOptions& options);
  // Indexes only the sentences of a report whose stored window is [wfrom, wto].
  Status AddSentences(const Report& report, bool by_sentence, int64_t wfrom, int64_t wto);
  // Stores the UndatedIdentityKeys of a report that takes part in undated identity.
  Status AddKeys(const Report& report, const FusionOptions& options);
  // Removes the index rows of a document's reports (call before the reports are deleted).
  Status RemoveDocument(const std::string& doc_id);
  // A superset of the stored reports Linked(report, *) may accept, `report` itself included
  // when stored: overlapping window and compatible country, shared sentence, same article.
  Result<std::vector<IndexedReport>> Candidates(const Report& report,
                                                const FusionOptions& options);
  // Reports in either window index whose window overlaps `block`'s (any window when !dated)
  // in a compatible country.
  Result<std::vector<IndexedReport>> Overlapping(const BlockKey& block, bool dated);

 private:
  Status Collect(SqliteStmt& st, std::vector<IndexedReport>* out);
  // Stored reports sharing a key with `report` (undated ones only when it is dated).
  Status ByKeys(const Report& report, const FusionOptions& options,
                std::vector<IndexedReport>* out);

  SqliteDb& db_;
  std::optional<SqliteStmt> add_, add_sentence_, add_key_, remove_, remove_sentences_,
      remove_keys_, query_, narrow_, narrow_any_, by_sentence_, by_doc_, by_key_;
};

// The country axis: ISO2 codes (any case) -> 1..676; other names -> 677; "" = the whole axis.
std::pair<int64_t, int64_t> CountryRange(const std::string& country);

// The distinct hashes of a report's evidential source sentences (sorted): a shared sentence
// that EvidentialSentence rejects links two reports only within one article, and the reports
// of one article are candidates anyway. If that rule ever admits more sentences, re-index.
std::vector<int64_t> SentenceHashes(const Report& report);

// Migration 4's step: indexes the sentences of every stored report and takes the reports that
// link only by sentence out of the R-tree.
Status IndexReportSentences(SqliteDb& db);
// Migration 5's step: moves the reports of narrow windows from the R-tree to the band index.
Status IndexNarrowReports(SqliteDb& db);
// Migration 6's step (indexed undated reports placed in a country by window): superseded by
// migration 7, a no-op.
Status IndexUndatedPlacedReports(SqliteDb& db);
// Migration 7's step: stores the keys of every report that takes part in undated identity,
// and takes the undated ones out of the R-tree (their sentence rows: found by every report).
Status IndexUndatedKeys(SqliteDb& db);

// An undated report placed in a country: found by its keys, not by its (unbounded) window.
bool FoundByKeys(const Report& report, const FusionOptions& options);

}  // namespace sitrep
