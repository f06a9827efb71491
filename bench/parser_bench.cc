// Parser accuracy against speed by beam width: parses the EWT dev and test sets (UPOS from
// models/pos.model, tagged once outside the timing) at decoding width Arg and reports parsed
// words per CPU-second with UAS/LAS. SITREP_PARSE_MODEL overrides models/parse.model.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";
const std::string kUd = std::string(SITREP_SHARED_DIR) + "/data/ud/";

std::string ParseModelPath() {
  const char* env = std::getenv("SITREP_PARSE_MODEL");
  return env && *env ? env : kModels + "/parse.model";
}

template <bool kDev>
void BM_ParseBeam(benchmark::State& state) {
  const std::string path = kUd + (kDev ? "en_ewt-ud-dev.conllu" : "en_ewt-ud-test.conllu");
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("no shared data");
    return;
  }
  Result<Tagger> tagger = Tagger::Load(kModels + "/pos.model");
  Result<Parser> parser = Parser::Load(ParseModelPath());
  if (!tagger.ok() || !parser.ok()) {
    state.SkipWithError("cannot load the models");
    return;
  }
  parser->set_beam(static_cast<int>(state.range(0)));
  std::vector<Sentence> gold = ReadConlluFile(path).value();
  std::vector<Sentence> tagged = gold;
  for (Sentence& s : tagged) tagger->Tag(&s);
  size_t words = 0;
  for (auto _ : state) {
    for (const Sentence& t : tagged) {
      Sentence s = t;
      parser->Parse(&s);
      words += s.tokens.size();
      benchmark::DoNotOptimize(s);
    }
  }
  AttachmentScores sc = ScoreParser(*parser, nullptr, tagged);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["UAS"] = sc.uas;
  state.counters["LAS"] = sc.las;
}
BENCHMARK(BM_ParseBeam<false>)->Name("BM_ParseBeam_test")->Arg(1)->Arg(2)->Arg(3)->Arg(4)->Arg(8)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseBeam<true>)->Name("BM_ParseBeam_dev")->Arg(1)->Arg(2)->Arg(3)->Arg(4)->Arg(8)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
