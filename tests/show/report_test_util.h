// Hand-built fused events for the report tests (no extractor or fusion needed).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/date.h"
#include "sitrep/extract/event.h"

namespace sitrep::testing_show {

inline EventPlace At(const std::string& name, const std::string& country, const std::string& admin1,
                     double lat, double lon) {
  EventPlace p;
  p.name = name;
  p.country = country;
  p.admin1 = admin1;
  p.lat = lat;
  p.lon = lon;
  p.has_coords = true;
  p.precision = "city";
  return p;
}

inline EventSource Src(const std::string& doc, const std::string& sentence,
                       std::optional<int64_t> dead = std::nullopt, const std::string& origin = "",
                       uint32_t begin = 0) {
  EventSource s;
  s.doc = doc;
  s.outlet = "Outlet " + doc;
  s.published = "2024-03-06";
  s.sentence = sentence;
  s.begin = begin;
  s.end = begin + static_cast<uint32_t>(sentence.size());
  s.fatalities = dead;
  s.origin = origin;
  s.modality = "happened";
  return s;
}

// A record (ACLED type) on `day` ("" = undated) with the given fatality range (best < 0: none).
inline Event Ev(const std::string& id, const std::string& sub_type, const std::string& day,
                std::optional<EventPlace> place, int64_t best, int64_t min, int64_t max,
                std::vector<EventSource> sources, int independent) {
  Event e;
  e.id = id;
  e.event_type = sub_type == "Armed clash" ? "Battles"
                 : sub_type == "Peaceful protest" ? "Protests"
                                                  : "Explosions/Remote violence";
  e.sub_event_type = sub_type;
  e.plover_type = "ASSAULT";
  if (!day.empty()) {
    e.date = {*ParseIsoDate(day), *ParseIsoDate(day), DatePrecision::kDay};
    e.best_day = e.date.earliest;
  }
  e.location = std::move(place);
  if (best >= 0) e.fatalities = CountRange{best, min, max};
  e.sources = std::move(sources);
  e.independent_sources = independent;
  return e;
}

}  // namespace sitrep::testing_show
