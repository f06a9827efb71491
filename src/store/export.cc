#include "sitrep/store/export.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "sitrep/extract/event_json.h"

namespace sitrep {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string DateOf(const Event& e) { return e.date.known() ? FormatIsoDate(e.best_day) : ""; }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

std::string Row(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  return line + "\n";
}

// Source outlets (or documents when the outlet is unknown), each once, in source order.
std::string SourceList(const Event& e) {
  std::set<std::string> seen;
  std::string out;
  for (const EventSource& s : e.sources) {
    std::string name = s.outlet.empty() ? s.doc : s.outlet;
    if (!seen.insert(name).second) continue;
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out;
}

// The first report that is not background, else the first report.
const EventSource* LeadSource(const Event& e) {
  for (const EventSource& s : e.sources) {
    if (!s.background) return &s;
  }
  return e.sources.empty() ? nullptr : &e.sources.front();
}

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ExportTable(const std::vector<Event>& events) {
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-19s %-10s %-28s %-24s %-11s %s\n", "id", "date", "type",
                "location", "killed", "sources");
  out += buf;
  for (const Event& e : events) {
    std::string type = e.sub_event_type.empty() ? (e.event_type.empty() ? e.plover_type
                                                                        : e.event_type)
                                                : e.sub_event_type;
    std::string killed = "-";
    if (e.fatalities) {
      killed = std::to_string(e.fatalities->best);
      if (e.fatalities->min != e.fatalities->max) {
        killed += " (" + std::to_string(e.fatalities->min) + "-" +
                  std::to_string(e.fatalities->max) + ")";
      }
    }
    std::string place = e.location ? e.location->name + (e.location->country.empty() ? "" :
                                                         ", " + e.location->country) : "-";
    std::snprintf(buf, sizeof buf, "%-19s %-10s %-28.28s %-24.24s %-11s %d of %zu%s\n",
                  e.id.c_str(), DateOf(e).c_str(), type.c_str(), place.c_str(), killed.c_str(),
                  e.independent_sources, e.sources.size(), e.historical ? " (historical)" : "");
    out += buf;
  }
  return out;
}

std::string ExportJsonl(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) out += Dump(EventJson(e)) + "\n";
  return out;
}

std::string ExportCsv(const std::vector<Event>& events) {
  std::string out = Row({"id", "date", "date_precision", "date_earliest", "date_latest",
                         "event_type", "sub_event_type", "plover_type", "location", "country",
                         "admin1", "lat", "lon", "actor1", "actor2", "fatalities_best",
                         "fatalities_min", "fatalities_max", "injured_best", "injured_min",
                         "injured_max", "historical", "independent_sources", "sources",
                         "conflicts"});
  for (const Event& e : events) {
    auto count = [](const std::optional<CountRange>& c, int which) {
      if (!c) return std::string();
      return std::to_string(which == 0 ? c->best : which == 1 ? c->min : c->max);
    };
    std::string conflicts;
    for (const Conflict& c : e.conflicts) conflicts += (conflicts.empty() ? "" : ";") + c.field;
    const EventPlace* p = e.location ? &*e.location : nullptr;
    out += Row({e.id, DateOf(e), std::string(DatePrecisionName(e.date.precision)),
                e.date.known() ? FormatIsoDate(e.date.earliest) : "",
                e.date.known() ? FormatIsoDate(e.date.latest) : "", e.event_type,
                e.sub_event_type, e.plover_type, p ? p->name : "", p ? p->country : "",
                p ? p->admin1 : "", p && p->has_coords ? Num(p->lat) : "",
                p && p->has_coords ? Num(p->lon) : "", e.actor1 ? e.actor1->name : "",
                e.actor2 ? e.actor2->name : "", count(e.fatalities, 0), count(e.fatalities, 1),
                count(e.fatalities, 2), count(e.injured, 0), count(e.injured, 1),
                count(e.injured, 2), e.historical ? "true" : "false",
                std::to_string(e.independent_sources), SourceList(e), conflicts});
  }
  return out;
}

std::string ExportAcled(const std::vector<Event>& events, const CountryNamer& namer) {
  std::string out = Row({"event_id_cnty", "event_date", "year", "time_precision", "event_type",
                         "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                         "latitude", "longitude", "geo_precision", "source", "notes",
                         "fatalities"});
  for (const Event& e : events) {
    if (e.event_type.empty()) continue;  // ACLED has no verbal events
    const EventPlace* p = e.location ? &*e.location : nullptr;
    std::string iso = p && !p->country.empty() ? p->country : "XX";
    // ACLED ids are a country code and a number; ours: the event id's first 32 bits in decimal.
    std::string number = std::to_string(std::stoull(e.id.substr(3, 8), nullptr, 16));
    int time_precision = e.date.precision == DatePrecision::kDay    ? 1
                         : e.date.precision == DatePrecision::kWeek ? 2
                                                                    : 3;
    int geo_precision = !p ? 3
                        : (p->precision == "point" || p->precision == "city") ? 1
                        : p->precision == "admin1" || p->precision == "country" ? 3
                                                                                : 2;
    std::string country = p ? p->country : "";
    if (namer && !country.empty()) {
      std::string name = namer(country);
      if (!name.empty()) country = name;
    }
    const EventSource* lead = LeadSource(e);
    std::string notes = e.date.known() ? "On " + DateOf(e) + ", " : "";
    notes += lead ? lead->sentence : "";
    if (e.fatalities && e.fatalities->min != e.fatalities->max) {
      notes += " [fatalities reported: " + std::to_string(e.fatalities->min) + "-" +
               std::to_string(e.fatalities->max) + "]";
    }
    out += Row({iso + number, DateOf(e),
                e.date.known() ? std::to_string(CivilFromDays(e.best_day).year) : "",
                std::to_string(time_precision), e.event_type, e.sub_event_type,
                e.actor1 ? e.actor1->name : "", e.actor2 ? e.actor2->name : "", country,
                p ? p->admin1 : "", p ? p->name : "", p && p->has_coords ? Num(p->lat) : "",
                p && p->has_coords ? Num(p->lon) : "", std::to_string(geo_precision),
                SourceList(e), notes, std::to_string(e.fatalities ? e.fatalities->min : 0)});
  }
  return out;
}

std::string ExportGeoJson(const std::vector<Event>& events) {
  nlohmann::json features = nlohmann::json::array();
  for (const Event& e : events) {
    if (!e.location || !e.location->has_coords) continue;
    nlohmann::json props = EventJson(e);
    props.erase("sources");
    props["source_count"] = e.sources.size();
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"},
                                      {"coordinates", {e.location->lon, e.location->lat}}}},
                        {"properties", std::move(props)}});
  }
  return Dump({{"type", "FeatureCollection"}, {"features", std::move(features)}}) + "\n";
}

}  // namespace sitrep
