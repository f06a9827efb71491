// Actor choice: same-named actors by source, document countries and roles held at the
// document's date; role descriptions to their holders; bound names copy their root.
#include "know/entity_linking.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>

#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

int SourceRank(ActorSource s) { return static_cast<int>(s); }

}  // namespace

std::vector<uint32_t> Linker::HoldersOf(const std::string& country, std::string_view role) const {
  std::vector<uint32_t> holders = kb_.actors.WithRole(country, role, day_);
  // Where no one is listed as commander-in-chief, the head of state is.
  if (holders.empty() && role == "commander_in_chief")
    holders = kb_.actors.WithRole(country, "head_of_state", day_);
  return holders;
}

std::string Linker::CapitalNamedAfter(const Cand& c) const {
  for (const Cand& d : cands_) {
    if (d.dropped || d.begin < c.end || d.begin > c.end + 2) continue;
    std::string_view gap = text_.substr(c.end, d.begin - c.end);
    if (gap != " " && gap != ", " && gap != ",") continue;
    for (const NameHit& h : d.place_hits) {
      const PlaceRecord& p = kb_.gazetteer->place(h.place);
      if (p.kind == PlaceKind::kCity && p.feature == Feature::kCapital)
        return std::string(p.country, 2);
    }
  }
  return {};
}

std::vector<std::string> Linker::ContextCountries() const {
  // Countries by how often the document names them (names, demonyms, national actors).
  std::unordered_map<std::string, std::pair<int, uint32_t>> count;  // cc -> (mentions, first)
  auto add = [&](std::string_view cc, uint32_t at) {
    if (cc.size() != 2) return;
    auto [it, inserted] = count.emplace(std::string(cc), std::make_pair(0, at));
    ++it->second.first;
  };
  for (const Cand& c : cands_) {
    if (c.dropped) continue;
    if (!c.role_country.empty()) add(c.role_country, c.begin);
    if (kb_.gazetteer)
      for (const NameHit& h : c.place_hits)
        if (kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry) {
          add(std::string_view(kb_.gazetteer->place(h.place).country, 2), c.begin);
          break;
        }
    if (c.actor_hits.size() == 1) {
      const Actor& a = kb_.actors.actor(c.actor_hits[0].actor);
      if (a.source != ActorSource::kPhoenix) add(a.country, c.begin);
    }
  }
  std::vector<std::pair<std::string, std::pair<int, uint32_t>>> v(count.begin(), count.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first
                                            : a.second.second < b.second.second;
  });
  std::vector<std::string> out;
  for (auto& [cc, stats] : v) out.push_back(cc);
  return out;
}

uint32_t Linker::ChooseActor(const std::vector<ActorHit>& hits) const {
  uint32_t best = ActorDictionary::kNoActor;
  double best_score = -1e9;
  for (const ActorHit& h : hits) {
    const Actor& a = kb_.actors.actor(h.actor);
    double s = -10.0 * SourceRank(a.source);
    if (!a.country.empty() && Contains(doc_countries_, a.country)) s += 3;
    for (const ActorRole& r : a.roles)
      if (r.from <= day_ && day_ <= r.to) { s += 2; break; }
    if (best == ActorDictionary::kNoActor || s > best_score) {
      best = h.actor;
      best_score = s;
    }
  }
  return best;
}

bool Linker::IsPerson(const Cand& c) const {
  if (c.type == CandType::kActor) return kb_.actors.actor(c.actor).kind == "person";
  return c.type == CandType::kNewActor && c.new_kind == "person";
}

void Linker::CopyResolution(Cand* to, const Cand& from) const {
  to->type = from.type;
  to->actor = from.actor;
  to->place = from.place;
  to->place_hits = from.place_hits;
  to->new_name = from.new_name;
  to->new_kind = from.new_kind;
  to->new_country = from.new_country;
}

