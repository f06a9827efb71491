// Graph-based neural dependency parser (Dozat & Manning 2017, small): BiLSTM over word, UPOS,
// word-cluster and affix embeddings; biaffine arc scores decoded by Eisner's algorithm into a
// projective tree with one root word; labels from the dependent and head representations.
// Model files are of kind kBiaffineParser (hyper "arch=biaffine-v1"); weights are float32
// sections named after the parameters (src/model/biaffine_net.cc).
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sitrep/model/model_file.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/model/train_options.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

class BiaffineBatch;
class BiaffineNet;
class WordClusters;

struct BiaffineOptions {
  int word_dim = 80, tag_dim = 24, hidden = 96, layers = 2, arc_dim = 128, label_dim = 64;
  float dropout = 0.25f;       // input, BiLSTM output and MLP output dropout
  float word_dropout = 0.25f;  // a word of count c becomes unknown with p = a / (a + c)
  int batch_sentences = 16;
  float lr = 2e-3f;
  int min_count = 2;  // words seen fewer times in training are unknown
  std::string checkpoint;  // when set, the best model so far is written here after each epoch
};

class BiaffineParser {
 public:
  BiaffineParser();
  ~BiaffineParser();
  BiaffineParser(BiaffineParser&&) noexcept;
  BiaffineParser& operator=(BiaffineParser&&) noexcept;

  // InvalidArgument when `model` is not a biaffine parser; DataLoss naming the section when a
  // section is missing or has the wrong size.
  static Result<BiaffineParser> FromModel(Model model);
  static Result<BiaffineParser> Load(const std::string& path);

  // Sets head and deprel of every token from forms and upos (tag first). The output is always
  // a tree with exactly one word attached to the root.
  void Parse(Sentence* sentence) const;
  // Parse on every sentence (the sentences of a document), the network run over groups of
  // them at once: faster than one at a time, and the same heads and labels as Parse gives
  // each sentence (bit-identical scores on CPUs with AVX-512; see src/model/biaffine_batch.h).
  void ParseAll(std::span<Sentence> sentences) const;
  // Arc scores (row = dependent 0..n, column = head 0..n) as Parse computes them (tests).
  std::vector<float> ArcScores(const Sentence& sentence) const;
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  friend class BiaffineTrainer;
  struct Vocab;
  Model model_;
  std::unique_ptr<BiaffineNet> net_;
  std::unique_ptr<BiaffineBatch> batch_;  // inference over net_
  std::unique_ptr<Vocab> vocab_;
  std::vector<std::string> tags_, labels_;
  std::map<std::string, int> tag_id_;
  std::shared_ptr<const WordClusters> clusters_;
  int root_label_ = -1;
};

// Trains on `train` (gold trees, non-projective ones included; POS predicted by `tagger` or
// jackknifed per options.jackknife), keeping the epoch with the best dev LAS (patience
// options.patience; empty dev: the last epoch). options.clusters (required) are embedded.
// Deterministic for options.seed. Returns the model file bytes.
Result<std::string> TrainBiaffineParser(const std::vector<Sentence>& train,
                                        const std::vector<Sentence>& dev, const Tagger& tagger,
                                        const TrainOptions& options,
                                        const BiaffineOptions& biaffine = {});

// Tags (when `tagger` is set) and parses copies of `gold` and scores them against it.
AttachmentScores ScoreBiaffineParser(const BiaffineParser& parser, const Tagger* tagger,
                                     const std::vector<Sentence>& gold);

}  // namespace sitrep
