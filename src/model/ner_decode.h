// NER label sets (BIO, or BILOU from ner-v5 on) and first-order Viterbi over them with only
// valid transitions. Internal to src/model (ner.cc decodes with it, ner_train.cc trains).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "ner_features.h"

namespace sitrep::ner_internal {

// Labels "O" (index 0) then per type B-X, I-X (BIO) or B-X, I-X, L-X, U-X (BILOU). In BIO an
// I-X follows B-X or I-X; in BILOU an open B-X/I-X must be followed by I-X or L-X of its type,
// nothing else may be, and a sentence may not end inside an open name.
class LabelSet {
 public:
  LabelSet() = default;
  LabelSet(std::vector<std::string> labels, bool bilou);
  // Second order: the decoder also scores the two previous labels (hyper order=2).
  void set_order2(bool on) { order2_ = on; }
  bool order2() const { return order2_; }
  const std::vector<std::string>& labels() const { return labels_; }
  int size() const { return static_cast<int>(labels_.size()); }
  bool bilou() const { return bilou_; }
  // `prev` < 0 at the start of a sentence.
  bool Allowed(int prev, int cur) const { return allowed_[(prev + 1) * size() + cur] != 0; }
  bool CanEnd(int cur) const { return can_end_[cur] != 0; }
  // The BIO label of label `id` (L-X -> I-X, U-X -> B-X).
  const std::string& Bio(int id) const { return bio_[id]; }
  // Label ids of a BIO sequence (invalid I-X starts become B-X; BILOU splits B/I into U/L).
  std::vector<int> FromBio(const std::vector<std::string>& bio) const;
  int Id(const std::string& label) const;  // -1 when absent

 private:
  std::vector<std::string> labels_, bio_;
  bool bilou_ = false, order2_ = false;
  std::vector<char> allowed_, can_end_;
};

inline constexpr int kSecond = 2;  // second-order templates: the two previous labels (+ shape)

// Second-order features of token `i` whose two previous labels are `a`, `b` (L = start).
inline void SecondFeatures(const NerInput& in, size_t i, int a, int b, uint64_t* f) {
  f[0] = Feat(309, a, b);
  f[1] = Feat(310, a, b, in.words[i + kPad].shape);
}

template <typename T, typename ScoreFn>
void Decode2(const NerInput& in, size_t n, const LabelSet& labels, ScoreFn&& score, T o_penalty,
             std::vector<int>* out, const int* gold, T cost, T cost_name);

// Viterbi with valid transitions only. `score(feats, n, scores)` adds the rows of `feats` into
// scores[0..L). The previous label of the first token is L (start). Training may pass `gold`
// labels: every other label then gains `cost` (`cost_name` where gold is a name), so the
// update also fires on correct but narrow decisions (loss-augmented decoding).
template <typename T, typename ScoreFn>
void Decode(const NerInput& in, size_t n, const LabelSet& labels, ScoreFn&& score, T o_penalty,
            std::vector<int>* out, const int* gold = nullptr, T cost = 0, T cost_name = 0) {
  if (labels.order2()) return Decode2(in, n, labels, score, o_penalty, out, gold, cost, cost_name);
  const int L = labels.size();
  out->assign(n, 0);
  if (n == 0) return;
  uint64_t f[kMaxFeatures], tf[kTrans];
  std::vector<T> base(L), sc(L), best(L), next(L);
  std::vector<char> any(L), alive(L, 1);
  std::vector<int> back(n * L, 0);
  constexpr T kDead = std::numeric_limits<T>::lowest() / 4;
  for (size_t i = 0; i < n; ++i) {
    std::fill(base.begin(), base.end(), T(0));
    score(f, StaticFeatures(in, i, f), base.data());
    base[0] -= o_penalty;  // label 0 is "O"; a penalty trades precision for recall
    if (gold)
      for (int c = 0; c < L; ++c) base[c] += c == gold[i] ? T(0) : gold[i] == 0 ? cost : cost_name;
    const int prevs = i == 0 ? 1 : L;
    std::fill(any.begin(), any.end(), 0);
    for (int pi = 0; pi < prevs; ++pi) {
      const int prev = i == 0 ? -1 : pi;
      if (prev >= 0 && !alive[prev]) continue;
      TransFeatures(in, i, i == 0 ? L : prev, tf);
      std::fill(sc.begin(), sc.end(), T(0));
      score(tf, in.trans, sc.data());
      const T from = i == 0 ? T(0) : best[pi];
      for (int c = 0; c < L; ++c) {
        if (!labels.Allowed(prev, c)) continue;
        T v = from + base[c] + sc[c];
        if (!any[c] || v > next[c]) next[c] = v, back[i * L + c] = pi, any[c] = 1;
      }
    }
    for (int c = 0; c < L; ++c) {
      alive[c] = any[c];
      if (!any[c]) next[c] = kDead;
    }
    best.swap(next);
  }
  int c = 0;  // "O" can always end a sentence
  for (int k = 1; k < L; ++k)
    if (alive[k] && labels.CanEnd(k) && best[k] > best[c]) c = k;
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = c;
    c = back[i * L + c];
  }
}

