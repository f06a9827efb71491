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
  bool bilou_ = false;
  std::vector<char> allowed_, can_end_;
};

// Viterbi with valid transitions only. `score(feats, n, scores)` adds the rows of `feats` into
// scores[0..L). The previous label of the first token is L (start).
template <typename T, typename ScoreFn>
void Decode(const NerInput& in, size_t n, const LabelSet& labels, ScoreFn&& score, T o_penalty,
            std::vector<int>* out) {
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

}  // namespace sitrep::ner_internal
