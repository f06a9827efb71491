#include "model/nn/adam.h"

#include <cmath>

namespace sitrep::nn {

float Adam::Step(std::vector<Param*>& params) {
  double sq = 0;
  for (Param* p : params)
    for (float x : p->g.v) sq += static_cast<double>(x) * x;
  const float norm = static_cast<float>(std::sqrt(sq));
  const float scale = o_.clip > 0 && norm > o_.clip ? o_.clip / norm : 1.f;
  ++steps_;
  const float c1 = 1.f - std::pow(o_.beta1, static_cast<float>(steps_));
  const float c2 = 1.f - std::pow(o_.beta2, static_cast<float>(steps_));
  const float step = o_.lr * std::sqrt(c2) / c1;
  for (Param* p : params) {
    if (p->m.size() != p->w.size()) {
      p->m.Resize(p->w.rows, p->w.cols);
      p->v.Resize(p->w.rows, p->w.cols);
    }
    float* w = p->w.data();
    float* g = p->g.data();
    float* m = p->m.data();
    float* v = p->v.data();
    const size_t n = p->w.size();
    for (size_t k = 0; k < n; ++k) {
      const float gk = g[k] * scale;
      m[k] = o_.beta1 * m[k] + (1.f - o_.beta1) * gk;
      v[k] = o_.beta2 * v[k] + (1.f - o_.beta2) * gk * gk;
      w[k] -= step * m[k] / (std::sqrt(v[k]) + o_.eps);
      g[k] = 0.f;
    }
  }
  return norm;
}

}  // namespace sitrep::nn
