// Casualty figures: a number is a death or injury count when a death / injury word is next
// to it, counting only filler words between ("six members ... were killed", "killing 84",
// "the death of two", "injuries to four"). Each figure goes to the nearest violent mention.
// A victim told with an article and no number counts one ("a man was shot dead"). A range
// counts its lower bound ("10-15 killed" = 10); two specific victim groups of one sentence add
// up ("2 soldiers and 3 policemen were killed" = 5).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kMaxGap = 4;      // non-filler tokens between a number and its cue
constexpr int kClauseCue = 8;   // tokens before a number searched for initial/revision cues
constexpr int kFateReach = 3;   // "detained and later found killed": tokens after the "and"
constexpr int kAppositionReach = 14;  // ", a student at the college of education ,": its tokens
constexpr int kTollReach = 24;  // "the death toll from <the event, its place> rose to": tokens

bool HasKind(const std::vector<std::string>& kinds, std::string_view k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

int TokenAt(const Sentence& s, uint32_t byte) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].end > byte) return static_cast<int>(i);
  }
  return static_cast<int>(s.tokens.size()) - 1;
}

bool GovernedByPreposition(const std::string& w) {
  static const char* const kPrepositions[] = {"in",     "during", "toward", "towards", "across",
                                              "from",   "near",   "on",     "into",    "within",
                                              "before", "since",  "after",  "over",    "at"};
  for (const char* p : kPrepositions) {
    if (w == p) return true;
  }
  return false;
}

bool IsBarrier(const std::string& w) { return w == ";" || w == "." || w == ":" || w == "but"; }

struct CueHit {
  int gap = 1 << 30;
  bool death = false;
  int at = -1;  // token of the casualty word
};

// A fate at token i that no casualty word counts ("displaced", "abducted"), unless the same
// subject's casualty follows it in a coordination ("was detained and later found killed").
bool OwnFate(const SentenceInfo& s, const EventLexicon& lex, int i) {
  size_t len = 0;
  if (!HasKind(lex.CueKindsAt(s.lower, i, &len), "fate")) return false;
  int n = static_cast<int>(s.lower.size());
  int k = i + static_cast<int>(std::max<size_t>(len, 1));
  if (k >= n || s.lower[k] != "and") return true;
  // Only the same subject's verb may follow: no new subject ("fled and one was killed").
  for (int j = k + 1; j < n && j <= k + kFateReach; ++j) {
    auto kinds = lex.CueKindsAt(s.lower, j, &len);
    if (HasKind(kinds, "death") || HasKind(kinds, "injury")) return false;
    const std::string& w = s.lower[j];
    bool noun = w == "people" || w == "persons" || w == "others" || w == "more";
    bool same_subject = (HasKind(kinds, "filler") && !noun) || w == "later" || w == "then" ||
                        w == "subsequently" || w == "eventually" || w == "found";
    if (!same_subject) return true;
  }
  return true;
}

// Arrests hold no casualties of their own: any other violent mention of the sentence is nearer.
int ArrestPenalty(const Mention& m) { return m.sub_event_type == "Arrests" ? 1 << 20 : 0; }

// Nearest death/injury cue scanning from token `from` in direction `dir`.
CueHit ScanCue(const SentenceInfo& s, const EventLexicon& lex, int from, int dir,
               uint32_t skip_begin = 0, uint32_t skip_end = 0) {
  CueHit hit;
  int gap = 0;
  for (int i = from; i >= 0 && i < (int)s.lower.size(); i += dir) {
    if (IsBarrier(s.lower[i])) break;
    // "arrested two men for the killing of", "over the arrest of two students after the
    // murder": a number before a reason is not the reason's victims.
    if (dir > 0 && (s.lower[i] == "for" || s.lower[i] == "over" || s.lower[i] == "after")) break;
    // "a man was shot dead by two armed men": a number after "by" counts the agents.
    if (dir < 0 && s.lower[i] == "by") break;
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    // "3 killed and 2 handed over", "three suspects managed to flee and one was killed": a
    // fate that is no casualty (displaced, fled, arrested, missing) is the number's own word.
    if (OwnFate(s, lex, i)) break;
    if (HasKind(kinds, "death") || HasKind(kinds, "injury")) {
      hit.gap = gap, hit.death = HasKind(kinds, "death"), hit.at = i;
      return hit;
    }
    const Token& tok = s.sentence->tokens[i];
    bool head = tok.begin >= skip_begin && tok.end <= skip_end;
    if (!HasKind(kinds, "filler") && !head) ++gap;
    if (gap > kMaxGap) break;
  }
  return hit;
}

