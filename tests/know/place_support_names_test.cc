// Names that need support from the document: a place read inside a longer capitalised name,
// a town far away in a country the document never names, a country written by a short name
// beside its full name, "the capital, X". Sentences written by us.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "place_case.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

using Case = testing::PlaceCase;
using testing::PlaceOf;

// Regression: "Lac Vert" gave the Lac region of Chad, "West Africa" West, Texas or Cameroon's
// West region, the gang "Gran Grif" Greentown (Ohio) and "Luckson Elan" Tucson.
TEST(PlaceNeedsSupport, PlaceInsideALongerNameNeedsTheDocumentsCountry) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Two shells hit the Mugunga and Lac Vert camps near Goma, Congo.", "Lac", "-"},
      {"Two shells hit the Mugunga and Lac Vert camps near Goma, Congo.", "Goma", "CD"},
      {"Two shells hit camps near Goma, DR Congo and in Lac, Chad.", "Lac", "TD/admin1"},
      {"Mali is a landlocked country in West Africa.", "West", "-"},
      {"The Gran Grif gang attacked the town, Haiti and the United States said.", "Gran", "-"},
      {"The gang, led by Luckson Elan, was sanctioned by the United States.", "Luckson", "-"},
      {"Former lawmaker Harold Victor armed the gang, Haiti and the United States said.", "Victor",
       "-"},
      // Large places keep their own name inside a longer one when the text names no country.
      {"Shelling was reported near Donetsk Filtration Station overnight.", "Donetsk", "UA"},
      // A division the text names holds it: the name stays.
      {"Troops clashed in tambon Mae Salong Nai, Mae Fa Luang district of Chiang Rai, Thailand.",
       "Mae Salong", "TH"},
      // A division after a capitalised word is a town written without its comma.
      {"Journalists protested in Digri town (Mirpurkhas Sindh) on Monday.", "Sindh", "PK/admin1"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: a line cut at "northwest of Moga" in a Somali article gave Moga, India.
constexpr const char* kMoga =
    "Somalia: 10 killed as minibus hits roadside bomb near Mogadishu\n"
    "A medic helps a woman hurt when a minibus struck a bomb at a village, northwest of Moga\n"
    "The wounded were taken to a hospital in Mogadishu.";
TEST(PlaceNeedsSupport, StrayTownInACountryTheTextNeverNames) {
  REQUIRE_KB();
  const Case cases[] = {
      {kMoga, "Moga", "-"},
      {kMoga, "Mogadishu", "SO"},
      {"Somalia and Kenya met in Jeddah after fighting in Mogadishu.", "Jeddah", "SA"},  // 1 M+
      {"Wounded were taken to Moga on Sunday.", "Moga", "IN"},  // nothing located elsewhere
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Congo" beside "Democratic Republic of the Congo" gave the Republic of the Congo,
// and "the capital, Ouagadougou" the capital of Mali (the country named most often).
TEST(PlaceNeedsSupport, ShortCountryNameAndNamedCapital) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Fighting near Goma, Democratic Republic of the Congo. Congo's army said.", "Congo", "CD"},
      {"Congo's army said on Monday.", "Congo", "CG"},
      {"JNIM in Mali and Mali's army fought in Mali near the capital, Ouagadougou.", "capital",
       "BF"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep
