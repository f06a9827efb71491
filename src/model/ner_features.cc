#include "ner_features.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace sitrep::ner_internal {

NerInput Prepare(const Sentence& s, const NerFeatureSource* source, const WordClusters* clusters,
                 bool use_pos, int version) {
  NerInput in;
  in.version = version;
  in.trans = TransTemplates(version);
  size_t n = s.tokens.size();
  in.tags.assign(n + 2 * kPad, kNoTag);
  for (int i = 0; i < kPad; ++i) in.words.push_back(PaddingWord(true));
  int alpha = 0, caps = 0;
  for (size_t i = 0; i < n; ++i) {
    in.words.push_back(ComputeWordInfo(s.tokens[i].form));
    in.tags[i + kPad] = HashString(use_pos ? std::string_view(s.tokens[i].upos) : "");
    const uint32_t fl = in.words.back().flags;
    if (!(fl & kAllDigitPunct)) {
      ++alpha;
      caps += (fl & (kInitUpper | kAllUpper)) != 0;
    }
  }
  for (int i = 0; i < kPad; ++i) in.words.push_back(PaddingWord(false));
  in.casing = alpha == 0 ? 0 : caps * 10 < alpha * 3 ? 0 : caps * 10 < alpha * 6 ? 1 : 2;
  in.run_pos.assign(n, 0);
  in.run_len.assign(n, 0);
  for (size_t i = 0; i < n;) {
    auto cap = [&](size_t k) { return (in.words[k + kPad].flags & (kInitUpper | kAllUpper)) != 0; };
    if (!cap(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && cap(j)) ++j;
    for (size_t k = i; k < j; ++k) {
      in.run_pos[k] = static_cast<int>(std::min<size_t>(k - i + 1, 4));
      in.run_len[k] = static_cast<int>(std::min<size_t>(j - i, 5));
    }
    i = j;
  }
  if (version >= 4) {
    for (auto& level : in.cl) level.assign(n + 2 * kPad, kPadCluster);
    uint32_t ids[WordClusters::kLevels];
    for (size_t i = 0; i < n; ++i) {
      if (clusters) clusters->Lookup(in.words[i + kPad].lower, ids);
      for (int l = 0; l < WordClusters::kLevels; ++l)
        in.cl[l][i + kPad] = clusters ? ids[l] : WordClusters::kNone;
    }
    in.quoted.assign(n, 0);
    int depth = 0;
    bool dq = false;
    for (size_t i = 0; i < n; ++i) {
      const std::string& f = s.tokens[i].form;
      const bool open = f == "(" || f == "[" || f == "\xe2\x80\x9c" || (f == "\"" && !dq);
      const bool close = f == ")" || f == "]" || f == "\xe2\x80\x9d" || (f == "\"" && dq);
      if (f == "\"") dq = !dq;
      if (close && depth > 0) --depth;
      in.quoted[i] = static_cast<uint8_t>(std::min(depth, 1));
      if (open) depth = std::min(depth + 1, 8);
    }
  }
  in.extra.resize(n);
  if (source) {
    source->SentenceFeatures(s, &in.extra);
    in.extra.resize(n);
    for (std::vector<uint64_t>& e : in.extra)
      if (e.size() > kMaxExtra) e.resize(kMaxExtra);
  }
  return in;
}

// Features of token `i` that do not depend on the labels.
int StaticFeatures(const NerInput& in, size_t i, uint64_t* f) {
  const size_t p = i + kPad;
  const WordInfo& w = in.words[p];
  const WordInfo& m1 = in.words[p - 1];
  const WordInfo& m2 = in.words[p - 2];
  const WordInfo& p1 = in.words[p + 1];
  const WordInfo& p2 = in.words[p + 2];
  const uint64_t* t = in.tags.data() + p;
  const uint32_t flags = w.flags | (i == 0 ? 256u : 0u);
  int n = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    f[n] = Feat(n + 1, a, b, c);
    ++n;
  };
  add(0);
  add(w.form); add(w.lower); add(w.shape);
  for (int k = 0; k < 4; ++k) add(w.prefix[k]);
  for (int k = 0; k < 4; ++k) add(w.suffix[k]);
  add(m1.lower); add(m2.lower); add(p1.lower); add(p2.lower);
  add(m1.form); add(p1.form);
  add(m1.shape, w.shape); add(w.shape, p1.shape); add(m1.shape, w.shape, p1.shape);
  add(t[0]); add(t[-1], t[0]); add(t[0], t[1]); add(t[-1]); add(t[1]);
  add(flags);
  add(m1.lower, w.lower); add(w.lower, p1.lower);
  add(p1.suffix[2]); add(m1.suffix[2]);
  add(w.lower, t[0]);
  add(m1.flags, w.flags, p1.flags);
  // Added in ner-v2: sentence casing, capitalised runs, wider context and tag windows.
  add(in.casing, flags); add(in.casing, w.shape); add(in.casing, w.lower);
  add(in.run_pos[i], in.run_len[i]); add(in.run_pos[i], in.run_len[i], in.casing);
  add(in.run_pos[i], in.run_len[i], t[0]);
  add(m1.lower, w.shape); add(w.shape, p1.lower);
  add(m2.lower, m1.lower); add(p1.lower, p2.lower);
  add(m2.shape, m1.shape, w.shape); add(w.shape, p1.shape, p2.shape);
  add(w.form, t[0]); add(t[-2]); add(t[2]); add(t[-1], t[0], t[1]);
  add(m1.flags); add(p1.flags); add(m1.lower, t[0]); add(p1.lower, t[0]);
  add(w.prefix[2], w.shape); add(w.suffix[3], t[0]);
  add(m1.form, w.form); add(w.form, p1.form);
  if (in.version >= 4) {  // word clusters at three levels, quotes, affix conjunctions
    const uint32_t* c0 = in.cl[0].data() + p;
    const uint32_t* c1 = in.cl[1].data() + p;
    const uint32_t* c2 = in.cl[2].data() + p;
    add(c0[0]); add(c1[0]); add(c2[0]);
    add(c0[-1]); add(c0[1]); add(c1[-1]); add(c1[1]); add(c2[-2]); add(c2[2]);
    add(c1[-1], c1[0]); add(c1[0], c1[1]); add(c2[-1], c2[0], c2[1]);
    add(c1[0], w.shape); add(c0[0], in.casing); add(c1[0], in.run_pos[i], in.run_len[i]);
    add(in.quoted[i], w.shape); add(w.prefix[1], w.suffix[1]);
  }
  for (uint64_t x : in.extra[i]) f[n++] = x;
  if (!in.doc.empty())
    for (size_t k = 0; k < in.doc[i].size() && k < kMaxDocFeatures; ++k) f[n++] = in.doc[i][k];
  return n;
}

// Features of token `i` conjoined with the previous label `prev` (the label count at the start).
void TransFeatures(const NerInput& in, size_t i, int prev, uint64_t* f) {
  const size_t p = i + kPad;
  const WordInfo& w = in.words[p];
  f[0] = Feat(300, prev);
  f[1] = Feat(301, prev, w.lower);
  f[2] = Feat(302, prev, w.shape);
  f[3] = Feat(303, prev, in.tags[p]);
  f[4] = Feat(304, prev, in.words[p - 1].lower);
  f[5] = Feat(305, prev, w.flags);
  if (in.trans <= 6) return;
  // ner-v3: the previous label with the next word and with the word's suffix.
  f[6] = Feat(306, prev, in.words[p + 1].lower);
  f[7] = Feat(307, prev, w.suffix[2]);
  if (in.trans <= 8) return;
  f[8] = Feat(308, prev, in.cl[1][p]);  // ner-v4: the previous label with the word's cluster
}

}  // namespace sitrep::ner_internal
