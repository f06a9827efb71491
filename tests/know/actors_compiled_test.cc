// The compiled actor dictionary (stored in the gazetteer index so loading needs no parsing):
// differential against the dictionary parsed from data/actors, a stale stamp refused, and the
// fuzz corpus' broken blobs rejected with clear errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sitrep/base/file.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

const std::string kActors = std::string(SITREP_SOURCE_DIR) + "/data/actors";

bool SameHits(std::vector<ActorHit> a, std::vector<ActorHit> b) {
  auto order = [](const ActorHit& x, const ActorHit& y) { return x.actor < y.actor; };
  std::sort(a.begin(), a.end(), order);
  std::sort(b.begin(), b.end(), order);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].actor != b[i].actor || a[i].acronym != b[i].acronym) return false;
  return true;
}

TEST(CompiledActors, EqualToParsedDictionary) {
  ActorDictionary parsed;
  ASSERT_TRUE(parsed.LoadFolder(kActors).ok());
  parsed.Index();
  Result<uint64_t> hash = ActorDictionary::FolderHash(kActors);
  ASSERT_TRUE(hash.ok());
  ActorDictionary compiled;
  Status s = compiled.LoadCompiled(parsed.Compile(*hash), *hash);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(compiled.size(), parsed.size());
  for (uint32_t i = 0; i < parsed.size(); ++i) {
    const Actor& a = parsed.actor(i);
    const Actor& b = compiled.actor(i);
    ASSERT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.country, b.country);
    EXPECT_EQ(a.parent, b.parent);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.source, b.source);
    ASSERT_EQ(a.roles.size(), b.roles.size());
    for (size_t r = 0; r < a.roles.size(); ++r) {
      EXPECT_EQ(a.roles[r].role, b.roles[r].role);
      EXPECT_EQ(a.roles[r].from, b.roles[r].from);
      EXPECT_EQ(a.roles[r].to, b.roles[r].to);
    }
    EXPECT_EQ(compiled.FindId(a.id), parsed.FindId(a.id));
    std::vector<ActorHit> ha, hb;
    for (const std::string& alias : a.aliases) {
      std::string key = NameKey(alias);
      parsed.LookupKey(key, &ha);
      compiled.LookupKey(key, &hb);
      EXPECT_TRUE(SameHits(ha, hb)) << alias;
      parsed.LookupKey(key + "s", &ha);  // the singular fallback
      compiled.LookupKey(key + "s", &hb);
      EXPECT_TRUE(SameHits(ha, hb)) << alias << "s";
    }
  }
}

TEST(CompiledActors, StaleOrBrokenBytesRefused) {
  ActorDictionary parsed;
  ASSERT_TRUE(parsed.LoadFolder(kActors).ok());
  parsed.Index();
  std::string bytes = parsed.Compile(42);
  const struct { std::string bytes; uint64_t stamp; const char* error; } cases[] = {
      {bytes, 43, "stale"},
      {bytes.substr(0, bytes.size() / 2), 42, "malformed"},
      {bytes.substr(0, 3), 42, "bad magic"},
      {"", 42, "bad magic"},
      {bytes + "x", 42, "malformed"},
  };
  for (const auto& c : cases) {
    ActorDictionary d;
    Status s = d.LoadCompiled(c.bytes, c.stamp);
    ASSERT_FALSE(s.ok()) << c.error;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << s.message();
    EXPECT_EQ(d.size(), 0u);
  }
}

TEST(CompiledActors, FuzzCorpusBlobs) {
  const struct { const char* file; bool ok; } cases[] = {
      {"actors_blob", true},
      {"actors_blob_truncated", false},
      {"actors_blob_bad_actor_index", false},
      {"actors_blob_huge_count", false},
  };
  for (const auto& c : cases) {
    Result<std::string> bytes = ReadFileBytes(
        std::string(SITREP_SOURCE_DIR) + "/fuzz/corpus/gazetteer_fuzz/" + c.file, 1 << 20);
    ASSERT_TRUE(bytes.ok()) << c.file;
    ActorDictionary d;
    EXPECT_EQ(d.LoadCompiled(bytes->substr(1), 0x1234).ok(), c.ok) << c.file;
  }
}

}  // namespace
}  // namespace sitrep
