// Incremental re-fusion inside an open transaction: from seed reports, the connected part of
// the candidate graph is re-clustered and its events rewritten. Because clusters never leave a
// component of that graph, the result equals fusing the whole database at once.
#pragma once

#include <set>
#include <string>

#include "sitrep/base/status.h"
#include "sitrep/fuse/fusion.h"
#include "sitrep/store/sqlite_db.h"

namespace sitrep {

struct RefuseStats {
  int written = 0, removed = 0, reports = 0;
};

// Adds one report row (event_id NULL until Refuse assigns it).
Status InsertReport(SqliteDb& db, const Report& report, const FusionOptions& options);
// Deletes an event with its sources, conflicts and entity links; its reports keep NULL.
Status DeleteEvent(SqliteDb& db, const std::string& event_id);
// Re-fuses the component(s) of the candidate graph that contain `seeds` (report keys).
Result<RefuseStats> Refuse(SqliteDb& db, const std::set<std::string>& seeds,
                           const FusionOptions& options);
// Writes one fused event with its sources, conflicts and entities.
Status WriteEvent(SqliteDb& db, const Event& event);

}  // namespace sitrep
