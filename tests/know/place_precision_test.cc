// The most precise place a text supports, and words that only look like places: a division
// word after a name asks for the division ("Kaduna state" is not Kaduna city), a village
// placed by its division keeps its whole name ("Tudun Biri", not "Biri"), a town's name at the
// head of an organisation's name is no place of the text; short notes that name no country
// keep their towns. Sentences written by us.
#include <gtest/gtest.h>

#include <string>

#include "know_test_support.h"
#include "place_case.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

using Case = testing::PlaceCase;
using testing::GeoOf;
using testing::PlaceOf;

// Regression: "Nigeria's northern Kaduna state" resolved to Kaduna city (dev): the division
// word right after the name asks for the division as much as one inside the name does.
TEST(PlacePrecision, DivisionWordAfterTheNameAsksForTheDivision) {
  REQUIRE_KB();
  const Case cases[] = {
      {"A drone strike hit a village in Nigeria's northern Kaduna state on Sunday.", "Kaduna",
       "NG/admin1"},
      {"Troops were sent to Khartoum state after the clashes.", "Khartoum", "SD/admin1"},
      {"The Kaduna State governor ordered an inquiry into the strike.", "Kaduna State",
       "NG/admin1"},
      {"Protesters marched through Kaduna on Monday.", "Kaduna", "NG"},
      {"Gunmen killed three traders in Kaduna, Nigeria.", "Kaduna", "NG"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Tudun Biri village, Kaduna State" gave the stand-in "Biri", "the village of Wad
// al-Noura in the state of Gezira" gave "al-Noura", "Pazigyi Village in Sagaing Region" gave
// "Village" (dev): a known word of a longer village name took the stand-in alone.
TEST(PlacePrecision, StandInKeepsTheWholeVillageName) {
  REQUIRE_KB();
  const Case rows[] = {
      {"A drone strike hit Tudun Biri village, Kaduna State, on Sunday.", "Tudun Biri",
       "Tudun Biri|NG|admin1"},
      {"The RSF attacked the village of Wad al-Noura in the state of Gezira, Sudan.",
       "Wad al-Noura", "Wad al-Noura|SD|admin1"},
      {"An airstrike on Pazigyi Village in Sagaing Region killed 50 people.", "Village", "-"},
      // A division word is no part of the village's name; the division keeps its own place.
      {"Gunmen raided Kuriga, Kaduna State, on Thursday.", "Kaduna State",
       "Kaduna State|NG|admin1"},
  };
  for (const Case& r : rows) EXPECT_EQ(GeoOf(*kb, r.text, r.mention), r.want) << r.text;
}

// Regression: "The Madani Resistance Committee said" placed the events of a Gezira village
// at Wad Madani (dev): a town's name heading an organisation's name names the organisation.
TEST(PlacePrecision, TownNameHeadingAnOrganisationIsNoPlace) {
  REQUIRE_KB();
  const Case cases[] = {
      {"The Madani Resistance Committee said 100 villagers were killed in Gezira state.",
       "Madani", "-"},
      {"The Madani Resistance Committee said 100 villagers were killed in Gezira state.",
       "Gezira", "SD/admin1"},
      {"Displaced families reached Wad Madani on Friday.", "Wad Madani", "SD"},
      // A division's own name at the head of an agency's name stays the division.
      {"The Kaduna State Emergency Management Agency counted 85 dead.", "Kaduna State",
       "NG/admin1"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression (ACLED notes): names joined by Romance connectors were cut ("Atenango del Rio"
// read as Rio de Janeiro), a town in "X town (Erode, TN)" or named like its own division
// ("Vlore") lost to the 100,000-people threshold for towns abroad, and so did a name after
// "in" in a short text naming no country; an acronym before "in X" became a village.
TEST(PlacePrecision, ShortNotesKeepTheirTowns) {
  REQUIRE_KB();
  const Case rows[] = {
      {"On 8 May 2020, in Martinez de la Torre, Veracruz, two men attacked a taxi driver.",
       "Martinez de la Torre", "Martínez de la Torre|MX|city"},
      {"On 30 April 2020, people held a protest in Gobichettipalayam town (Erode, TN).",
       "Gobichettipalayam", "Gobichettipalayam|IN|city"},
      {"On 7 May 2020, tour operators held a protest in Vlore against new rules.", "Vlore",
       "Vlorë|AL|city"},
      {"On 30 April 2020, teachers went on strike in Hinche, Centre.", "Hinche", "Hinche|HT|city"},
      {"On 2 May 2020, workers held a protest in Baku (Baku, Azerbaijan).", "Baku",
       "Baku|AZ|city"},
      {"Workers protested at the office of UGTT in Kasserine (Ezzouhour, Kasserine).", "UGTT",
       "-"},
      {"Journalists protested on Murree road in Rawalpindi city on Monday.", "Murree", "-"},
  };
  for (const Case& r : rows) EXPECT_EQ(GeoOf(*kb, r.text, r.mention), r.want) << r.text;
}

}  // namespace
}  // namespace sitrep
