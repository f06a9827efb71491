// The operating system behind a seam: a SQLite VFS that forwards to the default one and, when
// armed, fails writes and syncs after a given number succeed (as a full disk or failing device
// would). Tests use it to prove that a failed batch leaves the database as it was.
#pragma once

#include <atomic>
#include <string>

#include "sitrep/base/status.h"

namespace sitrep {

struct FaultPlan {
  // Writes/syncs that still succeed; negative = never fail. Decremented by each write/sync.
  std::atomic<long> ops_until_failure{-1};
};

// Registers (once per process) the VFS named kFaultVfsName, driven by `plan` (borrowed; must
// outlive every connection opened with it). Later calls only switch the plan.
Status RegisterFaultVfs(FaultPlan* plan);
inline constexpr const char* kFaultVfsName = "sitrep_fault";

}  // namespace sitrep
