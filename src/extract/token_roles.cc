// Places and actors of a mention from token patterns (the dependency tree's roles, roles.h,
// override them when the sentence was parsed): locative places near the trigger, the opening
// "In X, ..." frame, places beyond the trigger's reach, and the agent and target around it.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kPlaceWindow = 14;  // tokens between a trigger and its place

// The name runs into a hyphenated compound: "Dhaka-" before a word, or "-Mymensingh" after a
// word of four letters or more (not an article prefix: "al-Qaim").
bool Hyphenated(std::string_view text, const EntityRef& r) {
  if (r.end + 1 < text.size() && text[r.end] == '-' &&
      std::isalpha(static_cast<unsigned char>(text[r.end + 1])))
    return true;
  if (r.begin < 5 || text[r.begin - 1] != '-') return false;
  for (uint32_t i = r.begin - 5; i < r.begin - 1; ++i) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// The token of "was"/"were"/"been"/"being"/"is"/"are" before a participle trigger
// ("was killed", "were reportedly shot"), or -1 when the trigger is not a passive participle.
int PassiveAux(const SentenceInfo& s, int tok) {
  const std::string& w = s.lower[tok];
  bool participle = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) || w == "shot" ||
                    w == "hit" || w == "struck" || w == "slain" || w == "beaten" ||
                    w == "taken" || w == "stabbed" || w == "seized";
  if (!participle) return -1;
  for (int i = tok - 1; i >= 0 && i >= tok - 3; --i) {
    const std::string& a = s.lower[i];
    if (a == "was" || a == "were" || a == "been" || a == "being" || a == "is" || a == "are")
      return i;
    bool adverb = a.size() > 2 && a.compare(a.size() - 2, 2, "ly") == 0;
    if (!adverb && a != "also" && a != "later" && a != "then") return -1;
  }
  return -1;
}

// No clause break (",", ";", "who", "which", "after", "when") among tokens [a, b).
bool NoClauseBreak(const SentenceInfo& s, int a, int b) {
  for (int i = a; i < b; ++i) {
    const std::string& w = s.lower[i];
    if (w == "," || w == ";" || w == "who" || w == "which" || w == "that" || w == "after" ||
        w == "when" || w == "while" || w == "as") return false;
  }
  return true;
}

}  // namespace

void ResolveRoles(const DocContext& doc, const SentenceInfo& s, Mention* m) {
  const auto& toks = s.sentence->tokens;
  std::vector<std::pair<int, int>> places, far;  // (distance, entity)
  int best_before = 1 << 30, best_after = 1 << 30;
  bool first_place = true;
  // A passive trigger ("was assassinated", "were reportedly killed"): its auxiliary's token.
  int aux_at = PassiveAux(s, m->token);
  bool passive = aux_at >= 0;
  int target_tok = -1;
  for (const EntityRef& r : s.entities) {
    int t = r.first_token;
    // A name glued to another word by a hyphen modifies it ("the Dhaka-Mymensingh highway",
    // "a Kabul-based group"): not a place of the event.
    if (r.place && Hyphenated(doc.text, r)) continue;
    if (r.place && DistanceOrigin(s, r.first_token)) continue;
    // "On 6 May, in X, Y, ...": a locative phrase that opens the sentence, before the trigger,
    // sets the scene of everything the sentence tells.
    if (r.place && first_place && t < m->token) {
      for (int k = std::max(0, t - 3); k < t; ++k) {
        const std::string& w = s.lower[k];
        if ((w == "in" || w == "at" || w == "near") && (k == 0 || s.lower[k - 1] == ","))
          m->frame_place = r.entity;
      }
    }
    first_place = first_place && !r.place;
    int last = t;
    while (last + 1 < (int)toks.size() && toks[last + 1].begin < r.end) ++last;
    bool possessive = last + 1 < (int)toks.size() &&
                      (toks[last + 1].form == "'s" || toks[last + 1].form == "\u2019s");
    const Entity& e = doc.entities[r.entity];
    // A place of the event: near the trigger, after a locative preposition.
    bool locative = false;
    for (int k = std::max(0, t - 3); k < t; ++k) {
      const std::string& w = s.lower[k];
      locative |= w == "in" || w == "at" || w == "near" || w == "outside" || w == "inside" ||
                  w == "on" || w == "of" || w == "north" || w == "south" || w == "east" ||
                  w == "west" || w == "around" || w == "across" || w == "into";
    }
    // A country is the event's place only right after "in" ("in Iraq"): "of US airstrikes",
    // "on Iran's proxies" name an actor.
    if (r.place && e.geo && e.geo->precision == Precision::kCountry) {
      const std::string& w = t > 0 ? s.lower[t - 1] : s.lower[t];
      locative = t > 0 && (w == "in" || w == "inside" || w == "across" || w == "into");
    }
    // The subject of a passive trigger is its target: "the air base was targeted".
    bool passive_subject = last + 2 < (int)toks.size() &&
                           (s.lower[last + 1] == "was" || s.lower[last + 1] == "were") &&
                           m->token > last + 1 && m->token - last <= 3;
    // "a senior Hamas official was assassinated": a name in the subject of a passive trigger
    // is the target (actor2), never the one who acted.
    bool passive_target = t < m->token && passive && m->token - t <= kTargetWindow &&
                          NoClauseBreak(s, t, aux_at);
    if (r.place && !possessive && (locative || passive_subject)) {
      int d = t >= m->token ? t - m->token : 2 * (m->token - t);
      (std::abs(t - m->token) <= kPlaceWindow ? places : far).push_back({d, r.entity});
    }
    if (!r.place || (e.geo && e.geo->precision == Precision::kCountry && possessive)) {
      if (StatementParty(s, t)) continue;
      if (passive_target) {
        if (!m->actor2 || t > target_tok) m->actor2 = r.entity, target_tok = t;
      } else if (t < m->token && m->token - t < best_before) {
        best_before = m->token - t, m->actor1 = r.entity;
      } else if (t > m->token && t - m->token < best_after) {
        bool by = t > 0 && s.lower[t - 1] == "by";
        if (by) {
          if (m->actor1 && !passive) m->actor2 = m->actor1;
          m->actor1 = r.entity, best_before = 0;
        } else if (!m->actor2) {
          best_after = t - m->token, m->actor2 = r.entity;
        }
      }
    }
  }
  for (auto [list, out] : {std::pair{&places, &m->places}, std::pair{&far, &m->far_places}}) {
    std::sort(list->begin(), list->end());
    for (auto& [d, e] : *list) {
      if (std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
    }
  }
}

}  // namespace sitrep::extract
