// Habitual and durative statements: what a group has done for years, keeps doing or has a
// history of doing is the background of the news, not one event of it.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kHabitReach = 6;  // tokens before a trigger searched for "continued to", "been"

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool EndsWith(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
}

// "has been fighting", "had been attacking": the perfect progressive of the trigger itself.
bool PerfectProgressive(const SentenceInfo& s, int tok) {
  const auto& w = s.lower;
  if (tok < 2 || !EndsWith(w[tok], "ing") || w[tok - 1] != "been") return false;
  int aux = tok - 2;
  if (aux >= 1 && EndsWith(w[aux], "ly")) --aux;  // "has reportedly been fighting"
  return In(w[aux], {"has", "have", "had", "'s", "'ve", "'d"});
}

// "has continued to carry out bombings", "continues its offensive", "keeps attacking", "a
// history of targeting": a habit told before the trigger, in its clause.
bool HabitBefore(const SentenceInfo& s, int tok, int clause) {
  const auto& w = s.lower;
  for (int i = tok - 1; i >= 0 && i >= tok - kHabitReach; --i) {
    if (ClauseAt(s, s.sentence->tokens[i].begin) != clause) break;
    if (w[i] == "," || w[i] == "." || w[i] == "(") break;
    bool cont = In(w[i], {"continue", "continues", "continued", "continuing", "keep", "keeps",
                          "kept"});
    if (cont && i + 1 < tok && In(w[i + 1], {"to", "its", "their", "his", "her"})) return true;
    if (cont && In(w[i], {"keep", "keeps", "kept"}) && EndsWith(w[i + 1], "ing")) return true;
    if (w[i] == "history" && i + 1 < tok && w[i + 1] == "of" && i > 0 &&
        In(w[i - 1], {"a", "long"}))
      return true;
  }
  return false;
}

// "for more than a decade", "for 17 years", "for decades", "decades-long" in the clause: how
// long something has gone on, not when one event happened.
bool DurationInClause(const SentenceInfo& s, int clause) {
  const auto& w = s.lower;
  const auto& toks = s.sentence->tokens;
  for (size_t i = 0; i < w.size(); ++i) {
    if (ClauseAt(s, toks[i].begin) != clause) continue;
    if (In(w[i], {"decades-long", "years-long", "decade-long", "yearslong", "decadeslong"}))
      return true;
    bool span = In(w[i], {"decades", "years", "decade"}) && i + 1 < w.size();
    if (span && (w[i + 1] == "long" || (w[i + 1] == "-" && i + 2 < w.size() && w[i + 2] == "long")))
      return true;  // "the decades long conflict", "a years-long war"
    if (w[i] != "for") continue;
    for (size_t j = i + 1; j < w.size() && j <= i + 4; ++j) {
      if (In(w[j], {"decade", "decades", "years", "generations"})) {
        bool age = j + 1 < w.size() && In(w[j + 1], {"old", "ago", "in"});
        if (!age) return true;
      }
      if (w[j] == "," || w[j] == ".") break;
    }
  }
  return false;
}

// "fighting continues between X and Y", "the violence raged on": the trigger is the subject of
// a verb of duration right after it.
bool ContinuesAfter(const SentenceInfo& s, int tok_end) {
  const auto& w = s.lower;
  for (int i = tok_end; i < static_cast<int>(w.size()) && i < tok_end + 2; ++i) {
    if (In(w[i], {"continues", "continued", "continue", "rages", "raged", "persists", "persisted",
                  "goes", "went", "drags", "dragged"})) {
      bool on = In(w[i], {"goes", "went", "drags", "dragged"});
      return !on || (i + 1 < static_cast<int>(w.size()) && w[i + 1] == "on");
    }
    if (!In(w[i], {"still", "now", "has", "have", "had"})) return false;
  }
  return false;
}

// "some are fighting to protect their communities", "the rebels claim to be fighting for the
// people": a present progressive tells a state of affairs, not one event.
bool PresentProgressive(const SentenceInfo& s, int tok) {
  const auto& w = s.lower;
  if (tok < 1 || !EndsWith(w[tok], "ing")) return false;
  int aux = tok - 1;
  if (aux >= 1 && (EndsWith(w[aux], "ly") || In(w[aux], {"still", "now", "also"}))) --aux;
  if (In(w[aux], {"are", "is", "'re", "am"})) return true;
  return w[aux] == "be" && aux >= 1 && w[aux - 1] == "to";  // "claim to be fighting"
}

