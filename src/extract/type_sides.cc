// Side counting and clause spans for type_rules.cc (type_sides.h), written from our reading of ACLED's actor
// categories: police are a state force, armed words and armed actor entities an organised
// side, crowd words no organised side; a lone office holder and security personnel off duty or
// no longer serving are people attacked, not a side that fights (ACLED codes them civilians).
#include "extract/type_sides.h"

#include <algorithm>

namespace sitrep::extract {
namespace {

constexpr int kQualifierReach = 4;  // "a senior Hamas official": tokens that qualify a person
constexpr int kSideWindow = 8;      // tokens read on each side of a trigger
constexpr int kParenSkip = 12;      // longest parenthesis stepped over
constexpr int kNominalReach = 3;    // "over the arrest": determiners stepped over

bool IsDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "their" ||
         w == "its" || w == "this" || w == "that";
}

// Entity kinds of the actor registry that are armed, organised sides.
bool ArmedEntityKind(std::string_view k) {
  return k == "state_military" || k == "militia" || k == "rebel_group" || k == "intelligence" ||
         k == "terrorist_group" || k == "armed_group";
}

// "a senior Hamas official", "the district's militia-backed mayor": an office holder (cue kind
// "official") heads the target span [b, e) and the armed words of the span only qualify him
// (within kQualifierReach tokens before the head, none after it).
bool OfficialTarget(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc, int b,
                    int e) {
  for (int o = b; o < e; ++o) {
    size_t len = 0;
    if (!HasKind(lex.CueKindsAt(s.lower, o, &len), "official")) continue;
    SideCount before = CountSide(lex, s, doc, b, std::max(b, o - kQualifierReach));
    SideCount after = CountSide(lex, s, doc, o + 1, e);
    return before.armed + before.police == 0 && after.armed + after.police == 0;
  }
  return false;
}

}  // namespace

bool IsClauseBreak(const std::string& w) {
  return w == "," || w == ";" || w == "." || w == ":" || w == "(" || w == ")" || w == "while" ||
         w == "when" || w == "after" || w == "as" || w == "who" || w == "which";
}

// A noun after a determiner; otherwise any word that is no -ed / -ing form or irregular verb.
bool IsNominalTrigger(const SentenceInfo& s, int tok) {
  const std::string& w = s.lower[tok];
  auto ends = [&w](std::string_view x) {
    return w.size() > x.size() && w.compare(w.size() - x.size(), x.size(), x) == 0;
  };
  bool determiner = tok > 0 && (s.lower[tok - 1] == "the" || s.lower[tok - 1] == "a" ||
                                s.lower[tok - 1] == "an" || s.lower[tok - 1] == "this" ||
                                s.lower[tok - 1] == "that" || s.lower[tok - 1] == "another");
  if (determiner) return true;
  return !ends("ed") && !ends("ing") && w != "shot" && w != "beat" && w != "fought" &&
         w != "slain" && w != "hit" && w != "struck";
}

// [begin, end) of the words before the trigger in its clause (at most kSideWindow).
// A parenthesis on the way is stepped over whole ("a police team in X (district, state) was
// attacked"): its words do not count towards the window.
std::pair<int, int> ClauseBefore(const SentenceInfo& s, int tok) {
  int b = tok, n = 0;
  while (b > 0 && n < kSideWindow) {
    if (s.lower[b - 1] == ")") {
      int k = b - 2;
      while (k >= 0 && b - k <= kParenSkip && s.lower[k] != "(" && s.lower[k] != ")") --k;
      if (k < 0 || s.lower[k] != "(") break;
      b = k;
      continue;
    }
    if (IsClauseBreak(s.lower[b - 1])) break;
    --b, ++n;
  }
  return {b, tok};
}

// The word before the trigger once determiners are stepped over ("over the arrest" -> "over").
int WordBefore(const SentenceInfo& s, int tok) {
  int k = tok - 1;
  while (k >= 0 && tok - k <= kNominalReach && IsDeterminer(s.lower[k])) --k;
  return k;
}

// A cue of kind `kind` ends right before token `tok` (one- or two-word phrases).
bool CueEndsBefore(const EventLexicon& lex, const SentenceInfo& s, int tok, std::string_view kind) {
  for (int b = std::max(0, tok - 2); b < tok; ++b) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, b, &len);
    if (b + static_cast<int>(len) == tok && HasKind(kinds, kind)) return true;
  }
  return false;
}

bool HasKind(const std::vector<std::string>& kinds, std::string_view k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

SideCount CountSide(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc, int b,
                    int e) {
  SideCount c;
  b = std::max(0, b), e = std::min<int>(e, s.lower.size());
  for (int i = b; i < e;) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (HasKind(kinds, "police")) ++c.police;
    else if (HasKind(kinds, "armed") || HasKind(kinds, "assailant")) ++c.armed;
    if (!HasKind(kinds, "armed") && HasKind(kinds, "assailant")) ++c.assailant;
    if (HasKind(kinds, "civilian") || HasKind(kinds, "individual")) ++c.civilian;
    if (HasKind(kinds, "crowd")) ++c.crowd;
    i += len > 0 ? static_cast<int>(len) : 1;
  }
  for (const EntityRef& r : s.entities) {
    if (r.first_token < b || r.first_token >= e || r.place) continue;
    const std::string& k = doc.entities[r.entity].kind;
    if (k == "police") ++c.police;
    else if (ArmedEntityKind(k)) ++c.armed;
  }
  return c;
}

bool SpanHasKind(const EventLexicon& lex, const SentenceInfo& s, int b, int e,
                 std::string_view kind) {
  for (int k = std::max(0, b); k < e && k < static_cast<int>(s.lower.size()); ++k) {
    size_t len = 0;
    if (HasKind(lex.CueKindsAt(s.lower, k, &len), kind)) return true;
  }
  return false;
}

void AdjustPersonTarget(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc,
                        int b, int e, SideCount* target) {
  SideCount& t = *target;
  // A battle needs two armed sides: an office holder of an armed group or state killed alone
  // ("a senior Hamas official was assassinated") is a person attacked, not a side that fights.
  if (t.armed > 0 && t.police == 0 && OfficialTarget(lex, s, doc, b, e)) {
    t.armed = 0, t.civilian = std::max(t.civilian, 1);
  }
  // Security personnel off duty ("a police officer who was off duty") or no longer serving
  // ("a former soldier") are civilians when attacked, in ACLED's actor conventions.
  if (t.armed + t.police > 0 &&
      (SpanHasKind(lex, s, 0, static_cast<int>(s.lower.size()), "off_duty") ||
       SpanHasKind(lex, s, b, e, "former"))) {
    t.armed = t.police = 0, t.civilian = std::max(t.civilian, 1);
  }
}

}  // namespace sitrep::extract
