// The three models together (tagger, parser, NER), found in a models folder, applied to a
// sentence in order: UPOS, then HEAD/DEPREL, then NER= in MISC.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/model/ner.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"

namespace sitrep {

class BiaffineParser;

// The models folder: `explicit_dir` when set, else $SITREP_MODELS, else ../models and
// ./models beside the executable, else ./models. NotFound when none holds pos.model.
Result<std::string> FindModelsDir(const std::string& explicit_dir);

class Analyzer {
 public:
  // Loads pos.model, parse.model and (unless `with_ner` is false) ner.model from `dir`.
  // Without the NER model (event extraction needs only tags and arcs) the analyzer loads
  // faster and holds tens of MB less; Analyze/AnalyzeDocument then set no NER= labels.
  static Result<Analyzer> Load(const std::string& dir, bool with_ner = true);
  void Analyze(Sentence* sentence) const;
  // The sentences of one document (an article): tags and parses each, then labels names over
  // the whole document (a two-pass NER model uses the other sentences' first-pass labels).
  void AnalyzeDocument(std::vector<Sentence>* sentences) const;
  const Tagger& tagger() const { return tagger_; }
  // Sets HEAD/DEPREL with whichever parser parse.model holds (linear or biaffine, by its kind).
  void Parse(Sentence* sentence) const;
  // Parse() of each sentence (already tagged); a biaffine parser runs its network over all of
  // them at once (BiaffineParser::ParseAll: the same parses, fewer passes over the weights).
  void ParseAll(std::span<Sentence> sentences) const;
  // The linear parser (empty when parse.model is a biaffine one: use Parse()).
  const Parser& parser() const { return parser_; }
  const BiaffineParser* biaffine() const { return biaffine_.get(); }
  bool has_ner() const { return ner_.has_value(); }
  // The NER model; only when has_ner().
  const NerTagger& ner() const { return *ner_; }

 private:
  Analyzer(Tagger t, Parser p, std::optional<NerTagger> n)
      : tagger_(std::move(t)), parser_(std::move(p)), ner_(std::move(n)) {}
  Tagger tagger_;
  Parser parser_;
  std::optional<NerTagger> ner_;
  std::shared_ptr<const BiaffineParser> biaffine_;  // set when parse.model is kBiaffineParser
};

}  // namespace sitrep
