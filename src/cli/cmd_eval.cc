// sitrep eval MODEL --test FILE: scores a tagger (UPOS accuracy), parser (UAS/LAS) or NER
// model (span F1) on gold data. Parsers and NER models are run on predicted POS.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>

#include "cli/command.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep::cli {
namespace {

struct EvalArgs {
  std::string model, test, tagger;
};

template <typename T>
T OrFail(Result<T> r) {
  if (!r.ok()) throw CommandFailed{r.status().message()};
  return std::move(r).value();
}

void RunEval(const EvalArgs& args) {
  Model model = OrFail(Model::Load(args.model));
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::string tagger_path = args.tagger;
  if (tagger_path.empty()) {
    size_t slash = args.model.find_last_of('/');
    tagger_path = (slash == std::string::npos ? std::string() : args.model.substr(0, slash + 1)) + "pos.model";
  }
  if (model.kind() == ModelKind::kTagger) {
    Tagger tagger = OrFail(Tagger::FromModel(std::move(model)));
    std::vector<Sentence> gold = OrFail(ReadConlluFile(args.test));
    start = std::chrono::steady_clock::now();
    double acc = TaggerAccuracy(tagger, gold);
    std::printf("UPOS %.2f\n", acc);
  } else if (model.kind() == ModelKind::kParser || model.kind() == ModelKind::kBiaffineParser) {
    std::optional<Parser> linear;
    std::optional<BiaffineParser> biaffine;
    std::function<void(Sentence*)> parse;
    if (model.kind() == ModelKind::kParser) {
      linear.emplace(OrFail(Parser::FromModel(std::move(model))));
      parse = [&linear](Sentence* s) { linear->Parse(s); };
    } else {
      biaffine.emplace(OrFail(BiaffineParser::FromModel(std::move(model))));
      parse = [&biaffine](Sentence* s) { biaffine->Parse(s); };
    }
    Tagger tagger = OrFail(Tagger::Load(tagger_path));
    std::vector<Sentence> gold = OrFail(ReadConlluFile(args.test));
    start = std::chrono::steady_clock::now();
    AttachmentScores s = ScoreParses(parse, &tagger, gold);
    std::printf("UAS %.2f\nLAS %.2f\nLAS(universal deprel, CoNLL 2018) %.2f\nwords %zu\n", s.uas,
                s.las, s.clas_universal, s.words);
  } else {
    NerTagger ner = OrFail(NerTagger::FromModel(std::move(model)));
    Tagger tagger = OrFail(Tagger::Load(tagger_path));
    std::vector<size_t> docs;  // "# newdoc" starts: a two-pass model labels whole documents
    std::vector<Sentence> gold = OrFail(ReadIob2File(args.test, /*draft=*/true, &docs));
    start = std::chrono::steady_clock::now();
    NerScores s = ScoreNer(ner, &tagger, gold, docs);
    std::printf("NER P %.2f R %.2f F1 %.2f (gold %zu, predicted %zu, correct %zu)\n", s.precision,
                s.recall, s.f1, s.gold, s.predicted, s.correct);
  }
  std::fprintf(stderr, "%.2f s\n", seconds());
}

void SetupEval(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Score a trained model on gold test data");
  cmd->add_option("model", args->model, "Model file")->required();
  cmd->add_option("--test", args->test, "Gold test data (CoNLL-U; IOB2 for NER)")->required();
  cmd->add_option("--tagger", args->tagger, "Tagger for predicted POS (default: pos.model beside MODEL)");
  cmd->callback([args] { RunEval(*args); });
}

}  // namespace

SITREP_COMMAND(81, SetupEval);

}  // namespace sitrep::cli
