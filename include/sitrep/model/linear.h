// Linear multi-class models over hashed sparse features. A feature is a 64-bit hash; its
// low bits pick a row of one weight per class. Training uses an averaged perceptron with
// float weights; the saved form is the averaged weights quantised to int16 with one scale,
// or (default since model file version 2) to 8-bit codes into a 256-entry int16 codebook.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

// murmur3 fmix64: a cheap, well-mixed 64-bit permutation.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
// The hash of feature template `t` with up to three component values.
inline uint64_t Feat(uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(t * 0x9E3779B97F4A7C15ULL + a);
  h = Mix64(h ^ (b + 0x632BE59BD9B4E019ULL));
  return c ? Mix64(h ^ c) : h;
}
// A stable hash of bytes (XXH3), identical on every platform and run.
uint64_t HashString(std::string_view s);

// How a weight section stores its weights (the u32 after the scale in its header).
enum class WeightFormat : uint32_t {
  kInt16 = 0,      // int16 per weight (model file version 1)
  kCodebook8 = 1,  // int16 codebook[256], then one uint8 code per weight
};

// Read-only quantised weights, viewed in place (in a mapped model file or an owned buffer).
class WeightTable {
 public:
  WeightTable() = default;
  // Validates a section written by AveragedPerceptron::Section(); DataLoss when malformed.
  static Result<WeightTable> FromSection(std::string_view bytes);
  int classes() const { return classes_; }
  float scale() const { return scale_; }
  WeightFormat format() const { return lut_ ? WeightFormat::kCodebook8 : WeightFormat::kInt16; }
  // Adds the rows of `feats` into scores[0..classes).
  void Score(const uint64_t* feats, size_t n, int32_t* scores) const;
  // A copy holding its own plain int16 rows padded to a multiple of 8 classes (2x the bytes of
  // a codebook table): Score adds them 8 classes at a time, with the same results. For
  // tables with many classes (the parser's labels); a table of int16 rows is returned as is.
  WeightTable Unpacked() const;
  // True when Score adds codebook rows with AVX-512 (checked once at run time; the
  // environment variable SITREP_NO_AVX512 forces the portable loop). Same sums either way.
  static bool SimdCodebook();
  // Hints the CPU to load the rows of `feats` (a later Score overlaps fewer cache misses).
  void Prefetch(const uint64_t* feats, size_t n) const {
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(rows_ + (feats[i] & mask_) * row_bytes_);
  }
  void KeepAlive(std::shared_ptr<const void> owner) { owner_ = std::move(owner); }

 private:
  const char* rows_ = nullptr;     // int16 or uint8 weights, classes_ per row
  const int16_t* lut_ = nullptr;   // the codebook (kCodebook8) or null (kInt16)
  size_t row_bytes_ = 0;
  size_t stride_ = 0;              // int16 per row of an Unpacked() table, else 0
  uint64_t mask_ = 0;
  int classes_ = 0;
  float scale_ = 1;
  std::shared_ptr<const void> owner_;
};

// Re-encodes a weight section in `format` (an int16 section becomes exactly what Section()
// would have written from the same averaged weights). DataLoss when `section` is malformed.
Result<std::string> ConvertWeightSection(std::string_view section, WeightFormat format);

// A section (in `format`) whose weights are the sums, in real units, of those of sections `a`
// and `b` (same dimensions): scoring it equals scoring both and adding, up to quantisation
// (two models of the same features merged into one). DataLoss/InvalidArgument otherwise.
Result<std::string> SumWeightSections(std::string_view a, std::string_view b, WeightFormat format);

class AveragedPerceptron {
 public:
  AveragedPerceptron(int log2_buckets, int classes);
  int classes() const { return classes_; }
  // Current (not averaged) weights, for decoding during training.
  void Score(const uint64_t* feats, size_t n, float* scores) const;
  // Moves weight towards `gold` and away from `pred` (no-op when equal).
  void Update(const uint64_t* feats, size_t n, int gold, int pred);
  // Adds `delta` to class `cls` of the rows of `feats` (structured updates).
  void Adjust(const uint64_t* feats, size_t n, int cls, float delta);
  // One training instance is done (advances the averaging clock).
  void Tick() { ++clock_; }
  // The averaged weights quantised: "log2 u32, classes u32, scale f32, format u32", then
  // int16[] (kInt16) or int16 codebook[256] + uint8[] (kCodebook8, 1-D k-means levels).
  std::string Section(WeightFormat format = WeightFormat::kCodebook8) const;
  // A table over Section(format), owning its bytes (dev evaluation during training).
  WeightTable Averaged(WeightFormat format = WeightFormat::kCodebook8) const;

 private:
  int log2_;
  int classes_;
  uint64_t mask_;
  double clock_ = 1;
  std::vector<float> w_;
  std::vector<double> u_;  // clock-weighted sums of updates (double: clock gets large)
};

}  // namespace sitrep
