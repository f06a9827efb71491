#include "sitrep/model/linear.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SITREP_HAVE_AVX512_PATH 1
#endif

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace sitrep {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {

constexpr size_t kHeaderBytes = 16;
constexpr int kCodes = 256;
constexpr size_t kCodebookBytes = kCodes * sizeof(int16_t);
constexpr int kLloydRounds = 60;
constexpr size_t kMaxUnpackedStride = 256;  // SIMD accumulators on the stack (int16 per row)
// Codebook tables with fewer classes keep the scalar loop (the parser's 4 moves).
constexpr int kMinSimdCodebookClasses = 5;

struct Header {
  uint32_t log2 = 0, classes = 0, format = 0;
  float scale = 1;
  uint64_t weights() const { return (uint64_t{1} << log2) * classes; }
};

Result<Header> ReadHeader(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) return Status::DataLoss("weight section too short");
  Header h;
  std::memcpy(&h.log2, bytes.data(), 4);
  std::memcpy(&h.classes, bytes.data() + 4, 4);
  std::memcpy(&h.scale, bytes.data() + 8, 4);
  std::memcpy(&h.format, bytes.data() + 12, 4);
  if (h.log2 < 1 || h.log2 > 28 || h.classes < 1 || h.classes > 4096)
    return Status::DataLoss("weight section has bad dimensions");
  if (!std::isfinite(h.scale) || h.scale <= 0) return Status::DataLoss("weight section has bad scale");
  uint64_t want;
  if (h.format == static_cast<uint32_t>(WeightFormat::kInt16)) {
    want = kHeaderBytes + h.weights() * 2;
  } else if (h.format == static_cast<uint32_t>(WeightFormat::kCodebook8)) {
    want = kHeaderBytes + kCodebookBytes + h.weights();
  } else {
    return Status::DataLoss("weight section has unknown format " + std::to_string(h.format));
  }
  if (bytes.size() != want) return Status::DataLoss("weight section has the wrong size");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(int16_t) != 0)
    return Status::DataLoss("weight section is misaligned");
  return h;
}

// Levels for int16 values with histogram `hist` (index v + 32768): 0 exactly, plus up to 255
// levels from a count-weighted 1-D k-means (Lloyd) started at evenly ranked distinct values.
// Returns the levels ascending (at most kCodes).
std::vector<int16_t> Levels(const std::vector<uint64_t>& hist) {
  std::vector<int> vals;  // distinct nonzero values, ascending
  for (int i = 0; i < 65536; ++i)
    if (hist[i] && i != 32768) vals.push_back(i - 32768);
  std::vector<double> c;
  std::vector<char> fixed;
  auto add_zero_sorted = [&](std::vector<double> nz) {
    c.clear();
    fixed.clear();
    bool zero = false;
    for (double v : nz) {
      if (!zero && v > 0) c.push_back(0), fixed.push_back(1), zero = true;
      c.push_back(v), fixed.push_back(0);
    }
    if (!zero) c.push_back(0), fixed.push_back(1);
  };
  const int k = kCodes - 1;
  if (static_cast<int>(vals.size()) <= k) {
    add_zero_sorted(std::vector<double>(vals.begin(), vals.end()));
  } else {
    std::vector<double> init(k);
    for (int j = 0; j < k; ++j) init[j] = vals[(2 * size_t{vals.size()} * j + vals.size()) / (2 * k)];
    add_zero_sorted(init);
    std::vector<double> sum(c.size()), cnt(c.size());
    for (int round = 0; round < kLloydRounds; ++round) {
      std::fill(sum.begin(), sum.end(), 0.0);
      std::fill(cnt.begin(), cnt.end(), 0.0);
      size_t j = 0;
      for (int v : vals) {
        while (j + 1 < c.size() && v > (c[j] + c[j + 1]) / 2) ++j;
        const double w = static_cast<double>(hist[v + 32768]);
        sum[j] += w * v;
        cnt[j] += w;
      }
      bool moved = false;
      for (size_t i = 0; i < c.size(); ++i) {
        if (fixed[i] || cnt[i] == 0) continue;
        const double m = sum[i] / cnt[i];
        moved = moved || std::fabs(m - c[i]) > 1e-3;
        c[i] = m;
      }
      if (!moved) break;
    }
  }
  std::vector<int16_t> levels;
  for (double v : c) {
    const int16_t r = static_cast<int16_t>(std::lround(std::clamp(v, -32767.0, 32767.0)));
    if (levels.empty() || r != levels.back()) levels.push_back(r);
  }
  return levels;
}

// The section of int16 weights `q` in `format`.
std::string Encode(const Header& h, const std::vector<int16_t>& q, WeightFormat format) {
  std::string out(kHeaderBytes, '\0');
  const uint32_t fmt = static_cast<uint32_t>(format);
  std::memcpy(out.data(), &h.log2, 4);
  std::memcpy(out.data() + 4, &h.classes, 4);
  std::memcpy(out.data() + 8, &h.scale, 4);
  std::memcpy(out.data() + 12, &fmt, 4);
  if (format == WeightFormat::kInt16) {
    out.append(reinterpret_cast<const char*>(q.data()), q.size() * 2);
    return out;
  }
  std::vector<uint64_t> hist(65536, 0);
  for (int16_t v : q) ++hist[v + 32768];
  const std::vector<int16_t> levels = Levels(hist);
  int16_t lut[kCodes] = {};
  std::copy(levels.begin(), levels.end(), lut);
  std::vector<uint8_t> code(65536, 0);  // nearest level of every int16 value
  size_t j = 0;
  for (int v = -32768; v < 32768; ++v) {
    while (j + 1 < levels.size() && 2 * v > levels[j] + levels[j + 1]) ++j;
    code[v + 32768] = static_cast<uint8_t>(j);
  }
  out.append(reinterpret_cast<const char*>(lut), kCodebookBytes);
  const size_t at = out.size();
  out.resize(at + q.size());
  for (size_t i = 0; i < q.size(); ++i) out[at + i] = static_cast<char>(code[q[i] + 32768]);
  return out;
}

#if defined(SITREP_HAVE_AVX512_PATH)
// Codebook rows with AVX-512 (BW + VBMI): 32 classes at a time, the 8-bit codes widened to
// 16-bit indices and looked up in the 256-entry codebook held in 8 registers (4 two-table
// permutes, blended by the two high index bits), summed in int32 exactly like the scalar loop.
constexpr int kMaxSimdCodebookClasses = 256;

// The 16-bit codebook values of 32 8-bit codes: 4 two-table permutes over the codebook's 8
// registers, blended by the two high bits of each code.
__attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi"))) inline __m512i LookUpCodes(
    const __m512i* table, __m256i codes) {
  const __m512i idx = _mm512_cvtepu8_epi16(codes);
  const __m512i q0 = _mm512_permutex2var_epi16(table[0], idx, table[1]);
  const __m512i q1 = _mm512_permutex2var_epi16(table[2], idx, table[3]);
  const __m512i q2 = _mm512_permutex2var_epi16(table[4], idx, table[5]);
  const __m512i q3 = _mm512_permutex2var_epi16(table[6], idx, table[7]);
  const __mmask32 hi6 = _mm512_test_epi16_mask(idx, _mm512_set1_epi16(0x40));
  const __mmask32 hi7 = _mm512_test_epi16_mask(idx, _mm512_set1_epi16(0x80));
  return _mm512_mask_blend_epi16(hi7, _mm512_mask_blend_epi16(hi6, q0, q1),
                                 _mm512_mask_blend_epi16(hi6, q2, q3));
}

__attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi"))) void ScoreCodebookAvx512(
    const uint8_t* base, const int16_t* lut, uint64_t mask, int c, const uint64_t* feats,
    size_t n, int32_t* scores) {
  __m512i table[8];
  for (int t = 0; t < 8; ++t) table[t] = _mm512_loadu_si512(lut + 32 * t);
  const int blocks = (c + 31) / 32;
  const __mmask32 tail = static_cast<__mmask32>(c % 32 == 0 ? ~0u : (1u << (c % 32)) - 1);
  __m512i acc[2 * kMaxSimdCodebookClasses / 32];
  for (int b = 0; b < 2 * blocks; ++b) acc[b] = _mm512_setzero_si512();
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* row = base + (feats[i] & mask) * c;
    for (int b = 0; b < blocks; ++b) {
      // Masked load: never reads past the row's last code (the table may end there).
      const __m256i codes = _mm256_maskz_loadu_epi8(b + 1 < blocks ? ~__mmask32{0} : tail, row + 32 * b);
      const __m512i v = LookUpCodes(table, codes);
      acc[2 * b] = _mm512_add_epi32(acc[2 * b], _mm512_cvtepi16_epi32(_mm512_castsi512_si256(v)));
      acc[2 * b + 1] =
          _mm512_add_epi32(acc[2 * b + 1], _mm512_cvtepi16_epi32(_mm512_extracti64x4_epi64(v, 1)));
    }
  }
  alignas(64) int32_t sum[kMaxSimdCodebookClasses];
  for (int b = 0; b < 2 * blocks; ++b) _mm512_store_si512(sum + 16 * b, acc[b]);
  for (int k = 0; k < c; ++k) scores[k] += sum[k];
}

// Tables of 4 classes (the parser's moves): a row is one 32-bit word of codes; 8 rows are
// gathered at once, looked up as above and summed per class (lane k % 4 holds class k).
__attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi"))) void ScoreCodebook4Avx512(
    const uint8_t* base, const int16_t* lut, uint64_t mask, const uint64_t* feats, size_t n,
    int32_t* scores) {
  __m512i table[8];
  for (int t = 0; t < 8; ++t) table[t] = _mm512_loadu_si512(lut + 32 * t);
  const __m512i m = _mm512_set1_epi64(static_cast<long long>(mask));
  __m512i acc0 = _mm512_setzero_si512(), acc1 = _mm512_setzero_si512();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m512i rows = _mm512_and_si512(_mm512_loadu_si512(feats + i), m);
    const __m256i codes = _mm512_i64gather_epi32(rows, base, 4);  // row * 4 bytes
    const __m512i v = LookUpCodes(table, codes);
    acc0 = _mm512_add_epi32(acc0, _mm512_cvtepi16_epi32(_mm512_castsi512_si256(v)));
    acc1 = _mm512_add_epi32(acc1, _mm512_cvtepi16_epi32(_mm512_extracti64x4_epi64(v, 1)));
  }
  alignas(64) int32_t sum[16];
  _mm512_store_si512(sum, _mm512_add_epi32(acc0, acc1));
  for (int k = 0; k < 4; ++k) scores[k] += sum[k] + sum[4 + k] + sum[8 + k] + sum[12 + k];
  for (; i < n; ++i) {
    const uint8_t* row = base + (feats[i] & mask) * 4;
    for (int k = 0; k < 4; ++k) scores[k] += lut[row[k]];
  }
}

bool CpuHasAvx512Codebook() {
  static const bool ok = [] {
    if (std::getenv("SITREP_NO_AVX512")) return false;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi");
  }();
  return ok;
}
#endif

}  // namespace

bool WeightTable::SimdCodebook() {
#if defined(SITREP_HAVE_AVX512_PATH)
  return CpuHasAvx512Codebook();
#else
  return false;
#endif
}

Result<WeightTable> WeightTable::FromSection(std::string_view bytes) {
  ASSIGN_OR_RETURN(Header h, ReadHeader(bytes));
  WeightTable t;
  if (h.format == static_cast<uint32_t>(WeightFormat::kCodebook8)) {
    t.lut_ = reinterpret_cast<const int16_t*>(bytes.data() + kHeaderBytes);
    t.rows_ = bytes.data() + kHeaderBytes + kCodebookBytes;
    t.row_bytes_ = h.classes;
  } else {
    t.rows_ = bytes.data() + kHeaderBytes;
    t.row_bytes_ = size_t{h.classes} * 2;
  }
  t.mask_ = (uint64_t{1} << h.log2) - 1;
  t.classes_ = static_cast<int>(h.classes);
  t.scale_ = h.scale;
  return t;
}

WeightTable WeightTable::Unpacked() const {
  if (!lut_) return *this;
  const size_t stride = (static_cast<size_t>(classes_) + 7) / 8 * 8;
  const size_t rows = mask_ + 1;
  auto buffer = std::make_shared<std::vector<int16_t>>(rows * stride + 8, 0);
  // Rows start 16-byte aligned (stride is a multiple of 8 int16).
  int16_t* base = buffer->data();
  base += (8 - (reinterpret_cast<uintptr_t>(base) / 2) % 8) % 8;
  const uint8_t* codes = reinterpret_cast<const uint8_t*>(rows_);
  for (size_t r = 0; r < rows; ++r)
    for (int k = 0; k < classes_; ++k) base[r * stride + k] = lut_[codes[r * classes_ + k]];
  WeightTable t = *this;
  t.lut_ = nullptr;
  t.rows_ = reinterpret_cast<const char*>(base);
  t.row_bytes_ = stride * 2;
  t.stride_ = stride;
  t.owner_ = buffer;
  return t;
}

