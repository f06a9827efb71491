// Candidate blocking for event coreference: which report pairs are worth comparing (the same
// country or an unknown one, overlapping date windows; for undated or wide reports, what they
// share), so fusion never scans all pairs. Blocking only prunes pairs that Linked (coref.h)
// would reject anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/fuse/fusion.h"

namespace sitrep {

// A place precision's rank: 0 point, 1 city (and unknown strings), 2 admin1, 3 country.
int PlacePrecisionRank(std::string_view precision);

// The report's date says when: known, with a window at most options.max_dated_window_days
// wide. Blocking and identity treat any other report as undated (Compatible keeps its window).
bool UsablyDated(const Event& e, const FusionOptions& options);

// Undated, day-precise, or dated with a window at most options.name_window_days wide: a report
// about one incident (a year-wide "dozens of attacks this year" is not).
bool NarrowOrUndated(const Event& e, const FusionOptions& options);

// True when only a shared sentence can link `r` to a report of another article (placed in
// no country and undated, or dated, not to the day, with a window wider than
// options.name_window_days): blocking may find its candidates by sentence instead of by date
// window. Must agree with IdentityEvidence (tests/store checks it).
bool LinksOnlyBySentence(const Report& r, const FusionOptions& options);

// The blocking window of a report: [earliest - slack, latest + slack] (unbounded when not
// UsablyDated) and its country ("" when unknown; such reports are compared with every country).
struct BlockKey {
  std::string country;
  int64_t from = 0, to = 0;
};
BlockKey BlockOf(const Report& r, const FusionOptions& options);

// Not UsablyDated, or LinksOnlyBySentence: a report whose window says nothing about which
// reports it may link (an undated one, or one dated by a window of months or years). Such a
// report links by evidence only: a shared sentence, UndatedIdentity (found by its
// UndatedIdentityKeys), or being of the same article; blocking pairs it by that evidence, not
// by its window, so it does not meet every report of its country (tests/fuse/blocking_test).
bool FoundOnlyByEvidence(const Report& r, const FusionOptions& options);

// Candidate pairs (i < j, sorted, unique), a superset of the pairs Linked accepts: for reports
// with a usable window, block keys that overlap (the same country or one side unknown, and
// overlapping windows; a sweep per country, O(n log n + pairs)); for a report found only by
// evidence (FoundOnlyByEvidence), the reports sharing an evidential sentence with it and, when
// it is undated, the reports storing one of its queried UndatedIdentityKeys; and every pair of
// reports of one article (key "<doc>#<n>"), whatever their keys.
std::vector<std::pair<size_t, size_t>> CandidatePairs(const std::vector<const Report*>& reports,
                                                      const FusionOptions& options);

}  // namespace sitrep
