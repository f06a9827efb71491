// Beam search over arc-eager moves (internal). Each item is a configuration with the sum of
// its move scores; a step expands every unfinished item by its valid moves and keeps the best
// `width` (finished items compete unchanged). Arcs are labelled greedily by the label model
// when made. With gold heads, items also record whether all their moves had zero oracle cost
// and their move history, for max-violation training.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/parser_features.h"
#include "model/parser_state.h"

namespace sitrep::parser_internal {

// A move and the label of the arc it made, packed for histories.
inline int PackStep(int move, int label) { return move | (label << 3); }
inline int StepMove(int step) { return step & 7; }
inline int StepLabel(int step) { return step >> 3; }

struct BeamItem {
  State st;
  double score = 0;
  bool correct = true;    // every move so far had zero dynamic-oracle cost (training)
  std::vector<int> hist;  // PackStep of each move (training)
};

// Scorer: `void Moves(const uint64_t* f, int n, double* s) const` adds the 4 move scores;
// `int Label(const uint64_t* af, int n, int head) const` names the arc (head 0 = root);
// `void Prefetch(const uint64_t* f, int n) const` may start loading the move weights.
template <typename Scorer>
class Beam {
 public:
  // `gold` (heads indexed like the state, may be null) turns on the training bookkeeping;
  // `record` keeps each item's move history without it (a second pass replays it).
  Beam(const ParseInput& in, int version, int width, const Scorer& scorer,
       const std::vector<int>* gold = nullptr, bool record = false)
      : in_(in), version_(version), width_(std::max(1, width)), scorer_(scorer), gold_(gold),
        record_(record || gold != nullptr) {
    items_.resize(1);
    items_[0].st = State(in.n);
    feats_.resize(static_cast<size_t>(width_) * kMaxFeatures);
    nfeats_.resize(width_);
  }

  bool Done() const {
    for (const BeamItem& it : items_)
      if (!it.st.Terminal()) return false;
    return true;
  }
  // Items of the current step, best first.
  const std::vector<BeamItem>& items() const { return items_; }

  void Step() {
    cands_.clear();
    for (int i = 0; i < static_cast<int>(items_.size()); ++i) {  // features first: the
      if (items_[i].st.Terminal()) continue;                      // weight loads overlap
      uint64_t* f = &feats_[static_cast<size_t>(i) * kMaxFeatures];
      nfeats_[i] = Features(in_, items_[i].st, version_, f);
      if (items_.size() > 1) scorer_.Prefetch(f, nfeats_[i]);
    }
    for (int i = 0; i < static_cast<int>(items_.size()); ++i) {
      const BeamItem& it = items_[i];
      if (it.st.Terminal()) {
        cands_.push_back({it.score, i, -1, 0});
        continue;
      }
      const uint64_t* f = &feats_[static_cast<size_t>(i) * kMaxFeatures];
      double s[kMoves] = {0, 0, 0, 0};
      scorer_.Moves(f, nfeats_[i], s);
      int cost[kMoves] = {0, 0, 0, 0};
      if (gold_) Costs(it.st, *gold_, cost);
      for (int m = 0; m < kMoves; ++m)
        if (it.st.Valid(m)) cands_.push_back({it.score + s[m], i, m, cost[m]});
    }
    const size_t keep = std::min<size_t>(width_, cands_.size());
    std::partial_sort(cands_.begin(), cands_.begin() + keep, cands_.end(),
                      [](const Cand& a, const Cand& b) {
                        if (a.score != b.score) return a.score > b.score;
                        return a.item != b.item ? a.item < b.item : a.move < b.move;
                      });
    if (width_ == 1 && items_.size() == 1) {  // greedy: update in place, no copies
      Expand(cands_[0], &items_[0]);
      return;
    }
    next_.resize(keep);
    for (size_t j = 0; j < keep; ++j) {
      next_[j] = items_[cands_[j].item];
      Expand(cands_[j], &next_[j]);
    }
    items_.swap(next_);
  }

 private:
  struct Cand {
    double score;
    int item, move, cost;
  };
  // Applies candidate `c` to `out`, a copy of its item.
  void Expand(const Cand& c, BeamItem* out) {
    out->score = c.score;
    if (c.move < 0) return;
    int label = kNoLabel;
    if (c.move == kLeft || c.move == kRight) {
      uint64_t af[kMaxFeatures + 1];
      int naf = ArcFeatures(&feats_[static_cast<size_t>(c.item) * kMaxFeatures], nfeats_[c.item],
                            c.move, af);
      label = scorer_.Label(af, naf, out->st.ArcOf(c.move).first);
    }
    out->st.Apply(c.move, label);
    if (gold_) out->correct = out->correct && c.cost == 0;
    if (record_) out->hist.push_back(PackStep(c.move, label));
  }

  const ParseInput& in_;
  const int version_, width_;
  const Scorer& scorer_;
  const std::vector<int>* gold_;
  const bool record_;
  std::vector<BeamItem> items_, next_;
  std::vector<Cand> cands_;
  std::vector<uint64_t> feats_;
  std::vector<int> nfeats_;
};

}  // namespace sitrep::parser_internal
