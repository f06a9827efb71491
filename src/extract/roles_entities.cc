// From role spans to the know stage's entities: a role names the entity whose mention overlaps
// its phrase (nearest the phrase's head), and the mention's actor1/actor2/places follow.
#include <algorithm>
#include <cstdlib>

#include "extract/mention.h"
#include "extract/roles.h"

namespace sitrep::extract {
namespace {

constexpr int kPlaceReach = 2;  // tokens between a place phrase's head and its place name

// Tokens [first, last] of an entity mention in its sentence.
std::pair<int, int> EntityTokens(const Sentence& s, const EntityRef& r) {
  int last = r.first_token;
  while (last + 1 < static_cast<int>(s.tokens.size()) && s.tokens[last + 1].begin < r.end) ++last;
  return {r.first_token, last};
}

bool ActorLike(const DocContext& doc, const EntityRef& r) {
  if (!r.place) return true;
  const Entity& e = doc.entities[r.entity];
  return e.geo && e.geo->precision == Precision::kCountry;  // "Iran", "the US" act
}

// The trigger's last token: the one holding its last byte.
int TriggerEnd(const Sentence& s, const Mention& m) {
  int e = m.token + 1;
  while (e < static_cast<int>(s.tokens.size()) && s.tokens[e].begin < m.end) ++e;
  return e;
}

}  // namespace

std::optional<int> EntityOfRole(const DocContext& doc, const SentenceInfo& s,
                                const std::vector<RoleSpan>& spans, std::optional<bool> places) {
  for (const RoleSpan& span : spans) {
    int best = -1, best_dist = 1 << 30;
    for (const EntityRef& r : s.entities) {
      if (places && (*places ? !r.place : !ActorLike(doc, r))) continue;
      auto [first, last] = EntityTokens(*s.sentence, r);
      if (last < span.begin || first >= span.end) continue;
      int dist = span.head < first ? first - span.head : std::max(0, span.head - last);
      if (places && *places && dist > kPlaceReach) continue;  // "in the loss of ... Iran's"
      if (dist < best_dist) best_dist = dist, best = r.entity;
    }
    if (best >= 0) return best;
  }
  return std::nullopt;
}

void ApplyParsedRoles(const DocContext& doc, const SentenceInfo& s, const Sentence& parsed,
                      Mention* m) {
  Roles r = FindRoles(parsed, m->token, TriggerEnd(parsed, *m));
  std::optional<int> actor = EntityOfRole(doc, s, r.actor, false);
  std::optional<int> target = EntityOfRole(doc, s, r.target, std::nullopt);
  if (target) {
    // A town as target ("the strike on Baghdad airport") is a place, not a party; a country
    // is a party ("strikes on Iran").
    const Entity& e = doc.entities[*target];
    if (e.kind == "place" && !(e.geo && e.geo->precision == Precision::kCountry)) target.reset();
  }
  // Only what the tree says; the event falls back to the patterns' guesses (BuildEvent).
  m->parsed_roles = true;
  // A country in a place phrase mostly qualifies its head ("killed in the US attack"); the
  // patterns keep "in Iraq" (mentions.cc).
  m->role_place = EntityOfRole(doc, s, r.place, true);
  if (m->role_place) {
    const auto& geo = doc.entities[*m->role_place].geo;
    if (!geo || geo->precision == Precision::kCountry) m->role_place.reset();
  }
  m->role_actor1 = actor;
  if (target != actor) m->role_actor2 = target;
}

}  // namespace sitrep::extract
