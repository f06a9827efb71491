// sitrep clusters: learns word clusters for the NER model from unlabeled text (the forms of
// CoNLL-U files, article bodies of a JSON file {id: {"articleBody": ...}} and plain text
// files, one sequence a line; the last two tokenized by our tokenizer) and writes "word<TAB>ids<TAB>count" lines for `sitrep train ner --clusters`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "sitrep/base/file.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/text/conllu.h"
#include "sitrep/text/tokenizer.h"

namespace sitrep::cli {
namespace {

struct ClusterArgs {
  std::vector<std::string> conllu, articles, text;
  std::string out, case_words;
  ClusterOptions options;
  CaseWordOptions case_options;
};

// Each non-empty line of an article body becomes one word sequence.
void AddArticleText(const std::string& body, std::vector<std::vector<std::string>>* out) {
  size_t pos = 0;
  std::vector<WordSpan> spans;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    const std::string_view line = std::string_view(body).substr(pos, end - pos);
    pos = end + 1;
    spans.clear();
    TokenizeWords(line, 0, &spans);
    if (spans.empty()) continue;
    out->emplace_back();
    for (const WordSpan& w : spans) out->back().emplace_back(line.substr(w.begin, w.end - w.begin));
  }
}

void RunClusters(ClusterArgs args) {
  args.options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  std::vector<std::vector<std::string>> text;
  for (const std::string& path : args.conllu) {
    Result<std::vector<Sentence>> s = ReadConlluFile(path);
    if (!s.ok()) throw CommandFailed{s.status().message()};
    for (const Sentence& sent : *s) {
      text.emplace_back();
      for (const Token& t : sent.tokens) text.back().push_back(t.form);
    }
  }
  for (const std::string& path : args.articles) {
    Result<std::string> bytes = ReadFileBytes(path, 1ull << 30);
    if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
    nlohmann::json doc = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) throw CommandFailed{path + ": not a JSON object"};
    for (const auto& [id, article] : doc.items()) {  // nlohmann orders keys: deterministic
      if (!article.is_object() || !article.contains("articleBody") || !article["articleBody"].is_string())
        continue;
      AddArticleText(article["articleBody"].get<std::string>(), &text);
    }
  }
  for (const std::string& path : args.text) {
    Result<std::string> bytes = ReadFileBytes(path, 1ull << 31);
    if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
    AddArticleText(*bytes, &text);
  }
  size_t words = 0;
  for (const auto& s : text) words += s.size();
  args.options.log("read " + std::to_string(text.size()) + " sequences, " + std::to_string(words) + " words");
  if (args.out.empty() && args.case_words.empty()) throw CommandFailed{"give --out or --case-words"};
  if (!args.case_words.empty()) {
    Status st = WriteFileAtomic(args.case_words, LearnCaseWords(text, args.case_options));
    if (!st.ok()) throw CommandFailed{st.message()};
  }
  if (args.out.empty()) return;
  Result<std::string> out = LearnWordClusters(text, args.options);
  if (!out.ok()) throw CommandFailed{out.status().message()};
  Status st = WriteFileAtomic(args.out, *out);
  if (!st.ok()) throw CommandFailed{st.message()};
}

void SetupClusters(CLI::App& app) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* cmd = app.add_subcommand("clusters", "Learn word clusters (NER features) from unlabeled text");
  cmd->add_option("--conllu", args->conllu, "CoNLL-U files whose word forms are read");
  cmd->add_option("--articles", args->articles, "JSON files {id: {\"articleBody\": text}}");
  cmd->add_option("--text", args->text, "Plain text files (UTF-8), each non-empty line one sequence");
  cmd->add_option("--out", args->out, "Cluster file to write");
  cmd->add_option("--case-words", args->case_words,
                  "Also write lexicon lines (cap_always, cap_often, lower_word) from the words' casing");
  cmd->add_option("--case-min-count", args->case_options.min_count, "Occurrences needed for a case class")
      ->capture_default_str();
  cmd->add_option("--classes", args->options.classes, "Classes at the finest level (16..1024)")
      ->capture_default_str();
  cmd->add_option("--min-count", args->options.min_count, "Minimum word count")->capture_default_str();
  cmd->add_option("--max-words", args->options.max_words, "Most frequent words kept")->capture_default_str();
  cmd->add_option("--iterations", args->options.iterations, "Exchange passes per level")->capture_default_str();
  cmd->callback([args] { RunClusters(*args); });
}

}  // namespace

SITREP_COMMAND(82, SetupClusters);

}  // namespace sitrep::cli
