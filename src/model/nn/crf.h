// A first-order linear-chain CRF over per-token label scores (emissions) with a transition
// matrix and a fixed set of allowed transitions: the log-likelihood loss with its gradient
// (forward-backward; positions whose gold label is unknown are summed over) and Viterbi.
#pragma once

#include <cstdint>
#include <vector>

#include "model/nn/matrix.h"

namespace sitrep::nn {

// Which label sequences exist: allowed[(prev + 1) * L + cur] (prev = -1 at the start) and
// can_end[cur]. Scores of disallowed transitions are never used.
struct CrfConstraints {
  int labels = 0;
  std::vector<uint8_t> allowed;  // (L + 1) x L
  std::vector<uint8_t> can_end;  // L
};

// Negative log-likelihood of `gold` (n labels; -1 = unknown: any label) given emissions
// (n x L) and transitions trans ((L + 1) x L, row 0 = start). Adds `scale` times its gradient
// to d_emit (n x L, shaped) and d_trans ((L + 1) x L, shaped). Returns 0 for n == 0 and when
// `gold` is impossible under the constraints (then nothing is added).
float CrfLoss(const Mat& emit, const Mat& trans, const CrfConstraints& c,
              const std::vector<int>& gold, float scale, Mat* d_emit, Mat* d_trans);

// The best allowed label sequence (n labels) for the emissions; empty for n == 0.
std::vector<int> CrfViterbi(const Mat& emit, const Mat& trans, const CrfConstraints& c);

}  // namespace sitrep::nn
