// The network of the neural NER model: per-token embeddings (lowercase word, and summed bags of
// hashed affixes, shape/casing, word-cluster and name-lexicon ids, optionally the linear model's
// hashed features), one BiLSTM layer, a linear
// layer to label scores and a first-order CRF (src/model/nn/crf.h) over BIO or BILOU labels.
// Forward and backward passes are written out by hand over nn::Mat.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/nn/crf.h"
#include "model/nn/layers.h"
#include "sitrep/model/train_options.h"

namespace sitrep {

// The bags of ids summed into one embedding each, in input-column order.
// kBagLinear: the hashed token features of the linear NER model (ner-v4, src/model/
// ner_features.h), off when its dimension is 0.
enum NerBag : int { kBagAffix = 0, kBagShape, kBagCluster, kBagLexicon, kBagLinear, kNerBags };

struct NerNetDims {
  int words = 1;  // vocabulary rows: 0 = unknown, then the known words
  int labels = 1;
  int word_dim = 64;
  std::array<int, kNerBags> bag_dim = {32, 16, 32, 32, 0};
  std::array<int, kNerBags> bag_rows = {1 << 15, 1 << 10, 1024 + 256 + 64 + 3, 1 << 14, 1 << 17};
  int hidden = 64;  // per direction
  int InputDim() const {
    int d = word_dim;
    for (int b : bag_dim) d += b;
    return d;
  }
};

// Per token: the word row and, per bag, ids (each < bag_rows) in CSR form.
struct NerNetInput {
  std::vector<int> word;
  std::array<std::vector<int>, kNerBags> ids;
  std::array<std::vector<int>, kNerBags> start;  // n + 1 offsets into ids
  int n() const { return static_cast<int>(word.size()); }
};

class NerNet {
 public:
  // Allocates the parameters for `dims` (names as stored in the model file), initialised from
  // `seed`; with `for_loading` the weights stay zero and no gradients are allocated.
  void Init(const NerNetDims& dims, uint64_t seed, bool for_loading = false);
  const NerNetDims& dims() const { return dims_; }
  std::vector<nn::Param>& params() { return params_; }
  const std::vector<nn::Param>& params() const { return params_; }
  std::vector<nn::Param*> ParamPointers();
  const nn::Mat& transitions() const { return params_[trans_].w; }

  // Label scores (n x labels) of the sentence.
  void Emissions(const NerNetInput& in, nn::Mat* emit) const;
  // Training: the CRF loss of `gold` (-1 = unknown) with dropout rates `input` (embeddings)
  // and `lstm` (BiLSTM output); adds `scale` times its gradient to the parameters' g.
  float Loss(const NerNetInput& in, const std::vector<int>& gold, const nn::CrfConstraints& c,
             float input_dropout, float lstm_dropout, SplitMix* rng, float scale);

 private:
  int Add(const std::string& name, int rows, int cols);
  bool for_loading_ = false;
  void Embed(const NerNetInput& in, nn::Mat* x) const;

  NerNetDims dims_;
  std::vector<nn::Param> params_;
  int emb_word_ = 0;
  std::array<int, kNerBags> emb_bag_{};
  int lstm_ = 0;  // fwd wx, wh, b, then bwd wx, wh, b
  int out_ = 0;   // w then b
  int trans_ = 0;
};

}  // namespace sitrep
