// sitrep analyze FILE...: documents through the per-article pipeline, without a database.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/extract/event_json.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/know/entities.h"
#include "sitrep/model/analyzer.h"
#include "sitrep/pipeline/document_json.h"
#include "sitrep/text/segment.h"

namespace sitrep::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> paths;
  std::string format = "json";
  std::string models;  // conllu: models folder ("" = FindModelsDir's search)
  CorpusOptions corpus;
};

// conllu: the tagger, parser and NER of the models folder; null (after one warning) when
// there is none, so the CoNLL-U carries sentences and tokens only.
std::unique_ptr<Analyzer> LoadConlluAnalyzer(const std::string& models) {
  Result<std::string> dir = FindModelsDir(models);
  Status status = dir.status();
  if (dir.ok()) {
    Result<Analyzer> a = Analyzer::Load(*dir);
    if (a.ok()) return std::make_unique<Analyzer>(std::move(*a));
    status = a.status();
  }
  if (!models.empty()) throw CommandFailed{status.message()};  // asked for: an error
  Warn(std::string(status.message()) + "; CoNLL-U without UPOS, HEAD, DEPREL and NER");
  return nullptr;
}

void RunAnalyze(const AnalyzeArgs& args) {
  int failed = 0;
  CorpusOptions options = args.corpus;
  options.on_notice = [](const std::string& m) { Warn(m); };
  std::unique_ptr<EventExtractor> extractor;
  std::unique_ptr<Analyzer> analyzer;
  if (args.format == "conllu") {
    analyzer = LoadConlluAnalyzer(args.models);
  } else if (args.format != "text") {
    auto created = EventExtractor::Create({});
    if (!created.ok()) throw CommandFailed{created.status().message()};
    extractor = std::move(*created);
  }
  Status st = ForEachDocument(args.paths, options, [&](Result<Document> doc) {
    if (!doc.ok()) {
      Warn(doc.status().message());
      ++failed;
      return;
    }
    if (args.format == "conllu") {
      std::string out;
      if (analyzer) {
        std::vector<Sentence> sentences = DocumentSentences(*doc);
        analyzer->AnalyzeDocument(&sentences);
        out = DocumentConllu(*doc, &sentences);
      } else {
        out = DocumentConllu(*doc);
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
      return;
    }
    if (args.format == "json") {
      nlohmann::json j = DocumentJson(*doc);
      nlohmann::json events = nlohmann::json::array();
      for (const Event& e : extractor->Extract(*doc)) events.push_back(EventJson(e, true));
      j["events"] = std::move(events);
      std::string entities_warning;
      j["entities"] = DocumentEntitiesJson(*doc, &entities_warning);
      if (!entities_warning.empty()) Warn(entities_warning);
      std::printf("%s\n", DumpJson(j, 2).c_str());
    } else if (args.format == "jsonl") {  // one line per event, unfused
      for (const Event& e : extractor->Extract(*doc)) {
        std::printf("%s\n", DumpJson(EventJson(e)).c_str());
      }
    } else {
      std::printf("%s\n", doc->text.c_str());
    }
  });
  if (!st.ok()) throw CommandFailed{st.message()};
  if (failed) throw CommandFailed{std::to_string(failed) + " input(s) could not be read (see warnings)"};
}

void SetupAnalyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Run articles through the pipeline without a database and print the result");
  cmd->add_option("paths", args->paths, "Files or folders (.txt, .html, .gz, .jsonl)")
      ->required();
  cmd->add_option("--format", args->format,
                  "json: one indented object per document; jsonl: one line each; text: clean text; conllu: sentences and tokens with our UPOS, HEAD, DEPREL and NER= in MISC")
      ->check(CLI::IsMember({"json", "jsonl", "text", "conllu"}))
      ->capture_default_str();
  cmd->add_option("--models", args->models,
                  "conllu: folder with pos.model, parse.model, ner.model (default: $SITREP_MODELS, "
                  "then models/ beside the executable)");
  AddReadOptions(cmd, &args->corpus);
  cmd->callback([args] { RunAnalyze(*args); });
}

}  // namespace

SITREP_COMMAND(50, SetupAnalyze);

}  // namespace sitrep::cli
