// WeightTable::Score against a naive reference: hand-built codebook sections (random codebook
// and codes, every class count the SIMD paths treat differently), summed in int32 by the test.
// The last row of a table ending right before an unreadable page must not fault.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "sitrep/model/linear.h"

namespace sitrep {
namespace {

// A kCodebook8 section: header, codebook[256], codes (layout of linear.h).
std::string CodebookSection(uint32_t log2, uint32_t classes, const std::vector<int16_t>& lut,
                            const std::vector<uint8_t>& codes) {
  std::string s(16, '\0');
  const float scale = 0.5f;
  const uint32_t format = static_cast<uint32_t>(WeightFormat::kCodebook8);
  std::memcpy(s.data(), &log2, 4);
  std::memcpy(s.data() + 4, &classes, 4);
  std::memcpy(s.data() + 8, &scale, 4);
  std::memcpy(s.data() + 12, &format, 4);
  s.append(reinterpret_cast<const char*>(lut.data()), 512);
  s.append(reinterpret_cast<const char*>(codes.data()), codes.size());
  return s;
}

struct Table {
  std::vector<int16_t> lut;
  std::vector<uint8_t> codes;
};

Table RandomTable(uint32_t log2, int classes, uint32_t seed) {
  std::mt19937 rng(seed);
  Table t;
  t.lut.resize(256);
  for (auto& v : t.lut) v = static_cast<int16_t>(static_cast<int>(rng() % 65535) - 32767);
  t.lut[0] = -32767;
  t.lut[255] = 32767;
  t.codes.resize((size_t{1} << log2) * classes);
  for (auto& c : t.codes) c = static_cast<uint8_t>(rng());
  return t;
}

std::vector<int32_t> Naive(const Table& t, uint32_t log2, int classes,
                           const std::vector<uint64_t>& f) {
  std::vector<int32_t> s(classes, 3);
  const uint64_t mask = (uint64_t{1} << log2) - 1;
  for (uint64_t x : f)
    for (int k = 0; k < classes; ++k) s[k] += t.lut[t.codes[(x & mask) * classes + k]];
  return s;
}

std::vector<uint64_t> Features(int n, uint32_t seed, uint64_t mask) {
  std::vector<uint64_t> f(n);
  for (int i = 0; i < n; ++i) f[i] = Mix64(seed * 1000 + i);
  if (n > 0) f[0] = mask;  // the last row
  return f;
}

TEST(WeightTableScore, EqualsTheNaiveSumForEveryClassCount) {
  for (int classes : {1, 4, 5, 7, 8, 16, 17, 31, 32, 33, 51, 63, 64, 65, 100, 255, 256, 257, 300}) {
    for (uint32_t log2 : {1u, 6u}) {
      const Table t = RandomTable(log2, classes, classes * 31 + log2);
      const std::string section = CodebookSection(log2, classes, t.lut, t.codes);
      WeightTable w = WeightTable::FromSection(section).value();
      for (int n : {0, 1, 3, 40, 150}) {
        const std::vector<uint64_t> f = Features(n, classes + n, (uint64_t{1} << log2) - 1);
        std::vector<int32_t> got(classes, 3);
        w.Score(f.data(), f.size(), got.data());
        EXPECT_EQ(got, Naive(t, log2, classes, f))
            << classes << " classes, 2^" << log2 << " rows, " << n << " features, simd "
            << WeightTable::SimdCodebook();
      }
    }
  }
}

// Regression guard for the SIMD loads: a table whose last code is the last readable byte.
TEST(WeightTableScore, LastRowBeforeAnUnreadablePage) {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  for (int classes : {5, 17, 51}) {
    const uint32_t log2 = 2;
    const Table t = RandomTable(log2, classes, 7 + classes);
    const std::string section = CodebookSection(log2, classes, t.lut, t.codes);
    ASSERT_LT(section.size(), page);
    char* mem = static_cast<char*>(
        ::mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    ASSERT_NE(mem, MAP_FAILED);
    char* at = mem + page - section.size();  // even size: 2-byte aligned
    std::memcpy(at, section.data(), section.size());
    ASSERT_EQ(::mprotect(mem + page, page, PROT_NONE), 0);
    WeightTable w = WeightTable::FromSection(std::string_view(at, section.size())).value();
    const std::vector<uint64_t> f = {3, 3, 2, 3};
    std::vector<int32_t> got(classes, 3);
    w.Score(f.data(), f.size(), got.data());
    EXPECT_EQ(got, Naive(t, log2, classes, f)) << classes;
    ::munmap(mem, 2 * page);
  }
}

}  // namespace
}  // namespace sitrep