// "The death toll from the bombing of a mosque in X rose to 59", "the toll now stands at 12",
// "residents put the death toll at 20": the figure a toll is said to reach, however far back
// in its clause the toll word is. Returns the token of "toll", or -1.
int TollReached(const SentenceInfo& s, int first) {
  static constexpr std::string_view kReach[] = {"rose", "rises", "risen", "climbed", "climbs",
                                                "jumped", "jumps", "increased", "increases",
                                                "soared", "soars", "mounted", "grew", "stood",
                                                "stands", "reached", "reaches", "hit", "hits",
                                                "topped", "passed", "is", "was", "now"};
  const auto& w = s.lower;
  auto reach_word = [&](int k) {
    return k >= 0 && std::find(std::begin(kReach), std::end(kReach), w[k]) != std::end(kReach);
  };
  int k = first - 1;
  if (k < 0) return -1;
  if (w[k] == "to" || w[k] == "at") --k;  // "rose to 59", "stands at 12"
  // "Residents put the death toll at 20", "raising the toll to 15": the toll right before.
  if (k >= 0 && k < first - 1 && (w[k] == "toll" || w[k] == "tolls")) return k;
  if (!reach_word(k)) return -1;
  for (int i = k - 1; i >= 0 && k - i <= kTollReach; --i) {
    if (IsBarrier(w[i])) return -1;
    if (w[i] == "toll" || w[i] == "tolls") return i;
  }
  return -1;
}

// One victim told with an article instead of a number, as the subject of a passive outcome
// ("a man was shot dead", "the victim died"). Returns the token of the cue, or -1. Coordinated
// victims ("a man and his son was...") are not one. The active form ("the strike that killed a
// leader") is left out: it often names another event than the sentence's own.
int SingleVictimCue(const SentenceInfo& s, const EventLexicon& lex, bool* death) {
  auto one = [](const std::string& w) { return w == "a" || w == "an" || w == "one"; };
  auto stop = [](const std::string& w) { return IsBarrier(w) || w == "," || w == "and"; };
  const auto& w = s.lower;
  for (int i = 0; i < (int)w.size(); ++i) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(w, i, &len);
    bool d = HasKind(kinds, "death"), inj = HasKind(kinds, "injury");
    if (!d && !inj) continue;
    *death = d;
    // Passive: "a|an|one|the victim ... was [verb [and]] CUE".
    int j = i - 1;
    while (j >= 0 && i - j <= 3 && w[j] != "was" && !IsBarrier(w[j]) && w[j] != ",") --j;
    if (j > 0 && w[j] == "was") {
      for (int k = j - 1; k >= 0 && j - k <= 5 && !stop(w[k]); --k) {
        if (one(w[k]) || (w[k] == "the" && k + 1 < j && w[k + 1] == "victim")) return i;
      }
      // "Deborah Samuel, a student at the college, was stoned to death": the subject's
      // apposition names one person.
      if (w[j - 1] == ",") {
        int k = j - 2;
        while (k >= 0 && j - k <= kAppositionReach && w[k] != "," && !IsBarrier(w[k])) --k;
        if (k > 0 && w[k] == "," && k + 1 < j - 1 && one(w[k + 1])) return i;
      }
    }
    if (d && i > 1 && w[i - 1] == "victim" && w[i - 2] == "the") return i;  // "the victim died"
  }
  return -1;
}

// "Thousands have died and almost 9 million have been displaced", "80 killed, and over 5,000
// displaced", "1 was killed and 3 abducted": a number whose own predicate, the first word after
// it that is no filler, is a fate that no casualty word counts (displaced, fled, abducted,
// missing) is not counted by the casualty word before it; nor, when it opens a coordinated
// clause, is a number with a verb of its own ("and 2 handed over").
bool OwnPredicate(const SentenceInfo& s, const EventLexicon& lex, int first, int last,
                  uint32_t head_begin, uint32_t head_end) {
  bool clause = false;
  for (int i = first - 1; i >= 0 && i >= first - 3; --i) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (HasKind(kinds, "death") || HasKind(kinds, "injury")) break;  // "and injuring hundreds"
    if (s.lower[i] == "and" || s.lower[i] == "while") clause = true;
  }
  // A one-word head that is a verb form: "and 2 handed over" (the quantity took the verb).
  auto ed_form = [](const std::string& w) {
    return w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0;
  };
  int h = TokenAt(*s.sentence, head_begin);
  bool verb_head = head_end > head_begin && h == TokenAt(*s.sentence, head_end - 1) &&
                   ed_form(s.lower[h]);
  for (int i = last + 1; i < (int)s.lower.size(); ++i) {
    const Token& tok = s.sentence->tokens[i];
    bool head = tok.begin >= head_begin && tok.end <= head_end;
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (HasKind(kinds, "death") || HasKind(kinds, "injury")) return false;
    if (OwnFate(s, lex, i)) return true;
    if (HasKind(kinds, "filler")) continue;
    if (head && !verb_head) continue;
    return clause && ed_form(s.lower[i]);
  }
  return false;
}

