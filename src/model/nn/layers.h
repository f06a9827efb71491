// Layers of the neural parser with hand-written backward passes: a one-direction LSTM over a
// sentence, a dense layer with leaky ReLU, and the softmax cross-entropy loss. Every backward
// function adds to the gradients it is given (so a batch sums over its sentences).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/nn/matrix.h"
#include "sitrep/model/train_options.h"

namespace sitrep::nn {

// A trainable matrix with its gradient and Adam moments (the latter empty at inference).
struct Param {
  std::string name;
  Mat w, g, m, v;
};

inline constexpr float kLeak = 0.1f;

// LSTM weights: wx (D x 4h), wh (h x 4h), b (1 x 4h); gate blocks i, f, g, o of width h.
struct LstmWeights {
  const Mat* wx;
  const Mat* wh;
  const Mat* b;
};
struct LstmGrads {
  Mat* wx;
  Mat* wh;
  Mat* b;
};
// What the backward pass needs: gate activations (n x 4h), cells and outputs (n x h).
struct LstmCache {
  Mat gates, c, h;
};

// h (n x hidden) = LSTM over the rows of x (n x D), last row first when `reverse`.
// `cache` may be null (inference).
void LstmForward(const LstmWeights& w, const Mat& x, bool reverse, Mat* h, LstmCache* cache);
// Given dh (n x hidden), adds the weight gradients to `g` and dL/dx to `dx` (n x D, shaped).
void LstmBackward(const LstmWeights& w, const Mat& x, bool reverse, const LstmCache& cache,
                  const Mat& dh, const LstmGrads& g, Mat* dx);

// y = leaky_relu(x * w + b) (w: D x out, b: 1 x out); `leaky` false = identity.
void DenseForward(const Mat& x, const Mat& w, const Mat& b, bool leaky, Mat* y);
// dy is the gradient at the output y (after the activation); adds to gw, gb and dx (shaped).
void DenseBackward(const Mat& x, const Mat& w, const Mat& y, bool leaky, Mat dy, Mat* gw,
                   Mat* gb, Mat* dx);

// Log-softmax of scores[0..n) in place; returns log-sum-exp.
float LogSoftmax(float* scores, int n);
// Cross-entropy -log p(gold) of scores[0..n) with entries where mask[j] == 0 excluded (mask
// may be null); writes d loss / d score into grad (0 at excluded entries), scaled by `scale`.
float SoftmaxCrossEntropy(const float* scores, const uint8_t* mask, int n, int gold, float scale,
                          float* grad);

// Column-wise concatenation [a b] and its split (sizes from the shapes of the outputs).
void ConcatCols(const Mat& a, const Mat& b, Mat* out);
void SplitCols(const Mat& in, Mat* a, Mat* b);

// Every element of m drawn uniformly from [-bound, bound) by `rng` (initialisation).
void UniformInit(Mat* m, float bound, SplitMix* rng);
// Inverted dropout: zeroes each element of x with probability p and scales the rest by
// 1/(1-p); `mask` (resized to x) keeps the factors for the backward pass (ApplyMask).
void Dropout(Mat* x, Mat* mask, float p, SplitMix* rng);
// d *= mask elementwise (same shapes): the backward pass of Dropout.
void ApplyMask(const Mat& mask, Mat* d);

}  // namespace sitrep::nn
