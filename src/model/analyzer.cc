#include "sitrep/model/analyzer.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "sitrep/model/biaffine_parser.h"

namespace sitrep {
namespace {

bool HasModels(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir + "/pos.model", ec);
}

}  // namespace

Result<std::string> FindModelsDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (HasModels(explicit_dir)) return explicit_dir;
    return Status::NotFound(explicit_dir + ": no pos.model in the models folder");
  }
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SITREP_MODELS"); env && *env) candidates.push_back(env);
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::filesystem::path exe_dir = std::filesystem::path(std::string(buf, n)).parent_path();
    candidates.push_back((exe_dir / ".." / "models").string());
    candidates.push_back((exe_dir / "models").string());
  }
  candidates.push_back("models");
  for (const std::string& c : candidates)
    if (HasModels(c)) return c;
  return Status::NotFound("no models folder found (use --models DIR or SITREP_MODELS)");
}

Result<Analyzer> Analyzer::Load(const std::string& dir, bool with_ner) {
  ASSIGN_OR_RETURN(Tagger t, Tagger::Load(dir + "/pos.model"));
  ASSIGN_OR_RETURN(Model parse_model, Model::Load(dir + "/parse.model"));
  std::shared_ptr<const BiaffineParser> biaffine;
  Parser p;
  if (parse_model.kind() == ModelKind::kBiaffineParser) {
    ASSIGN_OR_RETURN(BiaffineParser b, BiaffineParser::FromModel(std::move(parse_model)));
    biaffine = std::make_shared<const BiaffineParser>(std::move(b));
  } else {
    ASSIGN_OR_RETURN(p, Parser::FromModel(std::move(parse_model)));
  }
  std::optional<NerTagger> n;
  if (with_ner) {
    ASSIGN_OR_RETURN(NerTagger loaded, NerTagger::Load(dir + "/ner.model"));
    n = std::move(loaded);
  }
  Analyzer a(std::move(t), std::move(p), std::move(n));
  a.biaffine_ = std::move(biaffine);
  return a;
}

void Analyzer::Parse(Sentence* s) const {
  if (biaffine_) biaffine_->Parse(s);
  else parser_.Parse(s);
}

void Analyzer::Analyze(Sentence* s) const {
  tagger_.Tag(s);
  Parse(s);
  if (ner_) ner_->Tag(s);
}

void Analyzer::AnalyzeDocument(std::vector<Sentence>* sentences) const {
  for (Sentence& s : *sentences) tagger_.Tag(&s);
  ParseAll(*sentences);  // a biaffine network runs over the whole document at once
  if (ner_) ner_->TagDocument(sentences);
}

void Analyzer::ParseAll(std::span<Sentence> sentences) const {
  if (biaffine_) {
    biaffine_->ParseAll(sentences);
  } else {
    for (Sentence& s : sentences) parser_.Parse(&s);
  }
}

}  // namespace sitrep
