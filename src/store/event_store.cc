#include "sitrep/store/event_store.h"

#include <time.h>
#include <xxhash.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "sitrep/store/event_codec.h"
#include "sitrep/store/refuse.h"
#include "sitrep/store/report_index.h"
#include "sitrep/store/schema.h"

namespace sitrep {

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

std::string ContentHash(const Document& doc) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  auto add = [&](const std::string& s) {
    uint64_t n = s.size();
    XXH3_128bits_update(state, &n, sizeof n);
    XXH3_128bits_update(state, s.data(), s.size());
  };
  add(doc.raw);
  add(doc.url);
  add(doc.outlet);
  add(doc.published.known() ? FormatIsoDate(doc.published.earliest) : "");
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                     const StoreOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(path, options.vfs));
  RETURN_IF_ERROR(Migrate(*db));
  return std::unique_ptr<EventStore>(new EventStore(std::move(db), options));
}

Result<IngestStats> EventStore::IngestBatch(const std::vector<AnalysedArticle>& batch) {
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Result<IngestStats> r = IngestInTransaction(batch);
  const double t0 = ThreadCpuSeconds();
  Status st = r.ok() ? db_->Exec("COMMIT") : r.status();
  if (!st.ok()) {
    (void)db_->Exec("ROLLBACK");
    return st.WithContext("ingest batch");
  }
  r->commit_s = ThreadCpuSeconds() - t0;
  return r;
}

namespace {

Status InsertDocument(SqliteDb& db, const Document& doc, const std::string& hash,
                      const MinHashOptions& minhash) {
  ASSIGN_OR_RETURN(SqliteStmt ins, db.Prepare(
      "INSERT INTO documents(id, origin, url, title, outlet, byline, dateline, published, "
      "published_precision, published_evidence, wire_credits, encoding, content_hash, minhash, "
      "raw, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,datetime('now'))"));
  ins.Bind(1, doc.id).Bind(2, doc.origin).Bind(3, doc.url).Bind(4, doc.title);
  ins.Bind(5, doc.outlet).Bind(6, doc.byline).Bind(7, doc.dateline);
  ins.Bind(8, doc.published.known() ? FormatIsoDate(doc.published.earliest) : "");
  ins.Bind(9, std::string(DatePrecisionName(doc.published.precision)));
  ins.Bind(10, doc.published_evidence);
  ins.Bind(11, nlohmann::json(doc.wire_credits).dump(-1, ' ', false,
                                                     nlohmann::json::error_handler_t::replace));
  ins.Bind(12, doc.source_encoding).Bind(13, hash);
  ins.Bind(14, EncodeSignature(ComputeMinHash(doc.text, minhash)));
  ins.Bind(15, doc.raw).Bind(16, doc.text);
  RETURN_IF_ERROR(ins.Run());
  ASSIGN_OR_RETURN(SqliteStmt fts, db.Prepare(
      "INSERT INTO documents_fts(doc_id, title, text) VALUES (?, ?, ?)"));
  return fts.Bind(1, doc.id).Bind(2, doc.title).Bind(3, doc.text).Run();
}

// Removes the stored version of `doc_id` and the events built on it; their other reports
// become seeds for re-fusion.
Status RemoveDocument(SqliteDb& db, const std::string& doc_id, std::set<std::string>* seeds) {
  ASSIGN_OR_RETURN(SqliteStmt events, db.Prepare(
      "SELECT DISTINCT event_id FROM reports WHERE doc_id = ? AND event_id IS NOT NULL"));
  events.Bind(1, doc_id);
  std::vector<std::string> stale;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, events.Step());
    if (!row) break;
    stale.push_back(events.Text(0));
  }
  for (const std::string& ev : stale) {
    ASSIGN_OR_RETURN(SqliteStmt members, db.Prepare(
        "SELECT key FROM reports WHERE event_id = ? AND doc_id <> ?"));
    members.Bind(1, ev).Bind(2, doc_id);
    for (;;) {
      ASSIGN_OR_RETURN(bool row, members.Step());
      if (!row) break;
      seeds->insert(members.Text(0));
    }
    RETURN_IF_ERROR(DeleteEvent(db, ev));
  }
  RETURN_IF_ERROR(ReportIndex(db).RemoveDocument(doc_id));
  ASSIGN_OR_RETURN(SqliteStmt fts, db.Prepare("DELETE FROM documents_fts WHERE doc_id = ?"));
  RETURN_IF_ERROR(fts.Bind(1, doc_id).Run());
  ASSIGN_OR_RETURN(SqliteStmt del, db.Prepare("DELETE FROM documents WHERE id = ?"));
  return del.Bind(1, doc_id).Run();
}

}  // namespace

