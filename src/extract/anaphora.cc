// Definite anaphors ("the attack", "the incident", "days after the massacre") and the days
// told beside them: what refers back to the article's event and which day is its own.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

// Two days told that cannot be the same: disjoint intervals.
bool Disjoint(const std::optional<DateInterval>& a, const std::optional<DateInterval>& b) {
  return a && b && (a->latest < b->earliest || b->latest < a->earliest);
}

constexpr int kDeterminerReach = 3;  // modifiers between "the" and its noun ("the deadly attack")
constexpr uint32_t kAttachedAfter = 5;   // bytes between a trigger and its own time (" on ")
constexpr uint32_t kAttachedBefore = 5;  // bytes between a time and its trigger ("'s ")

}  // namespace

bool DefiniteNoun(const SentenceInfo& s, int tok) {
  for (int i = tok - 1; i >= 0 && i >= tok - kDeterminerReach; --i) {
    const std::string& w = s.lower[i];
    if (w == "the" || w == "this" || w == "that") return true;
    if (w == "," || w == "." || w == "a" || w == "an" || w == "been" || w == "be" ||
        w == "is" || w == "are" || w == "was" || w == "were" || w == "have" || w == "has" ||
        w == "had" || w == "to")
      return false;
  }
  return false;
}

bool StrayDate(const DocContext& doc, const Mention& m) {
  if (!m.anaphoric || !m.date || m.other || m.another || m.anchor) return false;
  if (!DefiniteNoun(doc.info[m.sentence], m.token)) return false;
  for (int ti : doc.info[m.sentence].times) {
    const TimeExpression& t = doc.times[ti];
    if (t.begin >= m.end && t.begin - m.end <= kAttachedAfter) return false;
    if (t.end <= m.begin && m.begin - t.end <= kAttachedBefore) return false;
  }
  return true;
}

bool BareAnchor(const DocContext& doc, const Mention& m) {
  if (!m.anchor || !m.anaphoric || m.sub_evidence || m.other || m.another) return false;
  const SentenceInfo& s = doc.info[m.sentence];
  if (!DefiniteNoun(s, m.token)) return false;
  size_t next = m.token;
  while (next < s.lower.size() && s.sentence->tokens[next].begin < m.end) ++next;
  return next >= s.lower.size() || s.lower[next] == "," || s.lower[next] == "." ||
         s.lower[next] == "and";
}

void ClearAnaphorDates(const DocContext& doc, std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  for (Mention& m : ms) {
    if (!StrayDate(doc, m)) continue;
    // "by Saturday, youths trooped out to protest ..., insisting that the lynching ...": the
    // sentence's time is its own new event's, not the event it refers back to.
    bool other_event = std::any_of(ms.begin(), ms.end(), [&](const Mention& k) {
      return &k != &m && k.sentence == m.sentence && !k.anaphoric && !k.other && IsViolent(k) &&
             k.date && !Disjoint(k.date, m.date) && k.date->earliest == m.date->earliest;
    });
    if (other_event) m.date.reset(), m.short_date = false;
  }
}

void DropStrayDates(const DocContext& doc, const std::vector<std::vector<int>>& groups,
                    std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  for (const auto& g : groups) {
    for (int i : g) {
      if (!StrayDate(doc, ms[i])) continue;
      for (int j : g) {
        if (j != i && !StrayDate(doc, ms[j]) && Disjoint(ms[i].date, ms[j].date)) {
          ms[i].date.reset(), ms[i].short_date = false;
          break;
        }
      }
    }
  }
}

}  // namespace sitrep::extract
