// Part-of-speech tagger: greedy left-to-right averaged perceptron over UPOS with word,
// affix, shape, context-word, previous-tag and tag-dictionary (ambiguity class) features;
// "tagger-v2" models also carry word clusters (section "clusters") and use them as features.
// Models whose features end in "+rl" add a right-to-left model run first; each position then
// takes the tag with the best sum of both models' scores.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/model/linear.h"
#include "sitrep/model/model_file.h"
#include "sitrep/model/train_options.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

class WordClusters;

class Tagger {
 public:
  // InvalidArgument when `model` is not a tagger; DataLoss when a section is malformed.
  static Result<Tagger> FromModel(Model model);
  static Result<Tagger> Load(const std::string& path);

  // Sets Token::upos of every token of the sentence.
  void Tag(Sentence* sentence) const;
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  Model model_;
  WeightTable weights_;
  WeightTable backward_;       // the right-to-left model ("+rl" models)
  bool has_backward_ = false;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, uint32_t> tag_dict_;
  std::shared_ptr<const WordClusters> clusters_;  // views model_'s bytes (tagger-v2)
};

// Trains on `train` (gold UPOS), early-stopping on `dev`; returns the model file bytes.
// With options.clusters the model is "tagger-v2" and embeds them; options.backward adds the
// right-to-left model (features "+rl", section "weights_rl").
Result<std::string> TrainTagger(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                const TrainOptions& options);

// Percent of tokens whose predicted UPOS equals the gold one (tags `gold` copies).
double TaggerAccuracy(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace sitrep
