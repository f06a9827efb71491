// Named-entity recogniser: first-order Viterbi over BIO or BILOU labels (PER, ORG, LOC, ...)
// with only valid transitions (output always BIO), a structured averaged perceptron over word/affix/shape/context/POS/
// sentence-casing features and a hook for gazetteer or actor features (NerFeatureSource);
// optionally a second, document-level pass over the first pass's labels (section "weights2").
// A model of kind kNeuralNer (TrainNeuralNer: BiLSTM-CRF) is used through the same NerTagger.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/linear.h"
#include "sitrep/model/model_file.h"
#include "sitrep/model/tagger.h"
#include "sitrep/model/train_options.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

// Extra features for the NER model (e.g. "this token starts a gazetteer LOC entry"). The
// same source (same name()) must be used in training and at run time.
class NerFeatureSource {
 public:
  virtual ~NerFeatureSource() = default;
  virtual std::string name() const = 0;
  // Appends feature strings for token `i`; they are hashed and conjoined with nothing else.
  virtual void Features(const Sentence& s, size_t i, std::vector<std::string>* out) const = 0;
  // Hashed features of every token at once (default: Features() of each token, hashed).
  virtual void SentenceFeatures(const Sentence& s, std::vector<std::vector<uint64_t>>* out) const;
};

class WordClusters;
class NerLexicon;
namespace ner_internal {
class LabelSet;
class NeuralNer;
}

class NerTagger {
 public:
  // Accepts the linear (kNer) and the neural (kNeuralNer) model kinds.
  static Result<NerTagger> FromModel(Model model);
  static Result<NerTagger> Load(const std::string& path);
  // Must be called before Tag() when the model was trained with an external source; not
  // owned. A model with an embedded name lexicon (section "lexicon") sets its own.
  void SetFeatureSource(const NerFeatureSource* source) { source_ = source; }
  std::string feature_source_name() const { return model_.Hyper("feature_source"); }

  // BIO labels ("O", "B-PER", "I-PER", ...) for the tokens; uses upos when set.
  std::vector<std::string> Labels(const Sentence& sentence) const;
  // Writes the labels into each token's MISC as NER=<label> (replacing an old NER=).
  void Tag(Sentence* sentence) const;
  // Labels of the sentences of one document (e.g. an article). A two-pass model uses the first
  // pass's labels of the same words elsewhere in the document; Labels(s) = a document of one.
  std::vector<std::vector<std::string>> DocumentLabels(const std::vector<Sentence>& doc) const;
  void TagDocument(std::vector<Sentence>* doc) const;
  bool two_pass() const { return two_pass_; }

 private:
  friend Result<std::string> TrainNer(const std::vector<Sentence>&, const std::vector<Sentence>&,
                                      const Tagger*, const TrainOptions&, const NerFeatureSource*,
                                      const WordClusters*);
  // Label ids of the sentences of one document.
  std::vector<std::vector<int>> LabelIds(const std::vector<const Sentence*>& doc) const;
  Model model_;
  WeightTable weights_;
  WeightTable weights2_;   // second pass (document features), when two_pass_
  bool two_pass_ = false;
  std::shared_ptr<const ner_internal::LabelSet> labels_;
  const NerFeatureSource* source_ = nullptr;
  std::shared_ptr<const NerFeatureSource> embedded_;  // the model's own lexicon, if any
  std::shared_ptr<const WordClusters> clusters_;       // the model's word clusters, if any
  std::shared_ptr<const ner_internal::NeuralNer> neural_;  // a kNeuralNer model (views model_)
  int version_ = 4;        // feature set: 2, 3 or 4 (ner-v4 adds cluster and context features)
  int trans_ = 9;          // transition templates (ner-v2 models: 6, ner-v3: 8)
  bool use_pos_ = true;    // false: trained without UPOS ("pos" = "none"), upos is ignored
  int32_t o_penalty_ = 0;  // subtracted from the score of "O" (tuned on dev at training)
};

