// Dense float matrices for the small neural models (row-major, rows = tokens) and the few
// products they need. The products are implemented with Eigen in matrix.cc (the only file that
// includes it); MatMul and VecMat also have AVX-512 paths chosen at run time (kernels.cc).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sitrep::nn {

struct Mat {
  int rows = 0, cols = 0;
  std::vector<float> v;

  Mat() = default;
  Mat(int r, int c) : rows(r), cols(c), v(static_cast<size_t>(r) * c, 0.f) {}
  // Sets the shape; every element becomes 0.
  void Resize(int r, int c) {
    rows = r;
    cols = c;
    v.assign(static_cast<size_t>(r) * c, 0.f);
  }
  void Zero() { std::fill(v.begin(), v.end(), 0.f); }
  size_t size() const { return v.size(); }
  float* data() { return v.data(); }
  const float* data() const { return v.data(); }
  float* row(int i) { return v.data() + static_cast<size_t>(i) * cols; }
  const float* row(int i) const { return v.data() + static_cast<size_t>(i) * cols; }
  float& at(int i, int j) { return v[static_cast<size_t>(i) * cols + j]; }
  float at(int i, int j) const { return v[static_cast<size_t>(i) * cols + j]; }
};

// C (m x n) = A (m x k) * B (k x n), or += when `accumulate`. C is resized when not accumulating.
void MatMul(const Mat& a, const Mat& b, Mat* c, bool accumulate = false);
// C (k x n) += A^T * B for A (m x k), B (m x n): weight gradients. C must have the shape.
void MatMulTA(const Mat& a, const Mat& b, Mat* c);
// C (m x k) = A (m x n) * B^T for B (k x n), or += when `accumulate` (then C has the shape).
void MatMulTB(const Mat& a, const Mat& b, Mat* c, bool accumulate = false);
// y (n) += x (k) * B (k x n).
void VecMat(const float* x, const Mat& b, float* y);
// y (k) += B (k x n) * x (n).
void MatVec(const Mat& b, const float* x, float* y);
// y[r] (n) += x[r] (k) * B (k x n) for r < count: VecMat on `count` rows, with one pass over B
// for several rows at a time (the recurrent step of a batch of sentences). Each row's result
// is bit-identical to VecMat(x[r], b, y[r]).
void VecMatRows(const float* const* x, const Mat& b, float* const* y, int count);

// y[i][j] = z < 0 ? leak * z : z for z = y[i][j] + b[j] (b: 1 x y->cols): the bias and leaky
// ReLU of DenseForward, with the same results, vectorised.
void AddBiasLeakyRelu(Mat* y, const Mat& b, float leak);

// Gate activations of one LSTM step in place: logistic on blocks i, f, o and tanh on block g
// of g[0..4h) (vectorised approximations, Eigen's).
void LstmGates(float* g, int hidden);
// y[k] = tanh(x[k]) for k < n.
void Tanh(const float* x, float* y, int n);

// True when the AVX-512 kernels are used (CPU support, SITREP_NO_AVX512 unset).
bool UsingAvx512();

}  // namespace sitrep::nn
