// LookupKey reads an open-addressing copy of the key maps (built by Index and LoadCompiled):
// every alias of every actor in data/actors finds its actor, the singular fallback works, and
// keys that are absent find nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sitrep/know/actors.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

const std::string kActors = std::string(SITREP_SOURCE_DIR) + "/data/actors";

bool Holds(const std::vector<ActorHit>& hits, uint32_t actor) {
  return std::any_of(hits.begin(), hits.end(), [&](const ActorHit& h) { return h.actor == actor; });
}

TEST(ActorFlatKeys, EveryAliasFindsItsActor) {
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadFolder(kActors).ok());
  dict.Index();
  ASSERT_GT(dict.size(), 100u);
  std::vector<ActorHit> hits;
  size_t checked = 0;
  for (uint32_t i = 0; i < dict.size(); ++i) {
    const Actor& a = dict.actor(i);
    std::vector<std::string> names = a.aliases;
    names.push_back(a.name);
    for (const std::string& name : names) {
      const std::string key = NameKey(name);
      if (key.empty()) continue;
      dict.LookupKey(key, &hits);
      EXPECT_TRUE(Holds(hits, i)) << name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000u);
  dict.LookupKey("zzqx no such actor qqzz", &hits);
  EXPECT_TRUE(hits.empty());
  dict.LookupKey("", &hits);
  EXPECT_TRUE(hits.empty());
}

TEST(ActorFlatKeys, SingularFallbackAndLaterIndexing) {
  ActorDictionary dict;
  ASSERT_TRUE(dict.LoadFolder(kActors).ok());
  std::vector<ActorHit> hits;
  const std::string key = NameKey(dict.actor(0).name);
  dict.LookupKey(key, &hits);
  EXPECT_TRUE(hits.empty()) << "not indexed yet";
  dict.Index();
  dict.LookupKey(key, &hits);
  EXPECT_TRUE(Holds(hits, 0));
  std::vector<ActorHit> plural;
  dict.LookupKey(key + "s", &plural);  // "<key>s" is absent as such: its singular is found
  if (plural.size() == hits.size()) EXPECT_TRUE(Holds(plural, 0));
}

}  // namespace
}  // namespace sitrep