// MISC item marking a draft token whose label was lost (stray B-O): training skips it.
inline constexpr const char kNerDraftUnknown[] = "NerDraft=Unknown";

// The NER= value in a token's MISC, or "O".
std::string NerLabelOf(const Token& token);
void SetNerLabel(Token* token, const std::string& label);

// Reads IOB2 (CoNLL-U-like: id, form, label, ...) into sentences whose MISC holds NER=.
// With `draft`, OTH and stray B-O/I-O labels become O (the latter marked unknown in MISC
// as NerDraft=Unknown: training makes no update there). `doc_starts` (optional) receives the
// index of each sentence that follows a "# newdoc" comment.
Result<std::vector<Sentence>> ReadIob2File(const std::string& path, bool draft,
                                           std::vector<size_t>* doc_starts = nullptr);

// Trains on sentences with NER= labels (BILOU internally); with options.average_seeds = k > 1,
// k perceptrons (seeds seed..seed+k-1, each stopped early on `dev`) have their weights
// averaged. `tagger` (optional) supplies predicted UPOS for the
// training sentences that carry none (e.g. jackknifed UPOS is kept) and for `dev`. A
// NerLexicon source is embedded in the model (section "lexicon") and used at run time, and
// so are `clusters` (section "clusters").
Result<std::string> TrainNer(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                             const Tagger* tagger, const TrainOptions& options,
                             const NerFeatureSource* source = nullptr,
                             const WordClusters* clusters = nullptr);

// Word vectors learned elsewhere (e.g. fastText .vec text: a "count dim" line, then "word
// v1 ... vdim" lines), used to initialise the neural NER model's word embeddings.
struct WordVectors {
  int dim = 0;
  std::vector<std::string> words;  // lowercase
  std::vector<float> values;       // words.size() x dim
};
// InvalidArgument naming `origin` and the line on malformed text or non-finite values.
Result<WordVectors> ParseWordVectors(std::string_view text, const std::string& origin);

struct NeuralNerOptions {
  int word_dim = 64, hidden = 64;  // hidden: BiLSTM size per direction
  float dropout = 0.33f;           // on the embeddings and the BiLSTM output
  float word_dropout = 0.25f;      // a word of count c becomes unknown with p = a / (a + c)
  int batch_sentences = 16;
  float lr = 2e-3f;
  int min_count = 1;  // words seen fewer times in training are unknown
  bool bilou = true;  // BILOU labels inside (output is always BIO)
  float ema = 0;  // > 0: the model holds moving averages of the weights (decay per Adam step)
  int linear_dim = 0;  // > 0: the linear model's hashed features as one more embedding bag
  // When set (dim must equal word_dim): the vocabulary also holds these words and their
  // embeddings start from the vectors, rescaled to the random initialisation's spread.
  const WordVectors* vectors = nullptr;
  std::string checkpoint;  // when set, the best model so far is written here after each epoch
};

// Trains the BiLSTM-CRF NER model (kind kNeuralNer, src/model/ner_net.h) with Adam over
// mini-batches: dev F1 after each epoch, the best epoch kept (the last one when `dev` is
// empty), options.patience epochs without gain stop it. Uses options.epochs, seed,
// case_copies, ner_dev_docs. `lexicon` and `clusters` (may be null) are embedded in the
// model. Single-threaded and deterministic for the seed.
Result<std::string> TrainNeuralNer(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                   const TrainOptions& options, const NeuralNerOptions& neural,
                                   const NerLexicon* lexicon, const WordClusters* clusters);

struct NerScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t gold = 0, predicted = 0, correct = 0;
};
// Exact span-and-type scores of `ner` (tagging first when `tagger` is set) against `gold`,
// labelled document by document (`doc_starts`: first sentence of each; empty: one per sentence).
NerScores ScoreNer(const NerTagger& ner, const Tagger* tagger, const std::vector<Sentence>& gold,
                   const std::vector<size_t>& doc_starts = {});

}  // namespace sitrep
