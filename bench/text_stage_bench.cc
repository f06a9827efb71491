// The whole text stage, one pass per document: sentences + tokens (Segment), then numbers and
// time expressions over one shared word scan. Corpus: the UD EWT test text (paragraphs joined
// as in CoNLL 2018) repeated to ~8 MB and cut into ~4 KB documents at paragraph breaks, and the
// same over examples/*.txt. MB/s is per core (Google Benchmark's CPU time).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/base/date.h"
#include "sitrep/text/number_words.h"
#include "sitrep/text/quantity.h"
#include "sitrep/text/segment.h"
#include "sitrep/text/time_expression.h"
#include "sitrep/text/ud_text.h"

namespace sitrep {
namespace {

constexpr size_t kCorpusBytes = 8u << 20;
constexpr size_t kDocBytes = 4096;

std::string Repeat(const std::string& unit, size_t target) {
  std::string out;
  if (unit.empty()) return out;
  out.reserve(target + unit.size() + 2);
  while (out.size() < target) out += unit + "\n\n";
  return out;
}

std::string ExamplesText() {
  std::string unit;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(SITREP_SOURCE_DIR) + "/examples", ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    unit += ss.str() + "\n\n";
  }
  return unit;
}

// A corpus and its documents: ~kDocBytes pieces ending at a paragraph break.
struct Corpus {
  std::string text;
  std::vector<std::string_view> docs;
};

Corpus MakeCorpus(std::string text) {
  Corpus c;
  c.text = std::move(text);
  std::string_view all(c.text);
  size_t at = 0;
  while (at < all.size()) {
    size_t end = std::min(all.size(), at + kDocBytes);
    size_t br = all.find("\n\n", end);
    end = br == std::string_view::npos ? all.size() : br + 2;
    c.docs.push_back(all.substr(at, end - at));
    at = end;
  }
  return c;
}

const Corpus& UdCorpus() {
  static const Corpus* c = [] {
    auto ud = ReadUdText(std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu");
    return new Corpus(MakeCorpus(ud.ok() ? Repeat(ud->text, kCorpusBytes) : std::string()));
  }();
  return *c;
}

const Corpus& ExamplesCorpus() {
  static const Corpus* c = new Corpus(MakeCorpus(Repeat(ExamplesText(), kCorpusBytes)));
  return *c;
}

// What the stage produces for one document (buffers reused across documents).
struct StageOutput {
  TokenizedText seg;
  std::vector<ScanToken> scan;
  size_t sentences = 0, words = 0, quantities = 0, times = 0;
};

void RunStage(benchmark::State& state, const Corpus& corpus, bool sentence_objects) {
  if (corpus.docs.empty()) return state.SkipWithError("corpus not found");
  const SentenceSplitter& splitter = SentenceSplitter::Default();
  if (!splitter.has_model()) return state.SkipWithError("no sentence model");
  DateInterval reference{DaysFromCivil(2024, 1, 5), DaysFromCivil(2024, 1, 5), DatePrecision::kDay};
  StageOutput o;
  for (auto _ : state) {
    o = StageOutput{std::move(o.seg), std::move(o.scan)};
    for (std::string_view doc : corpus.docs) {
      if (sentence_objects) {
        std::vector<Sentence> s = SplitAndTokenize(doc, splitter);
        o.sentences += s.size();
        benchmark::DoNotOptimize(s.data());
      } else {
        Segment(doc, &o.seg, splitter);
        o.sentences += o.seg.sentence_ends.size();
        o.words += o.seg.words.size();
      }
      ScanText(doc, &o.scan);
      o.quantities += FindQuantitiesInTokens(doc, o.scan).size();
      o.times += FindTimeExpressionsInTokens(doc, o.scan, reference).size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.text.size()));
  state.counters["MB"] = static_cast<double>(corpus.text.size()) / 1e6;
  state.counters["docs"] = static_cast<double>(corpus.docs.size());
  state.counters["sentences"] = static_cast<double>(o.sentences);
  if (o.words) state.counters["words"] = static_cast<double>(o.words);
  state.counters["quantities"] = static_cast<double>(o.quantities);
  state.counters["times"] = static_cast<double>(o.times);
}

// Sentences + tokens alone (spans), per document, for the split of the stage's cost.
void RunSegmentOnly(benchmark::State& state, const Corpus& corpus) {
  if (corpus.docs.empty()) return state.SkipWithError("corpus not found");
  const SentenceSplitter& splitter = SentenceSplitter::Default();
  TokenizedText seg;
  for (auto _ : state)
    for (std::string_view doc : corpus.docs) Segment(doc, &seg, splitter);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.text.size()));
}

void BM_TextStageUd(benchmark::State& s) { RunStage(s, UdCorpus(), false); }
void BM_TextStageSentenceObjectsUd(benchmark::State& s) { RunStage(s, UdCorpus(), true); }
void BM_TextStageExamples(benchmark::State& s) { RunStage(s, ExamplesCorpus(), false); }
void BM_TextStageSentenceObjectsExamples(benchmark::State& s) {
  RunStage(s, ExamplesCorpus(), true);
}
void BM_SegmentPerDocUd(benchmark::State& s) { RunSegmentOnly(s, UdCorpus()); }
void BM_SegmentPerDocExamples(benchmark::State& s) { RunSegmentOnly(s, ExamplesCorpus()); }

BENCHMARK(BM_TextStageUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextStageSentenceObjectsUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextStageExamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextStageSentenceObjectsExamples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentPerDocUd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentPerDocExamples)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
