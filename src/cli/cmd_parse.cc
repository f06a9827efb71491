// sitrep parse --input conllu FILE|-: tags, parses and labels entities in CoNLL-U sentences
// (given tokens; other columns ignored) and writes CoNLL-U with UPOS, HEAD, DEPREL, NER=.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/command.h"
#include "sitrep/model/analyzer.h"
#include "sitrep/text/conllu.h"

namespace sitrep::cli {
namespace {

struct ParseArgs {
  std::string input_format = "conllu", path, models;
};

void RunParse(const ParseArgs& args) {
  Result<std::string> dir = FindModelsDir(args.models);
  if (!dir.ok()) throw CommandFailed{dir.status().message()};
  Result<Analyzer> analyzer = Analyzer::Load(*dir);
  if (!analyzer.ok()) throw CommandFailed{analyzer.status().message()};
  Result<std::vector<Sentence>> sentences = Status::Internal("");
  std::vector<size_t> doc_starts;  // "# newdoc" boundaries: each document is analysed at once
  if (args.path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    sentences = ParseConllu(data, "<stdin>", &doc_starts);
  } else {
    sentences = ReadConlluFile(args.path, &doc_starts);
  }
  if (!sentences.ok()) throw CommandFailed{sentences.status().message()};
  for (Sentence& s : *sentences)
    for (Token& t : s.tokens) {  // given tokens only: drop the input's annotation
      t.upos.clear();
      t.xpos.clear();
      t.head = -1;
      t.deprel.clear();
    }
  // Documents (and, inside a long one or a file without "# newdoc", runs of at most
  // kMaxBatch sentences) go through Analyzer::AnalyzeDocument: the same tags and arcs as one
  // sentence at a time, in fewer passes over the weights.
  constexpr size_t kMaxBatch = 128;
  doc_starts.push_back(sentences->size());
  std::string out;
  std::vector<Sentence> batch;
  for (size_t d = 0; d + 1 < doc_starts.size(); ++d) {
    for (size_t first = doc_starts[d]; first < doc_starts[d + 1]; first += kMaxBatch) {
      const size_t last = std::min(doc_starts[d + 1], first + kMaxBatch);
      batch.assign(std::make_move_iterator(sentences->begin() + first),
                   std::make_move_iterator(sentences->begin() + last));
      analyzer->AnalyzeDocument(&batch);
      for (const Sentence& s : batch) WriteConllu(s, &out);
      if (out.size() > (1 << 20)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void SetupParse(CLI::App& app) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Tag, parse and find entities in CoNLL-U sentences (writes CoNLL-U)");
  cmd->add_option("path", args->path, "CoNLL-U file, or - for standard input")->required();
  cmd->add_option("--input", args->input_format, "Input format")
      ->check(CLI::IsMember({"conllu"}))
      ->capture_default_str();
  cmd->add_option("--models", args->models, "Folder with pos.model, parse.model, ner.model");
  cmd->callback([args] { RunParse(*args); });
}

}  // namespace

SITREP_COMMAND(82, SetupParse);

}  // namespace sitrep::cli
