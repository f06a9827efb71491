// Undated reports (no date, or a window of years) and the evidence that may attach them to an
// event: what one incident's reports share and another incident's at the same place rarely do.
// Pure pairwise functions, so fusion stays order-independent and incremental.
#pragma once

#include "sitrep/fuse/fusion.h"

namespace sitrep {

// One side undated (or dated by no usable window), both placed in a country: evidence
// specific to one incident links them. At one town or site: a shared distinctive name beyond
// the places' own, a shared toll, or the same armed actor and deaths told by both. Otherwise
// (a coarser place that holds the other's): a shared name or toll and one more (the other,
// or an armed actor).
bool UndatedIdentity(const Event& a, const Event& b, const FusionOptions& options);

}  // namespace sitrep
