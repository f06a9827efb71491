// sitrep tokenize: sentences and tokens of a text file, scoring against a UD treebank
// (--eval), and training the sentence splitter (--train-splitter).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "sitrep/base/file.h"
#include "sitrep/text/segment.h"
#include "sitrep/text/tokenize_eval.h"
#include "sitrep/text/ud_text.h"

namespace sitrep::cli {
namespace {

struct TokenizeArgs {
  std::string path;
  std::string format = "text";
  std::string eval;
  std::string train;
  std::string out;
  std::string model;
  bool rules = false;
  size_t show_errors = 0;
  int epochs = 10;
};

SentenceSplitter PickSplitter(const TokenizeArgs& a, bool* use_default) {
  *use_default = false;
  if (a.rules) return SentenceSplitter();
  if (!a.model.empty()) {
    Result<SentenceSplitter> s = SentenceSplitter::Load(a.model);
    if (!s.ok()) throw CommandFailed{s.status().message()};
    return std::move(*s);
  }
  *use_default = true;
  return SentenceSplitter();
}

void RunTokenize(const TokenizeArgs& a) {
  if (!a.train.empty()) {
    if (a.out.empty()) throw CommandFailed{"--train-splitter needs --out MODEL"};
    std::string report;
    Status st = TrainSentenceSplitter(a.train, a.out, a.epochs, &report);
    if (!st.ok()) throw CommandFailed{st.message()};
    std::printf("%s", report.c_str());
    return;
  }
  bool use_default = false;
  SentenceSplitter own = PickSplitter(a, &use_default);
  const SentenceSplitter& splitter = use_default ? SentenceSplitter::Default() : own;
  if (!a.eval.empty()) {
    Result<UdText> gold = ReadUdText(a.eval);
    if (!gold.ok()) throw CommandFailed{gold.status().message()};
    TokenizedText seg;
    auto t0 = std::chrono::steady_clock::now();
    Segment(gold->text, &seg, splitter);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s", FormatScores(ScoreSegmentation(*gold, seg)).c_str());
    if (a.show_errors) std::printf("%s", DescribeTokenErrors(*gold, seg, a.show_errors).c_str());
    std::printf("splitter: %s; %zu bytes in %.3f s\n",
                splitter.has_model() ? "model" : "rules", gold->text.size(), secs);
    return;
  }
  if (a.path.empty()) throw CommandFailed{"give a FILE, --eval CONLLU or --train-splitter CONLLU"};
  Result<std::string> text = ReadFileBytes(a.path, 1ull << 30);
  if (!text.ok()) throw CommandFailed{text.status().message()};
  TokenizedText seg;
  Segment(*text, &seg, splitter);
  std::string out;
  if (a.format == "conllu") {
    AppendConllu(*text, seg, "s", &out);
  } else {
    size_t first = 0;
    for (uint32_t last : seg.sentence_ends) {
      for (size_t i = first; i <= last; ++i) {
        if (i > first) out += ' ';
        out.append(*text, seg.words[i].begin, seg.words[i].end - seg.words[i].begin);
      }
      out += '\n';
      first = last + 1;
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void SetupTokenize(CLI::App& app) {
  auto a = std::make_shared<TokenizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tokenize", "Split a text file into sentences and UD-style tokens; score or train on UD");
  cmd->add_option("file", a->path, "UTF-8 text file");
  cmd->add_option("--format", a->format, "text: one sentence per line; conllu")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  cmd->add_option("--eval", a->eval,
                  "Score against a CoNLL-U file (text rebuilt from '# text' lines)");
  cmd->add_option("--train-splitter", a->train, "Train the sentence splitter on a CoNLL-U file");
  cmd->add_option("--out", a->out, "Where --train-splitter writes the model");
  cmd->add_option("--epochs", a->epochs, "Perceptron epochs for --train-splitter")
      ->capture_default_str();
  cmd->add_option("--model", a->model, "Sentence-split model (default: models/ if found)");
  cmd->add_option("--show-errors", a->show_errors, "With --eval: print N token disagreements");
  cmd->add_flag("--rules", a->rules, "Use the rule-based sentence splitter");
  cmd->callback([a] { RunTokenize(*a); });
}

}  // namespace

SITREP_COMMAND(40, SetupTokenize);

}  // namespace sitrep::cli
