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

namespace {

int AcledTimePrecision(const Event& e) {
  if (e.date.precision == DatePrecision::kDay) return 1;
  return e.date.precision == DatePrecision::kWeek ? 2 : 3;
}

int AcledGeoPrecision(const Event& e) {
  if (!e.location) return 3;
  const std::string& p = e.location->precision;
  if (p == "point" || p == "city") return 1;
  if (p == "admin1" || p == "country") return 3;
  return 2;
}

int64_t AcledFatalities(const Event& e) {
  if (!e.fatalities) return 0;
  for (const EventSource& s : e.sources) {
    if (s.revised && s.fatalities) return e.fatalities->best;  // a revision supersedes
  }
  return e.fatalities->min;
}

std::string AcledDisorderType(const Event& e) {
  if (e.event_type == "Protests") return "Demonstrations";
  if (e.event_type == "Riots") {
    return e.sub_event_type == "Mob violence" ? "Political violence; Demonstrations"
                                              : "Demonstrations";
  }
  if (e.event_type == "Strategic developments") return "Strategic developments";
  return "Political violence";
}

std::string AcledEventNumber(const std::string& id) {
  // ACLED ids are a country code and a number; ours: the first 8 hex digits of our id.
  uint64_t n = 0;
  int digits = 0;
  for (size_t i = id.rfind('-') == std::string::npos ? 0 : id.rfind('-') + 1;
       i < id.size() && digits < 8; ++i, ++digits) {
    char c = id[i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0) break;
    n = n * 16 + static_cast<uint64_t>(v);
  }
  return std::to_string(n);
}

std::string AcledNotes(const Event& e) {
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  std::string notes;
  if (e.date.known()) {
    CivilDate d = CivilFromDays(e.best_day);
    notes = e.date.precision == DatePrecision::kDay
                ? "On " + std::to_string(d.day) + " " + kMonths[d.month - 1] + " " +
                      std::to_string(d.year) + ", "
                : "Around " + std::to_string(d.day) + " " + kMonths[d.month - 1] + " " +
                      std::to_string(d.year) + " (" +
                      std::string(DatePrecisionName(e.date.precision)) + " precision), ";
  }
  const EventSource* lead = LeadSource(e);
  notes += lead ? lead->sentence : "";
  for (const Conflict& c : e.conflicts) {
    notes += " [" + c.field + " reported:";
    for (size_t i = 0; i < c.values.size(); ++i) notes += (i ? ", " : " ") + c.values[i].value;
    notes += "]";
  }
  return notes;
}

}  // namespace

std::string ExportAcled(const std::vector<Event>& events, const CountryNamer& namer) {
  std::string out = Row({"event_id_cnty", "event_date", "year", "time_precision",
                         "disorder_type", "event_type", "sub_event_type", "actor1", "actor2",
                         "civilian_targeting", "iso", "country", "admin1", "location",
                         "latitude", "longitude", "geo_precision", "source", "notes",
                         "fatalities"});
  for (const Event& e : events) {
    if (e.event_type.empty()) continue;  // ACLED has no verbal events
    const EventPlace* p = e.location ? &*e.location : nullptr;
    std::string iso = p && !p->country.empty() ? p->country : "XX";
    std::string country = p ? p->country : "";
    if (namer && !country.empty()) {
      std::string name = namer(country);
      if (!name.empty()) country = name;
    }
    bool civilians = e.event_type == "Violence against civilians" ||
                     (e.actor2 && e.actor2->kind == "civilians");
    out += Row({iso + AcledEventNumber(e.id), DateOf(e),
                e.date.known() ? std::to_string(CivilFromDays(e.best_day).year) : "",
                std::to_string(AcledTimePrecision(e)), AcledDisorderType(e), e.event_type,
                e.sub_event_type, e.actor1 ? e.actor1->name : "", e.actor2 ? e.actor2->name : "",
                civilians ? "Civilian targeting" : "", p ? p->country : "", country,
                p ? p->admin1 : "", p ? p->name : "", p && p->has_coords ? Num(p->lat) : "",
                p && p->has_coords ? Num(p->lon) : "", std::to_string(AcledGeoPrecision(e)),
                SourceList(e), AcledNotes(e), std::to_string(AcledFatalities(e))});
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
