// Context statements: what an article names only to situate its own event. Campaigns and
// orders ("authorized airstrikes", "a campaign of violence", "its attacks on shipping"),
// gatherings that are not protests ("gathered to mourn"), names given to a told event
// ("describing it as a pre-emptive strike"), earlier events named as a yardstick
// ("comes a week after a blast in X") and arrests that follow the article's violent event.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kOrderReach = 3;     // tokens between "authorized" and its object's head
constexpr int kCampaignReach = 8;  // tokens between "campaign of" and a trigger of its list

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool Stop(std::string_view w) { return In(w, {".", ";", ":", "(", ")", "!", "?"}); }

// "airstrikes", "attacks": a plural trigger word (not "-ss", not "news").
bool PluralTrigger(std::string_view text, const Mention& m) {
  std::string_view w = text.substr(m.begin, m.end - m.begin);
  if (w.size() <= 3 || (w.back() != 's' && w.back() != 'S')) return false;
  return w[w.size() - 2] != 's' && w[w.size() - 2] != 'u';  // "bus", "campus"
}

// "authorized significant airstrikes", "ordered strikes on": a decision about a campaign,
// not one event that happened.
bool OrderedPlural(std::string_view text, const SentenceInfo& s, const Mention& m) {
  if (!PluralTrigger(text, m)) return false;
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 0 && i >= m.token - kOrderReach; --i) {
    if (Stop(w[i]) || w[i] == ",") return false;
    if (In(w[i], {"authorized", "authorised", "authorize", "authorise", "authorizes",
                  "authorises", "ordered", "order", "orders", "approved", "approve", "approves",
                  "sanctioned"}))
      return true;
  }
  return false;
}

// "a deal to pause strikes on energy infrastructure", "calls to halt attacks": plurals that
// something would stop are what goes on, not one event.
bool StoppedPlural(std::string_view text, const SentenceInfo& s, const Mention& m) {
  if (!PluralTrigger(text, m)) return false;
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 0 && i >= m.token - kOrderReach; --i) {
    if (Stop(w[i]) || w[i] == ",") return false;
    if (In(w[i], {"pause", "pausing", "halt", "halting", "stop", "stopping", "end", "ending",
                  "cease", "ceasing", "suspend", "suspending", "prevent", "preventing", "avert",
                  "deter", "deterring"}))
      return true;
  }
  return false;
}

// "a campaign of piracy, violence, and terrorism", "its campaign of attacks": the items of a
// campaign are what it consists of, not one event.
bool CampaignItem(const SentenceInfo& s, const Mention& m) {
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 1 && i >= m.token - kCampaignReach; --i) {
    if (Stop(w[i])) return false;
    if (w[i] == "of" && In(w[i - 1], {"campaign", "campaigns", "wave", "waves", "spate",
                                      "pattern", "string", "history"}))
      return w[i - 1] != "wave" || m.token - i > 1;  // "a wave of strikes" is one wave
  }
  return false;
}

// "designated in 2024 following its attacks in the Red Sea": a group's attacks told with a
// possessive, no toll and only a month or a year are what it does, not one event. Undated,
// "its attacks" refers back to the strikes told ("the US claimed its attacks were
// proportionate").
bool PossessivePlural(std::string_view text, const SentenceInfo& s, const Mention& m) {
  if (!PluralTrigger(text, m) || m.fatalities || m.injured || m.short_date) return false;
  if (!m.date || m.date->latest - m.date->earliest <= 31) return false;
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 0 && i >= m.token - 2; --i) {
    if (In(w[i], {"its", "their"})) return true;
    if (Stop(w[i]) || w[i] == "," || In(w[i], {"the", "a", "an", "of"})) return false;
  }
  return false;
}

