// Inference of the biaffine parser's network over many sentences at once (the sentences of a
// document): their rows are stacked so every product runs once for the batch, and the BiLSTM
// steps all sentences together (nn::LstmForwardBatch). Each sentence's arc scores and label
// representations are bit-identical to BiaffineNet::Forward on that sentence alone.
#pragma once

#include <vector>

#include "model/biaffine_net.h"
#include "model/nn/lstm_batch.h"

namespace sitrep {

// Buffers reused across batches (one per thread).
struct BiaffineBatchScratch {
  nn::Mat x, hf, hb, arc_dep, arc_head, t, sent_t, sent_head;
  nn::Mat label_dep, label_head;  // stacked rows: sentence i starts at row starts[i]
  nn::Mat label_features;
  std::vector<const float*> z_rows;
  std::vector<float*> score_rows;
  std::vector<int> starts;
  std::vector<float> bias;
  nn::LstmBatchScratch lstm;
};

class BiaffineBatch {
 public:
  // `net` must outlive this object; its parameters are found by name (all must exist: the
  // names BiaffineNet::Init gives).
  explicit BiaffineBatch(const BiaffineNet& net);

  // Runs the network on every input. Afterwards arcs[i] holds sentence i's arc scores
  // ((n+1) x (n+1), as BiaffineNet::Output::arcs) and scratch->label_dep / label_head its label
  // representations in rows starts[i] .. starts[i + 1].
  void Forward(const std::vector<BiaffineInput>& inputs, std::vector<nn::Mat>* arcs,
               BiaffineBatchScratch* scratch) const;

  // Label scores (labels wide) of dependent rows deps[k] with head rows heads[k] of the
  // stacked label representations into row k of `scores` (resized): each row bit-identical to
  // BiaffineNet::LabelScores for that pair.
  void LabelScores(const std::vector<int>& deps, const std::vector<int>& heads,
                   BiaffineBatchScratch* scratch, nn::Mat* scores) const;

 private:
  const nn::Mat* embed_[7];            // word, tag, cl0, cl1, suf, pre, shape: input-column order
  std::vector<nn::LstmWeights> lstm_;  // per layer: forward, backward
  const nn::Mat* mlp_[4][2];           // arc.dep, arc.head, lab.dep, lab.head: w, b
  const nn::Mat *arc_u_, *arc_bias_, *lab_v_, *lab_b_;
  int label_dim_;
};

}  // namespace sitrep
