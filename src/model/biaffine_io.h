// Shared by the biaffine parser and its trainer: the vocabulary (sorted hashes of lowercase
// words, never the words), per-token network inputs, and the model file layout.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/biaffine_net.h"
#include "sitrep/model/model_file.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

class WordClusters;

inline constexpr char kBiaffineArch[] = "biaffine-v1";

// Sorted HashString values of the known lowercase words; row of word k = 2 + k.
struct BiaffineVocab {
  std::vector<uint64_t> hashes;
  int Row(uint64_t lower_hash) const;  // 0 (unknown) when absent
};

// Network inputs of `s` (position 0 = root): words, UPOS (tag_id; others = unknown), clusters
// (may be null: every word "none"), hashed affixes and shape.
BiaffineInput MakeBiaffineInput(const Sentence& s, const BiaffineVocab& vocab,
                                const std::map<std::string, int>& tag_id,
                                const WordClusters* clusters, const BiaffineDims& dims);

// The model file bytes of `net` with its vocabulary, tags, labels and clusters section.
std::string SerializeBiaffine(const BiaffineNet& net, const BiaffineVocab& vocab,
                              const std::vector<std::string>& tags,
                              const std::vector<std::string>& labels,
                              const std::string& clusters_section,
                              const std::map<std::string, std::string>& extra_hyper);

}  // namespace sitrep
