// The event database (SQLite): documents, their per-article reports, fused events with sources,
// conflicts and entities. Each IngestBatch is one transaction, idempotent (same content hash =
// no change) and incremental (only the batch's neighbourhood of events is re-fused, see
// refuse.h; tests check the result equals fusing everything at once). One writer; not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/extract/event.h"
#include "sitrep/fuse/fusion.h"
#include "sitrep/ingest/document.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct StoreOptions {
  FusionOptions fusion;
  std::string vfs;  // SQLite VFS name; "" = the OS default (tests inject faults through one)
};

// An analysed article: the document and what extraction found in it.
struct AnalysedArticle {
  Document doc;
  std::vector<Event> events;
};

struct IngestStats {
  int added = 0, unchanged = 0, replaced = 0;
  int events_written = 0, events_removed = 0;
  int events_kept = 0;      // events the batch's re-fusion found unchanged (not rewritten)
  int reports_fused = 0;    // reports re-clustered (the components the batch touched)
  // Blocking counters of the re-fusion (RefuseStats): queries, candidates, wide, country-less.
  int64_t candidate_queries = 0, candidates = 0, candidates_wide = 0, candidates_countryless = 0;
  int64_t countryless_linked = 0;  // country-less candidates Linked accepted
  // Thread CPU seconds by phase: storing documents and reports (with their indexes), then
  // RefuseStats' query/link/cluster/write, then the commit.
  double insert_s = 0, query_s = 0, link_s = 0, cluster_s = 0, write_s = 0, commit_s = 0;
  // Neighbourhood growth (RefuseStats): rounds, largest local set (max over batches), cluster
  // pairs and edges, stored events reached by dated / undated / wide links, re-queried reports.
  int64_t refuse_rounds = 0, local_max = 0, cluster_pairs = 0, cluster_edges = 0;
  int64_t reached_dated = 0, reached_undated = 0, reached_wide = 0, requeried = 0;
};

struct EventFilter {
  std::optional<int64_t> from, to;  // day numbers: events whose date range meets [from, to]
  std::string country;              // ISO2
  std::optional<double> lat, lon;   // with km: within km of the point
  double km = 50;
  std::string type;                 // event_type, sub_event_type or plover_type (any case)
  std::string actor;                // substring of actor1/actor2 name or id (any case)
  std::string text;                 // FTS5 query over the reporting documents
};

struct StoredDocument {
  std::string id, title, outlet, published, url, content_hash;
  std::string published_precision;        // "day" | "week" | "month" | "year" | ""
  std::vector<std::string> wire_credits;  // agencies the article credits
  std::string origin;  // its origin group (fusion: the group's smallest doc id); "" = itself
  int reports = 0;     // per-article event reports
  int events = 0;      // distinct fused events they belong to
};

class EventStore {
 public:
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path,
                                                  const StoreOptions& options = {});
  // Stores the batch and re-fuses what it touches, all in one transaction (rolled back on error).
  Result<IngestStats> IngestBatch(const std::vector<AnalysedArticle>& batch);

  Result<std::vector<Event>> Events(const EventFilter& filter);   // sorted by date, then id
  Result<std::optional<Event>> GetEvent(const std::string& id);
  Result<std::vector<StoredDocument>> Documents();
  // The per-article reports fused into `event_id`, sorted by key.
  Result<std::vector<Report>> ReportsOf(const std::string& event_id);
  // True when the document is stored with this content: ingesting it again would change nothing.
  Result<bool> HasSameContent(const Document& doc);
  // PRAGMA integrity_check + foreign_key_check; DataLoss naming the first problem.
  Status CheckIntegrity();
  SqliteDb& db() { return *db_; }

 private:
  EventStore(std::unique_ptr<SqliteDb> db, StoreOptions options)
      : db_(std::move(db)), options_(std::move(options)) {}
  Result<IngestStats> IngestInTransaction(const std::vector<AnalysedArticle>& batch);

  std::unique_ptr<SqliteDb> db_;
  StoreOptions options_;
};

// Hex of a 128-bit hash of the article's raw bytes and described metadata.
std::string ContentHash(const Document& doc);

}  // namespace sitrep
