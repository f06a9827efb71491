#include "ner_doc.h"

#include <algorithm>
#include <map>

namespace sitrep::ner_internal {

namespace {

// Casing class of a token: 0 lowercase, 1 capitalised, 2 all caps; +3 when sentence-initial.
int CaseClass(const WordInfo& w, size_t i) {
  const int c = (w.flags & kAllUpper) ? 2 : (w.flags & kInitUpper) ? 1 : 0;
  return c + (i == 0 ? 3 : 0);
}

bool HasLetters(const WordInfo& w) { return (w.flags & kAllDigitPunct) == 0; }

// Index of the largest count (ties: the lower index), from `from` on; -1 when all are 0.
int ArgMax(const std::array<int, kMaxTypes>& c, int from, int types) {
  int best = -1;
  for (int t = from; t < types; ++t)
    if (c[t] > 0 && (best < 0 || c[t] > c[best])) best = t;
  return best;
}

}  // namespace

DocStats::DocStats(const LabelSet& labels) : labels_(labels.size()) {
  std::vector<std::string> types = {""};
  type_of_.assign(labels_, 0);
  for (int id = 0; id < labels_; ++id) {
    const std::string& l = labels.labels()[id];
    if (l == "O") continue;
    const std::string t = l.substr(2);
    auto it = std::find(types.begin(), types.end(), t);
    if (it == types.end()) {
      if (static_cast<int>(types.size()) == kMaxTypes) continue;  // counted as O
      types.push_back(t);
      it = types.end() - 1;
    }
    type_of_[id] = static_cast<int>(it - types.begin());
  }
  types_ = static_cast<int>(types.size());
}

void DocStats::Add(const NerInput& in, const std::vector<int>& p1, int sign) {
  for (size_t i = 0; i < p1.size(); ++i) {
    const WordInfo& w = in.words[i + kPad];
    if (!HasLetters(w)) continue;
    Counts& c = words_[w.lower];
    c.type[TypeOf(p1[i])] += sign;
    if (i > 0) {
      c.inner += sign;
      if (w.flags & (kInitUpper | kAllUpper)) c.cap += sign;
    }
  }
}

void DocStats::Features(const NerInput& in, const std::vector<int>& p1,
                        std::vector<std::vector<uint64_t>>* out) const {
  const size_t n = p1.size();
  const int L = labels_;
  out->assign(n, {});
  // The majority type of each token's other occurrences (-1: none or no letters).
  std::vector<int> major(n, -1);
  std::vector<Counts> others(n);
  for (size_t i = 0; i < n; ++i) {
    const WordInfo& w = in.words[i + kPad];
    if (!HasLetters(w)) continue;
    auto it = words_.find(w.lower);
    if (it == words_.end()) continue;  // the caller did not add this sentence
    Counts c = it->second;
    c.type[TypeOf(p1[i])] -= 1;
    if (i > 0) {
      c.inner -= 1;
      if (w.flags & (kInitUpper | kAllUpper)) c.cap -= 1;
    }
    others[i] = c;
    major[i] = ArgMax(c.type, 0, types_);
  }
  auto label = [&](long k) { return k < 0 || k >= static_cast<long>(n) ? L : p1[k]; };
  for (size_t i = 0; i < n; ++i) {
    std::vector<uint64_t>& f = (*out)[i];
    const WordInfo& w = in.words[i + kPad];
    const int own = p1[i], cf = CaseClass(w, i);
    const long k = static_cast<long>(i);
    f.push_back(Feat(600, own));
    f.push_back(Feat(602, label(k - 1), own));
    f.push_back(Feat(603, own, label(k + 1)));
    f.push_back(Feat(604, label(k - 1), own, label(k + 1) + 1));
    f.push_back(Feat(605, label(k - 2), own));
    f.push_back(Feat(606, own, label(k + 2)));
    f.push_back(Feat(607, own, w.shape));
    f.push_back(Feat(608, own, cf, in.casing + 1));
    if (!HasLetters(w)) continue;
    const Counts& c = others[i];
    int total = 0;
    for (int t = 0; t < types_; ++t) total += c.type[t];
    if (total <= 0) {
      f.push_back(Feat(610, own, cf + 1));
    } else {
      const int maj = major[i], ent = total - c.type[0];
      f.push_back(Feat(611, maj + 1, cf + 1));
      f.push_back(Feat(612, maj + 1, own + 1));
      f.push_back(Feat(613, maj + 1, std::min(total, 4), own + 1));
      for (int t = 1; t < types_; ++t)
        if (c.type[t] > 0) f.push_back(Feat(614, t, cf + 1));
      if (ent > 0) {
        const int em = ArgMax(c.type, 1, types_);
        f.push_back(Feat(615, em, ent * 4 / total + 1, cf + 1));
        f.push_back(Feat(616, em, own + 1));
      }
    }
    if (c.inner > 0) {
      const int capfrac = c.cap * 4 / c.inner;
      f.push_back(Feat(617, capfrac + 1, cf + 1));
      f.push_back(Feat(618, capfrac + 1, own + 1));
    }
    // The neighbours' document majorities (a word next to a known name).
    if (i > 0) f.push_back(Feat(619, major[i - 1] + 2, own + 1));
    if (i + 1 < n) f.push_back(Feat(620, major[i + 1] + 2, own + 1));
    if (f.size() > kMaxDocFeatures) f.resize(kMaxDocFeatures);
  }
}

void SetDocumentFeatures(const std::vector<NerInput*>& inputs, const std::vector<std::vector<int>>& p1,
                         const LabelSet& labels) {
  DocStats stats(labels);
  for (size_t s = 0; s < inputs.size(); ++s) stats.Add(*inputs[s], p1[s], 1);
  for (size_t s = 0; s < inputs.size(); ++s) stats.Features(*inputs[s], p1[s], &inputs[s]->doc);
}

void SetTrainingDocFeatures(const std::vector<std::vector<int>>& p1, const LabelSet& labels,
                            NerTrainSet* data) {
  std::map<size_t, std::vector<size_t>> docs;  // document -> its inputs, in order
  for (size_t k = 0; k < data->inputs.size(); ++k) docs[data->doc[k]].push_back(k);
  std::vector<NerInput>& in = data->inputs;
  for (const auto& [doc, members] : docs) {
    DocStats stats(labels);
    for (size_t k : members)
      if (data->original[k] == k) stats.Add(in[k], p1[k], 1);
    for (size_t k : members) {
      const size_t o = data->original[k];
      if (o == k) {
        stats.Features(in[k], p1[k], &in[k].doc);
        continue;
      }
      stats.Add(in[o], p1[o], -1);
      stats.Add(in[k], p1[k], 1);
      stats.Features(in[k], p1[k], &in[k].doc);
      stats.Add(in[k], p1[k], -1);
      stats.Add(in[o], p1[o], 1);
    }
  }
}

}  // namespace sitrep::ner_internal
