// Our wire-copy treebank (data/treebank/news_*.conllu, sentences we wrote and annotated): every
// tree is well formed, and the committed models attach the held-out part's event arcs (subjects,
// objects, obliques, nominal modifiers, appositions, relative clauses) at measured floors.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sitrep/model/analyzer.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

const std::string kSource = SITREP_SOURCE_DIR;

std::vector<Sentence> ReadPart(const std::string& part) {
  Result<std::vector<Sentence>> r = ReadConlluFile(kSource + "/data/treebank/news_" + part + ".conllu");
  EXPECT_TRUE(r.ok()) << part << ": " << r.status().message();
  return r.ok() ? std::move(r).value() : std::vector<Sentence>{};
}

// "" when `s` is one projective tree with labelled arcs, else what is wrong.
std::string TreeProblem(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const Token& t = s.tokens[i];
    if (t.head < 0 || t.head > n || t.head == i + 1) return "bad head at " + std::to_string(i + 1);
    if ((t.head == 0) != (t.deprel == "root")) return "root label at " + std::to_string(i + 1);
    if (t.upos.empty() || t.upos == "_") return "no UPOS at " + std::to_string(i + 1);
    roots += t.head == 0;
  }
  if (roots != 1) return std::to_string(roots) + " roots";
  // Iterative walks only: each word reaches the root in at most n steps (no cycle), and every
  // word strictly between a dependent and its head is dominated by that head (projective).
  auto dominated_by = [&](int word, int head) {
    for (int steps = 0; word != 0 && steps <= n; ++steps) {
      if (word == head) return true;
      word = s.tokens[word - 1].head;
    }
    return head == 0 && word == 0;
  };
  for (int i = 1; i <= n; ++i) {
    if (!dominated_by(i, 0)) return "cycle through " + std::to_string(i);
    int h = s.tokens[i - 1].head;
    if (h == 0) continue;
    for (int k = std::min(i, h) + 1; k < std::max(i, h); ++k)
      if (!dominated_by(k, h)) return "non-projective arc " + std::to_string(i);
  }
  return "";
}

TEST(NewsTreebankTest, EveryTreeIsWellFormed) {
  size_t sentences = 0;
  for (const char* part : {"train", "dev", "test"}) {
    for (const Sentence& s : ReadPart(part)) {
      ++sentences;
      EXPECT_EQ(TreeProblem(s), "") << part << " " << s.id << ": " << s.text;
    }
  }
  EXPECT_GE(sentences, 120u);
}

TEST(NewsTreebankTest, HeldOutPartIsNotInTraining) {
  std::set<std::string> seen;
  for (const char* part : {"train", "dev"})
    for (const Sentence& s : ReadPart(part)) seen.insert(s.text);
  std::vector<Sentence> test = ReadPart("test");
  EXPECT_GE(test.size(), 30u);
  for (const Sentence& s : test) EXPECT_EQ(seen.count(s.text), 0u) << s.text;
}

// The relations event extraction reads, grouped; a group's arcs count as right when the head
// and the full label are right.
const std::map<std::string, std::string> kGroupOf = {
    {"nsubj", "subj"},     {"nsubj:pass", "subj"}, {"obj", "obj"},    {"obl", "obl"},
    {"obl:unmarked", "obl"}, {"obl:agent", "obl"}, {"nmod", "nmod"},  {"appos", "nmod"},
    {"acl:relcl", "nmod"},
};

struct Floor {
  const char* group;
  double percent;  // at least this share of the group's arcs right (measured: see comment)
};

// Floors <= measured with the committed models (bench/results/biaffine.md, session 9, the
// biaffine parser): subj 47/48, obj 29/29, obl 36/42, nmod 20/24, all 132/143. The session-8
// linear parser got subj 46/48, obj 29/29, obl 31/42, nmod 21/24, all 127/143: nmod is one arc
// lower now (of 24; more nmod trees in the news treebank are the way back), everything else up.
constexpr Floor kFloors[] = {
    {"subj", 97.5}, {"obj", 96.5}, {"obl", 85.5}, {"nmod", 83.0}, {"all", 92.0},
};

TEST(NewsTreebankTest, CommittedModelsAttachEventArcsOfHeldOutWireCopy) {
  const std::string models = kSource + "/models";
  if (!std::filesystem::exists(models + "/pos.model")) GTEST_SKIP() << "no models";
  Result<Analyzer> a = Analyzer::Load(models);
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::map<std::string, int> total, right;
  std::string misses;
  for (const Sentence& gold : ReadPart("test")) {
    Sentence s = gold;
    for (Token& t : s.tokens) {
      t.upos.clear();
      t.xpos.clear();
      t.head = -1;
      t.deprel.clear();
    }
    a.value().Analyze(&s);
    for (size_t i = 0; i < gold.tokens.size(); ++i) {
      auto g = kGroupOf.find(gold.tokens[i].deprel);
      if (g == kGroupOf.end()) continue;
      bool ok = s.tokens[i].head == gold.tokens[i].head && s.tokens[i].deprel == gold.tokens[i].deprel;
      for (const std::string& group : {g->second, std::string("all")}) {
        ++total[group];
        right[group] += ok;
      }
      if (!ok) misses += gold.tokens[i].form + " (" + gold.tokens[i].deprel + ") in: " + gold.text + "\n";
    }
  }
  std::string figures;
  for (const auto& [group, n] : total)
    figures += " " + group + " " + std::to_string(right[group]) + "/" + std::to_string(n);
  std::cout << "held-out event arcs right:" << figures << "\n";
  for (const Floor& f : kFloors) {
    ASSERT_GT(total[f.group], 0) << f.group;
    double percent = 100.0 * right[f.group] / total[f.group];
    EXPECT_GE(percent, f.percent) << f.group << ": " << right[f.group] << " of " << total[f.group]
                                  << "\nmissed:\n" << misses;
  }
}

}  // namespace
}  // namespace sitrep