Result<IngestStats> EventStore::IngestInTransaction(const std::vector<AnalysedArticle>& batch) {
  IngestStats stats;
  const double t0 = ThreadCpuSeconds();
  std::set<std::string> seeds;
  ASSIGN_OR_RETURN(SqliteStmt find, db_->Prepare(
      "SELECT content_hash FROM documents WHERE id = ?"));
  for (const AnalysedArticle& article : batch) {
    const Document& doc = article.doc;
    std::string hash = ContentHash(doc);
    find.Bind(1, doc.id);
    ASSIGN_OR_RETURN(bool exists, find.Step());
    std::string old_hash = exists ? find.Text(0) : "";
    RETURN_IF_ERROR(find.Reset());
    if (exists && old_hash == hash) {
      ++stats.unchanged;
      continue;
    }
    if (exists) {
      ++stats.replaced;
      RETURN_IF_ERROR(RemoveDocument(*db_, doc.id, &seeds).WithContext(doc.id));
    } else {
      ++stats.added;
    }
    RETURN_IF_ERROR(InsertDocument(*db_, doc, hash, options_.fusion.minhash).WithContext(doc.id));
    for (const Report& r : MakeReports(doc.id, article.events)) {
      RETURN_IF_ERROR(InsertReport(*db_, r, options_.fusion).WithContext(doc.id));
      seeds.insert(r.key);
    }
  }
  stats.insert_s = ThreadCpuSeconds() - t0;
  if (seeds.empty()) return stats;
  ASSIGN_OR_RETURN(RefuseStats refused, Refuse(*db_, seeds, options_.fusion));
  stats.events_written = refused.written;
  stats.events_removed = refused.removed;
  stats.events_kept = refused.kept;
  stats.reports_fused = refused.reports;
  stats.candidate_queries = refused.queries;
  stats.candidates = refused.candidates;
  stats.candidates_wide = refused.wide;
  stats.candidates_countryless = refused.countryless;
  stats.countryless_linked = refused.countryless_linked;
  stats.query_s = refused.query_s;
  stats.link_s = refused.link_s;
  stats.cluster_s = refused.cluster_s;
  stats.write_s = refused.write_s;
  stats.refuse_rounds = refused.rounds;
  stats.local_max = refused.local_max;
  stats.cluster_pairs = refused.cluster_pairs;
  stats.cluster_edges = refused.cluster_edges;
  stats.reached_dated = refused.reached_dated;
  stats.reached_undated = refused.reached_undated;
  stats.reached_wide = refused.reached_wide;
  stats.requeried = refused.requeried;
  return stats;
}

Status EventStore::CheckIntegrity() {
  ASSIGN_OR_RETURN(SqliteStmt check, db_->Prepare("PRAGMA integrity_check"));
  ASSIGN_OR_RETURN(bool row, check.Step());
  if (!row || check.Text(0) != "ok") {
    return Status::DataLoss(db_->path() + ": integrity_check: " + (row ? check.Text(0) : "?"));
  }
  ASSIGN_OR_RETURN(SqliteStmt fk, db_->Prepare("PRAGMA foreign_key_check"));
  ASSIGN_OR_RETURN(bool bad, fk.Step());
  if (bad) return Status::DataLoss(db_->path() + ": foreign key violation in " + fk.Text(0));
  return Status::Ok();
}

}  // namespace sitrep
