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
// C (m x n) += A (m x k) * B (k x n) for R rows from A and C 16-column vectors from column j
// (the last one masked by `last`): each load of B feeds R FMAs and each broadcast of A feeds C,
// so the R * C accumulators need fewer loads per FMA. Every element is c + a_0 b_0 + a_1 b_1 +
// ... in k order, one FMA per term, whatever R and C are (results do not depend on blocking).
template <int R, int C>
__attribute__((target("avx512f"))) inline void MatMulBlock(const float* a, const float* b, float* c,
                                                           int k, int n, int j, __mmask16 last) {
  __m512 acc[R][C];
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 4
    for (int v = 0; v < C; ++v)
      acc[r][v] = _mm512_maskz_loadu_ps(v == C - 1 ? last : 0xFFFF,
                                        c + static_cast<size_t>(r) * n + j + 16 * v);
  for (int p = 0; p < k; ++p) {
    const float* br = b + static_cast<size_t>(p) * n + j;
    __m512 bv[C];
#pragma GCC unroll 4
    for (int v = 0; v < C; ++v)
      bv[v] = _mm512_maskz_loadu_ps(v == C - 1 ? last : 0xFFFF, br + 16 * v);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r) {
      const __m512 av = _mm512_set1_ps(a[static_cast<size_t>(r) * k + p]);
#pragma GCC unroll 4
      for (int v = 0; v < C; ++v) acc[r][v] = _mm512_fmadd_ps(av, bv[v], acc[r][v]);
    }
  }
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 4
    for (int v = 0; v < C; ++v)
      _mm512_mask_storeu_ps(c + static_cast<size_t>(r) * n + j + 16 * v, v == C - 1 ? last : 0xFFFF,
                            acc[r][v]);
}

// Rows i .. i + rows (rows < 8) of a column block.
template <int C>
__attribute__((target("avx512f"))) inline void MatMulTailRows(const float* a, const float* b,
                                                              float* c, int rows, int k, int n,
                                                              int j, __mmask16 last) {
  switch (rows) {
    case 7:
      MatMulBlock<7, C>(a, b, c, k, n, j, last);
      break;
    case 6:
      MatMulBlock<6, C>(a, b, c, k, n, j, last);
      break;
    case 5:
      MatMulBlock<5, C>(a, b, c, k, n, j, last);
      break;
    case 4:
      MatMulBlock<4, C>(a, b, c, k, n, j, last);
      break;
    case 3:
      MatMulBlock<3, C>(a, b, c, k, n, j, last);
      break;
    case 2:
      MatMulBlock<2, C>(a, b, c, k, n, j, last);
      break;
    case 1:
      MatMulBlock<1, C>(a, b, c, k, n, j, last);
      break;
    default:
      break;
  }
}

template <int C>
__attribute__((target("avx512f"))) void MatMulColumns(const float* a, const float* b, float* c,
                                                      int m, int k, int n, int j, __mmask16 last) {
  int i = 0;
  for (; i + 8 <= m; i += 8)
    MatMulBlock<8, C>(a + static_cast<size_t>(i) * k, b, c + static_cast<size_t>(i) * n, k, n, j,
                      last);
  MatMulTailRows<C>(a + static_cast<size_t>(i) * k, b, c + static_cast<size_t>(i) * n, m - i, k, n,
                    j, last);
}

__attribute__((target("avx512f"))) void MatMulAvx512(const float* a, const float* b, float* c,
                                                     int m, int k, int n) {
  int j = 0;
  for (; j + 48 <= n; j += 48) MatMulColumns<3>(a, b, c, m, k, n, j, 0xFFFF);
  for (; j < n; j += 16) {
    const __mmask16 mask = n - j >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (n - j)) - 1);
    MatMulColumns<1>(a, b, c, m, k, n, j, mask);
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