// "joined forces to fight the group", "deployed troops to attack": the purpose of an action is
// not an event that happened. Attempts ("tried to kill") are attacks and are kept.
bool PurposeInfinitive(const SentenceInfo& s, int tok) {
  const auto& w = s.lower;
  if (tok < 2 || w[tok - 1] != "to") return false;
  const std::string& t = w[tok];
  if (EndsWith(t, "s") || EndsWith(t, "ed") || EndsWith(t, "ing")) return false;  // not a base verb
  return !In(w[tok - 2], {"used", "due", "according", "response", "led", "lead", "leads", "prior",
                          "attempt", "attempted", "attempts", "tried", "try", "trying", "went",
                          "came", "subjected", "exposed", "close", "next", "owing"});
}

// "engaging in looting and kidnapping": activities a group is said to engage in.
bool EngagingIn(const SentenceInfo& s, int tok) {
  const auto& w = s.lower;
  for (int i = tok - 1; i >= 1 && i >= tok - 3; --i) {
    if (w[i] == "in" && In(w[i - 1], {"engaging", "engage", "engages", "engaged", "involved"}))
      return true;
    if (w[i] == "," || w[i] == ".") break;
  }
  return false;
}

// A bare plural ("United States air raids", "strikes"): no determiner or number before it.
bool BarePlural(std::string_view text, const SentenceInfo& s, const Mention& m) {
  std::string_view tw = text.substr(m.begin, m.end - m.begin);
  if (tw.size() <= 3 || (tw.back() != 's' && tw.back() != 'S') || tw[tw.size() - 2] == 's')
    return false;
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 0 && i >= m.token - 4; --i) {
    if (In(w[i], {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                  "her", "two", "three", "four", "five", "both", "twin", "several", "multiple"}))
      return false;
    if (!w[i].empty() && std::isdigit(static_cast<unsigned char>(w[i][0]))) return false;
    if (w[i] == "," || w[i] == "." || w[i] == "by" || w[i] == "and" || w[i] == "of") break;
  }
  return true;
}

}  // namespace

void MarkGeneric(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    // Protests are told as ongoing ("are protesting", "took to the streets to protest") and
    // are events all the same.
    if (m.other || m.anchor || !IsViolent(m) || m.event_type == "Protests") continue;
    const SentenceInfo& s = doc.info[m.sentence];
    if (m.token < 0 || m.token >= static_cast<int>(s.lower.size())) continue;
    bool figures = m.fatalities || m.injured;
    int tok_end = m.token + 1;
    while (tok_end < static_cast<int>(s.lower.size()) && s.sentence->tokens[tok_end].begin < m.end)
      ++tok_end;
    if (PurposeInfinitive(s, m.token) && m.modality == "happened") {
      m.modality = "planned";
      continue;
    }
    // Plural attacks dated only by a month or a year ("its attacks in the Red Sea in 2024"):
    // a series, whatever the year.
    bool coarse = m.date && !m.short_date && m.date->latest - m.date->earliest > 31;
    if (coarse && !figures && BarePlural(doc.text, s, m)) {
      m.other = true;
      continue;
    }
    if (m.date || figures) continue;
    // "supported by United States air raids": an actor's undated raids with no place or toll.
    const auto& toks = s.sentence->tokens;
    bool named_plural = m.token >= 2 && !toks[m.token - 1].form.empty() &&
                        std::isupper(static_cast<unsigned char>(toks[m.token - 1].form[0])) &&
                        BarePlural(doc.text, s, m);
    bool generic = ContinuesAfter(s, tok_end) || EngagingIn(s, m.token) ||
                   (m.places.empty() && (PresentProgressive(s, m.token) || named_plural));
    if (generic) m.other = true;
  }
}

void MarkHabitual(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (m.other || m.anchor || m.date || !IsViolent(m)) continue;
    const SentenceInfo& s = doc.info[m.sentence];
    if (m.token < 0 || m.token >= static_cast<int>(s.lower.size())) continue;
    int clause = ClauseAt(s, m.begin);
    bool habit = PerfectProgressive(s, m.token) || HabitBefore(s, m.token, clause) ||
                 (DurationInClause(s, clause) && !m.fatalities && !m.injured);
    if (habit) m.other = true;  // a series: not one event of its own
  }
}

}  // namespace sitrep::extract
