// Finite-difference checks of the hand-written backward passes of the neural parser's layers
// (src/model/nn/) and of the whole biaffine network's loss.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "model/biaffine_net.h"
#include "model/nn/layers.h"
#include "model/nn/matrix.h"
#include "sitrep/model/train_options.h"

namespace sitrep::nn {
namespace {

void Fill(Mat* m, SplitMix* rng, float scale = 0.5f) {
  for (float& x : m->v) x = static_cast<float>((2 * rng->Uniform() - 1) * scale);
}

// Compares analytic gradients `grad` of `param` with central differences of `loss`.
void CheckGradient(const char* what, Mat* param, const Mat& grad, const std::function<double()>& loss) {
  ASSERT_EQ(param->size(), grad.size()) << what;
  const float eps = 1e-2f;
  int bad = 0;
  for (size_t k = 0; k < param->size(); ++k) {
    const float keep = param->v[k];
    param->v[k] = keep + eps;
    const double up = loss();
    param->v[k] = keep - eps;
    const double down = loss();
    param->v[k] = keep;
    const double numeric = (up - down) / (2 * eps);
    const double tol = 2e-3 + 2e-2 * std::fabs(numeric);
    if (std::fabs(numeric - grad.v[k]) > tol && ++bad <= 3)
      ADD_FAILURE() << what << "[" << k << "]: analytic " << grad.v[k] << " numeric " << numeric;
  }
  EXPECT_EQ(bad, 0) << what;
}

double Dot(const Mat& a, const Mat& b) {
  double s = 0;
  for (size_t k = 0; k < a.size(); ++k) s += static_cast<double>(a.v[k]) * b.v[k];
  return s;
}

TEST(NnMatrix, ProductsAgreeWithLoops) {
  SplitMix rng(3);
  Mat a(5, 7), b(7, 19), bt(19, 7), c;
  Fill(&a, &rng);
  Fill(&b, &rng);
  Fill(&bt, &rng);
  MatMul(a, b, &c);
  Mat d;
  MatMulTB(a, bt, &d);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 19; ++j) {
      double want = 0, want_t = 0;
      for (int p = 0; p < 7; ++p) want += a.at(i, p) * b.at(p, j), want_t += a.at(i, p) * bt.at(j, p);
      EXPECT_NEAR(c.at(i, j), want, 1e-5);
      EXPECT_NEAR(d.at(i, j), want_t, 1e-5);
    }
  std::vector<float> y(19, 1.f);
  VecMat(a.row(2), b, y.data());
  for (int j = 0; j < 19; ++j) EXPECT_NEAR(y[j], 1.f + c.at(2, j), 1e-5);
  Mat wide(7, 211);  // 128- and 64-column blocks and a masked tail
  Fill(&wide, &rng);
  std::vector<float> yw(211, 0.5f);
  VecMat(a.row(4), wide, yw.data());
  for (int j = 0; j < 211; ++j) {
    double want = 0.5;
    for (int p = 0; p < 7; ++p) want += a.at(4, p) * wide.at(p, j);
    EXPECT_NEAR(yw[j], want, 1e-5) << j;
  }
  Mat e(7, 19);
  Mat g(5, 19);
  Fill(&g, &rng);
  MatMulTA(a, g, &e);
  double want = 0;
  for (int i = 0; i < 5; ++i) want += a.at(i, 3) * g.at(i, 11);
  EXPECT_NEAR(e.at(3, 11), want, 1e-5);
}

class LstmGradient : public ::testing::TestWithParam<bool> {};

TEST_P(LstmGradient, MatchesFiniteDifferences) {
  const bool reverse = GetParam();
  SplitMix rng(7);
  const int n = 4, d = 3, h = 2;
  Mat x(n, d), wx(d, 4 * h), wh(h, 4 * h), b(1, 4 * h), r(n, h);
  Fill(&x, &rng);
  Fill(&wx, &rng);
  Fill(&wh, &rng);
  Fill(&b, &rng);
  Fill(&r, &rng);
  LstmWeights w{&wx, &wh, &b};
  auto loss = [&]() {
    Mat out;
    LstmForward(w, x, reverse, &out, nullptr);
    return Dot(out, r);
  };
  Mat out;
  LstmCache cache;
  LstmForward(w, x, reverse, &out, &cache);
  Mat gwx(d, 4 * h), gwh(h, 4 * h), gb(1, 4 * h), dx(n, d);
  LstmBackward(w, x, reverse, cache, r, {&gwx, &gwh, &gb}, &dx);
  CheckGradient("x", &x, dx, loss);
  CheckGradient("wx", &wx, gwx, loss);
  CheckGradient("wh", &wh, gwh, loss);
  CheckGradient("b", &b, gb, loss);
}
INSTANTIATE_TEST_SUITE_P(Directions, LstmGradient, ::testing::Bool());

TEST(DenseGradient, MatchesFiniteDifferences) {
  SplitMix rng(11);
  Mat x(3, 4), w(4, 5), b(1, 5), r(3, 5);
  Fill(&x, &rng);
  Fill(&w, &rng);
  Fill(&b, &rng);
  Fill(&r, &rng);
  for (bool leaky : {false, true}) {
    auto loss = [&]() {
      Mat y;
      DenseForward(x, w, b, leaky, &y);
      return Dot(y, r);
    };
    Mat y;
    DenseForward(x, w, b, leaky, &y);
    Mat gw(4, 5), gb(1, 5), dx(3, 4);
    DenseBackward(x, w, y, leaky, r, &gw, &gb, &dx);
    CheckGradient("x", &x, dx, loss);
    CheckGradient("w", &w, gw, loss);
    CheckGradient("b", &b, gb, loss);
  }
}

TEST(SoftmaxCrossEntropy, GradientAndMask) {
  Mat s(1, 5);
  s.v = {0.3f, -1.f, 2.f, 0.5f, 0.1f};
  const uint8_t mask[5] = {1, 1, 0, 1, 1};
  Mat g(1, 5);
  const float loss = SoftmaxCrossEntropy(s.data(), mask, 5, 3, 1.f, g.data());
  EXPECT_EQ(g.v[2], 0.f);
  double z = std::exp(0.3) + std::exp(-1.0) + std::exp(0.5) + std::exp(0.1);
  EXPECT_NEAR(loss, -(0.5 - std::log(z)), 1e-5);
  CheckGradient("scores", &s, g, [&]() {
    Mat tmp(1, 5);
    return static_cast<double>(SoftmaxCrossEntropy(s.data(), mask, 5, 3, 1.f, tmp.data()));
  });
}

TEST(BiaffineNetGradient, WholeLossMatchesFiniteDifferences) {
  BiaffineDims dims;
  dims.words = 6;
  dims.tags = 3;
  dims.labels = 4;
  dims.word_dim = 3, dims.tag_dim = 2, dims.cl0_dim = 2, dims.cl1_dim = 1, dims.suf_dim = 2,
  dims.pre_dim = 1, dims.shape_dim = 1;
  dims.suf_buckets = 4, dims.pre_buckets = 4, dims.shape_buckets = 4;
  dims.hidden = 3, dims.layers = 2, dims.arc_dim = 3, dims.label_dim = 2;
  BiaffineNet net;
  net.Init(dims, 5);
  SplitMix rng(9);
  for (auto& p : net.params())  // arc.u starts at zero; random values test its gradient better
    if (p.name == "arc.u" || p.name == "arc.bias") Fill(&p.w, &rng);
  BiaffineInput in;
  in.word = {1, 2, 3, 0, 2};
  in.tag = {4, 0, 1, 2, 3};
  in.cl0 = {1025, 3, 7, 1024, 3};
  in.cl1 = {257, 1, 2, 256, 1};
  in.suf = {4, 0, 1, 2, 3};
  in.pre = {4, 3, 2, 1, 0};
  in.shape = {4, 1, 1, 2, 0};
  const std::vector<int> heads = {-1, 2, 0, 2, 3}, labels = {-1, 1, 0, 2, 3};
  const DropoutRates none;
  SplitMix unused(1);
  net.Loss(in, heads, labels, none, &unused, 1.f);
  std::vector<Mat> grads;
  for (auto& p : net.params()) grads.push_back(p.g);
  for (size_t i = 0; i < net.params().size(); ++i) {
    Param& p = net.params()[i];
    CheckGradient(p.name.c_str(), &p.w, grads[i], [&]() {
      SplitMix r(1);
      return static_cast<double>(net.Loss(in, heads, labels, none, &r, 0.f));
    });
  }
}

}  // namespace
}  // namespace sitrep::nn
