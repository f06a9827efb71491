#include "model/nn/lstm_batch.h"

#include <immintrin.h>

#include <algorithm>

namespace sitrep::nn {
namespace {

// The cell update after the gate activations, as LstmForward writes it.
void CellUpdate(const float* g, const float* c_prev, float* c, float* h, int hid) {
  for (int j = 0; j < hid; ++j)
    c[j] = g[j] * g[2 * hid + j] + (c_prev ? g[hid + j] * c_prev[j] : 0.f);
  Tanh(c, h, hid);
  for (int j = 0; j < hid; ++j) h[j] *= g[3 * hid + j];
}

void LstmCellGeneric(float* g, const float* c_prev, float* c, float* h, int hid) {
  LstmGates(g, hid);
  CellUpdate(g, c_prev, c, h, hid);
}

#if defined(__x86_64__)
#define SITREP_LSTM_AVX512 __attribute__((target("avx512f")))

// Eigen 3.4's logistic and fast tanh for float (functors/UnaryFunctors.h, MathFunctionsImpl.h)
// as its SSE build evaluates them: every multiply-add is a multiply and an add, each rounded
// (the explicit-rounding intrinsics keep the compiler from contracting them into FMAs; the
// all-lanes zero-masked forms avoid GCC's uninitialised-source warning).
constexpr int kNearest = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
SITREP_LSTM_AVX512 inline __m512 Mul(__m512 a, __m512 b) {
  return _mm512_maskz_mul_round_ps(0xFFFF, a, b, kNearest);
}
SITREP_LSTM_AVX512 inline __m512 Add(__m512 a, __m512 b) {
  return _mm512_maskz_add_round_ps(0xFFFF, a, b, kNearest);
}
SITREP_LSTM_AVX512 inline __m512 Div(__m512 a, __m512 b) {
  return _mm512_maskz_div_round_ps(0xFFFF, a, b, kNearest);
}
SITREP_LSTM_AVX512 inline __m512 MulAdd(__m512 a, float b, __m512 c) {
  return Add(Mul(a, _mm512_set1_ps(b)), c);
}
SITREP_LSTM_AVX512 inline __m512 MulAdd(__m512 a, __m512 b, float c) {
  return Add(Mul(a, b), _mm512_set1_ps(c));
}

// Eigen's rational logistic for inputs >= -9 (the caller routes rows with smaller inputs to
// Eigen itself, which uses exp there). pmin(x, c) in Eigen's SSE code is min_ps(c, x).
SITREP_LSTM_AVX512 inline __m512 Logistic(__m512 in) {
  const __m512 x = _mm512_maskz_min_ps(0xFFFF, _mm512_set1_ps(15.6437711715698242f), in);
  const __m512 x2 = Mul(x, x);
  __m512 p = MulAdd(x2, 4.37031012579801e-11f, _mm512_set1_ps(1.15627324459942e-07f));
  p = MulAdd(x2, p, 6.08574864600143e-05f);
  p = MulAdd(x2, p, 8.51377133304701e-03f);
  p = MulAdd(x2, p, 2.48287947061529e-01f);
  p = Mul(x, p);
  __m512 q = MulAdd(x2, 6.10247389755681e-13f, _mm512_set1_ps(5.76102136993427e-09f));
  q = MulAdd(x2, q, 6.29106785017040e-06f);
  q = MulAdd(x2, q, 1.70198817374094e-03f);
  q = MulAdd(x2, q, 1.16817656904453e-01f);
  q = MulAdd(x2, q, 9.93151921023180e-01f);
  return Add(Div(p, q), _mm512_set1_ps(0.5f));
}

// Eigen's generic_fast_tanh_float (non-FMA constants).
SITREP_LSTM_AVX512 inline __m512 FastTanh(__m512 in) {
  const __m512 x =
      _mm512_maskz_max_ps(0xFFFF, _mm512_set1_ps(-7.90531110763549805f),
                          _mm512_maskz_min_ps(0xFFFF, _mm512_set1_ps(7.90531110763549805f), in));
  const __m512 abs =
      _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(in), _mm512_set1_epi32(0x7FFFFFFF)));
  const __mmask16 tiny = _mm512_cmp_ps_mask(abs, _mm512_set1_ps(0.0004f), _CMP_LT_OQ);
  const __m512 x2 = Mul(x, x);
  __m512 p = MulAdd(x2, -2.76076847742355e-16f, _mm512_set1_ps(2.00018790482477e-13f));
  p = MulAdd(x2, p, -8.60467152213735e-11f);
  p = MulAdd(x2, p, 5.12229709037114e-08f);
  p = MulAdd(x2, p, 1.48572235717979e-05f);
  p = MulAdd(x2, p, 6.37261928875436e-04f);
  p = MulAdd(x2, p, 4.89352455891786e-03f);
  p = Mul(x, p);
  __m512 q = MulAdd(x2, 1.19825839466702e-06f, _mm512_set1_ps(1.18534705686654e-04f));
  q = MulAdd(x2, q, 2.26843463243900e-03f);
  q = MulAdd(x2, q, 4.89352518554385e-03f);
  return _mm512_mask_blend_ps(tiny, Div(p, q), x);
}