// y[r] += x[r] * B for R rows and 16 * C columns from j: each load of B feeds R FMAs, and the
// R * C accumulators hide the FMA latency. Per element the same FMA sequence as VecMatCols.
template <int R, int C>
__attribute__((target("avx512f"))) inline void VecMatRowsBlock(const float* const* x,
                                                               const float* b, float* const* y,
                                                               int k, int n, int j) {
  __m512 acc[R][C];
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) acc[r][c] = _mm512_loadu_ps(y[r] + j + 16 * c);
  for (int p = 0; p < k; ++p) {
    const float* br = b + static_cast<size_t>(p) * n + j;
    __m512 bv[C];
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) bv[c] = _mm512_loadu_ps(br + 16 * c);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r) {
      const __m512 xv = _mm512_set1_ps(x[r][p]);
#pragma GCC unroll 8
      for (int c = 0; c < C; ++c) acc[r][c] = _mm512_fmadd_ps(xv, bv[c], acc[r][c]);
    }
  }
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
    for (int c = 0; c < C; ++c) _mm512_storeu_ps(y[r] + j + 16 * c, acc[r][c]);
}

template <int R>
__attribute__((target("avx512f"))) void VecMatRowsAvx512(const float* const* x, const float* b,
                                                         float* const* y, int k, int n) {
  int j = 0;
  for (; j + 48 <= n; j += 48) VecMatRowsBlock<R, 3>(x, b, y, k, n, j);
  for (; j + 16 <= n; j += 16) VecMatRowsBlock<R, 1>(x, b, y, k, n, j);
  if (j < n)  // masked tail: one row at a time, as VecMatAvx512 does it
    for (int r = 0; r < R; ++r) {
      const __mmask16 mask = static_cast<__mmask16>((1u << (n - j)) - 1);
      __m512 y0 = _mm512_maskz_loadu_ps(mask, y[r] + j);
      for (int p = 0; p < k; ++p)
        y0 = _mm512_fmadd_ps(_mm512_set1_ps(x[r][p]),
                             _mm512_maskz_loadu_ps(mask, b + static_cast<size_t>(p) * n + j), y0);
      _mm512_mask_storeu_ps(y[r] + j, mask, y0);
    }
}

__attribute__((target("avx512f"))) void AddBiasLeakyReluAvx512(float* y, const float* b, int rows,
                                                               int cols, float leak) {
  const __m512 zero = _mm512_setzero_ps(), lv = _mm512_set1_ps(leak);
  for (int i = 0; i < rows; ++i) {
    float* r = y + static_cast<size_t>(i) * cols;
    for (int j = 0; j < cols; j += 16) {
      const __mmask16 mask =
          cols - j >= 16 ? 0xFFFF : static_cast<__mmask16>((1u << (cols - j)) - 1);
      const __m512 z =
          _mm512_add_ps(_mm512_maskz_loadu_ps(mask, r + j), _mm512_maskz_loadu_ps(mask, b + j));
      const __mmask16 negative = _mm512_cmp_ps_mask(z, zero, _CMP_LT_OQ);
      _mm512_mask_storeu_ps(r + j, mask, _mm512_mask_mul_ps(z, negative, z, lv));
    }
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

void VecMatRows(const float* const* x, const Mat& b, float* const* y, int count) {
  int r = 0;
#if defined(SITREP_NN_AVX512)
  if (UsingAvx512()) {
    for (; r + 8 <= count; r += 8) VecMatRowsAvx512<8>(x + r, b.data(), y + r, b.rows, b.cols);
    for (; r + 4 <= count; r += 4) VecMatRowsAvx512<4>(x + r, b.data(), y + r, b.rows, b.cols);
    for (; r + 2 <= count; r += 2) VecMatRowsAvx512<2>(x + r, b.data(), y + r, b.rows, b.cols);
  }
#endif
  for (; r < count; ++r) VecMat(x[r], b, y[r]);
}

void AddBiasLeakyRelu(Mat* y, const Mat& b, float leak) {
#if defined(SITREP_NN_AVX512)
  if (UsingAvx512()) {
    AddBiasLeakyReluAvx512(y->data(), b.data(), y->rows, y->cols, leak);
    return;
  }
#endif
  for (int i = 0; i < y->rows; ++i) {
    float* r = y->row(i);
    for (int j = 0; j < y->cols; ++j) {
      const float z = r[j] + b.v[j];
      r[j] = z < 0 ? leak * z : z;
    }
  }
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
