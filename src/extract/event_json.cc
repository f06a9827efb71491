#include "sitrep/extract/event_json.h"

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json ActorJson(const std::optional<EventActor>& a) {
  if (!a) return nullptr;
  return {{"name", a->name}, {"id", OrNull(a->id)}, {"country", OrNull(a->country)},
          {"kind", OrNull(a->kind)}};
}

nlohmann::json CountJson(const std::optional<CountRange>& c) {
  if (!c) return nullptr;
  return {{"best", c->best}, {"min", c->min}, {"max", c->max}};
}

}  // namespace

nlohmann::json EventJson(const Event& e, bool mentions) {
  nlohmann::json j;
  j["id"] = e.id;
  // The flat record (`analyze --format jsonl`, exports) lists ACLED records: an event told
  // only as background is context of the news, not a report of it (as fused, reconcile.cc).
  // The full view (`mentions`, what the store keeps for fusion) keeps its types.
  bool record = mentions || !e.historical;
  j["event_type"] = record ? OrNull(e.event_type) : nlohmann::json();
  j["sub_event_type"] = record ? OrNull(e.sub_event_type) : nlohmann::json();
  j["plover_type"] = OrNull(e.plover_type);
  j["plover_mode"] = OrNull(e.plover_mode);
  if (e.date.known()) {
    j["date"] = FormatIsoDate(e.best_day);
    j["date_precision"] = std::string(DatePrecisionName(e.date.precision));
    j["date_range"] = {FormatIsoDate(e.date.earliest), FormatIsoDate(e.date.latest)};
  } else {
    j["date"] = nullptr, j["date_precision"] = nullptr, j["date_range"] = nullptr;
  }
  if (e.location) {
    const EventPlace& p = *e.location;
    nlohmann::json l = {{"name", p.name}, {"geonameid", p.geonameid ? nlohmann::json(p.geonameid) : nlohmann::json()},
                        {"country", OrNull(p.country)}, {"admin1", OrNull(p.admin1)},
                        {"precision", OrNull(p.precision)}};
    // A country is not a point: its centroid would place the event hundreds of km away.
    bool point = p.has_coords && p.precision != "country";
    l["lat"] = point ? nlohmann::json(p.lat) : nlohmann::json();
    l["lon"] = point ? nlohmann::json(p.lon) : nlohmann::json();
    j["location"] = std::move(l);
  } else {
    j["location"] = nullptr;
  }
  j["actor1"] = ActorJson(e.actor1);
  j["actor2"] = ActorJson(e.actor2);
  j["fatalities"] = CountJson(e.fatalities);
  j["injured"] = CountJson(e.injured);
  j["historical"] = e.historical;
  j["independent_sources"] = e.independent_sources;
  nlohmann::json sources = nlohmann::json::array();
  for (const EventSource& s : e.sources) {
    nlohmann::json o = {{"doc", s.doc}, {"outlet", OrNull(s.outlet)},
                        {"published", OrNull(s.published)}, {"sentence", s.sentence},
                        {"span", {s.begin, s.end}}};
    nlohmann::json values = nlohmann::json::object();
    if (s.fatalities) values["fatalities"] = *s.fatalities;
    if (s.injured) values["injured"] = *s.injured;
    o["values"] = std::move(values);
    if (s.revised) o["revised"] = true;
    if (s.background) o["background"] = true;
    if (mentions) {
      o["trigger"] = s.trigger;
      o["trigger_span"] = {s.trigger_begin, s.trigger_end};
      o["modality"] = OrNull(s.modality);
      o["attribution"] = OrNull(s.attribution);
    }
    sources.push_back(std::move(o));
  }
  j["sources"] = std::move(sources);
  nlohmann::json conflicts = nlohmann::json::array();
  for (const Conflict& c : e.conflicts) {
    nlohmann::json vals = nlohmann::json::array();
    for (const auto& v : c.values) vals.push_back({{"value", v.value}, {"docs", v.docs}});
    conflicts.push_back({{"field", c.field}, {"values", std::move(vals)}});
  }
  j["conflicts"] = std::move(conflicts);
  return j;
}

}  // namespace sitrep
