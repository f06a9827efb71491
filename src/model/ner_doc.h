// Document-level NER (second pass, "ner-doc-v1"): features from the first pass's labels of a
// token's neighbours and of the same word elsewhere in its document (non-local features,
// Ratinov & Roth 2009), added to the first pass's features in a second model.
// Internal to src/model (ner.cc decodes with it, ner_train.cc trains it).
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ner_decode.h"
#include "ner_features.h"

namespace sitrep::ner_internal {

inline constexpr int kMaxTypes = 8;  // "O" and up to 7 entity types
inline constexpr char kDocFeatures[] = "ner-doc-v1";

// Counts of the first-pass types of each word (lowercase form) of one document. A sentence's
// own counts must be added before its Features() are asked for; each token's own occurrence is
// left out of its features.
class DocStats {
 public:
  explicit DocStats(const LabelSet& labels);
  // Adds (sign 1) or removes (sign -1) the words of one sentence with its first-pass labels.
  void Add(const NerInput& in, const std::vector<int>& p1, int sign);
  // Second-pass features of each token of `in` (at most kMaxDocFeatures each).
  void Features(const NerInput& in, const std::vector<int>& p1,
                std::vector<std::vector<uint64_t>>* out) const;

 private:
  struct Counts {
    std::array<int, kMaxTypes> type{};
    int cap = 0, inner = 0;  // capitalised occurrences / occurrences not sentence-initial
  };
  int TypeOf(int label) const { return type_of_[label]; }
  std::unordered_map<uint64_t, Counts> words_;
  std::vector<int> type_of_;  // label id -> type index (0 = O)
  int labels_ = 0, types_ = 1;
};

// Sets inputs[s]->doc, the second-pass features of each sentence of one document, from every
// sentence's first-pass labels `p1`.
void SetDocumentFeatures(const std::vector<NerInput*>& inputs, const std::vector<std::vector<int>>& p1,
                         const LabelSet& labels);

// Training data of both passes (ner_train.cc builds it; case copies follow their original).
struct NerTrainSet {
  std::vector<NerInput> inputs;
  std::vector<std::vector<int>> gold;
  std::vector<std::vector<char>> unknown;  // draft tokens whose label was lost
  std::vector<size_t> doc;       // document of each input
  std::vector<size_t> original;  // the input a case copy was made from (itself otherwise)
  std::vector<char> trusted;     // consistently labelled (never cleaned, in every jackknife fold)
};

// Sets the second-pass features of every training input from the (jackknifed) first-pass
// labels `p1`: each document's originals are counted together; a case copy is seen in its
// original's place.
void SetTrainingDocFeatures(const std::vector<std::vector<int>>& p1, const LabelSet& labels,
                            NerTrainSet* data);

}  // namespace sitrep::ner_internal