// The range "10-15 killed", "10 to 15", "between 10 and 15": quantity k of the sentence is the
// upper end of a range when the quantity before it is joined to it by a range word. Returns the
// lower end's index in s.quantities, or -1. ACLED (and we) count the lower bound as the figure.
int RangeLower(const DocContext& doc, const SentenceInfo& s, size_t k) {
  if (k == 0) return -1;
  const Sentence& sent = *s.sentence;
  const Quantity& lo = doc.quantities[s.quantities[k - 1]];
  const Quantity& hi = doc.quantities[s.quantities[k]];
  if (lo.kind != QuantityKind::kCardinal || hi.kind != QuantityKind::kCardinal) return -1;
  if (lo.head_end > lo.head_begin) return -1;  // "2 soldiers and 3 police": two groups
  int lo_last = TokenAt(sent, lo.number_end - 1), hi_first = TokenAt(sent, hi.number_begin);
  if (hi_first - lo_last != 2 || lo.value >= hi.value) return -1;
  const std::string& w = s.lower[lo_last + 1];
  bool dash = w == "-" || w == "\u2013" || w == "\u2014" || w == "to" || w == "or";
  int lo_first = TokenAt(sent, lo.number_begin);
  bool between = w == "and" && lo_first > 0 && s.lower[lo_first - 1] == "between";
  return dash || between ? static_cast<int>(k) - 1 : -1;
}

struct SlotHead {
  std::optional<Figure>* slot;
  std::string head;
  int cue;  // token of the casualty word the slot's figure was told with
};

// The lowercased noun a quantity counts ("policemen"), "" when none.
std::string HeadNoun(const DocContext& doc, const Quantity& q) {
  if (q.head_end <= q.head_begin) return "";
  std::string h(doc.text.substr(q.head_begin, q.head_end - q.head_begin));
  for (char& c : h) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return h;
}

// A head that names one group of victims; generic heads ("people", "others") may be a total
// that the specific groups break down, so they never add up.
bool SpecificHead(const std::string& h) {
  static const char* const kGeneric[] = {"people", "persons", "person", "others", "individuals",
                                         "victims", "bodies", "more", "casualties", "lives"};
  if (h.empty()) return false;
  for (const char* g : kGeneric) {
    if (h == g) return false;
  }
  return true;
}

}  // namespace

