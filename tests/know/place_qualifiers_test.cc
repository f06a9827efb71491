// Qualifiers and names that the place resolution used to miss: first-level division codes
// after a town ("Salem, TN", "Poonch district (J&K)") only inside their country, compass
// words of division names in other languages ("Nord-Kivu", "Sud-Ouest", "South Kordofan"),
// common words written as towns ("Split, Croatia", "Man town"), a town spelled as written
// against a key-only homonym ("Calamba", "Luhanske"), events' names that are no villages, and
// supranational regions that share a division's name. Sentences written by us.
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

// Regression: "(Salem, TN)" gave Salem, US and Tunisia; "Pratapgarh (UP)" and "(J&K)" were
// read as aliases of the town before them (ACLED notes). A division code is the division only
// right after a place inside it; elsewhere it keeps its other meaning or none.
TEST(PlaceQualifiers, DivisionCodesOnlyAfterAPlaceInside) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Weavers held a protest in Salem city (Salem, TN) over relief.", "TN", "IN/admin1"},
      {"Weavers held a protest in Salem city (Salem, TN) over relief.", "Salem", "IN"},
      {"Two mobs clashed in Pratapgarh (UP) over a property dispute.", "UP", "IN/admin1"},
      {"Two mobs clashed in Pratapgarh (UP) over a property dispute.", "Pratapgarh", "IN"},
      {"Lucknow, UP: police arrested ten people.", "UP", "IN/admin1"},
      {"Shelling hit Poonch district (J&K) on Monday.", "J&K", "IN/admin1"},
      {"Police arrested two men in Swat (KPK) on Friday.", "KPK", "PK/admin1"},
      {"He flew to Tunis, TN.", "TN", "TN"},
      {"A rally in London, UK, drew thousands.", "UK", "GB"},
      {"PRICES GO UP, the report says.", "UP", "-"},
      {"Prices went UP, traders said.", "UP", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Beni (Beni, Nord-Kivu)" gave Beni, Bolivia and Haiti's Nord; "Sud-Ouest" gave
// Burkina Faso's beside a Cameroonian town; "South Kordofan" gave Cameroon's South (ACLED).
TEST(PlaceQualifiers, CompassWordsOfDivisionNamesInOtherLanguages) {
  REQUIRE_KB();
  const Case rows[] = {
      {"Clashes in Beni (Beni, Nord-Kivu) killed two.", "Nord-Kivu", "North Kivu|CD|admin1"},
      {"Clashes in Beni (Beni, Nord-Kivu) killed two.", "Beni", "Beni|CD|city"},
      {"An ambush in Mamfe town (Manyu, Sud-Ouest) killed a soldier.", "Sud-Ouest",
       "South-West|CM|admin1"},
      {"Separatists attacked a checkpoint in Bamenda, Nord-Ouest.", "Nord-Ouest",
       "North-West|CM|admin1"},
      {"Fighting in Dilling (South Kordofan state) killed two.", "South Kordofan",
       "Southern Kordofan|SD|admin1"},
      {"Gunmen killed three in Ed Daein (East Darfur state) on Monday.", "East Darfur",
       "Eastern Darfur|SD|admin1"},
      {"Soldiers were deployed to the Extreme-Nord region of Cameroon.", "Extreme-Nord region",
       "Far North|CM|admin1"},
  };
  for (const Case& r : rows) EXPECT_EQ(GeoOf(*kb, r.text, r.mention), r.want) << r.text;
}

// Regression: "in Split, Croatia" and "in Man town (Tonkpi, Montagnes)" lost their towns to
// the common-word list (Man became the Isle of Man). A common word capitalised mid-sentence
// before ", <Country>" or "town"/"city", or after "in" (large towns only), names the town.
TEST(PlaceQualifiers, CommonWordsWrittenAsTowns) {
  REQUIRE_KB();
  const Case cases[] = {
      {"A protest was held in Split, Croatia, against the measures.", "Split", "HR"},
      {"Youths demonstrated in Man town (Tonkpi, Montagnes) against the party.", "Man", "CI"},
      {"Residents said the workers were attacked after the protests in Split on Monday, and "
       "the police arrested ten people there later that week.",
       "Split", "HR"},
      {"Protests in May spread to the capital of Croatia.", "May", "-"},
      {"Split the difference, the negotiators in Croatia said.", "Split", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Calamba, Laguna" gave Colombo (its alternate "Kalamba" keys alike), "near
// Luhanske" gave Luhansk, "the town of Zhukovskiy" was dropped as a small town abroad.
TEST(PlaceQualifiers, TownSpelledAsWrittenBeatsKeyOnlyMatches) {
  REQUIRE_KB();
  const Case rows[] = {
      {"A councilor was shot dead in Barangay Lawa, Calamba, Laguna.", "Calamba",
       "Calamba|PH|city"},
      {"Monitors observed four explosions near Luhanske.", "Luhanske", "Luhanske|UA|city"},
      {"Police detained three residents in the town of Zhukovskiy on Monday.", "Zhukovskiy",
       "Zhukovskiy|RU|city"},
  };
  for (const Case& r : rows) EXPECT_EQ(GeoOf(*kb, r.text, r.mention), r.want) << r.text;
}

// Regression (dev): "Kara Ethnic Group" gave Ceará (BR), "Operational Command South"
// Lebanon's South Governorate, "the Middle East war" Cameroon's East region. A division
// reached through the key alone, or named by a compass word alone, needs the document's
// country or places near it.
TEST(PlaceQualifiers, KeyOnlyAndCompassDivisionsNeedSupport) {
  REQUIRE_KB();
  const Case cases[] = {
      {"All of the Kara Ethnic Group clashed with rebels in Ndele, Central African Republic.",
       "Kara", "-"},
      {"More than ten people were injured in Ukraine, Operational Command South reported.",
       "South", "-"},
      {"Israel captured most of the area in the Middle East war, annexing it in 1981.", "East",
       "-"},
      {"Gunmen attacked a village in the East region of Cameroon.", "East region", "CM/admin1"},
      {"Three soldiers died in an ambush in the North-West region, Cameroon's army said.",
       "North-West region", "CM/admin1"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression (dev): "Lido Beach" in a Mogadishu story gave Lido Beach, New York, because
// "The New York Times reported" made the United States a country of the text.
TEST(PlaceQualifiers, NewsOutletsNameNoCountryOfTheText) {
  REQUIRE_KB();
  const Case cases[] = {
      {"The attack began in the Lido Beach neighborhood of Mogadishu, Somalia, The New York "
       "Times reported.",
       "Lido Beach", "-"},
      {"Protesters marched in Lido Beach, New York, The New York Times reported.", "Lido Beach",
       "US"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Maulud Celebration in Kaduna" became a village standing in for Kaduna (dev):
// a name ending in an event noun is no stand-in; villages still are.
TEST(PlaceQualifiers, EventNamesAreNoVillages) {
  REQUIRE_KB();
  const Case rows[] = {
      {"Villagers were bombed during the Maulud Celebration in Kaduna State.",
       "Maulud Celebration", "-"},
      {"Gunmen fired at the Independence Day Parade in Kaduna State.", "Independence Day Parade",
       "-"},
      {"Gunmen attacked Tudun Biri village in Kaduna State on Monday.", "Tudun Biri",
       "Tudun Biri|NG|admin1"},
  };
  for (const Case& r : rows) EXPECT_EQ(GeoOf(*kb, r.text, r.mention), r.want) << r.text;
}

// Regression: "the Sahel region, a large area south of the Sahara" beside Mali and Niger gave
// Burkina Faso's Sahel province (dev). Beside no other country of the region it stays one.
TEST(PlaceQualifiers, SupranationalRegionsAreNoDivision) {
  REQUIRE_KB();
  const Case cases[] = {
      {"It was a brutal incident in the Sahel region, where Mali and Niger face the same "
       "insurgency as Burkina Faso.",
       "Sahel region", "-"},
      {"Burkina Faso's army said the attack in the Sahel region killed 20 soldiers near Dori.",
       "Sahel region", "BF/admin1"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep
