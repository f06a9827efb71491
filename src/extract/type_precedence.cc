// Which mentions of a sentence are its events, as we read ACLED's definitions: the violent act
// a protest is about is its grievance, not an event; an attack told with its dead outranks the
// arrests or seizures told beside it (lexicon.h IsProtestGrievance, OutranksStrong).
#include <algorithm>
#include <vector>

#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/type_sides.h"

namespace sitrep::extract {
namespace {

constexpr int kFigureReach = 2;  // tokens between a number and its death or injury word

// A cardinal number among the 8 tokens before `tok` in its clause ("7 Taliban
// militants were killed").
bool CountBefore(const DocContext& doc, const SentenceInfo& s, int tok) {
  auto [b, e] = ClauseBefore(s, tok);
  const auto& toks = s.sentence->tokens;
  for (int qi : s.quantities) {
    const Quantity& q = doc.quantities[qi];
    if (q.kind != QuantityKind::kCardinal || q.value < 1) continue;
    int t = 0;
    while (t < static_cast<int>(toks.size()) && toks[t].end <= q.number_begin) ++t;
    if (t >= b && t < e) return true;
  }
  return false;
}

// Whether a trigger that `wanted` accepts comes before mention `m`, from sentence `first` on.
template <typename Pred>
bool TriggerBefore(const EventLexicon& lex, const DocContext& doc, const Mention& m, int first,
                   Pred wanted) {
  for (int si = std::max(0, first); si <= m.sentence && si < static_cast<int>(doc.info.size());
       ++si) {
    const std::vector<std::string>& w = doc.info[si].lower;
    int end = si == m.sentence ? m.token : static_cast<int>(w.size());
    for (int i = 0; i < end; ++i) {
      size_t len = 0;
      int v = lex.triggers().Match(w, i, &len);
      if (v >= 0 && wanted(lex.trigger(v))) return true;
    }
  }
  return false;
}

// Whether a violent trigger (not an arrest, seizure or protest) comes before mention `m` in the
// article: the outcome word may then refer back to it.
bool ViolenceBefore(const EventLexicon& lex, const DocContext& doc, const Mention& m) {
  return TriggerBefore(lex, doc, m, 0, [](const TriggerEntry& t) {
    return t.strength != Strength::kVerbal && !t.event_type.empty() &&
           t.event_type != "Strategic developments" && t.event_type != "Protests";
  });
}

// A protest or riot told in mention `m`'s sentence before it or in the one before
// ("Police dispersed the protesters ... 14 people were detained and three officers were
// injured"): an outcome word then tells what happened at it.
bool ProtestJustBefore(const EventLexicon& lex, const DocContext& doc, const Mention& m) {
  return TriggerBefore(lex, doc, m, m.sentence - 1, [](const TriggerEntry& t) {
    return t.event_type == "Protests" || t.event_type == "Riots";
  });
}

}  // namespace

bool IsProtestGrievance(const EventLexicon& lex, const DocContext& doc,
                        const std::vector<Mention>& mentions, const Mention& m) {
  if (m.event_type.empty() || m.event_type == "Protests" || m.event_type == "Riots") return false;
  const SentenceInfo& s = doc.info[m.sentence];
  int k = WordBefore(s, m.token);
  if (k < 0 || !IsNominalTrigger(s, m.token) || !CueEndsBefore(lex, s, k + 1, "grievance")) return false;
  for (const Mention& p : mentions) {
    if (p.sentence == m.sentence && p.token < m.token &&
        (p.event_type == "Protests" || p.event_type == "Riots")) {
      return true;
    }
  }
  return false;
}

bool OutranksStrong(const EventLexicon& lex, const DocContext& doc,
                    const std::vector<Mention>& strong, const Mention& weak) {
  if (weak.strength != Strength::kWeak || weak.other || weak.event_type.empty() ||
      weak.event_type == "Strategic developments" || strong.empty()) {
    return false;
  }
  for (const Mention& m : strong) {
    if (m.event_type != "Strategic developments") return false;
  }
  const SentenceInfo& s = doc.info[weak.sentence];
  int k = WordBefore(s, weak.token);
  if (k >= 0 && CueEndsBefore(lex, s, k + 1, "reason")) return false;
  // An attack told as a verb ("13 people were arrested after they attacked police officers").
  size_t len = 0;
  auto own = lex.CueKindsAt(s.lower, weak.token, &len);
  // An outcome word ("one man died") refers back to the event told before it; with no violence
  // told before it in the article and its own count ("7 militants were killed and 3 arrested
  // during an operation") it is the sentence's violent event, beside the arrests.
  if (HasKind(own, "death") || HasKind(own, "injury")) {
    return CountBefore(doc, s, weak.token) && !ViolenceBefore(lex, doc, weak) &&
           !ProtestJustBefore(lex, doc, weak);
  }
  if (!IsNominalTrigger(s, weak.token)) return true;
  // A casualty figure: a death or injury word beside a number of the sentence.
  const auto& toks = s.sentence->tokens;
  for (int qi : s.quantities) {
    const Quantity& q = doc.quantities[qi];
    int t = 0;
    while (t < static_cast<int>(toks.size()) && toks[t].end <= q.number_begin) ++t;
    for (int i = std::max(0, t - kFigureReach); i <= t + kFigureReach && i < (int)toks.size();
         ++i) {
      auto kinds = lex.CueKindsAt(s.lower, i, &len);
      if (HasKind(kinds, "death") || HasKind(kinds, "injury")) return true;
    }
  }
  return false;
}

}  // namespace sitrep::extract
