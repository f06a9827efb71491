#include "model/parser_features.h"

#include "sitrep/model/linear.h"

namespace sitrep::parser_internal {
namespace {

int DistBucket(int d) { return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7; }

// How many of the tokens strictly between a < b are counted by `run` (0, 1 or 2 = more).
uint64_t Between(const std::vector<uint16_t>& run, int a, int b) {
  if (a < 0 || b < 0 || b - a < 2) return 0;
  const int c = run[b - 1] - run[a];
  return c < 2 ? c : 2;
}

}  // namespace

// `version` 2 adds lexicalised attachment features (the preposition or case marker n0l with
// s0, its head and n0: PP attachment) and n0/n1 pairs; 3 adds 3-byte suffixes (rare words);
// 4 adds the verbs, punctuation and conjunctions between s0 and n0 and a few attachment
// conjunctions (s0's rightmost dependent with n0, n0's leftmost dependent label with s0);
// 5 adds word-cluster features (Koo et al. 2008: clusters alone, with POS and in pairs).
int Features(const ParseInput& in, const State& st, int version, uint64_t* f) {
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : i == 0 ? kRootWord : in.word[i]; };
  auto P = [&](int i) -> uint64_t { return i < 0 ? kNoTag : i == 0 ? kRootTag : in.tag[i]; };
  auto L = [&](int i) -> uint64_t { return i < 0 ? kNoLabel + 1 : st.label[i]; };
  const int s0 = st.s0();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= st.n ? st.b : -1;
  const int n1 = n0 >= 0 && n0 + 1 <= st.n ? n0 + 1 : -1;
  const int n2 = n1 >= 0 && n1 + 1 <= st.n ? n1 + 1 : -1;
  const int s0h = s0 > 0 ? st.head[s0] : -1;
  const int s0h2 = s0h > 0 ? st.head[s0h] : -1;
  const int s0l = s0 >= 0 ? st.lc1[s0] : -1, s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
  const int s0r = s0 >= 0 ? st.rc1[s0] : -1, s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
  const int n0l = n0 >= 0 ? st.lc1[n0] : -1, n0l2 = n0 >= 0 ? st.lc2[n0] : -1;
  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1),
                 n2w = W(n2), n2p = P(n2);
  const uint64_t d = n0 >= 0 ? DistBucket(n0 - s0) : 99;
  const uint64_t s0vl = st.nl[s0], s0vr = st.nr[s0], n0vl = n0 >= 0 ? st.nl[n0] : 99;
  const uint64_t s0sl = st.lset[s0], s0sr = st.rset[s0], n0sl = n0 >= 0 ? st.lset[n0] : 99;
  int n = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    f[n] = Feat(n + 1, a, b, c);
    ++n;
  };
  // Single words.
  add(s0w, s0p); add(s0w); add(s0p);
  add(n0w, n0p); add(n0w); add(n0p);
  add(n1w, n1p); add(n1w); add(n1p);
  add(n2w, n2p); add(n2w); add(n2p);
  // Word pairs.
  add(Feat(90, s0w, s0p), n0w, n0p); add(Feat(91, s0w, s0p), n0w); add(s0w, Feat(92, n0w, n0p));
  add(Feat(93, s0w, s0p), n0p); add(s0p, Feat(94, n0w, n0p)); add(s0w, n0w); add(s0p, n0p);
  add(n0p, n1p);
  // Three words.
  add(n0p, n1p, n2p); add(s0p, n0p, n1p); add(P(s0h), s0p, n0p); add(s0p, P(s0l), n0p);
  add(s0p, P(s0r), n0p); add(s0p, n0p, P(n0l));
  // Distance.
  add(s0w, d); add(s0p, d); add(n0w, d); add(n0p, d); add(s0w, n0w, d); add(s0p, n0p, d);
  // Valency.
  add(s0w, s0vr); add(s0p, s0vr); add(s0w, s0vl); add(s0p, s0vl); add(n0w, n0vl); add(n0p, n0vl);
  // Unigrams of the neighbourhood.
  add(W(s0h)); add(P(s0h)); add(L(s0)); add(W(s0l)); add(P(s0l)); add(L(s0l));
  add(W(s0r)); add(P(s0r)); add(L(s0r)); add(W(n0l)); add(P(n0l)); add(L(n0l));
  // Third order.
  add(W(s0h2)); add(P(s0h2)); add(L(s0h)); add(W(s0l2)); add(P(s0l2)); add(L(s0l2));
  add(W(s0r2)); add(P(s0r2)); add(L(s0r2)); add(W(n0l2)); add(P(n0l2)); add(L(n0l2));
  add(s0p, P(s0l), P(s0l2)); add(s0p, P(s0r), P(s0r2)); add(s0p, P(s0h), P(s0h2));
  add(n0p, P(n0l), P(n0l2));
  // Label sets.
  add(s0w, s0sr); add(s0p, s0sr); add(s0w, s0sl); add(s0p, s0sl); add(n0w, n0sl); add(n0p, n0sl);
  // Second stack item and a few extras.
  add(W(s1), P(s1)); add(P(s1)); add(P(s1), s0p, n0p); add(P(s1), s0p);
  add(s0p, L(s0), n0p); add(s0w, L(s0)); add(st.head[s0] >= 0 ? 1 : 0, s0p, n0p);
  if (version >= 2) {
    const uint64_t n0lw = W(n0l), s0hw = W(s0h);
    add(n0lw, s0w); add(n0lw, s0hw); add(n0lw, n0w); add(n0lw, s0p, n0p);
    add(n0lw, s0w, n0w); add(n0lw, s0hw, n0w); add(n0lw, P(s0h), s0p);
    add(s0hw, n0w); add(L(s0), n0w); add(W(s1), n0w); add(P(s1), s0p, n0w);
    add(n0w, n1w); add(n0p, n1w); add(n0w, n1p); add(s0w, n1w);
  }
  if (version >= 3) {
    auto S = [&](int i) -> uint64_t { return i < 0 ? kNone : in.suffix[i]; };
    add(S(s0), s0p); add(S(n0), n0p); add(S(s0), n0p); add(s0p, S(n0)); add(S(s0), S(n0));
    add(S(n1), n1p); add(S(n0l), n0p);
  }
  if (version >= 4 && n0 >= 0) {
    const uint64_t vb = Between(in.verbs, s0, n0), pb = Between(in.puncts, s0, n0),
                   cb = Between(in.conjs, s0, n0);
    const uint64_t between = vb * 9 + pb * 3 + cb;
    add(s0p, n0p, between); add(s0w, n0p, between); add(s0p, n0w, between);
    add(Feat(95, s0p, n0p), d, between); add(P(s0h), n0p, between);
    add(W(s0r), L(s0r), n0p); add(P(s0r), L(s0r), n0w); add(s0p, L(n0l), n0w);
    add(W(n0l), L(n0l), s0p); add(s0w, n0w, n1p); add(L(s0), s0p, n0w);
  }
  if (version >= 5) {  // levels: 0 = 1024 classes, 1 = 256, 2 = 64
    auto C = [&](int i, int l) -> uint64_t { return i < 0 ? 0x20000 : in.cl[l][i]; };
    add(C(s0, 0)); add(C(n0, 0)); add(C(n1, 0)); add(C(s0, 1), s0p); add(C(n0, 1), n0p);
    add(C(s0, 0), n0p); add(s0p, C(n0, 0)); add(C(s0, 2), C(n0, 2)); add(C(s0, 1), C(n0, 1), d);
    add(C(n0, 1), C(n1, 1)); add(C(s0h, 1), C(n0, 1)); add(C(n0l, 1), C(s0, 1), n0p);
    add(P(s1), C(s0, 2), C(n0, 2)); add(C(s0, 2), C(n0, 2), n1p);
  }
  return n;
}

// The label-model features: the move features re-hashed with the arc direction.
int ArcFeatures(const uint64_t* f, int n, int move, uint64_t* out) {
  for (int i = 0; i < n; ++i) out[i] = Mix64(f[i] ^ (move == kLeft ? 0x1234567ULL : 0x7654321ULL));
  out[n] = Feat(200, move);
  return n + 1;
}

}  // namespace sitrep::parser_internal
