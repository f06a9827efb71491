// Numbers + time expressions over a large text: the raw `# text` lines of the UD EWT test set
// (read from ../shared), repeated to about 8 MB; MB/s on one core. Also the case table rate.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <vector>
#include <sstream>
#include <string>

#include "sitrep/text/doc_date.h"
#include "sitrep/text/number_words.h"
#include "sitrep/text/quantity.h"
#include "sitrep/text/time_expression.h"
#include "sitrep/text/time_expression_cases.h"

namespace sitrep {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& Corpus() {
  static const std::string* text = [] {
    std::string conllu = ReadAll(std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu");
    std::string lines;
    std::istringstream in(conllu);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("# text = ", 0) == 0) lines += line.substr(9) + "\n";
    }
    auto* out = new std::string;
    while (!lines.empty() && out->size() < (8u << 20)) *out += lines;
    return out;
  }();
  return *text;
}

void BM_Quantities(benchmark::State& state) {
  const std::string& text = Corpus();
  if (text.empty()) return state.SkipWithError("no UD text in ../shared");
  size_t found = 0;
  for (auto _ : state) found += FindQuantities(text).size();
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["found_per_pass"] = found / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Quantities)->Unit(benchmark::kMillisecond);

void BM_TimeExpressions(benchmark::State& state) {
  const std::string& text = Corpus();
  if (text.empty()) return state.SkipWithError("no UD text in ../shared");
  int64_t d = DaysFromCivil(2024, 1, 5);
  size_t found = 0;
  for (auto _ : state) found += FindTimeExpressions(text, {d, d, DatePrecision::kDay}).size();
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["found_per_pass"] = found / static_cast<double>(state.iterations());
}
BENCHMARK(BM_TimeExpressions)->Unit(benchmark::kMillisecond);

void BM_NumbersAndTimes(benchmark::State& state) {
  const std::string& text = Corpus();
  if (text.empty()) return state.SkipWithError("no UD text in ../shared");
  int64_t d = DaysFromCivil(2024, 1, 5);
  for (auto _ : state) {
    benchmark::DoNotOptimize(FindQuantities(text));
    benchmark::DoNotOptimize(FindTimeExpressions(text, {d, d, DatePrecision::kDay}));
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_NumbersAndTimes)->Unit(benchmark::kMillisecond);

// The same text as a stream of ~4 KB documents (cut at line ends), as the pipeline calls it.
const std::vector<std::string_view>& Documents() {
  static const auto* docs = [] {
    auto* out = new std::vector<std::string_view>;
    std::string_view all(Corpus());
    size_t at = 0;
    while (at < all.size()) {
      size_t end = std::min(all.size(), at + 4096);
      size_t nl = all.find('\n', end);
      end = nl == std::string_view::npos ? all.size() : nl + 1;
      out->push_back(all.substr(at, end - at));
      at = end;
    }
    return out;
  }();
  return *docs;
}

void BM_NumbersAndTimesPerDocument(benchmark::State& state) {
  const auto& docs = Documents();
  if (docs.empty()) return state.SkipWithError("no UD text in ../shared");
  int64_t d = DaysFromCivil(2024, 1, 5);
  for (auto _ : state) {
    for (std::string_view doc : docs) {
      benchmark::DoNotOptimize(FindQuantities(doc));
      benchmark::DoNotOptimize(FindTimeExpressions(doc, {d, d, DatePrecision::kDay}));
    }
  }
  state.SetBytesProcessed(state.iterations() * Corpus().size());
  state.counters["docs"] = docs.size();
}
BENCHMARK(BM_NumbersAndTimesPerDocument)->Unit(benchmark::kMillisecond);

// One scan shared by both finders.
void BM_NumbersAndTimesSharedScan(benchmark::State& state) {
  const auto& docs = Documents();
  if (docs.empty()) return state.SkipWithError("no UD text in ../shared");
  int64_t d = DaysFromCivil(2024, 1, 5);
  std::vector<ScanToken> toks;
  for (auto _ : state) {
    for (std::string_view doc : docs) {
      ScanText(doc, &toks);
      benchmark::DoNotOptimize(FindQuantitiesInTokens(doc, toks));
      benchmark::DoNotOptimize(FindTimeExpressionsInTokens(doc, toks, {d, d, DatePrecision::kDay}));
    }
  }
  state.SetBytesProcessed(state.iterations() * Corpus().size());
}
BENCHMARK(BM_NumbersAndTimesSharedScan)->Unit(benchmark::kMillisecond);

void BM_ScanOnly(benchmark::State& state) {
  const auto& docs = Documents();
  if (docs.empty()) return state.SkipWithError("no UD text in ../shared");
  std::vector<ScanToken> toks;
  for (auto _ : state) {
    for (std::string_view doc : docs) ScanText(doc, &toks);
  }
  state.SetBytesProcessed(state.iterations() * Corpus().size());
}
BENCHMARK(BM_ScanOnly)->Unit(benchmark::kMillisecond);

// Whole-document date inference on article-sized texts (the UD text cut in 4 KB pieces).
void BM_DocDate(benchmark::State& state) {
  const std::string& text = Corpus();
  if (text.empty()) return state.SkipWithError("no UD text in ../shared");
  std::string_view all(text);
  size_t docs = 0, bytes = 0;
  for (auto _ : state) {
    for (size_t at = 0; at + 4096 <= (1u << 20); at += 4096) {
      benchmark::DoNotOptimize(InferDocumentDate(all.substr(at, 4096), DateInterval()));
      ++docs;
      bytes += 4096;
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["docs_per_second"] = benchmark::Counter(docs, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DocDate)->Unit(benchmark::kMillisecond);

// The case table (tests/text/time_cases.tsv): expressions per second, one call per case.
void BM_CaseTable(benchmark::State& state) {
  auto cases = ParseTimeCases(ReadAll(std::string(SITREP_SOURCE_DIR) + "/tests/text/time_cases.tsv"));
  if (cases.empty()) return state.SkipWithError("no case table");
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& c : cases) benchmark::DoNotOptimize(FindTimeExpressions(c.text, c.reference));
    n += cases.size();
  }
  state.counters["expressions_per_second"] = benchmark::Counter(n, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CaseTable);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
