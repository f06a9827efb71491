// Undated reports (no date, or a window of years) and the evidence that may attach them to an
// event: what one incident's reports share and another incident's at the same place rarely do.
// Pure pairwise functions, so fusion stays order-independent and incremental.
#pragma once

#include <cstdint>
#include <vector>

#include "sitrep/fuse/fusion.h"

namespace sitrep {

// One side undated (or dated by no usable window), both placed in a country: evidence
// specific to one incident links them. At one town or site: a shared distinctive name beyond
// the places' own, a shared toll, or the same armed actor and deaths told by both. Otherwise
// (a coarser place that holds the other's): a shared name or toll and one more (the other,
// or an armed actor).
bool UndatedIdentity(const Event& a, const Event& b, const FusionOptions& options);

// The blocking keys of UndatedIdentity, so a store finds an undated report's candidates by
// what it names (its distinctive names, tolls and armed actors, combined with its town or a
// grid cell of kUndatedCellKm) instead of every report of its country. A report takes part
// when it is placed in a country with a narrow window or none. Contract: Compatible(a, b) and
// UndatedIdentity(a, b) imply a key of a.queried is in b.stored (tests/fuse/undated_keys_test).
inline constexpr double kUndatedCellKm = 128;  // a schema constant of the store's key index
struct UndatedKeys {
  bool takes_part = false;
  bool undated = false;             // not UsablyDated: pairs with dated and undated reports
  std::vector<int64_t> stored, queried;  // hashes, sorted and unique
};
UndatedKeys UndatedIdentityKeys(const Event& e, const FusionOptions& options);

}  // namespace sitrep