// Second-order Viterbi: a state is the pair (previous label, label), the previous label L
// standing for the start; the same static and transition scores as Decode plus the
// second-order templates of the two previous labels.
template <typename T, typename ScoreFn>
void Decode2(const NerInput& in, size_t n, const LabelSet& labels, ScoreFn&& score, T o_penalty,
             std::vector<int>* out, const int* gold, T cost, T cost_name) {
  const int L = labels.size(), S = (L + 1) * L;  // state (b, c) at (b + 1) * L + c, b = -1 start
  out->assign(n, 0);
  if (n == 0) return;
  uint64_t f[kMaxFeatures], tf[kTrans], sf[kSecond];
  std::vector<T> base(L), trans((L + 1) * L), sec(L), best(S), next(S);
  std::vector<char> alive(S, 0), any(S);
  std::vector<int> back(n * S, 0);  // the label two back (-1 = start) of each state
  auto idx = [L](int b, int c) { return (b + 1) * L + c; };
  for (size_t i = 0; i < n; ++i) {
    std::fill(base.begin(), base.end(), T(0));
    score(f, StaticFeatures(in, i, f), base.data());
    base[0] -= o_penalty;
    if (gold)
      for (int c = 0; c < L; ++c) base[c] += c == gold[i] ? T(0) : gold[i] == 0 ? cost : cost_name;
    std::fill(trans.begin(), trans.end(), T(0));
    for (int b = i == 0 ? -1 : 0; b < (i == 0 ? 0 : L); ++b) {
      TransFeatures(in, i, b < 0 ? L : b, tf);
      score(tf, in.trans, trans.data() + (b + 1) * L);
    }
    std::fill(any.begin(), any.end(), 0);
    auto relax = [&](int a, int b, T from) {  // from state (a, b) at i - 1 into (b, c) at i
      std::fill(sec.begin(), sec.end(), T(0));
      SecondFeatures(in, i, a < 0 ? L : a, b < 0 ? L : b, sf);
      score(sf, kSecond, sec.data());
      for (int c = 0; c < L; ++c) {
        if (!labels.Allowed(b, c)) continue;
        const int s = idx(b, c);
        const T v = from + base[c] + trans[(b + 1) * L + c] + sec[c];
        if (!any[s] || v > next[s]) next[s] = v, back[i * S + s] = a, any[s] = 1;
      }
    };
    if (i == 0) {
      relax(-1, -1, T(0));
    } else {
      for (int a = -1; a < L; ++a)
        for (int b = 0; b < L; ++b)
          if (alive[idx(a, b)]) relax(a, b, best[idx(a, b)]);
    }
    alive = any;
    best.swap(next);
  }
  int bb = -2, cc = 0;
  for (int b = -1; b < L; ++b)
    for (int c = 0; c < L; ++c)
      if (alive[idx(b, c)] && labels.CanEnd(c) && (bb == -2 || best[idx(b, c)] > best[idx(bb, cc)]))
        bb = b, cc = c;
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = cc;
    const int a = back[i * S + idx(bb, cc)];
    cc = bb;
    bb = a;
  }
}

}  // namespace sitrep::ner_internal