void AttachFigures(const DocContext& doc, const EventLexicon& lex, std::vector<Mention>* mentions) {
  for (size_t si = 0; si < doc.info.size(); ++si) {
    const SentenceInfo& s = doc.info[si];
    const Sentence& sent = *s.sentence;
    std::vector<SlotHead> heads;  // the head noun of each figure slot set in this sentence
    for (size_t k = 0; k < s.quantities.size(); ++k) {
      const Quantity& q = doc.quantities[s.quantities[k]];
      // The lower end of a range is told with its upper end (below).
      if (k + 1 < s.quantities.size() && RangeLower(doc, s, k + 1) == (int)k) continue;
      int lower = RangeLower(doc, s, k);
      if (q.kind != QuantityKind::kCardinal && q.kind != QuantityKind::kVague) continue;
      int first = TokenAt(sent, q.begin);
      int last = TokenAt(sent, q.end - 1);
      if (q.head_end > q.head_begin) {
        size_t len = 0;
        int h = TokenAt(sent, q.head_begin);
        if (HasKind(lex.CueKindsAt(s.lower, h, &len), "thing")) continue;
      }
      // "killed during the looting of several stores", "killed in 3 villages": a number that
      // a place or time preposition governs is no count of the casualty word before it.
      CueHit before = first > 0 && GovernedByPreposition(s.lower[first - 1])
                          ? CueHit{}
                          : ScanCue(s, lex, first - 1, -1);
      CueHit later = ScanCue(s, lex, last + 1, +1, q.head_begin, q.head_end);
      CueHit cue = later.gap <= before.gap ? later : before;
      bool toll_reached = false;
      if (cue.gap > kMaxGap) {
        int toll = TollReached(s, first);
        if (toll < 0) continue;
        cue = CueHit{0, true, toll};
        toll_reached = true;
      }
      if (OwnPredicate(s, lex, first, last, q.head_begin, q.head_end)) continue;
      Figure f;
      f.best = static_cast<int64_t>(q.value);
      f.count.min = static_cast<int64_t>(q.min);
      f.count.max = std::isinf(q.max) ? -1 : static_cast<int64_t>(q.max);
      f.begin = q.begin, f.end = q.end;
      if (lower >= 0) {
        const Quantity& lq = doc.quantities[s.quantities[lower]];
        f.best = f.count.min = static_cast<int64_t>(lq.value);
        f.begin = lq.begin;
      }
      bool subset = false;
      for (int i = std::max(0, first - kClauseCue); i < first; ++i) {
        size_t len = 0;
        auto kinds = lex.CueKindsAt(s.lower, i, &len);
        if (HasKind(kinds, "initial")) f.initial = true;
        if (HasKind(kinds, "revision")) f.revision = true;
        if (HasKind(kinds, "subset") && first - i <= 3) subset = true;
      }
      if (subset) continue;
      // The violent mention of this sentence nearest to the number (an arrest only when no
      // other is there: "attack ... killing 20, a suspected leader arrested").
      Mention* best = nullptr;
      int best_d = 1 << 30;
      for (Mention& m : *mentions) {
        if (m.sentence != (int)si || !IsViolent(m)) continue;
        int d = std::abs(m.token - first) * (m.background ? 4 : 1) + ArrestPenalty(m);
        if (d < best_d) best_d = d, best = &m;
      }
      if (!best) continue;
      // "The death toll from a bombing at a mosque rose to 59 on Tuesday": a time told only
      // after the toll's figure dates the count, not the event.
      if (toll_reached && best->date) {
        bool before_figure = false, after_figure = false;
        for (int ti : s.times) {
          const TimeExpression& t = doc.times[ti];
          if (t.end <= q.begin) before_figure = true;
          else if (t.begin >= q.end) after_figure = true;
        }
        if (after_figure && !before_figure) best->date.reset(), best->short_date = false;
      }
      auto& slot = cue.death ? best->fatalities : best->injured;
      std::string head = HeadNoun(doc, q);
      // Two victim groups told with one casualty word ("2 soldiers and 3 policemen were
      // killed", "killing 2 soldiers and 3 civilians") add up; a group told with a casualty
      // word of its own restates or tells another count.
      SlotHead* prev = nullptr;
      for (SlotHead& h : heads) {
        if (h.slot == &slot) prev = &h;
      }
      if (slot && prev && !f.revision && !slot->revision && !f.initial && !slot->initial &&
          SpecificHead(prev->head) && SpecificHead(head) && prev->head != head &&
          prev->cue == cue.at) {
        slot->best += f.best, slot->count.min += f.count.min;
        bool open = slot->count.max < 0 || f.count.max < 0;
        slot->count.max = open ? -1 : slot->count.max + f.count.max;
        slot->end = std::max(slot->end, f.end);
        prev->head = head;
        continue;
      }
      // Several figures of one kind for one trigger: keep the larger, unless one revises.
      if (!slot || f.revision || (!slot->revision && f.best > slot->best)) {
        slot = f;
        if (prev) prev->head = head, prev->cue = cue.at;
        else heads.push_back({&slot, head, cue.at});
      }
    }
    // No number for a victim told with an article: one ("a man was shot dead").
    bool death = false;
    int cue = SingleVictimCue(s, lex, &death);
    if (cue >= 0) {
      Mention* best = nullptr;
      int best_d = 1 << 30;
      bool counted = false;
      for (Mention& m : *mentions) {
        if (m.sentence != (int)si || !IsViolent(m)) continue;
        counted |= death ? m.fatalities.has_value() : m.injured.has_value();
        int d = std::abs(m.token - cue) * (m.background ? 4 : 1) + ArrestPenalty(m);
        if (d < best_d) best_d = d, best = &m;
      }
      if (best && !counted) {
        Figure f;
        f.best = 1, f.count.min = f.count.max = 1;
        f.begin = sent.tokens[cue].begin, f.end = sent.tokens[cue].end;
        (death ? best->fatalities : best->injured) = f;
      }
    }
  }
}

}  // namespace sitrep::extract
