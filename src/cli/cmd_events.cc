// sitrep events [filters] [--format ...]: the fused events of a database.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/know/knowledge_base.h"
#include "sitrep/store/event_store.h"
#include "sitrep/store/export.h"

namespace sitrep::cli {
namespace {

struct EventsArgs {
  std::string db = "sitrep.db";
  std::string from, to, country, near, type, actor, text;
  double km = 50;
  std::string format = "table";
};

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

std::string CountryName(const std::string& iso2) {
  auto kb = DefaultKnowledgeBase();
  if (!kb.ok() || !(*kb)->gazetteer) return "";
  uint32_t i = (*kb)->gazetteer->CountryIndex(iso2);
  return i == kNoIndex ? "" : std::string((*kb)->gazetteer->Name(i));
}

int64_t ParseDateOption(const std::string& name, const std::string& value) {
  auto d = ParseIsoDate(value);
  if (!d) throw CommandFailed{name + " '" + value + "': expected YYYY-MM-DD"};
  return *d;
}

void RunEvents(const EventsArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    throw CommandFailed{"no database at " + args.db + " (run sitrep ingest first)"};
  }
  auto store = EventStore::Open(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
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
  auto events = (*store)->Events(f);
  if (!events.ok()) throw CommandFailed{events.status().message()};
  std::string out;
  if (args.format == "jsonl") out = ExportJsonl(*events);
  else if (args.format == "csv") out = ExportCsv(*events);
  else if (args.format == "acled") out = ExportAcled(*events, CountryName);
  else if (args.format == "geojson") out = ExportGeoJson(*events);
  else out = ExportTable(*events);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void SetupEvents(CLI::App& app) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand("events", "List fused events from the database");
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--from", args->from, "Events on or after this date (YYYY-MM-DD)");
  cmd->add_option("--to", args->to, "Events on or before this date (YYYY-MM-DD)");
  cmd->add_option("--country", args->country, "ISO 3166-1 alpha-2 country code");
  cmd->add_option("--near", args->near, "A place name or \"lat,lon\"");
  cmd->add_option("--km", args->km, "Radius for --near, in km")->capture_default_str();
  cmd->add_option("--type", args->type, "ACLED event or sub-event type, or PLOVER type");
  cmd->add_option("--actor", args->actor, "Actor name or id (substring)");
  cmd->add_option("--text", args->text, "Full-text query (FTS5) over the reporting articles");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "acled", "geojson"}))
      ->capture_default_str();
  cmd->callback([args] { RunEvents(*args); });
}

}  // namespace

SITREP_COMMAND(21, SetupEvents);

}  // namespace sitrep::cli
