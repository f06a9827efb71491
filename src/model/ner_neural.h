// The neural NER model (BiLSTM-CRF, src/model/ner_net.h) as stored in a model file of kind
// kNeuralNer: vocabulary (sorted hashes of lowercase words), labels, the embedded name lexicon
// and word clusters, and the network weights. Internal to src/model: NerTagger dispatches to
// it, TrainNeuralNer (ner_neural_train.cc) builds it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/ner_decode.h"
#include "model/ner_net.h"
#include "sitrep/model/model_file.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/text/sentence.h"

namespace sitrep::ner_internal {

inline constexpr char kNeuralNerArch[] = "bilstm-crf-v1";

// Sorted HashString values of the known lowercase words; row of word k = 1 + k.
struct NerVocab {
  std::vector<uint64_t> hashes;
  int Row(uint64_t lower_hash) const;  // 0 (unknown) when absent
};

// Network inputs of `s`; `clusters` and `lexicon` may be null (their bags stay empty).
NerNetInput MakeNerNetInput(const Sentence& s, const NerVocab& vocab, const WordClusters* clusters,
                            const NerLexicon* lexicon, const NerNetDims& dims);

// The CRF's allowed transitions: those of the label set.
nn::CrfConstraints ConstraintsOf(const LabelSet& labels);

// Model file bytes of `net`; `lexicon_section`/`clusters_section` may be empty (absent).
std::string SerializeNeuralNer(const NerNet& net, const NerVocab& vocab,
                               const std::vector<std::string>& labels,
                               const std::string& lexicon_section, const std::string& clusters_section,
                               const std::map<std::string, std::string>& extra_hyper);

// A loaded neural NER model. Thread-safe for concurrent Decode() calls.
class NeuralNer {
 public:
  // Validates every hyperparameter and section bound of `model` (kind kNeuralNer); DataLoss
  // naming the bad field otherwise. The lexicon and clusters are views into `model`'s
  // sections: the model must outlive the result (NerTagger keeps both).
  static Result<std::unique_ptr<NeuralNer>> FromModel(const Model& model);
  std::shared_ptr<const LabelSet> labels() const { return labels_; }
  // Label ids (of labels()) of the sentence's tokens.
  std::vector<int> Decode(const Sentence& s) const;

 private:
  NerNet net_;
  NerVocab vocab_;
  std::shared_ptr<const LabelSet> labels_;
  nn::CrfConstraints constraints_;
  std::unique_ptr<NerLexicon> lexicon_;
  std::unique_ptr<WordClusters> clusters_;
};

}  // namespace sitrep::ner_internal
