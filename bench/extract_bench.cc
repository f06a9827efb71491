// The per-article pipeline, read to events: reading and cleaning (ingest), sentences, times,
// quantities, entities and event extraction, over the dev news articles (../shared/dev/news)
// and over our own generated news-length articles (ingest_bench_corpus.h; no shared data).
// Reports articles per second on one core (CPU time; pin with taskset for a per-core figure).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "ingest_bench_corpus.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/ingest/clean.h"
#include "sitrep/pipeline/corpus.h"

namespace sitrep {
namespace {

std::vector<std::string> NewsFiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(SITREP_SHARED_DIR "/dev/news", ec)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const EventExtractor* Extractor() {
  static auto ex = EventExtractor::Create({SITREP_SOURCE_DIR "/data", ""});
  return ex.ok() ? ex->get() : nullptr;
}

// Read + clean + extract, per article.
void BM_ReadToEvents(benchmark::State& state) {
  auto files = NewsFiles();
  const EventExtractor* ex = Extractor();
  if (files.empty() || !ex) {
    state.SkipWithError("../shared/dev/news or the extractor is missing");
    return;
  }
  size_t events = 0, bytes = 0;
  for (auto _ : state) {
    Status st = ForEachDocument(files, {}, [&](Result<Document> doc) {
      if (!doc.ok()) return;
      bytes += doc->text.size();
      events += ex->Extract(*doc).size();
    });
    benchmark::DoNotOptimize(st);
  }
  state.SetItemsProcessed(state.iterations() * files.size());
  state.SetBytesProcessed(bytes);
  state.counters["events_per_article"] =
      static_cast<double>(events) / (state.iterations() * files.size());
}
BENCHMARK(BM_ReadToEvents)->Unit(benchmark::kMillisecond);

// Extraction alone on already cleaned documents.
void BM_ExtractOnly(benchmark::State& state) {
  std::vector<Document> docs;
  Status st = ForEachDocument(NewsFiles(), {}, [&](Result<Document> d) {
    if (d.ok()) docs.push_back(std::move(*d));
  });
  const EventExtractor* ex = Extractor();
  if (docs.empty() || !ex || !st.ok()) {
    state.SkipWithError("../shared/dev/news or the extractor is missing");
    return;
  }
  for (auto _ : state) {
    for (const Document& d : docs) benchmark::DoNotOptimize(ex->Extract(d));
  }
  state.SetItemsProcessed(state.iterations() * docs.size());
}
BENCHMARK(BM_ExtractOnly)->Unit(benchmark::kMillisecond);

// Build the document (clean, describe) + extract, on generated articles of ~600 words.
void BM_ReadToEventsGenerated(benchmark::State& state) {
  const EventExtractor* ex = Extractor();
  if (!ex) {
    state.SkipWithError("the extractor could not load its data");
    return;
  }
  const auto order = bench::ArrivalOrder(500);
  size_t events = 0, bytes = 0, articles = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < order.size(); ++i) {
      state.PauseTiming();  // generating the text is not part of the pipeline
      RawInput in = bench::Article(order, i);
      state.ResumeTiming();
      Result<Document> doc = BuildDocument(std::move(in), CleanOptions{});
      if (!doc.ok()) continue;
      bytes += doc->text.size();
      events += ex->Extract(*doc).size();
      ++articles;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["events_per_article"] = static_cast<double>(events) / articles;
  state.counters["bytes_per_article"] = static_cast<double>(bytes) / articles;
}
BENCHMARK(BM_ReadToEventsGenerated)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
