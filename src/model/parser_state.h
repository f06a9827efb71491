// Arc-eager parser configurations (internal to the parser): the per-sentence input, the
// state with the bookkeeping the features need, the dynamic oracle's move costs and the
// fix-up that turns a terminal state into a tree.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/text/sentence.h"

namespace sitrep {
class WordClusters;
}

namespace sitrep::parser_internal {

enum Move { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3, kMoves = 4 };
constexpr uint64_t kNone = 0x4E4F4E45, kRootWord = 0x524F4F54;
constexpr int kNoTag = 250, kRootTag = 251, kNoLabel = 252;

// Per-sentence inputs: word hashes and tag ids, index 0 = root.
struct ParseInput {
  std::vector<uint64_t> word;
  std::vector<uint64_t> suffix;  // hash of the last 3 bytes of the lowercase form
  std::vector<int> tag;
  // Running counts over tokens 1..i of verbs, punctuation and coordinating conjunctions
  // (for the words between two tokens); index 0 = 0.
  std::vector<uint16_t> verbs, puncts, conjs;
  // Word-cluster ids at 1024 / 256 / 64 classes (feature set 5; empty without clusters).
  std::vector<uint32_t> cl[3];
  int n = 0;
};

// An arc-eager configuration. Copyable: beam search copies states into reused slots.
struct State {
  explicit State(int n = 0);
  int n;
  std::vector<int> stack;
  int b = 1;
  bool root_used = false;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;
  std::vector<char> in_stack;

  int s0() const { return stack.back(); }
  bool Terminal() const { return b > n; }
  bool Valid(int m) const {
    switch (m) {
      case kShift: return b <= n;
      case kReduce: return s0() != 0 && head[s0()] >= 0;
      case kLeft: return b <= n && s0() != 0 && head[s0()] < 0;
      case kRight: return b <= n && !(s0() == 0 && root_used);
    }
    return false;
  }
  void AddArc(int h, int d, int l);
  // Applies move `m` (valid); `l` is the label of the arc it makes.
  void Apply(int m, int l);
  // The arc move `m` would make, as (head, dependent).
  std::pair<int, int> ArcOf(int m) const {
    return m == kLeft ? std::make_pair(b, s0()) : std::make_pair(s0(), b);
  }
};

// Dynamic-oracle cost of each move (Goldberg & Nivre 2012): gold arcs it makes unreachable;
// invalid moves get a huge cost. `gold` is indexed like the state (gold[0] unused).
void Costs(const State& st, const std::vector<int>& gold, int* cost);

// Attaches words left without a head: the first becomes the root if there is none.
void Finish(State* st, int root_label, int punct_label, int dep_label, const ParseInput& in,
            int punct_tag);

// The best label of an arc to `head` from label scores `s`; arcs from the root always get
// `root_label` (when the label set has one), which no other arc gets.
template <typename T>
int BestLabel(const T* s, int classes, int head, int root_label) {
  if (head == 0 && root_label >= 0) return root_label;
  int best = -1;
  for (int k = 0; k < classes; ++k)
    if (k != root_label && (best < 0 || s[k] > s[best])) best = k;
  return best;
}

// Hashes the forms and maps the UPOS of `s` through `tag_id` (unknown tags -> kNoTag); looks
// the words up in `clusters` when given.
ParseInput Prepare(const Sentence& s, const std::map<std::string, int>& tag_id,
                   const WordClusters* clusters = nullptr);

}  // namespace sitrep::parser_internal