// False when some logistic input (gates i, f, o) is below -9.
SITREP_LSTM_AVX512 bool LogisticInputsInRange(const float* g, int hid) {
  const __m512 lo = _mm512_set1_ps(-9.f);
  __mmask16 small = 0;
  for (int j = 0; j < 2 * hid; j += 16)
    small |= _mm512_cmp_ps_mask(_mm512_loadu_ps(g + j), lo, _CMP_LT_OQ);
  for (int j = 3 * hid; j < 4 * hid; j += 16)
    small |= _mm512_cmp_ps_mask(_mm512_loadu_ps(g + j), lo, _CMP_LT_OQ);
  return small == 0;
}

SITREP_LSTM_AVX512 void LstmCellAvx512(float* g, const float* c_prev, float* c, float* h, int hid) {
  const __m512 zero = _mm512_setzero_ps();
  for (int j = 0; j < hid; j += 16) {
    const __m512 i = Logistic(_mm512_loadu_ps(g + j));
    const __m512 f = Logistic(_mm512_loadu_ps(g + hid + j));
    const __m512 gg = FastTanh(_mm512_loadu_ps(g + 2 * hid + j));
    const __m512 o = Logistic(_mm512_loadu_ps(g + 3 * hid + j));
    _mm512_storeu_ps(g + j, i);
    _mm512_storeu_ps(g + hid + j, f);
    _mm512_storeu_ps(g + 2 * hid + j, gg);
    _mm512_storeu_ps(g + 3 * hid + j, o);
    const __m512 kept = c_prev ? Mul(f, _mm512_loadu_ps(c_prev + j)) : zero;
    const __m512 cell = Add(Mul(i, gg), kept);
    _mm512_storeu_ps(c + j, cell);
    _mm512_storeu_ps(h + j, Mul(FastTanh(cell), o));
  }
}
#endif

}  // namespace

void LstmCell(float* g, const float* c_prev, float* c, float* h, int hidden) {
#if defined(__x86_64__)
  if (UsingAvx512() && hidden % 16 == 0 && LogisticInputsInRange(g, hidden)) {
    LstmCellAvx512(g, c_prev, c, h, hidden);
    return;
  }
#endif
  LstmCellGeneric(g, c_prev, c, h, hidden);
}

void LstmForwardBatch(const LstmWeights& w, const Mat& x, const std::vector<int>& starts,
                      bool reverse, Mat* h, LstmBatchScratch* s) {
  const int rows = x.rows, hid = w.wh->rows, g4 = 4 * hid;
  const int seqs = static_cast<int>(starts.size()) - 1;
  Mat& gates = s->gates;
  MatMul(x, *w.wx, &gates);
  for (int t = 0; t < rows; ++t) {
    float* g = gates.row(t);
    for (int j = 0; j < g4; ++j) g[j] += w.b->v[j];
  }
  h->Resize(rows, hid);
  s->cells.Resize(rows, hid);
  // Longest first, so the sequences still running at a step are a prefix of `order`.
  auto length = [&](int b) { return starts[b + 1] - starts[b]; };
  s->order.resize(seqs);
  for (int b = 0; b < seqs; ++b) s->order[b] = b;
  std::stable_sort(s->order.begin(), s->order.end(),
                   [&](int a, int b) { return length(a) > length(b); });
  const int longest = seqs ? length(s->order[0]) : 0;
  s->h_prev.resize(seqs);
  s->g_rows.resize(seqs);
  int running = seqs;
  auto row_at = [&](int b, int step) {
    return reverse ? starts[b + 1] - 1 - step : starts[b] + step;
  };
  for (int step = 0; step < longest; ++step) {
    while (running > 0 && length(s->order[running - 1]) <= step) --running;
    if (step > 0) {
      for (int k = 0; k < running; ++k) {
        const int b = s->order[k];
        s->h_prev[k] = h->row(row_at(b, step - 1));
        s->g_rows[k] = gates.row(row_at(b, step));
      }
      VecMatRows(s->h_prev.data(), *w.wh, s->g_rows.data(), running);
    }
    for (int k = 0; k < running; ++k) {
      const int b = s->order[k];
      const int t = row_at(b, step);
      LstmCell(gates.row(t), step > 0 ? s->cells.row(row_at(b, step - 1)) : nullptr,
               s->cells.row(t), h->row(t), hid);
    }
  }
}

}  // namespace sitrep::nn
