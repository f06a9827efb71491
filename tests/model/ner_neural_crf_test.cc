// The CRF layer (src/model/nn/crf.h) against a naive reference that enumerates every label
// sequence, finite-difference checks of its gradients and of the whole NER network's loss.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "model/ner_net.h"
#include "model/nn/crf.h"
#include "sitrep/model/train_options.h"

namespace sitrep::nn {
namespace {

void Fill(Mat* m, SplitMix* rng, float scale = 1.f) {
  for (float& x : m->v) x = static_cast<float>((2 * rng->Uniform() - 1) * scale);
}

// Labels 0 = O, 1 = B-X, 2 = I-X (I only after B or I), 3 = U-Y; no sequence ends in 1.
CrfConstraints Toy() {
  CrfConstraints c;
  c.labels = 4;
  c.allowed.assign(5 * 4, 1);
  for (int p = -1; p < 4; ++p) c.allowed[(p + 1) * 4 + 2] = p == 1 || p == 2;
  c.can_end = {1, 0, 1, 1};
  return c;
}

// Score of a sequence; -inf when it is not allowed.
double PathScore(const Mat& e, const Mat& t, const CrfConstraints& c, const std::vector<int>& y) {
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const int p = i == 0 ? -1 : y[i - 1];
    if (!c.allowed[(p + 1) * c.labels + y[i]]) return -INFINITY;
    s += t.at(p + 1, y[i]) + e.at(static_cast<int>(i), y[i]);
  }
  return c.can_end[y.back()] ? s : -INFINITY;
}

// Calls f for every label sequence of length n.
void ForEachSequence(int n, int L, const std::function<void(const std::vector<int>&)>& f) {
  std::vector<int> y(n, 0);
  while (true) {
    f(y);
    int i = n - 1;
    while (i >= 0 && ++y[i] == L) y[i--] = 0;
    if (i < 0) return;
  }
}

double NaiveLoss(const Mat& e, const Mat& t, const CrfConstraints& c, const std::vector<int>& gold) {
  double z = 0, zg = 0;
  ForEachSequence(e.rows, c.labels, [&](const std::vector<int>& y) {
    const double p = std::exp(PathScore(e, t, c, y));
    z += p;
    bool match = true;
    for (size_t i = 0; i < y.size(); ++i) match = match && (gold[i] < 0 || gold[i] == y[i]);
    if (match) zg += p;
  });
  return std::log(z) - std::log(zg);
}

TEST(Crf, LossAndViterbiAgreeWithEnumeration) {
  const CrfConstraints c = Toy();
  SplitMix rng(5);
  for (int n = 1; n <= 5; ++n) {
    Mat e(n, 4), t(5, 4), de(n, 4), dt(5, 4);
    Fill(&e, &rng, 2.f);
    Fill(&t, &rng, 1.f);
    std::vector<int> gold(n, 0);
    gold[0] = n == 1 ? 3 : 1;  // B-X may not end a sentence
    if (n > 1) gold[1] = 2;
    if (n > 2) gold[2] = -1;  // unknown: summed over
    EXPECT_NEAR(CrfLoss(e, t, c, gold, 1.f, &de, &dt), NaiveLoss(e, t, c, gold), 1e-4) << n;
    std::vector<int> best;
    double best_score = -INFINITY;
    ForEachSequence(n, 4, [&](const std::vector<int>& y) {
      if (const double s = PathScore(e, t, c, y); s > best_score) best_score = s, best = y;
    });
    EXPECT_EQ(CrfViterbi(e, t, c), best) << n;
  }
}

TEST(Crf, ImpossibleGoldGivesNoLossAndNoGradient) {
  const CrfConstraints c = Toy();
  Mat e(2, 4), t(5, 4), de(2, 4), dt(5, 4);
  EXPECT_EQ(CrfLoss(e, t, c, {0, 2}, 1.f, &de, &dt), 0.f);  // I-X after O is not allowed
  for (float x : de.v) EXPECT_EQ(x, 0.f);
  EXPECT_TRUE(CrfViterbi(Mat(0, 4), t, c).empty());
}

TEST(Crf, GradientsMatchFiniteDifferences) {
  const CrfConstraints c = Toy();
  SplitMix rng(9);
  Mat e(4, 4), t(5, 4);
  Fill(&e, &rng, 1.5f);
  Fill(&t, &rng, 1.f);
  const std::vector<int> gold = {1, 2, -1, 3};
  Mat de(4, 4), dt(5, 4);
  CrfLoss(e, t, c, gold, 1.f, &de, &dt);
  auto loss = [&] {
    Mat a(4, 4), b(5, 4);
    return static_cast<double>(CrfLoss(e, t, c, gold, 1.f, &a, &b));
  };
  // Central differences of the loss in each entry of `m` against its analytic gradient.
  auto check = [&](Mat* m, const Mat& grad, const char* what) {
    for (size_t k = 0; k < m->size(); ++k) {
      const float keep = m->v[k];
      m->v[k] = keep + 1e-2f;
      const double up = loss();
      m->v[k] = keep - 1e-2f;
      const double down = loss();
      m->v[k] = keep;
      EXPECT_NEAR(grad.v[k], (up - down) / 2e-2, 2e-3) << what << " " << k;
    }
  };
  check(&e, de, "emission");
  check(&t, dt, "transition");
}

TEST(NerNet, LossGradientsMatchFiniteDifferences) {
  NerNetDims d;
  d.words = 5;
  d.labels = 4;
  d.word_dim = 3;
  d.bag_dim = {2, 2, 2, 2, 2};
  d.bag_rows = {6, 5, 4, 3, 7};
  d.hidden = 3;
  NerNet net;
  net.Init(d, 7);
  SplitMix fill(11);
  for (Param& p : net.params()) Fill(&p.w, &fill, 0.5f);
  NerNetInput in;
  in.word = {1, 4, 0};
  for (int b = 0; b < kNerBags; ++b) {
    in.start[b] = {0, 1, 1, 3};  // the second token has no ids in any bag
    in.ids[b] = {0, (b + 1) % d.bag_rows[b], 2 % d.bag_rows[b]};
  }
  const CrfConstraints c = Toy();
  const std::vector<int> gold = {1, 2, 3};
  SplitMix rng(1);
  for (Param& p : net.params()) p.g.Zero();
  net.Loss(in, gold, c, 0.f, 0.f, &rng, 1.f);
  for (Param& p : net.params()) {
    const Mat grad = p.g;
    for (size_t k = 0; k < p.w.size(); ++k) {
      const float keep = p.w.v[k];
      auto at = [&](float v) {
        p.w.v[k] = v;
        for (Param& q : net.params()) q.g.Zero();
        const double l = net.Loss(in, gold, c, 0.f, 0.f, &rng, 1.f);
        p.w.v[k] = keep;
        return l;
      };
      const double numeric = (at(keep + 1e-2f) - at(keep - 1e-2f)) / 2e-2;
      EXPECT_NEAR(grad.v[k], numeric, 2e-3 + 2e-2 * std::fabs(numeric)) << p.name << "[" << k << "]";
    }
  }
}

}  // namespace
}  // namespace sitrep::nn
