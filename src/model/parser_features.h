// Feature templates of the arc-eager parser (internal): Zhang & Nivre (2011) features over
// words and predicted UPOS of a configuration, by feature-set version, and the label model's
// features derived from them.
#pragma once

#include <cstdint>

#include "model/parser_state.h"

namespace sitrep::parser_internal {

constexpr int kMaxFeatures = 128;
constexpr int kLatestFeatures = 4;  // "parser-zn-v<N>" of newly trained models

// Writes the hashed features of `st` for feature set `version` (1..kLatestFeatures) into
// f[0..kMaxFeatures) and returns their number.
int Features(const ParseInput& in, const State& st, int version, uint64_t* f);

// The label-model features of arc move `move`: `f` re-hashed with the arc direction, plus
// the direction itself; writes n + 1 values.
int ArcFeatures(const uint64_t* f, int n, int move, uint64_t* out);

}  // namespace sitrep::parser_internal
