// The sorted-key section shared by the NER lexicon and the word clusters: round trip, and every
// kind of corruption gives DataLoss naming the section, never a crash.
#include "model/key_section.h"

#include <gtest/gtest.h>

#include <cstring>

namespace sitrep {
namespace {

constexpr char kMagic[8] = {'T', 'E', 'S', 'T', 'K', 'E', 'Y', '1'};
constexpr uint64_t kPayload = 0xFF;

// Section bytes copied into 8-byte aligned storage (model files are mapped aligned).
struct Aligned {
  std::vector<uint64_t> words;
  std::string_view view;
  explicit Aligned(const std::string& bytes) : words((bytes.size() + 7) / 8 + 1) {
    std::memcpy(words.data(), bytes.data(), bytes.size());
    view = std::string_view(reinterpret_cast<const char*>(words.data()), bytes.size());
  }
};

TEST(KeySection, RoundTrip) {
  std::vector<uint64_t> keys = {0x100 | 3, 0x200 | 7, 0x300};
  Aligned a(WriteKeySection(kMagic, keys));
  auto read = ReadKeySection(a.view, kMagic, "test keys", kPayload);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(std::vector<uint64_t>(read->begin(), read->end()), keys);
}

TEST(KeySection, CorruptionIsDataLoss) {
  const std::string good = WriteKeySection(kMagic, {0x100, 0x200});
  std::string unsorted = WriteKeySection(kMagic, {0x200, 0x100 | 5});
  std::string same_hash = WriteKeySection(kMagic, {0x100 | 1, 0x100 | 2});
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  struct Case {
    std::string bytes;
    const char* why;
  } cases[] = {
      {"", "bad magic"},
      {good.substr(0, 12), "bad magic"},
      {bad_magic, "bad magic"},
      {good.substr(0, good.size() - 1), "size does not match"},
      {good + "12345678", "size does not match"},
      {unsorted, "keys not sorted"},
      {same_hash, "keys not sorted"},
  };
  for (const Case& c : cases) {
    Aligned a(c.bytes);
    auto read = ReadKeySection(a.view, kMagic, "test keys", kPayload);
    ASSERT_FALSE(read.ok()) << c.why;
    EXPECT_NE(read.status().message().find("test keys: "), std::string::npos) << c.why;
    EXPECT_NE(read.status().message().find(c.why), std::string::npos) << read.status().message();
  }
}

}  // namespace
}  // namespace sitrep
