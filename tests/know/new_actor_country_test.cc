// Names no dictionary knows take the country that the words right before them give.
// Sentences written by us.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

struct Case {
  const char* text;
  const char* name;
  const char* want_country;  // "" = none
};

TEST(NewActorCountry, FromTheCountryWordBeforeTheName) {
  const KnowledgeBase* kb = testing::TestKnowledgeBase();
  if (!kb) GTEST_SKIP() << "third_party/npm/node_modules absent: run scripts/setup.sh";
  // The first sentence keeps the test sentence from being read as a headline.
  const Case cases[] = {
      {"Fighting went on. Police said Nigerian Colonel Dogo Marafa led the raid.", "Dogo Marafa", "NG"},
      {"Fighting went on. The Sudanese General Osman Tarhaka denied the report.", "Osman Tarhaka", "SD"},
      {"Fighting went on. Residents said Kenyan police Major Wambui Otieno was hurt.", "Wambui Otieno", "KE"},
      {"Fighting went on. Hamas commander Colonel Yusuf Abu Tarek was killed.", "Yusuf Abu Tarek", "PS"},
      {"Fighting went on. A Nigerian spokesman, Colonel Dogo Tanko, said little.", "Dogo Tanko", ""},
  };
  for (const Case& c : cases) {
    const Entity* found = nullptr;
    for (const Entity& e : RecogniseEntities(*kb, c.text, {}))
      for (const EntityMention& m : e.mentions)
        if (m.text.find(c.name) != std::string::npos) found = &e;
    ASSERT_NE(found, nullptr) << c.text;
    EXPECT_EQ(found->country, c.want_country) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
