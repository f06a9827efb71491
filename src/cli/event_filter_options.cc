#include "cli/event_filter_options.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/command.h"
#include "sitrep/know/knowledge_base.h"

namespace sitrep::cli {
namespace {

// "lat,lon", or a place name resolved through the gazetteer (the most populous match).
std::pair<double, double> ResolvePlace(const std::string& place) {
  double lat, lon;
  char extra;
  if (std::sscanf(place.c_str(), "%lf , %lf %c", &lat, &lon, &extra) == 2) return {lat, lon};
  auto kb = DefaultKnowledgeBase();
  if (!kb.ok() || !(*kb)->gazetteer) {
    throw CommandFailed{"--near '" + place + "': not \"lat,lon\" and no gazetteer to look it up"};
  }
  const Gazetteer& g = *(*kb)->gazetteer;
  std::vector<NameHit> hits;
  g.Lookup(place, &hits);
  if (hits.empty()) throw CommandFailed{"--near '" + place + "': no such place in the gazetteer"};
  const PlaceRecord* best = nullptr;
  for (const NameHit& h : hits) {
    const PlaceRecord& p = g.place(h.place);
    if (!best || p.population > best->population) best = &p;
  }
  return {best->lat, best->lon};
}

int64_t ParseDateOption(const std::string& name, const std::string& value) {
  auto d = ParseIsoDate(value);
  if (!d) throw CommandFailed{name + " '" + value + "': expected YYYY-MM-DD"};
  return *d;
}

}  // namespace

void AddEventFilterOptions(CLI::App* cmd, EventFilterArgs* args) {
  cmd->add_option("--from", args->from, "Events on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Events on or before this date (YYYY-MM-DD)");
  cmd->add_option("--country", args->country, "ISO 3166-1 alpha-2 country code");
  cmd->add_option("--near", args->near, "A place name or \"lat,lon\"");
  cmd->add_option("--km", args->km, "Radius for --near, in km")->capture_default_str();
  cmd->add_option("--type", args->type, "ACLED event or sub-event type, or PLOVER type");
  cmd->add_option("--actor", args->actor, "Actor name or id (substring)");
  cmd->add_option("--text", args->text, "Full-text query (FTS5) over the reporting articles");
}

EventFilter MakeEventFilter(const EventFilterArgs& args) {
  EventFilter f;
  if (!args.from.empty()) f.from = ParseDateOption("--from", args.from);
  if (!args.to.empty()) f.to = ParseDateOption("--to", args.to);
  f.country = args.country;
  f.type = args.type;
  f.actor = args.actor;
  f.text = args.text;
  if (!args.near.empty()) {
    auto [lat, lon] = ResolvePlace(args.near);
    f.lat = lat;
    f.lon = lon;
    f.km = args.km;
  }
  return f;
}

std::string DescribeEventFilter(const EventFilterArgs& args) {
  std::string s;
  auto add = [&s](const char* name, const std::string& value) {
    if (value.empty()) return;
    s += (s.empty() ? "" : ", ") + std::string(name) + " " + value;
  };
  add("--from", args.from);
  add("--to", args.to);
  add("--country", args.country);
  if (!args.near.empty()) {
    char km[32];
    std::snprintf(km, sizeof km, "%g", args.km);
    add("--near", args.near + " --km " + km);
  }
  add("--type", args.type);
  add("--actor", args.actor);
  add("--text", args.text);
  return s;
}

std::string CountryName(const std::string& iso2) {
  auto kb = DefaultKnowledgeBase();
  if (!kb.ok() || !(*kb)->gazetteer) return "";
  uint32_t i = (*kb)->gazetteer->CountryIndex(iso2);
  return i == kNoIndex ? "" : std::string((*kb)->gazetteer->Name(i));
}

}  // namespace sitrep::cli
