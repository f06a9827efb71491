// Feature templates of the arc-eager parser (internal): Zhang & Nivre (2011) features over
// words and predicted UPOS of a configuration, by feature-set version, and the label model's
// features derived from them.
#pragma once

#include <cstdint>

#include "model/parser_state.h"

namespace sitrep::parser_internal {

constexpr int kMaxFeatures = 144;
constexpr int kLatestFeatures = 5;  // highest "parser-zn-v<N>" (5 needs word clusters)
constexpr int kDefaultFeatures = 4;  // newly trained models without word clusters

// Writes the hashed features of `st` for feature set `version` (1..kLatestFeatures) into
// f[0..kMaxFeatures) and returns their number. Version 5 reads in.cl (must be filled).
int Features(const ParseInput& in, const State& st, int version, uint64_t* f);

// The label-model features of arc move `move`: `f` re-hashed with the arc direction, plus
// the direction itself; writes n + 1 values.
int ArcFeatures(const uint64_t* f, int n, int move, uint64_t* out);

}  // namespace sitrep::parser_internal
