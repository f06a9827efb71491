// Inference-only LSTM over several sequences at once (the sentences of a document): the input
// projections of all rows are one product, and at each step the hidden states of every
// sequence still running are multiplied by wh in one pass over it (VecMatRows) instead of one
// pass per sequence. Every sequence's output is bit-identical to nn::LstmForward over its rows
// alone, so a batch parses exactly as sentence-by-sentence does.
#pragma once

#include <vector>

#include "model/nn/layers.h"

namespace sitrep::nn {

// One LSTM step for one row once the products are in: g[0..4h) holds the pre-activations of
// the gates i, f, g, o and becomes their activations; c = i * g + f * c_prev (c_prev null on
// the first step: i * g + 0) and h = o * tanh(c). Bit-identical to LstmGates followed by the
// cell update of LstmForward (same operations in the same order, 16 lanes at a time, no fused
// multiply-adds; rows with a logistic input below -9, where Eigen switches to exp, take
// LstmGates itself).
void LstmCell(float* g, const float* c_prev, float* c, float* h, int hidden);

// Buffers reused across calls (keep one per thread; contents are scratch).
struct LstmBatchScratch {
  Mat gates, cells;
  std::vector<int> order;
  std::vector<const float*> h_prev;
  std::vector<float*> g_rows;
};

// h (N x hidden) = the LSTM over each sequence of rows of x (N x D): sequence b is rows
// starts[b] .. starts[b + 1] (starts ascending, starts.front() == 0, starts.back() == N), run
// last row first when `reverse`. Empty sequences are allowed.
void LstmForwardBatch(const LstmWeights& w, const Mat& x, const std::vector<int>& starts,
                      bool reverse, Mat* h, LstmBatchScratch* scratch);

}  // namespace sitrep::nn
