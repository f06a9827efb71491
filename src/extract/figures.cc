// Casualty figures: a number is a death or injury count when a death / injury word is next
// to it, counting only filler words between ("six members ... were killed", "killing 84",
// "the death of two", "injuries to four"). Each figure goes to the nearest violent mention.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kMaxGap = 4;      // non-filler tokens between a number and its cue
constexpr int kClauseCue = 8;   // tokens before a number searched for initial/revision cues

bool HasKind(const std::vector<std::string>& kinds, std::string_view k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

int TokenAt(const Sentence& s, uint32_t byte) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].end > byte) return static_cast<int>(i);
  }
  return static_cast<int>(s.tokens.size()) - 1;
}

bool IsBarrier(const std::string& w) { return w == ";" || w == "." || w == ":" || w == "but"; }

struct CueHit {
  int gap = 1 << 30;
  bool death = false;
};

// Nearest death/injury cue scanning from token `from` in direction `dir`.
CueHit ScanCue(const SentenceInfo& s, const EventLexicon& lex, int from, int dir,
               uint32_t skip_begin = 0, uint32_t skip_end = 0) {
  CueHit hit;
  int gap = 0;
  for (int i = from; i >= 0 && i < (int)s.lower.size(); i += dir) {
    if (IsBarrier(s.lower[i])) break;
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (HasKind(kinds, "death") || HasKind(kinds, "injury")) {
      hit.gap = gap, hit.death = HasKind(kinds, "death");
      return hit;
    }
    const Token& tok = s.sentence->tokens[i];
    bool head = tok.begin >= skip_begin && tok.end <= skip_end;
    if (!HasKind(kinds, "filler") && !head) ++gap;
    if (gap > kMaxGap) break;
  }
  return hit;
}

}  // namespace

void AttachFigures(const DocContext& doc, const EventLexicon& lex, std::vector<Mention>* mentions) {
  for (size_t si = 0; si < doc.info.size(); ++si) {
    const SentenceInfo& s = doc.info[si];
    const Sentence& sent = *s.sentence;
    for (int qi : s.quantities) {
      const Quantity& q = doc.quantities[qi];
      if (q.kind != QuantityKind::kCardinal && q.kind != QuantityKind::kVague) continue;
      int first = TokenAt(sent, q.begin);
      int last = TokenAt(sent, q.end - 1);
      if (q.head_end > q.head_begin) {
        size_t len = 0;
        int h = TokenAt(sent, q.head_begin);
        if (HasKind(lex.CueKindsAt(s.lower, h, &len), "thing")) continue;
      }
      CueHit before = ScanCue(s, lex, first - 1, -1);
      CueHit later = ScanCue(s, lex, last + 1, +1, q.head_begin, q.head_end);
      const CueHit& cue = later.gap <= before.gap ? later : before;
      if (cue.gap > kMaxGap) continue;
      Figure f;
      f.best = static_cast<int64_t>(q.value);
      f.count.min = static_cast<int64_t>(q.min);
      f.count.max = std::isinf(q.max) ? -1 : static_cast<int64_t>(q.max);
      f.begin = q.begin, f.end = q.end;
      bool subset = false;
      for (int i = std::max(0, first - kClauseCue); i < first; ++i) {
        size_t len = 0;
        auto kinds = lex.CueKindsAt(s.lower, i, &len);
        if (HasKind(kinds, "initial")) f.initial = true;
        if (HasKind(kinds, "revision")) f.revision = true;
        if (HasKind(kinds, "subset") && first - i <= 3) subset = true;
      }
      if (subset) continue;
      // The violent mention of this sentence nearest to the number.
      Mention* best = nullptr;
      int best_d = 1 << 30;
      for (Mention& m : *mentions) {
        if (m.sentence != (int)si || !IsViolent(m)) continue;
        int d = std::abs(m.token - first) * (m.background ? 4 : 1);
        if (d < best_d) best_d = d, best = &m;
      }
      if (!best) continue;
      auto& slot = cue.death ? best->fatalities : best->injured;
      // Several figures of one kind for one trigger: keep the larger, unless one revises.
      if (!slot || f.revision || (!slot->revision && f.best > slot->best)) slot = f;
    }
  }
}

}  // namespace sitrep::extract
