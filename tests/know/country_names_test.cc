// Country names as English news writes them, two-letter codes, and "of the" inside names.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

struct Case {
  const char* text;
  const char* mention;
  const char* want_id;  // "" = the mention is no entity
};

// The entity id whose mentions contain `mention`, "" when none.
std::string EntityOf(const KnowledgeBase& kb, const char* text, const char* mention) {
  std::string found;
  for (const Entity& e : RecogniseEntities(kb, text, {}))
    for (const EntityMention& m : e.mentions)
      if (m.text.find(mention) != std::string::npos) found = e.id;
  return found;
}

TEST(CountryNames, CommonEnglishShortNames) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Officials in Turkey said the talks failed.", "Turkey", "country:TR"},
      {"Turkey closed the crossing on Monday.", "Turkey", "country:TR"},
      {"Protesters marched in Ivory Coast on Sunday.", "Ivory Coast", "country:CI"},
      {"The Czech Republic sent aid.", "Czech Republic", "country:CZ"},
      {"Fighting spread across Burma last week.", "Burma", "country:MM"},
      {"Police in Swaziland arrested him.", "Swaziland", "country:SZ"},
      {"Voters in Cape Verde went to the polls.", "Cape Verde", "country:CV"},
      {"Troops left East Timor in 2012.", "East Timor", "country:TL"},
      {"Rebels in the DRC seized a town.", "DRC", "country:CD"},
      {"Clashes in the Democratic Republic of the Congo killed 12.", "Democratic Republic", "country:CD"},
      {"Refugees crossed into the Republic of the Congo.", "Republic of the Congo", "country:CG"},
      {"He flew from Laos to Vietnam.", "Laos", "country:LA"},
      {"He flew from Laos to Vietnam.", "Vietnam", "country:VN"},
      {"North Korea fired a missile toward South Korea.", "North Korea", "country:KP"},
      {"North Korea fired a missile toward South Korea.", "South Korea", "country:KR"},
      {"Talks between Moldova and Russia stalled.", "Moldova", "country:MD"},
      {"Talks between Moldova and Russia stalled.", "Russia", "country:RU"},
      {"Protests in Bolivia and Venezuela grew.", "Bolivia", "country:BO"},
      {"Floods hit Tanzania on Friday.", "Tanzania", "country:TZ"},
      {"Strikes in Syria and Iran were reported.", "Iran", "country:IR"},
      {"Leaders recognised Palestine on Monday.", "Palestine", "country:PS"},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityOf(*kb, c.text, c.mention), c.want_id) << c.text;
}

// Regression: "HT" (Hindustan Times) became Haiti by its ISO code in running text.
TEST(CountryNames, TwoLetterCodesOnlyWhereWrittenAsCodes) {
  REQUIRE_KB();
  const Case cases[] = {
      {"The minister told HT on Monday that talks had failed.", "HT", ""},
      {"HT reported the attack in Delhi.", "HT", ""},
      {"Read more on HT for the latest.", "HT", ""},
      {"At least five US drones flew over.", "US", "country:US"},
      {"The UK said it would respond.", "UK", "country:GB"},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityOf(*kb, c.text, c.mention), c.want_id) << c.text;
}

}  // namespace
}  // namespace sitrep
