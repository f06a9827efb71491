// Towns reached only through a normalised key, and the division or country written after a
// name. Sentences written by us.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

struct Case {
  const char* text;
  const char* mention;
  const char* want;  // "CC" = a place in that country, "CC/admin1" = a division, "-" = no place
};

// What the mention resolved to, in the form of Case::want.
std::string PlaceOf(const KnowledgeBase& kb, const char* text, const char* mention) {
  for (const Entity& e : RecogniseEntities(kb, text, {}))
    for (const EntityMention& m : e.mentions)
      if (m.text.find(mention) != std::string::npos && e.geo.has_value())
        return e.geo->country + (e.geo->precision == Precision::kAdmin1 ? "/admin1" : "");
  return "-";
}

// Regression: "Kiro" -> Kiel, "Jina" -> Jena, "al-Masirah" -> Mazyr (one key, another country).
TEST(PlaceSupport, NormalisedKeyTownsAbroadNeedContext) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Kiro said the fighters had left Goma in Congo.", "Kiro", "-"},
      {"Police in Lagos, Nigeria, said Jina had fled.", "Jina", "-"},
      {"Houthi-run al-Masirah TV said strikes hit Sanaa in Yemen.", "al-Masirah", "-"},
      {"Strikes hit Sanaa and Hodeidah in Yemen.", "Hodeidah", "YE"},
      {"Rockets fell on Kiev and Kharkiv in Ukraine.", "Kiev", "UA"},
      {"Drones struck Baghdad on Sunday.", "Baghdad", "IQ"},
      {"Gangs attacked Saint-Marc in Haiti, US officials said. Jina fled.", "Jina", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

TEST(PlaceSupport, DivisionOrCountryAfterTheName) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Protesters blocked roads in Juliaca, Puno, on Monday.", "Juliaca", "PE"},
      {"Police raided a house in Sao Goncalo, Rio de Janeiro.", "Sao Goncalo", "BR"},
      {"Gunmen attacked a village in Kaduna State on Sunday.", "Kaduna State", "NG/admin1"},
      {"Troops were deployed to Tripoli, Lebanon, on Friday.", "Tripoli", "LB"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep
