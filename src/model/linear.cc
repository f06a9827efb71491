#include "sitrep/model/linear.h"

#include <cmath>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace sitrep {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

Result<WeightTable> WeightTable::FromSection(std::string_view bytes) {
  if (bytes.size() < 16) return Status::DataLoss("weight section too short");
  uint32_t log2, classes;
  float scale;
  std::memcpy(&log2, bytes.data(), 4);
  std::memcpy(&classes, bytes.data() + 4, 4);
  std::memcpy(&scale, bytes.data() + 8, 4);
  if (log2 < 1 || log2 > 28 || classes < 1 || classes > 4096)
    return Status::DataLoss("weight section has bad dimensions");
  if (!std::isfinite(scale) || scale <= 0) return Status::DataLoss("weight section has bad scale");
  uint64_t want = 16 + (uint64_t{1} << log2) * classes * 2;
  if (bytes.size() != want) return Status::DataLoss("weight section has the wrong size");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(int16_t) != 0)
    return Status::DataLoss("weight section is misaligned");
  WeightTable t;
  t.w_ = reinterpret_cast<const int16_t*>(bytes.data() + 16);
  t.mask_ = (uint64_t{1} << log2) - 1;
  t.classes_ = static_cast<int>(classes);
  t.scale_ = scale;
  return t;
}

void WeightTable::Score(const uint64_t* feats, size_t n, int32_t* scores) const {
  const int c = classes_;
  for (size_t i = 0; i < n; ++i) {
    const int16_t* row = w_ + (feats[i] & mask_) * c;
    for (int k = 0; k < c; ++k) scores[k] += row[k];
  }
}

AveragedPerceptron::AveragedPerceptron(int log2_buckets, int classes)
    : log2_(log2_buckets),
      classes_(classes),
      mask_((uint64_t{1} << log2_buckets) - 1),
      w_((size_t{1} << log2_buckets) * classes, 0.f),
      u_((size_t{1} << log2_buckets) * classes, 0.0) {}

void AveragedPerceptron::Score(const uint64_t* feats, size_t n, float* scores) const {
  const int c = classes_;
  for (size_t i = 0; i < n; ++i) {
    const float* row = w_.data() + (feats[i] & mask_) * c;
    for (int k = 0; k < c; ++k) scores[k] += row[k];
  }
}

void AveragedPerceptron::Update(const uint64_t* feats, size_t n, int gold, int pred) {
  if (gold == pred) return;
  const double t = clock_;
  for (size_t i = 0; i < n; ++i) {
    size_t row = (feats[i] & mask_) * classes_;
    w_[row + gold] += 1;
    u_[row + gold] += t;
    w_[row + pred] -= 1;
    u_[row + pred] -= t;
  }
}

void AveragedPerceptron::Adjust(const uint64_t* feats, size_t n, int cls, float delta) {
  const double t = clock_ * delta;
  for (size_t i = 0; i < n; ++i) {
    size_t row = (feats[i] & mask_) * classes_;
    w_[row + cls] += delta;
    u_[row + cls] += t;
  }
}

std::string AveragedPerceptron::Section() const {
  std::vector<float> avg(w_.size());
  float max_abs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] / clock_);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  std::string out(16 + avg.size() * 2, '\0');
  uint32_t log2 = log2_, classes = classes_;
  std::memcpy(out.data(), &log2, 4);
  std::memcpy(out.data() + 4, &classes, 4);
  std::memcpy(out.data() + 8, &scale, 4);
  int16_t* q = reinterpret_cast<int16_t*>(out.data() + 16);
  for (size_t i = 0; i < avg.size(); ++i) q[i] = static_cast<int16_t>(std::lround(avg[i] / scale));
  return out;
}

WeightTable AveragedPerceptron::Averaged() const {
  auto bytes = std::make_shared<std::string>(Section());
  WeightTable t = WeightTable::FromSection(*bytes).value();
  t.KeepAlive(bytes);
  return t;
}

}  // namespace sitrep
