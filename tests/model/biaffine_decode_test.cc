// Eisner decoding for the biaffine parser: always a tree with one root word, and the best
// projective one (checked against brute force on small sentences).
#include "model/biaffine_decode.h"

#include <gtest/gtest.h>

#include <functional>

#include "sitrep/model/train_options.h"

namespace sitrep {
namespace {

bool Projective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  for (int d = 1; d <= n; ++d) {
    const int lo = std::min(d, heads[d]), hi = std::max(d, heads[d]);
    for (int k = lo + 1; k < hi; ++k) {  // every word inside the arc descends from the head
      int x = k;
      while (x != 0 && x != heads[d]) x = heads[x];
      if (x != heads[d]) return false;
    }
  }
  return true;
}

double TreeScore(const std::vector<float>& s, const std::vector<int>& heads) {
  const int m = static_cast<int>(heads.size());
  double total = 0;
  for (int d = 1; d < m; ++d) total += s[static_cast<size_t>(d) * m + heads[d]];
  return total;
}

// The best score over all projective single-root trees, by enumeration.
double BruteForceBest(const std::vector<float>& s, int n) {
  std::vector<int> heads(n + 1, -1);
  double best = -1e30;
  std::function<void(int)> rec = [&](int d) {
    if (d > n) {
      if (IsSingleRootTree(heads) && Projective(heads)) best = std::max(best, TreeScore(s, heads));
      return;
    }
    for (int h = 0; h <= n; ++h) {
      if (h == d) continue;
      heads[d] = h;
      rec(d + 1);
    }
  };
  rec(1);
  return best;
}

std::vector<float> RandomScores(int n, SplitMix* rng) {
  std::vector<float> s(static_cast<size_t>(n + 1) * (n + 1));
  for (float& x : s) x = static_cast<float>(rng->Uniform() * 10 - 5);
  return s;
}

TEST(EisnerDecode, EmptyAndSingleWord) {
  EXPECT_EQ(EisnerDecode({}, 0), std::vector<int>({-1}));
  EXPECT_EQ(EisnerDecode({0, 0, 0, 0}, 1), std::vector<int>({-1, 0}));
}

TEST(EisnerDecode, FollowsClearScores) {
  // "She saw him": saw heads both, saw is the root.
  const int m = 4;
  std::vector<float> s(m * m, -5.f);
  auto set = [&](int d, int h, float v) { s[d * m + h] = v; };
  set(1, 2, 5);
  set(2, 0, 5);
  set(3, 2, 5);
  EXPECT_EQ(EisnerDecode(s, 3), std::vector<int>({-1, 2, 0, 2}));
}

TEST(EisnerDecode, OneRootEvenWhenTheRootScoresBest) {
  // Every word prefers the root; the decoder must still attach exactly one there.
  const int n = 5, m = n + 1;
  std::vector<float> s(m * m, 0.f);
  for (int d = 1; d <= n; ++d) s[d * m] = 10.f;
  std::vector<int> heads = EisnerDecode(s, n);
  EXPECT_TRUE(IsSingleRootTree(heads));
}

TEST(EisnerDecode, RandomScoresGiveTheBestProjectiveTree) {
  SplitMix rng(42);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 1 + trial % 6;
    const std::vector<float> s = RandomScores(n, &rng);
    const std::vector<int> heads = EisnerDecode(s, n);
    ASSERT_TRUE(IsSingleRootTree(heads)) << "trial " << trial;
    ASSERT_TRUE(Projective(heads)) << "trial " << trial;
    EXPECT_NEAR(TreeScore(s, heads), BruteForceBest(s, n), 1e-3) << "trial " << trial;
  }
}

TEST(EisnerDecode, LongRandomSentencesGiveTrees) {
  SplitMix rng(7);
  for (int n : {20, 57, 120}) {
    const std::vector<int> heads = EisnerDecode(RandomScores(n, &rng), n);
    EXPECT_TRUE(IsSingleRootTree(heads)) << n;
    EXPECT_TRUE(Projective(heads)) << n;
  }
}

TEST(IsSingleRootTree, RejectsCyclesAndSecondRoots) {
  EXPECT_TRUE(IsSingleRootTree({-1, 2, 0, 2}));
  EXPECT_FALSE(IsSingleRootTree({-1, 0, 0, 2}));  // two roots
  EXPECT_FALSE(IsSingleRootTree({-1, 3, 0, 1}));  // 1 -> 3 -> 1
  EXPECT_FALSE(IsSingleRootTree({-1, 1, 0}));     // self loop
  EXPECT_FALSE(IsSingleRootTree({-1, 4, 0, 2}));  // out of range
}

}  // namespace
}  // namespace sitrep
