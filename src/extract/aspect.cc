// Habitual and durative statements: what a group has done for years, keeps doing or has a
// history of doing is the background of the news, not one event of it.
#include <algorithm>
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

}  // namespace

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
