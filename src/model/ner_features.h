// NER features: the per-sentence input (padded words, tags, clusters, feature-source rows) and
// the hashed feature templates of one token, label-free and conjoined with the previous label.
// Internal to src/model (ner.cc decodes and trains with them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/model/ner.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/word_features.h"

namespace sitrep::ner_internal {

inline constexpr int kPad = 2;
inline constexpr int kMaxStatic = 96;
inline constexpr int kMaxExtra = 48;
inline constexpr int kMaxDocFeatures = 32;  // second-pass (document) features per token
inline constexpr int kMaxFeatures = kMaxStatic + kMaxExtra + kMaxDocFeatures;
inline constexpr int kTrans = 9;  // label-transition templates, conjoined with the previous label
inline constexpr int kDefaultLog2 = 19;
inline constexpr uint64_t kNoTag = 0x77777;
inline constexpr uint32_t kPadCluster = 0xFFFE;
inline constexpr int kFeatureVersion = 4;
// Feature sets that still load: "ner-v2" (6 transition templates), "ner-v3" (8), "ner-v4" (9).
inline int FeatureVersion(const std::string& name) {
  return name == "ner-v2" ? 2 : name == "ner-v3" ? 3 : name == "ner-v4" ? 4 : 0;
}
inline int TransTemplates(int version) { return version <= 2 ? 6 : version == 3 ? 8 : kTrans; }

struct NerInput {
  std::vector<WordInfo> words;  // padded by kPad on each side
  std::vector<uint64_t> tags;   // padded; predicted UPOS hashes
  std::vector<int> run_pos, run_len;  // position in / length of a run of capitalised words
  int casing = 0;  // 0 mostly lowercase, 1 mixed, 2 mostly capitalised (headline) sentence
  std::vector<std::vector<uint64_t>> extra;  // hashed features from the feature source
  int version = kFeatureVersion;
  int trans = kTrans;  // transition templates used (ner-v2: 6)
  std::vector<uint32_t> cl[WordClusters::kLevels];  // padded cluster ids (ner-v4)
  std::vector<uint8_t> quoted;  // inside quotes or brackets (ner-v4)
  std::vector<std::vector<uint64_t>> doc;  // second-pass document features (empty: none)
};

// The features' input for sentence `s` (predicted UPOS used when `use_pos`).
NerInput Prepare(const Sentence& s, const NerFeatureSource* source, const WordClusters* clusters,
                 bool use_pos, int version);

// Features of token `i` that do not depend on the labels; returns how many were written to `f`
// (at most kMaxFeatures).
int StaticFeatures(const NerInput& in, size_t i, uint64_t* f);

// Features of token `i` conjoined with the previous label `prev` (in.trans of them into `f`).
void TransFeatures(const NerInput& in, size_t i, int prev, uint64_t* f);

}  // namespace sitrep::ner_internal
