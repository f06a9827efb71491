// The per-article pipeline, read to events: reading and cleaning (ingest), sentences, times,
// quantities, entities and event extraction, over the dev news articles (../shared/dev/news).
// Reports articles per second on one core.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "sitrep/extract/extractor.h"
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

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
