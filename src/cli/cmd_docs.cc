// sitrep docs PATH...: one line per document with its metadata and the evidence for its date.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/pipeline/document_json.h"

namespace sitrep::cli {
namespace {

struct DocsArgs {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  CorpusOptions corpus;
};

void RunDocs(const DocsArgs& args) {
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
  cmd->add_option("paths", args->paths, "Files or folders (.txt, .html, .gz, .jsonl)")
      ->required();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  AddReadOptions(cmd, &args->corpus);
  cmd->callback([args] { RunDocs(*args); });
}

}  // namespace

SITREP_COMMAND(40, SetupDocs);

}  // namespace sitrep::cli