// "gathered to mourn", "came out to pray": a gathering for a rite is not a protest.
bool GatheringForRite(const SentenceInfo& s, const Mention& m) {
  const auto& toks = s.sentence->tokens;
  const auto& w = s.lower;
  // Only a word of gathering: "protested to commemorate labour day" is a protest.
  std::string_view head = w[m.token];
  if (head.rfind("gather", 0) != 0 && head.rfind("assembl", 0) != 0 &&
      head.rfind("congregat", 0) != 0)
    return false;
  size_t i = m.token;
  while (i < toks.size() && toks[i].begin < m.end) ++i;
  if (i > 0 && w[i - 1] != "to") {  // the trigger itself does not end in "to"
    if (i >= w.size() || w[i] != "to") return false;
    ++i;
  }
  return i < w.size() && In(w[i], {"mourn", "pray", "bury", "attend", "celebrate",
                                   "commemorate", "remember", "honour", "honor", "welcome",
                                   "watch", "worship", "vote", "receive", "greet"});
}

// "describing it as a pre-emptive strike", "called the attack a massacre": a name given to an
// event already told, by someone who characterises it; it says nothing of the weapon.
bool Characterisation(const SentenceInfo& s, const Mention& m) {
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 1 && i >= m.token - 4; --i) {
    if (Stop(w[i]) || w[i] == ",") return false;
    if (w[i] != "as") continue;
    for (int j = i - 1; j >= 0 && j >= i - 3; --j) {
      if (In(w[j], {"describing", "described", "describe", "describes", "calling", "called",
                    "labelled", "labeled", "labelling", "labeling", "termed", "terming",
                    "branded", "branding", "characterised", "characterized", "portrayed",
                    "justified", "justifying", "presented", "presenting"}))
        return true;
    }
    return false;
  }
  return false;
}

// "Earlier this month, a missile struck X", "last year's attack", "earlier in the year": an
// event placed in a month or year before the article's own, in the trigger's clause.
bool EarlierPeriod(const SentenceInfo& s, int clause) {
  const auto& w = s.lower;
  const auto& toks = s.sentence->tokens;
  auto period = [&](size_t i) {
    return i < w.size() && (w[i] == "month" || w[i] == "year" || w[i] == "year's" ||
                            w[i] == "month's");
  };
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (ClauseAt(s, toks[i].begin) != clause) continue;
    if (w[i] == "earlier" && w[i + 1] == "this" && period(i + 2)) return true;
    if (w[i] == "earlier" && w[i + 1] == "in" && i + 2 < w.size() && w[i + 2] == "the" &&
        period(i + 3))
      return true;
    if (w[i] == "last" && period(i + 1)) return true;
  }
  return false;
}

// "marking a year since the attack", "the anniversary of the siege": an event remembered.
bool Remembered(const SentenceInfo& s, const Mention& m) {
  const auto& w = s.lower;
  for (int i = m.token - 1; i >= 0 && i >= m.token - kCampaignReach; --i) {
    if (Stop(w[i])) return false;
    if (w[i] == "anniversary" || w[i] == "anniversaries") return true;
    if (w[i] == "since" && i > 0 && In(w[i - 1], {"year", "years", "months", "decade", "decades"}))
      return true;
  }
  return false;
}

}  // namespace

void KeepLeadNews(const DocContext& doc, std::vector<Mention>* mentions) {
  (void)doc;
  for (Mention& m : *mentions) {
    // The article's opening sentence tells its news: an event told there for itself on a day
    // (not "hours after X", not a year: "the bombing of the embassy in 2019") is news whatever
    // its date says (ACLED notes: "On 29 April 2019, ..." in a report of 2020 is a typo).
    bool day = m.date && m.date->precision == DatePrecision::kDay;
    if (m.sentence == 0 && m.background && !m.anchor && day) m.background = false;
  }
}

