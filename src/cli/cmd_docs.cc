// sitrep docs PATH...: one line per document with its metadata and the evidence for its date.
// sitrep docs --db FILE: the documents stored in an event database, with their origin group
// and how many event reports they gave.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/pipeline/document_json.h"
#include "sitrep/store/event_store.h"
#include "sitrep/store/export.h"

namespace sitrep::cli {
namespace {

struct DocsArgs {
  std::vector<std::string> paths;
  std::string db;
  std::string format = "jsonl";
  CorpusOptions corpus;
};

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

void RunStoredDocs(const DocsArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    throw CommandFailed{"no database at " + args.db + " (run sitrep ingest first)"};
  }
  auto store = EventStore::Open(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
  auto docs = (*store)->Documents();
  if (!docs.ok()) throw CommandFailed{docs.status().message()};
  std::string out;
  if (args.format == "csv") {
    out = "id,title,outlet,published,published_precision,wire_credits,origin,reports,events\n";
  } else if (args.format == "table") {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-30s %-10s %-5s %-18s %-16s %-20s %7s %6s %s\n", "doc",
                  "published", "prec", "outlet", "wire", "origin group", "reports", "events",
                  "title");
    out = buf;
  }
  auto dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  for (const StoredDocument& d : *docs) {
    std::string credits = Join(d.wire_credits, ";");
    if (args.format == "jsonl") {
      nlohmann::json j = {{"doc", d.id},
                          {"title", d.title},
                          {"outlet", d.outlet},
                          {"url", d.url},
                          {"published", OrNull(d.published)},
                          {"published_precision", OrNull(d.published_precision)},
                          {"wire_credits", d.wire_credits},
                          {"origin", d.origin.empty() ? d.id : d.origin},
                          {"reports", d.reports},
                          {"events", d.events},
                          {"content_hash", d.content_hash}};
      out += DumpJson(j) + "\n";
    } else if (args.format == "csv") {
      for (const std::string& f : {d.id, d.title, d.outlet, d.published, d.published_precision,
                                   credits, d.origin.empty() ? d.id : d.origin}) {
        out += CsvField(f) + ",";
      }
      out += std::to_string(d.reports) + "," + std::to_string(d.events) + "\n";
    } else {
      char buf[1024];
      std::snprintf(buf, sizeof buf, "%-30s %-10s %-5s %-18.18s %-16.16s %-20.20s %7d %6d %s\n",
                    d.id.c_str(), dash(d.published).c_str(), dash(d.published_precision).c_str(),
                    dash(d.outlet).c_str(), dash(credits).c_str(),
                    (d.origin.empty() ? std::string("(itself)") : d.origin).c_str(), d.reports,
                    d.events, dash(d.title).c_str());
      out += buf;
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void RunDocs(const DocsArgs& args) {
  if (!args.db.empty()) {
    if (!args.paths.empty()) throw CommandFailed{"give either PATH... or --db, not both"};
    return RunStoredDocs(args);
  }
  if (args.paths.empty()) throw CommandFailed{"give PATH... (files to read) or --db FILE"};
  int failed = 0;
  bool header_printed = false;
  CorpusOptions options = args.corpus;
  options.on_notice = [](const std::string& m) { Warn(m); };
  Status st = ForEachDocument(args.paths, options, [&](Result<Document> doc) {
    if (!doc.ok()) {
      Warn(doc.status().message());
      ++failed;
      return;
    }
    nlohmann::json j = DocumentMetaJson(*doc);
    if (args.format == "jsonl") {
      std::printf("%s\n", DumpJson(j).c_str());
    } else if (args.format == "csv") {
      if (!header_printed) {
        std::printf("id,title,outlet,published,published_precision,dateline,wire_credits,url\n");
        header_printed = true;
      }
      std::string line;
      for (const char* key : {"doc", "title", "outlet", "published", "published_precision",
                              "dateline"}) {
        line += CsvField(j[key].is_string() ? j[key].get<std::string>() : "") + ",";
      }
      std::string credits;
      for (const auto& w : doc->wire_credits) credits += (credits.empty() ? "" : ";") + w;
      std::printf("%s%s,%s\n", line.c_str(), CsvField(credits).c_str(), CsvField(doc->url).c_str());
    } else {
      std::string credits;
      for (const auto& w : doc->wire_credits) credits += (credits.empty() ? "" : ",") + w;
      if (!header_printed) {
        std::printf("%-30s %-10s %-18s %-12s %-20s %-7s %s\n", "doc", "published", "outlet",
                    "dateline", "wire", "removed", "title");
        header_printed = true;
      }
      auto dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
      std::printf("%-30s %-10s %-18s %-12s %-20s %-7zu %s\n", doc->id.c_str(),
                  j["published"].is_null() ? "-" : j["published"].get<std::string>().c_str(),
                  dash(doc->outlet).c_str(), dash(doc->dateline).c_str(), dash(credits).c_str(),
                  doc->removed.size(), dash(doc->title).c_str());
    }
  });
  if (!st.ok()) throw CommandFailed{st.message()};
  if (failed) throw CommandFailed{std::to_string(failed) + " input(s) could not be read (see warnings)"};
}

void SetupDocs(CLI::App& app) {
  auto args = std::make_shared<DocsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "docs", "List documents with title, outlet, publication date and its evidence");
  cmd->add_option("paths", args->paths, "Files or folders (.txt, .html, .gz, .jsonl)");
  cmd->add_option("--db", args->db, "List the documents stored in this event database instead");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "table", "csv"}))
      ->capture_default_str();
  AddReadOptions(cmd, &args->corpus);
  cmd->callback([args] { RunDocs(*args); });
}

}  // namespace

SITREP_COMMAND(40, SetupDocs);

}  // namespace sitrep::cli
