// Near-duplicate detection for wire copies and light rewrites: MinHash signatures over word
// shingles and locality-sensitive hashing (banding) to find candidate pairs in linear time.
// Pure functions; LshIndex is not thread-safe (one writer).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sitrep {

struct MinHashOptions {
  int shingle_words = 3;   // words per shingle (lower-cased, punctuation dropped)
  int num_hashes = 64;     // signature length; must equal bands * rows
  int bands = 32;          // LSH bands; candidate threshold ~ (1/bands)^(1/rows)
  int rows = 2;
  double near_duplicate = 0.35; // estimated Jaccard at or above which two texts share an origin
};

using MinHashSignature = std::vector<uint32_t>;

// The signature of `text` (empty text -> all 0xFFFFFFFF). Deterministic across runs/platforms.
MinHashSignature ComputeMinHash(std::string_view text, const MinHashOptions& options);

// Share of equal positions: an estimate of the shingle Jaccard index. 0 when sizes differ.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// One 64-bit key per band; two signatures are LSH candidates when any band key is equal.
std::vector<uint64_t> BandKeys(const MinHashSignature& sig, const MinHashOptions& options);

// Band index over signatures; Add returns the ids already added that share a band.
class LshIndex {
 public:
  explicit LshIndex(MinHashOptions options) : options_(options) {}
  // Candidates (ids added before, each once, ascending) and then adds `id`.
  std::vector<uint32_t> Add(uint32_t id, const MinHashSignature& sig);

 private:
  MinHashOptions options_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
};

// Pairs (i < j) of signatures whose estimated Jaccard >= options.near_duplicate, found through
// LSH candidates (not all pairs). Sorted.
std::vector<std::pair<uint32_t, uint32_t>> NearDuplicatePairs(
    const std::vector<MinHashSignature>& sigs, const MinHashOptions& options);

// Hex of a signature and back (for storage). Decode fails (returns empty) on malformed input.
std::string EncodeSignature(const MinHashSignature& sig);
MinHashSignature DecodeSignature(std::string_view hex);

}  // namespace sitrep
