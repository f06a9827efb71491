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

class Progress {
 public:
  Progress(size_t total) : total_(total), tty_(isatty(STDERR_FILENO)),
                           start_(std::chrono::steady_clock::now()) {}
  void Update(size_t done, const IngestStats& s, bool final_line) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    size_t total = std::max(total_, done);
    if (tty_) {
      const int width = 30;
      int filled = total ? static_cast<int>(width * done / total) : width;
      double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
      std::fprintf(stderr, "\r[%s%s] %zu/%zu articles  %.1f articles/s  ETA %d:%02d ",
                   std::string(filled, '=').c_str(), std::string(width - filled, ' ').c_str(),
                   done, total, rate, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
      if (final_line) std::fprintf(stderr, "\n");
    } else if (!final_line) {
      std::fprintf(stderr,
                   "sitrep: ingest: %zu articles (%d new, %d unchanged, %d replaced), "
                   "%.1f articles/s\n",
                   done, s.added, s.unchanged, s.replaced, rate);
    }
    std::fflush(stderr);
  }

 private:
  size_t total_;
  bool tty_;
  std::chrono::steady_clock::time_point start_;
};

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
  Progress progress(EstimateInputs(args.paths));
  Ingester ingester(**store, **extractor, options,
                    [&](size_t done, const IngestStats& s) { progress.Update(done, s, false); });

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
  progress.Update(ingester.done(), total, true);
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
