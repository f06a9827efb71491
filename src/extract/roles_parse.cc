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
    auto a = Analyzer::Load(dir, /*with_ner=*/false);  // roles need tags and arcs only
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

bool ParsableForRoles(const DocContext& doc, int si, const RoleOptions& options) {
  if (!doc.analyzer || si < 0 || si >= static_cast<int>(doc.sentences.size())) return false;
  const Sentence& s = doc.sentences[si];
  return !s.tokens.empty() && static_cast<int>(s.tokens.size()) <= options.max_parse_tokens;
}

std::optional<Sentence> ParseForRoles(const DocContext& doc, int si, const RoleOptions& options) {
  return std::move(ParseAllForRoles(doc, {si}, options).front());
}

std::vector<std::optional<Sentence>> ParseAllForRoles(const DocContext& doc,
                                                      const std::vector<int>& sentences,
                                                      const RoleOptions& options) {
  std::vector<std::optional<Sentence>> out(sentences.size());
  std::vector<Sentence> copies;
  std::vector<size_t> slot;
  for (size_t k = 0; k < sentences.size(); ++k) {
    if (!ParsableForRoles(doc, sentences[k], options)) continue;
    copies.push_back(doc.sentences[sentences[k]]);
    doc.analyzer->tagger().Tag(&copies.back());
    slot.push_back(k);
  }
  if (copies.empty()) return out;
  doc.analyzer->ParseAll(copies);
  for (size_t j = 0; j < copies.size(); ++j) out[slot[j]] = std::move(copies[j]);
  return out;
}

}  // namespace sitrep::extract
