// Incremental re-fusion inside an open transaction: the seed reports, the stored events they
// link to, and (while re-clustering splits a stored event) the events its members link to are
// re-clustered; events whose members stay the same are kept, not rewritten. The work per batch
// is the batch's neighbourhood, not the connected part of the link graph, so it does not grow
// with the database. Matches fusing all at once (tests/store: one-by-one == all-at-once ==
// library on the seeds and a generated corpus); greedy clustering makes this checked, not proven.
#pragma once

#include <set>
#include <string>

#include "sitrep/base/status.h"
#include "sitrep/fuse/fusion.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct RefuseStats {
  int written = 0, removed = 0;  // events (re)written and deleted
  int kept = 0;                  // events of the component whose members did not change
  int reports = 0;               // reports of the re-clustered component(s)
  // Blocking: candidate queries and the candidates they returned, of which wide (a window of
  // more than a month, or undated) and country-less ones. Candidates per query should not grow
  // with the database. countryless_linked: country-less candidates that Linked accepted.
  int64_t queries = 0, candidates = 0, wide = 0, countryless = 0, countryless_linked = 0;
  // Thread CPU seconds by phase: candidate queries, decoding + Linked over the candidates,
  // ClusterReports, and deleting/reconciling/writing events.
  double query_s = 0, link_s = 0, cluster_s = 0, write_s = 0;
  // Growth of the neighbourhood (should not grow with the database): expansion rounds, the
  // largest local set re-clustered, and ClusterReports' work summed over the rounds (candidate
  // pairs compared, linked edges). Stored events reached by a link whose sides are both dated
  // (narrow windows), with a side not usably dated (undated, found by keys), or with a side
  // that links only by sentence (a wide window); reports re-queried because their event changed.
  int rounds = 0, local_max = 0;
  int64_t cluster_pairs = 0, cluster_edges = 0;
  int64_t reached_dated = 0, reached_undated = 0, reached_wide = 0, requeried = 0;
};

// Adds one report row (event_id NULL until Refuse assigns it).
Status InsertReport(SqliteDb& db, const Report& report, const FusionOptions& options);
// Deletes an event with its sources, conflicts and entity links; its reports keep NULL.
Status DeleteEvent(SqliteDb& db, const std::string& event_id);
// Re-fuses the neighbourhood of `seeds` (report keys: new reports and orphans of removed events).
Result<RefuseStats> Refuse(SqliteDb& db, const std::set<std::string>& seeds,
                           const FusionOptions& options);
// Writes one fused event with its sources, conflicts and entities.
Status WriteEvent(SqliteDb& db, const Event& event);

}  // namespace sitrep
