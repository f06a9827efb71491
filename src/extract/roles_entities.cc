// From role spans to the know stage's entities: a role names the entity whose mention overlaps
// its phrase (nearest the phrase's head), and the mention's actor1/actor2/places follow.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "extract/mention.h"
#include "extract/roles.h"

namespace sitrep::extract {
namespace {

constexpr int kPlaceReach = 2;  // tokens between a place phrase's head and its place name
constexpr int kOriginReach = 4; // words naming a place's kind after "from" ("the capital")

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

// The name is who a statement was made to or comes from ("a police officer told The
// Associated Press", "said to Reuters", "according to the ministry", "in an interview with
// CNN"): a source of the report, not a party to the event.
bool StatementParty(const SentenceInfo& s, int t) {
  int k = t - 1;
  if (k >= 0 && s.lower[k] == "the") --k;
  if (k < 0) return false;
  const std::string& w = s.lower[k];
  if (w == "told" || w == "tell" || w == "tells" || w == "telling") return true;
  if (k == 0) return false;
  const std::string& v = s.lower[k - 1];
  if (w == "to")
    return v == "said" || v == "says" || v == "spoke" || v == "speaking" || v == "talking" ||
           v == "according" || v == "statement" || v == "told";
  return w == "with" && (v == "interview" || v == "interviews" || v == "spoke" ||
                         v == "speaking" || v == "talking");
}

bool DistanceOrigin(const SentenceInfo& s, int t) {
  const auto& w = s.lower;
  int i = t - 1;
  // "from the Haitian capital Port-au-Prince": words that name the place's kind between.
  while (i >= 0 && i >= t - kOriginReach && w[i] != "from" && w[i] != "of" && w[i] != "outside") {
    if (w[i] == "," || w[i] == "." || w[i] == "in" || w[i] == "at" || w[i] == "and") return false;
    --i;
  }
  if (i < 0 || (w[i] != "from" && w[i] != "of" && w[i] != "outside")) return false;
  for (int k = i - 1; k >= 0 && k >= i - 3; --k) {
    const std::string& x = w[k];
    bool unit = x == "km" || x == "kms" || x == "kilometers" || x == "kilometres" ||
                x == "kilometer" || x == "kilometre" || x == "miles" || x == "mile" ||
                (x.size() > 2 && std::isdigit(static_cast<unsigned char>(x[0])) &&
                 x.compare(x.size() - 2, 2, "km") == 0);
    if (unit) return true;
    bool direction = x.find("north") != std::string::npos || x.find("south") != std::string::npos ||
                     x.find("east") != std::string::npos || x.find("west") != std::string::npos;
    if (!direction && x != "away" && x != "(" && x != "some" && x != "about") return false;
  }
  return false;
}

std::optional<int> EntityOfRole(const DocContext& doc, const SentenceInfo& s,
                                const std::vector<RoleSpan>& spans, std::optional<bool> places) {
  for (const RoleSpan& span : spans) {
    int best = -1, best_dist = 1 << 30;
    for (const EntityRef& r : s.entities) {
      if (places && (*places ? !r.place : !ActorLike(doc, r))) continue;
      if (!r.place && StatementParty(s, r.first_token)) continue;
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