void WeightTable::Score(const uint64_t* feats, size_t n, int32_t* scores) const {
  const int c = classes_;
  // The rows are random cache misses; asking for all of them first lets the loads overlap
  // (the accumulation loop below is too long for the CPU to run ahead by itself).
  Prefetch(feats, n);
#if defined(__SSE2__)
  if (stride_ && stride_ <= kMaxUnpackedStride) {
    const int16_t* w = reinterpret_cast<const int16_t*>(rows_);
    const size_t blocks = stride_ / 8;
    __m128i acc[kMaxUnpackedStride / 4];
    for (size_t b = 0; b < 2 * blocks; ++b) acc[b] = _mm_setzero_si128();
    for (size_t i = 0; i < n; ++i) {
      const __m128i* row = reinterpret_cast<const __m128i*>(w + (feats[i] & mask_) * stride_);
      for (size_t b = 0; b < blocks; ++b) {
        const __m128i x = _mm_load_si128(row + b);  // 8 int16, widened with their sign
        acc[2 * b] = _mm_add_epi32(acc[2 * b], _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
        acc[2 * b + 1] = _mm_add_epi32(acc[2 * b + 1], _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
      }
    }
    alignas(16) int32_t sum[kMaxUnpackedStride];
    for (size_t b = 0; b < 2 * blocks; ++b) _mm_store_si128(reinterpret_cast<__m128i*>(sum) + b, acc[b]);
    for (int k = 0; k < c; ++k) scores[k] += sum[k];
    return;
  }
#endif
  if (lut_) {
    const uint8_t* base = reinterpret_cast<const uint8_t*>(rows_);
#if defined(SITREP_HAVE_AVX512_PATH)
    if (c >= kMinSimdCodebookClasses && c <= kMaxSimdCodebookClasses && CpuHasAvx512Codebook()) {
      ScoreCodebookAvx512(base, lut_, mask_, c, feats, n, scores);
      return;
    }
    if (c == 4 && CpuHasAvx512Codebook()) {
      ScoreCodebook4Avx512(base, lut_, mask_, feats, n, scores);
      return;
    }
#endif
    for (size_t i = 0; i < n; ++i) {
      const uint8_t* row = base + (feats[i] & mask_) * c;
      for (int k = 0; k < c; ++k) scores[k] += lut_[row[k]];
    }
    return;
  }
  const int16_t* w = reinterpret_cast<const int16_t*>(rows_);
  const size_t stride = stride_ ? stride_ : static_cast<size_t>(c);
  for (size_t i = 0; i < n; ++i) {
    const int16_t* row = w + (feats[i] & mask_) * stride;
    for (int k = 0; k < c; ++k) scores[k] += row[k];
  }
}

Result<std::string> ConvertWeightSection(std::string_view section, WeightFormat format) {
  ASSIGN_OR_RETURN(Header h, ReadHeader(section));
  std::vector<int16_t> q(h.weights());
  if (h.format == static_cast<uint32_t>(WeightFormat::kInt16)) {
    std::memcpy(q.data(), section.data() + kHeaderBytes, q.size() * 2);
  } else {
    int16_t lut[kCodes];
    std::memcpy(lut, section.data() + kHeaderBytes, kCodebookBytes);
    const uint8_t* codes = reinterpret_cast<const uint8_t*>(section.data() + kHeaderBytes + kCodebookBytes);
    for (size_t i = 0; i < q.size(); ++i) q[i] = lut[codes[i]];
  }
  return Encode(h, q, format);
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

Result<std::string> SumWeightSections(std::string_view a, std::string_view b, WeightFormat format) {
  ASSIGN_OR_RETURN(Header ha, ReadHeader(a));
  ASSIGN_OR_RETURN(Header hb, ReadHeader(b));
  if (ha.log2 != hb.log2 || ha.classes != hb.classes)
    return Status::InvalidArgument("weight sections of different dimensions cannot be summed");
  // The real value of weight i of a section with header h.
  auto value = [](std::string_view bytes, const Header& h, uint64_t i) -> double {
    int16_t v;
    if (h.format == static_cast<uint32_t>(WeightFormat::kInt16)) {
      std::memcpy(&v, bytes.data() + kHeaderBytes + 2 * i, 2);
    } else {
      const uint8_t code = static_cast<uint8_t>(bytes[kHeaderBytes + kCodebookBytes + i]);
      std::memcpy(&v, bytes.data() + kHeaderBytes + 2 * code, 2);
    }
    return v * static_cast<double>(h.scale);
  };
  std::vector<double> sum(ha.weights());
  double max_abs = 0;
  for (uint64_t i = 0; i < sum.size(); ++i) {
    sum[i] = value(a, ha, i) + value(b, hb, i);
    max_abs = std::max(max_abs, std::fabs(sum[i]));
  }
  Header h = ha;
  h.scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.f;
  std::vector<int16_t> q(sum.size());
  for (uint64_t i = 0; i < sum.size(); ++i)
    q[i] = static_cast<int16_t>(std::clamp<long>(std::lround(sum[i] / h.scale), -32767, 32767));
  return Encode(h, q, format);
}

void AveragedPerceptron::Adjust(const uint64_t* feats, size_t n, int cls, float delta) {
  const double t = clock_ * delta;
  for (size_t i = 0; i < n; ++i) {
    size_t row = (feats[i] & mask_) * classes_;
    w_[row + cls] += delta;
    u_[row + cls] += t;
  }
}

std::string AveragedPerceptron::Section(WeightFormat format) const {
  std::vector<float> avg(w_.size());
  float max_abs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] / clock_);
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  Header h;
  h.log2 = log2_;
  h.classes = classes_;
  h.scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  std::vector<int16_t> q(avg.size());
  for (size_t i = 0; i < avg.size(); ++i) q[i] = static_cast<int16_t>(std::lround(avg[i] / h.scale));
  return Encode(h, q, format);
}

WeightTable AveragedPerceptron::Averaged(WeightFormat format) const {
  auto bytes = std::make_shared<std::string>(Section(format));
  WeightTable t = WeightTable::FromSection(*bytes).value();
  t.KeepAlive(bytes);
  return t;
}

}  // namespace sitrep
