#include "model/parser_state.h"

#include <algorithm>

#include "sitrep/model/linear.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/word_features.h"

namespace sitrep::parser_internal {

State::State(int n)
    : n(n), head(n + 1, -1), label(n + 1, kNoLabel), lc1(n + 1, -1), lc2(n + 1, -1),
      rc1(n + 1, -1), rc2(n + 1, -1), nl(n + 1, 0), nr(n + 1, 0), lset(n + 1, 0),
      rset(n + 1, 0), in_stack(n + 1, 0) {
  stack.reserve(n + 1);
  stack.push_back(0);
  in_stack[0] = 1;
}

void State::AddArc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  if (h == 0) root_used = true;
  uint64_t bit = uint64_t{1} << (l & 63);
  if (d < h) {
    if (lc1[h] < 0 || d < lc1[h]) lc2[h] = lc1[h], lc1[h] = d;
    else if (lc2[h] < 0 || d < lc2[h]) lc2[h] = d;
    ++nl[h];
    lset[h] |= bit;
  } else {
    if (rc1[h] < 0 || d > rc1[h]) rc2[h] = rc1[h], rc1[h] = d;
    else if (rc2[h] < 0 || d > rc2[h]) rc2[h] = d;
    ++nr[h];
    rset[h] |= bit;
  }
}

void State::Apply(int m, int l) {
  switch (m) {
    case kShift:
      stack.push_back(b);
      in_stack[b++] = 1;
      break;
    case kReduce:
      in_stack[s0()] = 0;
      stack.pop_back();
      break;
    case kLeft:
      AddArc(b, s0(), l);
      in_stack[s0()] = 0;
      stack.pop_back();
      break;
    case kRight:
      AddArc(s0(), b, l);
      stack.push_back(b);
      in_stack[b++] = 1;
      break;
  }
}

void Costs(const State& st, const std::vector<int>& gold, int* cost) {
  const int s = st.s0(), b = st.b, n = st.n;
  for (int m = 0; m < kMoves; ++m) cost[m] = 1 << 20;
  if (st.Valid(kShift)) {
    int c = gold[b] >= 0 && st.in_stack[gold[b]] ? 1 : 0;
    for (int k : st.stack) c += k > 0 && st.head[k] < 0 && gold[k] == b;
    cost[kShift] = c;
  }
  if (st.Valid(kReduce)) {
    int c = 0;
    for (int k = b; k <= n; ++k) c += gold[k] == s;
    cost[kReduce] = c;
  }
  if (st.Valid(kLeft)) {
    int c = gold[s] > b ? 1 : 0;
    for (int k = b; k <= n; ++k) c += gold[k] == s;
    cost[kLeft] = c;
  }
  if (st.Valid(kRight)) {
    int c = (gold[b] != s && (st.in_stack[gold[b]] || gold[b] > b)) ? 1 : 0;
    for (int k : st.stack) c += k > 0 && st.head[k] < 0 && gold[k] == b;
    cost[kRight] = c;
  }
}

void Finish(State* st, int root_label, int punct_label, int dep_label, const ParseInput& in,
            int punct_tag) {
  int root_child = -1;
  for (int i = 1; i <= st->n; ++i)
    if (st->head[i] == 0) root_child = i;
  for (int i = 1; i <= st->n; ++i) {
    if (st->head[i] >= 0) continue;
    if (root_child < 0) {
      st->head[i] = 0;
      st->label[i] = root_label;
      root_child = i;
    } else {
      st->head[i] = root_child;
      st->label[i] = in.tag[i] == punct_tag ? punct_label : dep_label;
    }
  }
}

ParseInput Prepare(const Sentence& s, const std::map<std::string, int>& tag_id,
                   const WordClusters* clusters) {
  ParseInput in;
  in.n = static_cast<int>(s.tokens.size());
  in.word.assign(in.n + 1, kRootWord);
  in.suffix.assign(in.n + 1, kRootWord);
  in.tag.assign(in.n + 1, kRootTag);
  in.verbs.assign(in.n + 1, 0);
  in.puncts.assign(in.n + 1, 0);
  in.conjs.assign(in.n + 1, 0);
  for (int i = 1; i <= in.n; ++i) {
    const Token& t = s.tokens[i - 1];
    in.verbs[i] = static_cast<uint16_t>(in.verbs[i - 1] + (t.upos == "VERB"));
    in.puncts[i] = static_cast<uint16_t>(in.puncts[i - 1] + (t.upos == "PUNCT"));
    in.conjs[i] = static_cast<uint16_t>(in.conjs[i - 1] + (t.upos == "CCONJ"));
    const std::string lower = AsciiLower(t.form);
    in.word[i] = HashString(lower);
    const size_t k = std::min<size_t>(3, lower.size());
    in.suffix[i] = HashString(std::string_view(lower).substr(lower.size() - k));
    auto it = tag_id.find(t.upos);
    in.tag[i] = it == tag_id.end() ? kNoTag : it->second;
  }
  if (clusters) {
    static_assert(WordClusters::kLevels == 3);
    uint32_t ids[WordClusters::kLevels];
    for (auto& level : in.cl) level.assign(in.n + 1, 0x20001);  // index 0: the root
    for (int i = 1; i <= in.n; ++i) {
      clusters->Lookup(in.word[i], ids);
      for (int l = 0; l < WordClusters::kLevels; ++l) in.cl[l][i] = ids[l];
    }
  }
  return in;
}

}  // namespace sitrep::parser_internal