void Linker::ResolveActors() {
  // Countries the document names, for choosing among same-named actors and places.
  for (const Cand& c : cands_) {
    if (!c.role_country.empty() && !Contains(doc_countries_, c.role_country))
      doc_countries_.push_back(c.role_country);
    if (!kb_.gazetteer) continue;
    for (const NameHit& h : c.place_hits) {
      const PlaceRecord& p = kb_.gazetteer->place(h.place);
      if (p.kind == PlaceKind::kCountry && !Contains(doc_countries_, std::string_view(p.country, 2)))
        doc_countries_.emplace_back(p.country, 2);
    }
    if (c.actor_hits.size() == 1) {
      const Actor& a = kb_.actors.actor(c.actor_hits[0].actor);
      // A news outlet's country is where the report comes from, not what it is about ("The
      // New York Times reported" in a Mogadishu story).
      if (a.source != ActorSource::kPhoenix && !a.country.empty() && a.kind != "media" &&
          !Contains(doc_countries_, a.country))
        doc_countries_.push_back(a.country);
    }
  }
  std::optional<PlaceResolver> resolver;
  if (kb_.gazetteer) resolver.emplace(*kb_.gazetteer);
  const std::vector<std::string> context = ContextCountries();
  for (Cand& c : cands_) {
    if (c.dropped || c.bound_to >= 0 || c.type == CandType::kNewActor) continue;
    if (c.role == "capital" && c.role_country.empty() && kb_.gazetteer)
      c.role_country = CapitalNamedAfter(c);  // "the capital, Ouagadougou"
    if (!c.role.empty() && c.role_country.empty()) {
      // A role without a country: the document's country that has a holder on its date.
      for (const std::string& cc : context) {
        bool held = c.role == "capital" ? resolver && resolver->Capital(cc) != kNoIndex
                                        : !HoldersOf(cc, c.role).empty();
        if (held) { c.role_country = cc; break; }
      }
      if (c.role_country.empty()) { c.dropped = true; continue; }
    }
    if (!c.role.empty()) {
      if (c.role == "capital" && resolver) {
        uint32_t cap = resolver->Capital(c.role_country);
        if (cap != kNoIndex) {
          c.type = CandType::kPlace;
          c.place = cap;
          c.place_hits = {{cap, NameRole::kPrimary}};
        } else {
          c.dropped = true;
        }
        continue;
      }
      std::vector<uint32_t> holders = HoldersOf(c.role_country, c.role);
      if (!holders.empty()) {
        c.type = CandType::kActor;
        c.actor = holders[0];
      } else {
        c.type = CandType::kNewActor;
        c.new_name = std::string(text_.substr(c.begin, c.end - c.begin));
        c.new_kind = "person";
        c.new_country = c.role_country;
      }
      continue;
    }
    uint32_t actor = ChooseActor(c.actor_hits);
    bool strong_actor = actor != ActorDictionary::kNoActor &&
                        kb_.actors.actor(actor).source != ActorSource::kPhoenix;
    bool strong_place = false;
    if (kb_.gazetteer)
      for (const NameHit& h : c.place_hits) {
        const PlaceRecord& p = kb_.gazetteer->place(h.place);
        if (p.kind != PlaceKind::kCity || p.population >= kStrongPopulation) strong_place = true;
      }
    if (strong_actor || (actor != ActorDictionary::kNoActor && !strong_place)) {
      c.type = CandType::kActor;
      c.actor = actor;
    } else if (!c.place_hits.empty()) {
      c.type = CandType::kPlace;
    } else if (c.titled) {
      c.type = CandType::kNewActor;
      c.new_name = SpanText(c.w0, c.w1);
      c.new_kind = "person";
    } else {
      c.dropped = true;
    }
  }
  // Bound candidates take their root's resolution (roots are never bound themselves).
  for (Cand& c : cands_) {
    if (c.bound_to < 0) continue;
    int root = c.bound_to;
    for (int guard = 0; guard < 8 && cands_[root].bound_to >= 0; ++guard) root = cands_[root].bound_to;
    CopyResolution(&c, cands_[root]);
    c.dropped = cands_[root].dropped;
  }
}

}  // namespace sitrep::know
