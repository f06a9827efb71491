#include "model/nn/layers.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace sitrep::nn {
void LstmForward(const LstmWeights& w, const Mat& x, bool reverse, Mat* h, LstmCache* cache) {
  const int n = x.rows, hid = w.wh->rows, g4 = 4 * hid;
  Mat gates;
  MatMul(x, *w.wx, &gates);
  for (int t = 0; t < n; ++t) {
    float* g = gates.row(t);
    for (int j = 0; j < g4; ++j) g[j] += w.b->v[j];
  }
  h->Resize(n, hid);
  Mat cells(n, hid);
  const float* h_prev = nullptr;
  const float* c_prev = nullptr;
  for (int s = 0; s < n; ++s) {
    const int t = reverse ? n - 1 - s : s;
    float* g = gates.row(t);
    if (h_prev) VecMat(h_prev, *w.wh, g);
    float* c = cells.row(t);
    float* ht = h->row(t);
    LstmGates(g, hid);
    for (int j = 0; j < hid; ++j) c[j] = g[j] * g[2 * hid + j] + (c_prev ? g[hid + j] * c_prev[j] : 0.f);
    Tanh(c, ht, hid);
    for (int j = 0; j < hid; ++j) ht[j] *= g[3 * hid + j];
    h_prev = ht;
    c_prev = c;
  }
  if (cache) {
    cache->gates = std::move(gates);
    cache->c = std::move(cells);
    cache->h = *h;
  }
}

void LstmBackward(const LstmWeights& w, const Mat& x, bool reverse, const LstmCache& cache,
                  const Mat& dh, const LstmGrads& g, Mat* dx) {
  const int n = x.rows, hid = w.wh->rows, g4 = 4 * hid;
  Mat dgates(n, g4), h_prev(n, hid);
  std::vector<float> dh_next(hid, 0.f), dc_next(hid, 0.f), tanh_c(hid);
  for (int s = n - 1; s >= 0; --s) {
    const int t = reverse ? n - 1 - s : s;
    const int tp = reverse ? t + 1 : t - 1;  // previous step (valid when s > 0)
    const float* gt = cache.gates.row(t);
    const float* c = cache.c.row(t);
    const float* cp = s > 0 ? cache.c.row(tp) : nullptr;
    float* dg = dgates.row(t);
    Tanh(c, tanh_c.data(), hid);
    for (int j = 0; j < hid; ++j) {
      const float i = gt[j], f = gt[hid + j], gg = gt[2 * hid + j], o = gt[3 * hid + j];
      const float tc = tanh_c[j];
      const float dht = dh.at(t, j) + dh_next[j];
      const float dc = dc_next[j] + dht * o * (1.f - tc * tc);
      dg[j] = dc * gg * i * (1.f - i);
      dg[hid + j] = cp ? dc * cp[j] * f * (1.f - f) : 0.f;
      dg[2 * hid + j] = dc * i * (1.f - gg * gg);
      dg[3 * hid + j] = dht * tc * o * (1.f - o);
      dc_next[j] = dc * f;
    }
    std::fill(dh_next.begin(), dh_next.end(), 0.f);
    if (s > 0) {
      MatVec(*w.wh, dg, dh_next.data());
      std::memcpy(h_prev.row(t), cache.h.row(tp), sizeof(float) * hid);
    }
  }
  MatMulTA(x, dgates, g.wx);
  MatMulTA(h_prev, dgates, g.wh);
  for (int t = 0; t < n; ++t)
    for (int j = 0; j < g4; ++j) g.b->v[j] += dgates.at(t, j);
  MatMulTB(dgates, *w.wx, dx, /*accumulate=*/true);
}

void DenseForward(const Mat& x, const Mat& w, const Mat& b, bool leaky, Mat* y) {
  MatMul(x, w, y);
  for (int t = 0; t < y->rows; ++t) {
    float* r = y->row(t);
    for (int j = 0; j < y->cols; ++j) {
      const float z = r[j] + b.v[j];
      r[j] = leaky && z < 0 ? kLeak * z : z;
    }
  }
}

void DenseBackward(const Mat& x, const Mat& w, const Mat& y, bool leaky, Mat dy, Mat* gw,
                   Mat* gb, Mat* dx) {
  if (leaky)
    for (size_t k = 0; k < dy.v.size(); ++k)
      if (y.v[k] < 0) dy.v[k] *= kLeak;
  for (int t = 0; t < dy.rows; ++t)
    for (int j = 0; j < dy.cols; ++j) gb->v[j] += dy.at(t, j);
  MatMulTA(x, dy, gw);
  MatMulTB(dy, w, dx, /*accumulate=*/true);
}

float LogSoftmax(float* s, int n) {
  float mx = -std::numeric_limits<float>::infinity();
  for (int j = 0; j < n; ++j) mx = std::max(mx, s[j]);
  double sum = 0;
  for (int j = 0; j < n; ++j) sum += std::exp(static_cast<double>(s[j] - mx));
  const float lse = mx + static_cast<float>(std::log(sum));
  for (int j = 0; j < n; ++j) s[j] -= lse;
  return lse;
}

float SoftmaxCrossEntropy(const float* scores, const uint8_t* mask, int n, int gold, float scale,
                          float* grad) {
  float mx = -std::numeric_limits<float>::infinity();
  for (int j = 0; j < n; ++j)
    if (!mask || mask[j]) mx = std::max(mx, scores[j]);
  double sum = 0;
  for (int j = 0; j < n; ++j)
    if (!mask || mask[j]) sum += std::exp(static_cast<double>(scores[j] - mx));
  const double lse = mx + std::log(sum);
  for (int j = 0; j < n; ++j) {
    if (mask && !mask[j]) {
      grad[j] = 0.f;
      continue;
    }
    const double p = std::exp(static_cast<double>(scores[j]) - lse);
    grad[j] = static_cast<float>(scale * (p - (j == gold ? 1.0 : 0.0)));
  }
  return static_cast<float>(lse - scores[gold]);
}

void ConcatCols(const Mat& a, const Mat& b, Mat* out) {
  out->Resize(a.rows, a.cols + b.cols);
  for (int t = 0; t < a.rows; ++t) {
    std::memcpy(out->row(t), a.row(t), sizeof(float) * a.cols);
    std::memcpy(out->row(t) + a.cols, b.row(t), sizeof(float) * b.cols);
  }
}

void SplitCols(const Mat& in, Mat* a, Mat* b) {
  for (int t = 0; t < in.rows; ++t) {
    std::memcpy(a->row(t), in.row(t), sizeof(float) * a->cols);
    std::memcpy(b->row(t), in.row(t) + a->cols, sizeof(float) * b->cols);
  }
}

void UniformInit(Mat* m, float bound, SplitMix* rng) {
  for (float& x : m->v) x = static_cast<float>((2 * rng->Uniform() - 1) * bound);
}

void Dropout(Mat* x, Mat* mask, float p, SplitMix* rng) {
  mask->Resize(x->rows, x->cols);
  const float keep = 1.f / (1.f - p);
  for (size_t k = 0; k < x->v.size(); ++k) {
    mask->v[k] = p > 0 && rng->Uniform() < p ? 0.f : keep;
    x->v[k] *= mask->v[k];
  }
}

void ApplyMask(const Mat& mask, Mat* d) {
  for (size_t k = 0; k < d->v.size(); ++k) d->v[k] *= mask.v[k];
}

}  // namespace sitrep::nn
