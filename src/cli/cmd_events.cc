// sitrep events [filters] [--format ...]: the fused events of a database.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/event_filter_options.h"
#include "sitrep/store/event_store.h"
#include "sitrep/store/export.h"

namespace sitrep::cli {
namespace {

struct EventsArgs {
  std::string db = "sitrep.db";
  EventFilterArgs filter;
  std::string format = "table";
};

void RunEvents(const EventsArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    throw CommandFailed{"no database at " + args.db + " (run sitrep ingest first)"};
  }
  auto store = EventStore::Open(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
  const EventFilter f = MakeEventFilter(args.filter);
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
  AddEventFilterOptions(cmd, &args->filter);
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "acled", "geojson"}))
      ->capture_default_str();
  cmd->callback([args] { RunEvents(*args); });
}

}  // namespace

SITREP_COMMAND(21, SetupEvents);

}  // namespace sitrep::cli
