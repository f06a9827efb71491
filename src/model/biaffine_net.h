// The network of the biaffine parser (Dozat & Manning 2017, small): per-token embeddings of
// the lowercase word, predicted UPOS, two levels of word clusters and hashed suffix, prefix and
// shape; a stacked BiLSTM; MLPs for dependent and head roles; a biaffine arc scorer with a
// head bias; labels scored from [dep; head; dep * head] at the gold (training) or predicted head.
// Forward and backward passes are written out by hand over nn::Mat (src/model/nn/).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/nn/layers.h"
#include "sitrep/model/train_options.h"

namespace sitrep {

struct BiaffineDims {
  int words = 2;  // vocabulary rows: 0 = unknown, 1 = root, then the known words
  int tags = 0;   // UPOS values; rows tags (unknown tag) and tags + 1 (root) are added
  int labels = 1;
  int word_dim = 80, tag_dim = 24, cl0_dim = 32, cl1_dim = 16, suf_dim = 32, pre_dim = 16,
      shape_dim = 16;
  int suf_buckets = 8192, pre_buckets = 4096, shape_buckets = 512;
  int hidden = 96, layers = 2;  // per direction
  int arc_dim = 128, label_dim = 64;
  int InputDim() const {
    return word_dim + tag_dim + cl0_dim + cl1_dim + suf_dim + pre_dim + shape_dim;
  }
};

// The rows each position (0 = root, then the words) reads from the embedding tables.
struct BiaffineInput {
  std::vector<int> word, tag, cl0, cl1, suf, pre, shape;
  int n() const { return static_cast<int>(word.size()) - 1; }
};

struct DropoutRates {
  float input = 0.f, lstm = 0.f, mlp = 0.f;
};

// Root-position rows of the cluster tables: ids are < 1024 / 256, then "none", then root.
inline constexpr int kCl0Rows = 1026, kCl1Rows = 258;

class BiaffineNet {
 public:
  // Allocates the parameters for `dims` (names as stored in the model file) and initialises
  // them from `seed`.
  void Init(const BiaffineDims& dims, uint64_t seed);
  const BiaffineDims& dims() const { return dims_; }
  std::vector<nn::Param>& params() { return params_; }
  const std::vector<nn::Param>& params() const { return params_; }
  std::vector<nn::Param*> ParamPointers();

  // Arc scores (n+1) x (n+1), row = dependent, column = head, and the label MLP outputs.
  struct Output {
    nn::Mat arcs, label_dep, label_head;
  };
  void Forward(const BiaffineInput& in, Output* out) const;
  // Label scores of dependent d with head h into scores[0..labels).
  void LabelScores(const Output& out, int d, int h, float* scores) const;

  // Training: loss summed over the words of the sentence (arc + label cross-entropy); adds
  // `scale` times its gradient to the parameters' g. heads/labels are indexed 1..n.
  float Loss(const BiaffineInput& in, const std::vector<int>& heads,
             const std::vector<int>& labels, const DropoutRates& dropout, SplitMix* rng,
             float scale);

 private:
  // One embedding table and the rows each position reads from it, in input-column order.
  struct EmbedPart {
    int param;
    const std::vector<int>* ids;
  };
  static constexpr int kEmbedParts = 7;

  int Add(const std::string& name, int rows, int cols);
  std::array<EmbedPart, kEmbedParts> EmbedParts(const BiaffineInput& in) const;
  void Embed(const BiaffineInput& in, nn::Mat* x) const;

  BiaffineDims dims_;
  std::vector<nn::Param> params_;
  int emb_word_ = 0, emb_tag_ = 0, emb_cl0_ = 0, emb_cl1_ = 0, emb_suf_ = 0, emb_pre_ = 0,
      emb_shape_ = 0;
  std::vector<int> lstm_;  // per layer and direction: wx, wh, b (6 per layer)
  int arc_dep_ = 0, arc_head_ = 0, lab_dep_ = 0, lab_head_ = 0;  // w then b
  int arc_u_ = 0, arc_bias_ = 0, lab_v_ = 0, lab_b_ = 0;
};

}  // namespace sitrep
