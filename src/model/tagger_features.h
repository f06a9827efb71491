// Feature extraction of the POS tagger (internal to the tagger and its trainer): a sentence
// prepared once (padded word properties, ambiguity classes, cluster ids), read left to right
// or, for the backward model, right to left, and the hashed features of one position.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/word_features.h"
#include "sitrep/text/sentence.h"

namespace sitrep::tagger_internal {

constexpr int kPad = 2;
constexpr int kMaxFeatures = 64;
constexpr int kNoTag = 255;
constexpr int kLatestVersion = 2;  // "tagger-v<N>": 2 adds word-cluster features
// Suffix of the features hyper of models that also hold a right-to-left model ("+rl").
constexpr char kBackwardSuffix[] = "+rl";

using TagDict = std::unordered_map<std::string, uint32_t>;

// A sentence prepared for feature extraction: padded word properties and ambiguity classes.
struct TagInput {
  std::vector<WordInfo> words;  // kPad padding entries on each side
  std::vector<uint64_t> amb;
  std::vector<uint32_t> cl[WordClusters::kLevels];  // cluster ids per level (version 2)
  int version = 1;
};

// Position i of the result is token i of `s`, or token n-1-i when `reverse` (backward model).
TagInput Prepare(const Sentence& s, const TagDict& dict, const WordClusters* clusters,
                 bool reverse);

// The same input read right to left: Reversed(Prepare(s, ..., false)) equals
// Prepare(s, ..., true) without recomputing the word properties.
TagInput Reversed(const TagInput& in);

// Features of position `i` (0-based) given the two previous predicted tags (in reading order).
int Features(const TagInput& in, size_t i, int t1, int t2, uint64_t* f);

template <typename Scores>
int Argmax(const Scores* s, int n) {
  int best = 0;
  for (int k = 1; k < n; ++k)
    if (s[k] > s[best]) best = k;
  return best;
}

}  // namespace sitrep::tagger_internal
