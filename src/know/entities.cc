#include "sitrep/know/entities.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "know/entity_linking.h"
#include "know/mention_scan.h"
#include "sitrep/know/normalize.h"

namespace sitrep {

using know::Cand;
using know::CandType;

std::vector<Entity> RecogniseEntities(const KnowledgeBase& kb, const Document& doc) {
  EntityOptions options;
  if (doc.published.known()) options.day = doc.published.earliest;
  return RecogniseEntities(kb, doc.text, options);
}

std::vector<Entity> RecogniseEntities(const KnowledgeBase& kb, std::string_view text,
                                      const EntityOptions& options) {
  know::Linker linker(kb, text, options);
  linker.FindCandidates();
  linker.AddNerSpans();
  linker.BindDefinitions();
  linker.ShortCountryNames();
  linker.ResolveDivisionCodes();
  linker.ResolveActors();
  linker.LinkSurnames();
  linker.LinkGroupReferences();
  linker.ResolvePlaces();
  linker.CountryOfNewActors();
  const std::vector<Cand>& cands = linker.candidates();

  // Group candidates into entities by what they resolved to.
  std::vector<Entity> out;
  std::unordered_map<std::string, size_t> index;
  std::vector<size_t> order(cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return cands[a].begin < cands[b].begin; });
  for (size_t ci : order) {
    const Cand& c = cands[ci];
    if (c.dropped) continue;
    std::string id;
    Entity e;
    if (c.type == CandType::kPlace && c.place != kNoIndex && kb.gazetteer && c.stand_in) {
      // A name we do not know, placed by the division written after it: its own entity at
      // the division's point (a town's when the division is read as its seat), admin1 precision.
      PlaceResolver resolver(*kb.gazetteer);
      Geo geo = resolver.MakeGeo(c.place);
      std::string name(text.substr(c.begin, c.end - c.begin));
      id = "in:" + know::PlaceId(*kb.gazetteer, c.place) + ":" + know::Slug(name);
      if (geo.admin1.empty()) geo.admin1 = geo.name;
      geo.name = name;
      geo.geonameid = 0;
      geo.precision = std::max(geo.precision, Precision::kAdmin1);
      e.name = name;
      e.kind = "place";
      e.country = geo.country;
      e.geo = std::move(geo);
    } else if (c.type == CandType::kPlace && c.place != kNoIndex && kb.gazetteer) {
      PlaceResolver resolver(*kb.gazetteer);
      Geo geo = resolver.MakeGeo(c.place);
      id = know::PlaceId(*kb.gazetteer, c.place);
      e.name = geo.name;
      e.kind = "place";
      e.country = geo.country;
      e.geo = std::move(geo);
    } else if (c.actor != ActorDictionary::kNoActor) {
      const Actor& a = kb.actors.actor(c.actor);
      id = a.id;
      e.name = a.name;
      e.kind = a.kind;
      e.country = a.country;
    } else if (c.type == CandType::kNewActor && !c.new_name.empty()) {
      id = "new:" + know::Slug(c.new_name);
      e.name = c.new_name;
      e.kind = c.new_kind;
      e.country = c.new_country;
    } else {
      continue;
    }
    e.id = id;
    auto [it, inserted] = index.emplace(id, out.size());
    if (inserted) out.push_back(std::move(e));
    Entity& target = out[it->second];
    if (target.kind != "place" && target.country.empty() && !c.new_country.empty())
      target.country = c.new_country;
    EntityMention m;
    m.begin = c.begin;
    m.end = c.end;
    m.text = std::string(text.substr(c.begin, c.end - c.begin));
    m.relation = c.relation;
    if (!c.relation.empty() && target.geo) m.precision = Coarser(target.geo->precision);
    if (c.relation == "border with" && target.geo) m.precision = Precision::kCountry;
    target.mentions.push_back(std::move(m));
  }
  return out;
}

nlohmann::json EntitiesJson(const std::vector<Entity>& entities) {
  nlohmann::json out = nlohmann::json::array();
  for (const Entity& e : entities) {
    nlohmann::json j;
    j["id"] = e.id;
    j["name"] = e.name;
    j["kind"] = e.kind;
    j["country"] = e.country.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.country);
    nlohmann::json mentions = nlohmann::json::array();
    for (const EntityMention& m : e.mentions) {
      nlohmann::json mj = {{"text", m.text}, {"span", {m.begin, m.end}}};
      if (!m.relation.empty()) {
        mj["relation"] = m.relation;
        if (m.precision) mj["precision"] = std::string(PrecisionName(*m.precision));
      }
      mentions.push_back(std::move(mj));
    }
    j["mentions"] = std::move(mentions);
    if (e.geo) {
      j["geo"] = {{"geonameid", e.geo->geonameid == 0 ? nlohmann::json(nullptr)
                                                       : nlohmann::json(e.geo->geonameid)},
                  {"lat", e.geo->lat},
                  {"lon", e.geo->lon},
                  {"admin1", e.geo->admin1.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(e.geo->admin1)},
                  {"country", e.geo->country},
                  {"precision", std::string(PrecisionName(e.geo->precision))}};
    } else {
      j["geo"] = nullptr;
    }
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json DocumentEntitiesJson(const Document& doc, std::string* warning) {
  Result<const KnowledgeBase*> kb = DefaultKnowledgeBase();
  if (!kb.ok()) {
    if (warning) *warning = "entities: " + kb.status().message();
    return nlohmann::json::array();
  }
  if (warning && !(*kb)->gazetteer)
    *warning = "entities: no gazetteer index (run scripts/build_data.sh); places not resolved";
  return EntitiesJson(RecogniseEntities(**kb, doc));
}

}  // namespace sitrep
