// Word clusters for the NER model: a deterministic exchange clustering (class-bigram
// likelihood, Kneser & Ney / Martin et al.) of unlabeled lowercase text into nested levels,
// shipped inside ner.model as hashed words with packed cluster ids (never the words).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

struct ClusterOptions {
  int classes = 512;        // finest level (at most 1024); coarser levels: /4 and /16
  int min_count = 2;        // rarer words share one "unknown" node in the statistics
  size_t max_words = 100000;  // most frequent words kept
  int iterations = 12;      // exchange passes per level (stops early when nothing moves)
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

// Clusters the lowercase words of `sentences`; returns lines "word<TAB>id0 id1 id2<TAB>count"
// (finest level first), most frequent word first. Deterministic for the same input.
Result<std::string> LearnWordClusters(const std::vector<std::vector<std::string>>& sentences,
                                      const ClusterOptions& options);

class WordClusters {
 public:
  static constexpr int kLevels = 3;
  static constexpr uint32_t kLevelLimit[kLevels] = {1024, 256, 64};
  static constexpr uint32_t kNone = 0xFFFF;  // id of a word without a cluster

  // Builder: reads LearnWordClusters() lines ('#' starts a comment line, so words beginning
  // with '#' are skipped); InvalidArgument on malformed lines or ids.
  Status AddText(std::string_view text);
  // The section stored in the model: magic, count, sorted keys (hash high bits | ids).
  std::string Serialize() const;
  // Views a serialised section in place (validated); `owner` keeps its bytes alive.
  static Result<std::unique_ptr<WordClusters>> FromSection(std::string_view bytes,
                                                           std::shared_ptr<const void> owner);
  size_t size() const { return n_; }
  // Ids of the word whose lowercase form hashes (HashString) to `lower_hash`; kNone if absent.
  void Lookup(uint64_t lower_hash, uint32_t ids[kLevels]) const;

 private:
  std::vector<uint64_t> build_;
  const uint64_t* keys_ = nullptr;
  size_t n_ = 0;
  std::shared_ptr<const void> owner_;
};

}  // namespace sitrep
