#include "model/nn/matrix.h"

#include <immintrin.h>

#include <cstdlib>

#include <Eigen/Core>

namespace sitrep::nn {
namespace {

using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using MapC = Eigen::Map<const RowMat>;
using MapM = Eigen::Map<RowMat>;
using RowVec = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using ColVec = Eigen::Matrix<float, Eigen::Dynamic, 1>;

MapC View(const Mat& m) { return MapC(m.data(), m.rows, m.cols); }
MapM View(Mat* m) { return MapM(m->data(), m->rows, m->cols); }

#if defined(__x86_64__)
#define SITREP_NN_AVX512 1
// C (m x n) += A (m x k) * B (k x n), 16 columns at a time: R rows of A share each load of B
// (R independent accumulators hide the FMA latency).
template <int R>
__attribute__((target("avx512f"))) inline void MatMulRows(const float* a, const float* b, float* c,
                                                          int k, int n, int j, __mmask16 mask) {
  __m512 acc[R];
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r) acc[r] = _mm512_maskz_loadu_ps(mask, c + static_cast<size_t>(r) * n + j);
  for (int p = 0; p < k; ++p) {
    const __m512 bv = _mm512_maskz_loadu_ps(mask, b + static_cast<size_t>(p) * n + j);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
      acc[r] = _mm512_fmadd_ps(_mm512_set1_ps(a[static_cast<size_t>(r) * k + p]), bv, acc[r]);
  }
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r) _mm512_mask_storeu_ps(c + static_cast<size_t>(r) * n + j, mask, acc[r]);
}

__attribute__((target("avx512f"))) void MatMulAvx512(const float* a, const float* b, float* c,
                                                     int m, int k, int n) {
  for (int j = 0; j < n; j += 16) {
    const __mmask16 mask = n - j >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (n - j)) - 1);
    int i = 0;
    for (; i + 8 <= m; i += 8)
      MatMulRows<8>(a + static_cast<size_t>(i) * k, b, c + static_cast<size_t>(i) * n, k, n, j, mask);
    for (; i + 4 <= m; i += 4)
      MatMulRows<4>(a + static_cast<size_t>(i) * k, b, c + static_cast<size_t>(i) * n, k, n, j, mask);
    for (; i < m; ++i)
      MatMulRows<1>(a + static_cast<size_t>(i) * k, b, c + static_cast<size_t>(i) * n, k, n, j, mask);
  }
}

// y (n) += x (k) * B (k x n) for 16 * C columns from j: C independent accumulators.
template <int C>
__attribute__((target("avx512f"))) inline void VecMatCols(const float* x, const float* b, float* y,
                                                          int k, int n, int j) {
  __m512 acc[C];
#pragma GCC unroll 8
  for (int c = 0; c < C; ++c) acc[c] = _mm512_loadu_ps(y + j + 16 * c);
  for (int p = 0; p < k; ++p) {
    const float* br = b + static_cast<size_t>(p) * n + j;
    const __m512 xv = _mm512_set1_ps(x[p]);
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) acc[c] = _mm512_fmadd_ps(xv, _mm512_loadu_ps(br + 16 * c), acc[c]);
  }
#pragma GCC unroll 8
  for (int c = 0; c < C; ++c) _mm512_storeu_ps(y + j + 16 * c, acc[c]);
}

// y (n) += x (k) * B (k x n): 128 columns at a time (eight FMA chains hide the latency).
__attribute__((target("avx512f"))) void VecMatAvx512(const float* x, const float* b, float* y,
                                                     int k, int n) {
  int j = 0;
  for (; j + 128 <= n; j += 128) VecMatCols<8>(x, b, y, k, n, j);
  for (; j + 64 <= n; j += 64) VecMatCols<4>(x, b, y, k, n, j);
  for (; j < n; j += 16) {
    const __mmask16 mask = n - j >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (n - j)) - 1);
    __m512 y0 = _mm512_maskz_loadu_ps(mask, y + j);
    for (int p = 0; p < k; ++p)
      y0 = _mm512_fmadd_ps(_mm512_set1_ps(x[p]),
                           _mm512_maskz_loadu_ps(mask, b + static_cast<size_t>(p) * n + j), y0);
    _mm512_mask_storeu_ps(y + j, mask, y0);
  }
}
#endif

bool DetectAvx512() {
#if defined(SITREP_NN_AVX512)
  if (std::getenv("SITREP_NO_AVX512")) return false;
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
#else
  return false;
#endif
}

}  // namespace

bool UsingAvx512() {
  static const bool yes = DetectAvx512();
  return yes;
}

void MatMul(const Mat& a, const Mat& b, Mat* c, bool accumulate) {
  if (!accumulate) c->Resize(a.rows, b.cols);
#if defined(SITREP_NN_AVX512)
  if (UsingAvx512()) {
    MatMulAvx512(a.data(), b.data(), c->data(), a.rows, a.cols, b.cols);
    return;
  }
#endif
  View(c).noalias() += View(a) * View(b);
}

void MatMulTA(const Mat& a, const Mat& b, Mat* c) {
  View(c).noalias() += View(a).transpose() * View(b);
}

void MatMulTB(const Mat& a, const Mat& b, Mat* c, bool accumulate) {
  if (!accumulate) c->Resize(a.rows, b.rows);
  View(c).noalias() += View(a) * View(b).transpose();
}

void VecMat(const float* x, const Mat& b, float* y) {
#if defined(SITREP_NN_AVX512)
  if (UsingAvx512()) {
    VecMatAvx512(x, b.data(), y, b.rows, b.cols);
    return;
  }
#endif
  Eigen::Map<RowVec>(y, b.cols).noalias() += Eigen::Map<const RowVec>(x, b.rows) * View(b);
}

void LstmGates(float* g, int hidden) {
  using Arr = Eigen::Map<Eigen::ArrayXf>;
  Arr(g, 2 * hidden) = Arr(g, 2 * hidden).logistic();
  Arr(g + 2 * hidden, hidden) = Arr(g + 2 * hidden, hidden).tanh();
  Arr(g + 3 * hidden, hidden) = Arr(g + 3 * hidden, hidden).logistic();
}

void Tanh(const float* x, float* y, int n) {
  Eigen::Map<Eigen::ArrayXf>(y, n) = Eigen::Map<const Eigen::ArrayXf>(x, n).tanh();
}

void MatVec(const Mat& b, const float* x, float* y) {
  Eigen::Map<ColVec>(y, b.rows).noalias() += View(b) * Eigen::Map<const ColVec>(x, b.cols);
}

}  // namespace sitrep::nn
