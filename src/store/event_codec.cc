#include "sitrep/store/event_codec.h"

#include <nlohmann/json.hpp>

#include "sitrep/extract/event_json.h"

namespace sitrep {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<EventActor> Actor(const json& j) {
  if (!j.is_object()) return std::nullopt;
  EventActor a;
  a.name = Str(j, "name");
  a.id = Str(j, "id");
  a.country = Str(j, "country");
  a.kind = Str(j, "kind");
  return a;
}

std::optional<CountRange> CountFrom(const json& j) {
  if (!j.is_object()) return std::nullopt;
  return CountRange{j.value("best", int64_t{0}), j.value("min", int64_t{0}),
                    j.value("max", int64_t{0})};
}

DatePrecision PrecisionFrom(const std::string& s) {
  if (s == "day") return DatePrecision::kDay;
  if (s == "week") return DatePrecision::kWeek;
  if (s == "month") return DatePrecision::kMonth;
  if (s == "year") return DatePrecision::kYear;
  return DatePrecision::kNone;
}

}  // namespace

std::string EncodeEvent(const Event& e) {
  json j = EventJson(e, /*mentions=*/true);
  for (size_t i = 0; i < e.sources.size(); ++i) {
    if (!e.sources[i].origin.empty()) j["sources"][i]["origin"] = e.sources[i].origin;
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Event> DecodeEvent(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::DataLoss("stored event is not a JSON object");
  try {
    Event e;
    e.id = Str(j, "id");
    e.event_type = Str(j, "event_type");
    e.sub_event_type = Str(j, "sub_event_type");
    e.plover_type = Str(j, "plover_type");
    e.plover_mode = Str(j, "plover_mode");
    e.date.precision = PrecisionFrom(Str(j, "date_precision"));
    if (e.date.known()) {
      const json& r = j.at("date_range");
      e.date.earliest = ParseIsoDate(r.at(0).get<std::string>()).value_or(0);
      e.date.latest = ParseIsoDate(r.at(1).get<std::string>()).value_or(0);
      e.best_day = ParseIsoDate(Str(j, "date")).value_or(e.date.earliest);
    }
    if (j.contains("location") && j["location"].is_object()) {
      const json& l = j["location"];
      EventPlace p;
      p.name = Str(l, "name");
      p.geonameid = l.contains("geonameid") && l["geonameid"].is_number()
                        ? l["geonameid"].get<int64_t>() : 0;
      p.country = Str(l, "country");
      p.admin1 = Str(l, "admin1");
      p.precision = Str(l, "precision");
      p.has_coords = l.contains("lat") && l["lat"].is_number();
      if (p.has_coords) {
        p.lat = l["lat"].get<double>();
        p.lon = l["lon"].get<double>();
      }
      e.location = p;
    }
    e.actor1 = Actor(j.value("actor1", json()));
    e.actor2 = Actor(j.value("actor2", json()));
    e.fatalities = CountFrom(j.value("fatalities", json()));
    e.injured = CountFrom(j.value("injured", json()));
    e.historical = j.value("historical", false);
    e.independent_sources = j.value("independent_sources", 0);
    for (const json& s : j.value("sources", json::array())) {
      EventSource o;
      o.doc = Str(s, "doc");
      o.outlet = Str(s, "outlet");
      o.published = Str(s, "published");
      o.sentence = Str(s, "sentence");
      o.begin = s.at("span").at(0).get<uint32_t>();
      o.end = s.at("span").at(1).get<uint32_t>();
      const json values = s.value("values", json::object());
      if (values.contains("fatalities")) o.fatalities = values["fatalities"].get<int64_t>();
      if (values.contains("injured")) o.injured = values["injured"].get<int64_t>();
      o.revised = s.value("revised", false);
      o.background = s.value("background", false);
      o.origin = Str(s, "origin");
      o.trigger = Str(s, "trigger");
      if (s.contains("trigger_span")) {
        o.trigger_begin = s["trigger_span"].at(0).get<uint32_t>();
        o.trigger_end = s["trigger_span"].at(1).get<uint32_t>();
      }
      o.modality = Str(s, "modality");
      o.attribution = Str(s, "attribution");
      e.sources.push_back(std::move(o));
    }
    for (const json& c : j.value("conflicts", json::array())) {
      Conflict k;
      k.field = Str(c, "field");
      for (const json& v : c.value("values", json::array())) {
        k.values.push_back({Str(v, "value"), v.value("docs", std::vector<std::string>{})});
      }
      e.conflicts.push_back(std::move(k));
    }
    return e;
  } catch (const json::exception& ex) {
    return Status::DataLoss(std::string("stored event: ") + ex.what());
  }
}

}  // namespace sitrep
