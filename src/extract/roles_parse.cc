// Lazy parsing for roles: only sentences that hold a trigger are tagged and parsed (the parser
// costs ~16 us per token; most sentences of an article name no event). Without models the
// extractor keeps its token patterns and says so once.
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "extract/mention.h"
#include "extract/roles.h"
#include "sitrep/base/resources.h"
#include "sitrep/model/analyzer.h"

namespace sitrep::extract {

std::unique_ptr<Analyzer> LoadRoleAnalyzer(const std::string& models_dir) {
  std::string dir = models_dir;
  // An explicit $SITREP_MODELS is obeyed even when it holds no models (pattern-only runs).
  if (const char* env = std::getenv("SITREP_MODELS"); dir.empty() && env && *env) dir = env;
  if (dir.empty()) {
    auto found = FindModelsDir("");
    if (found.ok()) dir = *found;
    else dir = FindResourceDir("models");
  }
  Status status = Status::NotFound("no models folder found (set SITREP_MODELS)");
  if (!dir.empty()) {
    auto a = Analyzer::Load(dir);
    if (a.ok()) return std::make_unique<Analyzer>(std::move(*a));
    status = a.status();
  }
  static std::once_flag warned;
  std::call_once(warned, [&] {
    std::fprintf(stderr, "sitrep: warning: %s; event roles come from token patterns only\n",
                 std::string(status.message()).c_str());
  });
  return nullptr;
}

std::optional<Sentence> ParseForRoles(const DocContext& doc, int si, const RoleOptions& options) {
  if (!doc.analyzer || si < 0 || si >= static_cast<int>(doc.sentences.size())) return std::nullopt;
  const Sentence& s = doc.sentences[si];
  if (s.tokens.empty() || static_cast<int>(s.tokens.size()) > options.max_parse_tokens) {
    return std::nullopt;
  }
  Sentence copy = s;
  doc.analyzer->tagger().Tag(&copy);
  doc.analyzer->Parse(&copy);
  return copy;
}

}  // namespace sitrep::extract
