// Hand-built reports for fusion tests (no extractor needed).
#pragma once

#include <string>

#include "sitrep/base/date.h"
#include "sitrep/fuse/fusion.h"

namespace sitrep::testing_fuse {

inline int64_t Day(const char* iso) { return *ParseIsoDate(iso); }

inline EventPlace Place(const std::string& name, const std::string& country, double lat,
                        double lon, const std::string& precision = "city") {
  EventPlace p;
  p.name = name;
  p.country = country;
  p.lat = lat;
  p.lon = lon;
  p.has_coords = true;
  p.precision = precision;
  return p;
}

// One report of `doc`: type, day, place, fatalities (-1 = none), and its sentence.
inline Report MakeReport(const std::string& doc, int n, const std::string& type,
                         const char* day, std::optional<EventPlace> place, int64_t dead,
                         const std::string& sentence, const std::string& published = "") {
  Report r;
  r.key = doc + "#" + std::to_string(n);
  Event& e = r.event;
  e.event_type = type;
  e.sub_event_type = type == "Explosions/Remote violence" ? "Air/drone strike" : "";
  e.plover_type = type.empty() ? "ACCUSE" : "ASSAULT";
  e.date = {Day(day), Day(day), DatePrecision::kDay};
  e.best_day = Day(day);
  e.location = place;
  EventSource s;
  s.doc = doc;
  s.published = published;
  s.sentence = sentence;
  s.begin = 10;
  s.end = 10 + static_cast<uint32_t>(sentence.size());
  if (dead >= 0) {
    s.fatalities = dead;
    e.fatalities = CountRange{dead, dead, dead};
  }
  e.sources.push_back(s);
  return r;
}

inline DocPrint Print(const std::string& doc, const std::string& text,
                      std::vector<std::string> credits = {}) {
  DocPrint p;
  p.doc = doc;
  p.wire_credits = std::move(credits);
  p.minhash = ComputeMinHash(text, MinHashOptions{});
  return p;
}

}  // namespace sitrep::testing_fuse
