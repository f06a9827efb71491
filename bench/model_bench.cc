// Speed of the committed models: tagging + parsing + NER over the EWT test set (tokens/s on
// one core), model load time, and peak RSS. Reads ../shared; skips when it is absent.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>

#include "sitrep/model/analyzer.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

// SITREP_MODELS_DIR overrides the committed models (to compare candidates at the same moment).
std::string ModelsDir() {
  const char* env = std::getenv("SITREP_MODELS_DIR");
  return env && *env ? env : std::string(SITREP_SOURCE_DIR) + "/models";
}
const std::string kModels = ModelsDir();
const std::string kTest = std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu";

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) {
    Result<Analyzer> a = Analyzer::Load(kModels);
    if (!a.ok()) {
      state.SkipWithError(a.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

template <int kStage>
void BM_Analyze(benchmark::State& state) {
  if (!std::filesystem::exists(kTest)) {
    state.SkipWithError("no shared data");
    return;
  }
  Result<Analyzer> a = Analyzer::Load(kModels);
  if (!a.ok()) {
    state.SkipWithError(a.status().message().c_str());
    return;
  }
  std::vector<Sentence> sentences = ReadConlluFile(kTest).value();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Sentence& g : sentences) {
      Sentence s = g;
      if (kStage == 0) a->Analyze(&s);
      if (kStage == 1) a->tagger().Tag(&s);
      if (kStage == 2) a->Parse(&s);
      if (kStage == 3) a->ner().Tag(&s);
      tokens += s.tokens.size();
      benchmark::DoNotOptimize(s);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
// The same sentences document by document (EWT test's 316 documents, from the sent_id
// prefixes): Analyzer::AnalyzeDocument (kStage 0) or BiaffineParser::ParseAll (kStage 2), which
// run the parser's network over a whole document at once.
template <int kStage>
void BM_AnalyzeDocuments(benchmark::State& state) {
  if (!std::filesystem::exists(kTest)) {
    state.SkipWithError("no shared data");
    return;
  }
  Result<Analyzer> a = Analyzer::Load(kModels);
  if (!a.ok() || (kStage == 2 && !a->biaffine())) {
    state.SkipWithError(a.ok() ? "parse.model is not a biaffine parser"
                               : a.status().message().c_str());
    return;
  }
  std::vector<std::vector<Sentence>> docs;
  std::string doc_id = "\x01";
  std::vector<Sentence> sentences = ReadConlluFile(kTest).value();
  for (Sentence& s : sentences) {
    const std::string id = s.id.substr(0, s.id.rfind('-'));
    if (id != doc_id) docs.emplace_back();
    doc_id = id;
    docs.back().push_back(std::move(s));
  }
  size_t tokens = 0;
  for (auto _ : state) {
    for (const std::vector<Sentence>& g : docs) {
      std::vector<Sentence> doc = g;
      if (kStage == 0) a->AnalyzeDocument(&doc);
      if (kStage == 2) a->biaffine()->ParseAll(doc);
      for (const Sentence& s : doc) tokens += s.tokens.size();
      benchmark::DoNotOptimize(doc);
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["peak_rss_MB"] = PeakRssMb();
}

BENCHMARK(BM_Analyze<0>)->Name("BM_TagParseNer")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeDocuments<0>)->Name("BM_TagParseNer_documents")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeDocuments<2>)
    ->Name("BM_ParseOnly_goldPOS_documents")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze<1>)->Name("BM_TagOnly")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze<2>)->Name("BM_ParseOnly_goldPOS")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze<3>)->Name("BM_NerOnly_goldPOS")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
