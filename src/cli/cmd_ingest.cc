// sitrep ingest PATH... [--db FILE]: read, analyse (a thread pool over documents), fuse and
// store, one transaction per batch. Progress bar on a terminal, log lines otherwise.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/pipeline/progress.h"
#include "sitrep/store/event_store.h"
#include "sitrep/store/ingester.h"

namespace sitrep::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "sitrep.db";
  int threads = 0;
  size_t batch = 256;
  CorpusOptions corpus;
};

// A rough count of the inputs for the ETA: files, with JSONL files counted by lines.
size_t EstimateInputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  size_t n = 0;
  auto count_file = [&](const fs::path& p) {
    if (p.extension() == ".jsonl") {
      std::ifstream in(p);
      std::string line;
      while (std::getline(in, line)) n += !line.empty();
    } else {
      ++n;
    }
  };
  std::error_code ec;
  for (const std::string& path : paths) {
    if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) count_file(it->path());
      }
    } else {
      count_file(path);
    }
  }
  return n;
}

void RunIngest(const IngestArgs& args) {
  auto store = EventStore::Open(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
  auto extractor = EventExtractor::Create(ExtractorConfig{});
  if (!extractor.ok()) throw CommandFailed{extractor.status().message()};
  IngesterOptions options;
  options.threads = args.threads > 0
                        ? args.threads
                        : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  options.batch = args.batch;
  ProgressReporter progress(stderr, isatty(STDERR_FILENO) != 0);
  ProgressCounts counts;
  counts.total = EstimateInputs(args.paths);
  Ingester ingester(**store, **extractor, options, [&](size_t done, const IngestStats& s) {
    counts.done = done;
    counts.added = s.added;
    counts.unchanged = s.unchanged;
    counts.replaced = s.replaced;
    progress.Update(counts);
  });
  if (progress.terminal()) {  // the bar also moves while a batch is analysed
    ingester.set_on_analysed([&](size_t analysed) {
      ProgressCounts now = counts;
      now.done = analysed;
      progress.Update(now);
    });
  }

  int failed = 0;
  Status added = Status::Ok();
  CorpusOptions corpus = args.corpus;
  corpus.on_notice = [](const std::string& m) { Warn(m); };
  Status st = ForEachDocument(args.paths, corpus, [&](Result<Document> doc) {
    if (!doc.ok()) {
      Warn(doc.status().message());
      ++failed;
      return;
    }
    if (added.ok()) added = ingester.Add(std::move(doc).value());
  });
  if (!st.ok()) throw CommandFailed{st.message()};
  if (added.ok()) added = ingester.Finish();
  if (!added.ok()) throw CommandFailed{added.message()};
  const IngestStats& total = ingester.total();
  counts.done = ingester.done();
  progress.Finish(counts);
  auto events = QueryInt((*store)->db(), "SELECT count(*) FROM events");
  std::fprintf(stderr,
               "sitrep: ingest: %zu articles: %d new, %d unchanged, %d replaced; %lld events in "
               "%s\n",
               ingester.done(), total.added, total.unchanged, total.replaced,
               static_cast<long long>(events.ok() ? events->value_or(0) : 0), args.db.c_str());
  if (failed) throw CommandFailed{std::to_string(failed) + " input(s) could not be read (see warnings)"};
}

void SetupIngest(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Add articles to the event database (read, analyse, fuse, store)");
  cmd->add_option("paths", args->paths, "Files or folders (.txt, .html, .gz, .jsonl)")->required();
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Analysis threads (0 = one per core)")
      ->capture_default_str();
  cmd->add_option("--batch", args->batch, "Articles per transaction")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  AddReadOptions(cmd, &args->corpus);
  cmd->callback([args] { RunIngest(*args); });
}

}  // namespace

SITREP_COMMAND(20, SetupIngest);

}  // namespace sitrep::cli
