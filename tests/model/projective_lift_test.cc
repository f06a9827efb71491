// LiftToProjective: non-projective training trees become projective by moving arcs up to
// ancestors; projective trees are untouched and malformed ones refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/model/parser.h"
#include "sitrep/model/train_options.h"

namespace sitrep {
namespace {

Sentence Tree(const std::vector<int>& heads) {
  Sentence s;
  for (size_t i = 0; i < heads.size(); ++i) {
    Token t;
    t.form = "w" + std::to_string(i + 1);
    t.head = heads[i];
    t.deprel = heads[i] == 0 ? "root" : "dep";
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<int> Heads(const Sentence& s) {
  std::vector<int> h;
  for (const Token& t : s.tokens) h.push_back(t.head);
  return h;
}

bool IsAncestor(const std::vector<int>& heads, int ancestor, int word) {
  for (size_t steps = 0; word != 0 && steps <= heads.size(); ++steps) {
    if (word == ancestor) return true;
    word = heads[word - 1];
  }
  return ancestor == 0;
}

TEST(LiftToProjectiveTest, TableOfTrees) {
  const struct {
    std::vector<int> heads, lifted;
    int lifts;
  } cases[] = {
      {{2, 0, 2}, {2, 0, 2}, 0},                    // projective: unchanged
      {{0, 1, 1, 3}, {0, 1, 1, 3}, 0},              // projective: unchanged
      {{0, 4, 1, 1}, {0, 1, 1, 1}, 1},              // 2<-4 crosses 1->3: lifted to 1
      {{3, 5, 0, 3, 3, 2}, {3, 3, 0, 3, 3, 3}, 2},  // shortest first, then the next
      {{0, 0, 1}, {0, 0, 1}, -1},                   // two roots: refused
      {{2, 3, 1}, {2, 3, 1}, -1},                   // a cycle: refused
      {{0, 7}, {0, 7}, -1},                         // head out of range: refused
  };
  for (const auto& c : cases) {
    Sentence s = Tree(c.heads);
    EXPECT_EQ(LiftToProjective(&s), c.lifts) << ::testing::PrintToString(c.heads);
    EXPECT_EQ(Heads(s), c.lifted) << ::testing::PrintToString(c.heads);
  }
}

// Random trees (every word hangs from an earlier-built part, then positions are shuffled):
// after lifting the tree is projective, every changed head is an ancestor of the old head,
// projective trees are untouched, and the number of lifts is returned.
TEST(LiftToProjectiveTest, RandomTreesBecomeProjectiveByAncestors) {
  SplitMix rng(7);
  int nonprojective = 0;
  for (int round = 0; round < 2000; ++round) {
    const int n = 2 + static_cast<int>(rng.Next() % 11);
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i + 1;
    rng.Shuffle(&order);  // order[0] is the root word, each later word hangs from an earlier one
    std::vector<int> heads(n);
    heads[order[0] - 1] = 0;
    for (int i = 1; i < n; ++i) heads[order[i] - 1] = order[rng.Next() % i];
    Sentence s = Tree(heads);
    const bool was_projective = IsProjective(s);
    nonprojective += !was_projective;
    int lifts = LiftToProjective(&s);
    ASSERT_GE(lifts, 0);
    EXPECT_TRUE(IsProjective(s));
    EXPECT_EQ(lifts == 0, was_projective);
    std::vector<int> now = Heads(s);
    for (int d = 1; d <= n; ++d)
      if (now[d - 1] != heads[d - 1]) EXPECT_TRUE(IsAncestor(heads, now[d - 1], heads[d - 1]));
  }
  EXPECT_GT(nonprojective, 100);  // the generator does produce crossing arcs
}

}  // namespace
}  // namespace sitrep
