// Adam (Kingma & Ba 2015) over a set of parameters, with global-norm gradient clipping.
#pragma once

#include <vector>

#include "model/nn/layers.h"

namespace sitrep::nn {

struct AdamOptions {
  float lr = 2e-3f, beta1 = 0.9f, beta2 = 0.9f, eps = 1e-8f;
  float clip = 5.f;  // the gradient is scaled down to this global L2 norm (0 = no clipping)
};

class Adam {
 public:
  explicit Adam(AdamOptions options) : o_(options) {}
  // One step on every parameter from its gradient g (then zeroed); m and v are allocated on
  // first use. Returns the gradient norm before clipping.
  float Step(std::vector<Param*>& params);
  void set_lr(float lr) { o_.lr = lr; }
  float lr() const { return o_.lr; }

 private:
  AdamOptions o_;
  long steps_ = 0;
};

}  // namespace sitrep::nn
