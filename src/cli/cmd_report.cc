// sitrep report [filters] [--format md|html] [--out FILE]: the situation report of a database
// (briefing, key events, timeline, map or area table); the filters are those of `sitrep events`.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/event_filter_options.h"
#include "sitrep/base/file.h"
#include "sitrep/show/open_database.h"
#include "sitrep/show/report_html.h"
#include "sitrep/show/report_markdown.h"
#include "sitrep/show/report_model.h"
#include "sitrep/show/world_outlines.h"

namespace sitrep::cli {
namespace {

struct ReportArgs {
  std::string db = "sitrep.db";
  EventFilterArgs filter;
  std::string format = "md";
  std::string out = "-";
  std::string title = "Situation report";
  std::string outlines = "auto";
  size_t top = 10;
};

// The outlines to draw: none, the given file, or the data dir's file when there is one. A
// file that fails to load is named in a warning and the map keeps its points.
std::optional<show::WorldOutlines> Outlines(const std::string& option) {
  if (option == "none") return std::nullopt;
  const std::string path = option == "auto" ? show::FindWorldOutlines() : option;
  if (path.empty()) return std::nullopt;
  auto loaded = show::LoadWorldOutlines(path);
  if (!loaded.ok()) {
    if (option != "auto") throw CommandFailed{"--outlines " + loaded.status().message()};
    Warn("map outlines not drawn: " + loaded.status().message());
    return std::nullopt;
  }
  return std::move(loaded).value();
}

void RunReport(const ReportArgs& args) {
  if (args.format != "md" && args.format != "html") {
    throw CommandFailed{"--format '" + args.format + "': expected md or html"};
  }
  auto store = show::OpenSitrepDatabase(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
  const EventFilter filter = MakeEventFilter(args.filter);
  auto events = (*store)->Events(filter);
  if (!events.ok()) throw CommandFailed{args.db + ": " + events.status().message()};
  show::ReportOptions options;
  options.title = args.title;
  options.scope = DescribeEventFilter(args.filter);
  options.max_key_events = args.top;
  options.country_name = CountryName;
  show::ReportModel model = show::BuildReportModel(std::move(events).value(), options);
  std::string text;
  if (args.format == "html") {
    std::optional<show::WorldOutlines> outlines = Outlines(args.outlines);
    text = show::RenderHtml(model, outlines ? &*outlines : nullptr);
  } else {
    text = show::RenderMarkdown(model);
  }
  if (args.out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  Status written = WriteFileAtomic(args.out, text);
  if (!written.ok()) throw CommandFailed{"--out " + args.out + ": cannot write (" + written.message() + ")"};
}

void SetupReport(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "The situation report: briefing, key events, timeline, map (HTML or Markdown)");
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  AddEventFilterOptions(cmd, &args->filter);
  cmd->add_option("--format", args->format, "md (Markdown) or html (one self-contained page)")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Output file, written whole or not at all; - = stdout")
      ->capture_default_str();
  cmd->add_option("--title", args->title, "Report title")->capture_default_str();
  cmd->add_option("--top", args->top, "Key events in the briefing")->capture_default_str();
  cmd->add_option("--outlines", args->outlines,
                  "HTML map outlines: auto (<data dir>/world_outlines.txt when built), none, or a file")
      ->capture_default_str();
  cmd->callback([args] { RunReport(*args); });
}

}  // namespace

SITREP_COMMAND(23, SetupReport);

}  // namespace sitrep::cli