void MarkEarlierEvents(const DocContext& doc, std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  int remembered_sentence = -1;  // "the anniversary of the siege, in which 300 died": its toll
  for (Mention& m : ms) {
    if (m.background || m.other || !IsViolent(m) || m.event_type == "Protests") continue;
    const SentenceInfo& s = doc.info[m.sentence];
    if (m.token < 0 || m.token >= static_cast<int>(s.lower.size())) continue;
    if (m.sentence == remembered_sentence || Remembered(s, m)) {
      m.background = true;
      remembered_sentence = m.sentence;
      continue;
    }
    // Only beside an event told before it: the article's own news, of which it is context.
    bool told_before = std::any_of(ms.begin(), ms.end(), [&](const Mention& k) {
      return k.sentence < m.sentence && IsViolent(k) && !k.other;
    });
    if (told_before && EarlierPeriod(s, ClauseAt(s, m.begin))) m.background = true;
  }
}

void MarkContext(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (m.other || !IsViolent(m)) continue;
    const SentenceInfo& s = doc.info[m.sentence];
    if (m.token < 0 || m.token >= static_cast<int>(s.lower.size())) continue;
    if (m.event_type == "Protests") {
      if (GatheringForRite(s, m)) m.other = true;
      continue;
    }
    if (StoppedPlural(doc.text, s, m)) {  // in an anchor too: "a day after a deal to pause strikes"
      m.other = true;
      continue;
    }
    if (m.anchor) continue;
    if (Characterisation(s, m)) {
      m.strength = Strength::kWeak, m.anaphoric = true, m.sub_evidence = false;
      continue;
    }
    if (OrderedPlural(doc.text, s, m) || CampaignItem(s, m) || PossessivePlural(doc.text, s, m))
      m.other = true;
  }
}

bool MarkContextAnchors(const DocContext& doc, std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  bool changed = false;
  for (size_t a = 0; a < ms.size(); ++a) {
    Mention& m = ms[a];
    if (!m.anchor || m.background || !m.date) continue;
    // The article's own event: a violent mention that happened, named for itself, before the
    // anchor's sentence or in it.
    bool own = std::any_of(ms.begin(), ms.end(), [&](const Mention& k) {
      return &k != &m && !k.anchor && !k.other && !k.background && IsViolent(k) &&
             k.modality == "happened" && k.sentence <= m.sentence;
    });
    if (!own) continue;
    for (int ti : doc.info[m.sentence].times) {
      const TimeExpression& t = doc.times[ti];
      if (t.form != TimeForm::kEventOffset || m.begin < t.event_begin || m.end > t.event_end)
        continue;
      // "a week after", "two months after": an earlier event the news is measured against.
      // "hours after", "a day after": the same news cycle, told as news.
      if (t.unit == 'w' || t.unit == 'm' || t.unit == 'y') {
        m.background = true;
        changed = true;
      }
      break;
    }
  }
  return changed;
}

void DropFollowUps(const DocContext& doc, const std::vector<Mention>& mentions,
                   std::vector<std::vector<int>>* groups) {
  (void)doc;
  // The article's main event: its first group told as political violence or unrest that
  // happened (not an arrest, not background).
  auto first_typed = [&](const std::vector<int>& g, bool want_arrest) {
    for (int i : g) {
      const Mention& m = mentions[i];
      if (m.event_type.empty() || m.background || m.modality != "happened") continue;
      bool arrest = m.sub_event_type == "Arrests";
      if (arrest == want_arrest && (want_arrest || m.event_type != "Strategic developments"))
        return true;
    }
    return false;
  };
  int main_begin = -1;  // first mention index of the main event
  for (const auto& g : *groups) {
    if (!g.empty() && first_typed(g, false)) {
      main_begin = *std::min_element(g.begin(), g.end());
      break;
    }
  }
  if (main_begin < 0) return;
  std::vector<std::vector<int>> kept;
  for (auto& g : *groups) {
    bool arrests_only = !g.empty() && first_typed(g, true) && !first_typed(g, false);
    // "Police said they made two arrests after the incident", "..., a suspected leader
    // arrested": told after the article's violent event, an arrest is its follow-up.
    if (arrests_only && *std::min_element(g.begin(), g.end()) > main_begin) continue;
    kept.push_back(std::move(g));
  }
  *groups = std::move(kept);
}

}  // namespace sitrep::extract
