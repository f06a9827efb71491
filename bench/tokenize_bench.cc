// Sentences + tokens throughput: the UD EWT test text repeated to ~20 MB, and examples/ text.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/text/segment.h"
#include "sitrep/text/ud_text.h"

namespace sitrep {
namespace {

std::string Repeat(const std::string& unit, size_t target) {
  std::string out;
  if (unit.empty()) return out;
  out.reserve(target + unit.size() + 2);
  while (out.size() < target) out += unit + "\n\n";
  return out;
}

const std::string& UdCorpus() {
  static const std::string text = [] {
    auto ud = ReadUdText(std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu");
    return ud.ok() ? Repeat(ud->text, 20u << 20) : std::string();
  }();
  return text;
}

const std::string& ExamplesCorpus() {
  static const std::string text = [] {
    std::string unit;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(
             std::string(SITREP_SOURCE_DIR) + "/examples", ec)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      unit += ss.str() + "\n\n";
    }
    return Repeat(unit, 20u << 20);
  }();
  return text;
}

void Run(benchmark::State& state, const std::string& text, bool sentences_objects) {
  if (text.empty()) {
    state.SkipWithError("corpus not found");
    return;
  }
  const SentenceSplitter& splitter = SentenceSplitter::Default();
  if (!splitter.has_model()) state.SkipWithError("no sentence model");
  TokenizedText seg;
  size_t words = 0, sents = 0;
  for (auto _ : state) {
    if (sentences_objects) {
      std::vector<Sentence> s = SplitAndTokenize(text, splitter);
      sents = s.size();
      benchmark::DoNotOptimize(s.data());
    } else {
      Segment(text, &seg, splitter);
      words = seg.words.size();
      sents = seg.sentence_ends.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  state.counters["sentences"] = static_cast<double>(sents);
  if (words) state.counters["words"] = static_cast<double>(words);
}

void BM_SegmentUd(benchmark::State& s) { Run(s, UdCorpus(), false); }
void BM_SplitAndTokenizeUd(benchmark::State& s) { Run(s, UdCorpus(), true); }
void BM_SegmentExamples(benchmark::State& s) { Run(s, ExamplesCorpus(), false); }
void BM_SplitAndTokenizeExamples(benchmark::State& s) { Run(s, ExamplesCorpus(), true); }

void BM_TokenizeOnlyUd(benchmark::State& state) {
  const std::string& text = UdCorpus();
  std::vector<WordSpan> words;
  for (auto _ : state) {
    words.clear();
    TokenizeWords(text, 0, &words);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_TokenizeOnlyUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitAndTokenizeUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentExamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitAndTokenizeExamples)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
