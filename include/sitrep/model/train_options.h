// Options shared by the trainers: epochs (an upper bound; the dev set stops training early),
// the seed that fixes the shuffling, table size, and a progress callback.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sitrep {

class WordClusters;

struct TrainOptions {
  int epochs = 12;
  uint64_t seed = 1;
  int log2_buckets = 0;  // 0 = the model's default
  int log2_label_buckets = 0;  // parser: label table size (0 = default)
  int patience = 3;      // stop after this many epochs without a better dev score
  int jackknife = 0;     // parser: tag the training set with taggers trained on k-1 of k folds
  int beam = 1;          // parser: beam width (1 = greedy with a dynamic oracle)
  int decode_beam = 0;   // parser: width stored for decoding (0 = the training width)
  int features = 0;      // parser: feature-set version "parser-zn-v<N>" (0 = the latest)
  bool lift_nonprojective = false;  // parser: train on non-projective trees made projective by
                                    // lifting (LiftToProjective) instead of skipping them
  bool backward = false;  // pos (and parse's jackknife taggers): add a right-to-left tagger
  int average_seeds = 1;  // ner: average the weights of this many runs (seeds seed, seed+1, ...)
  double case_copies = 0;  // ner: this fraction of training sentences is added lowercased too
                           // (and a quarter of it uppercased)
  double unk_copies = 0;  // ner: this fraction of training sentences is added again with words
                          // that hold a capital replaced (each at unk_rate) by random letters of
                          // the same case and length: names never seen, judged by their context
  double unk_rate = 0.5;
  double ner_margin = 0;       // ner: loss-augmented training: labels other than the gold one
  double ner_margin_name = 0;  // gain this (the latter where gold is a name) while decoding
  int doc_folds = 0;   // ner: >= 2 adds a second, document-level pass trained on first-pass
                       // labels jackknifed over this many folds of documents
  int doc_epochs = 0;  // ner: epochs of the second pass (0 = epochs)
  std::vector<size_t> ner_train_docs, ner_dev_docs;  // ner: first sentence of each document
  int clean_folds = 0;     // ner: >= 2 cleans the training labels with labels jackknifed over
                           // this many folds of documents (see clean_mode)
  int clean_epochs = 7;    // ner: epochs of each jackknife model
  std::string clean_mode;  // ner: "missing", "unknown", "relabel" or "drop" (src/model/ner_clean.h)
  size_t ner_trusted_from = static_cast<size_t>(-1);  // ner: training sentences from this index
                                                      // on are consistently labelled (not cleaned)
  // pos, parse: word clusters embedded in the model and used as features (null = none; the
  // parser then trains feature set 4, the tagger "tagger-v1"). Not owned.
  const WordClusters* clusters = nullptr;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

// Deterministic shuffling independent of the standard library's distributions.
class SplitMix {
 public:
  explicit SplitMix(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename V>
  void Shuffle(V* v) {
    for (size_t i = v->size(); i > 1; --i) std::swap((*v)[i - 1], (*v)[Next() % i]);
  }

 private:
  uint64_t s_;
};

}  // namespace sitrep
