// Cross-document event coreference: which reports may describe the same real event (hard
// constraints), how strongly they agree (score), and the deterministic clustering over them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/fuse/blocking.h"  // BlockOf, CandidatePairs, LinksOnlyBySentence
#include "sitrep/fuse/fusion.h"
#include "sitrep/fuse/undated_identity.h"  // UndatedIdentity

namespace sitrep {

// Hard constraints: compatible types, overlapping date windows, compatible places (the same
// country; within one article also near places whose country codes differ), and for two
// reports of one article also a shared sentence, the same day or the same specific place (an
// incident extraction split). Two reports that fail this are never in one event.
bool Compatible(const Report& a, const Report& b, const FusionOptions& options);
// Agreement on type, place, day, actors, figures and words (>= 0); higher = more alike.
double LinkScore(const Report& a, const Report& b, const FusionOptions& options);
// Compatible, some identity evidence (same specific place, same day, a shared sentence, or
// the same week with a shared trigger word) and LinkScore >= options.link_score, or
// UndatedIdentity: an edge.
bool Linked(const Report& a, const Report& b, const FusionOptions& options);

// Clusters reports (a function of the set: input order does not matter). Greedy over linked
// pairs, best score first, ties by keys; two clusters join only when every cross pair is
// compatible. Returns clusters of indexes into `reports`, each sorted, sorted by first index.
// `stats` (optional) counts the work: candidate pairs compared and linked edges.
struct ClusterStats {
  int64_t pairs = 0, edges = 0;
};
std::vector<std::vector<size_t>> ClusterReports(const std::vector<const Report*>& reports,
                                                const FusionOptions& options,
                                                ClusterStats* stats = nullptr);

}  // namespace sitrep
