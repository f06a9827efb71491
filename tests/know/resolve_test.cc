#include <gtest/gtest.h>

#include "know_test_support.h"
#include "sitrep/base/date.h"
#include "sitrep/know/entities.h"
#include "sitrep/know/place_resolver.h"

namespace sitrep {
namespace {

struct PlaceCase {
  const char* name;
  const char* country_context;  // "" for none
  const char* want_country;
  double lat, lon;   // expected within 25 km
  Precision precision;
};

TEST(PlaceResolver, ResolvesNamesInContext) {
  REQUIRE_KB();
  const PlaceCase cases[] = {
      {"Baghdad", "", "IQ", 33.34, 44.40, Precision::kCity},
      {"al-Qaim", "IQ", "IQ", 34.39, 40.99, Precision::kCity},
      {"Kerman", "", "IR", 30.28, 57.08, Precision::kCity},
      {"Damascus", "", "SY", 33.51, 36.29, Precision::kCity},
      {"Beirut", "", "LB", 33.89, 35.50, Precision::kCity},
      {"Ain al-Asad", "", "IQ", 33.79, 42.44, Precision::kPoint},
      {"Kerch bridge", "", "UA", 45.31, 36.51, Precision::kPoint},
      {"Anbar province", "", "IQ", 33.2, 42.0, Precision::kAdmin1},
      {"Iraqi", "", "IQ", 33.0, 44.0, Precision::kCountry},
      {"Syria", "", "SY", 35.0, 38.0, Precision::kCountry},
  };
  PlaceResolver resolver(*kb->gazetteer);
  for (const PlaceCase& c : cases) {
    PlaceContext ctx;
    if (*c.country_context) ctx.countries.push_back(c.country_context);
    std::optional<Geo> geo = resolver.Resolve(c.name, ctx);
    ASSERT_TRUE(geo.has_value()) << c.name;
    EXPECT_EQ(geo->country, c.want_country) << c.name;
    EXPECT_EQ(geo->precision, c.precision) << c.name;
    double tolerance = c.precision == Precision::kCity || c.precision == Precision::kPoint ? 25 : 250;
    EXPECT_LT(DistanceKm(geo->lat, geo->lon, c.lat, c.lon), tolerance) << c.name;
  }
}

struct EntityCase {
  const char* text;
  const char* mention;
  const char* want_id;
};

TEST(RecogniseEntities, ResolvesActorsAndPlaces) {
  REQUIRE_KB();
  const EntityCase cases[] = {
      {"Major General Yehia Rasool said on Monday.", "Yehia Rasool", "yehia_rasool"},
      {"Yahya Rasoul spoke. Later Rasoul added more.", "Rasoul", "yehia_rasool"},
      {"Hajj Moshtaq Taleb al-Saidi was killed.", "Moshtaq Taleb al-Saidi", "mushtaq_taleb_al_saidi"},
      {"Mohammed Shia al-Sudani spoke. Then al-Sudani left.", "al-Sudani", "mohammed_shia_al_sudani"},
      {"The Popular Mobilization Forces (PMF) said the PMF would respond.", "PMF", "popular_mobilization_forces"},
      {"The Free Tribes Council (FTC) said the FTC would respond.", "FTC", "new:free_tribes_council"},
      {"Kataib Hezbollah, also known as Hezbollah Brigades, fired.", "Hezbollah Brigades", "kataib_hezbollah"},
      {"The Iraqi military said it had arrested two men.", "Iraqi military", "iq_military"},
      {"Lloyd Austin arrived. Mr. Austin said nothing.", "Mr. Austin", "lloyd_austin"},
      {"The Islamic Resistance in Iraq claimed it. The group said more.", "The group", "islamic_resistance_in_iraq"},
      {"Iraqi Prime Minister said on Friday that talks would go on.", "Iraqi Prime Minister", "mohammed_shia_al_sudani"},
      {"Drones hit a base in the Syrian capital on Sunday.", "Syrian capital", "geonames:170654"},
      {"A strike hit al-Qaim in Anbar province.", "al-Qaim", "geonames:92138"},
      {"Iranian-backed groups fired rockets.", "Iranian", "country:IR"},
  };
  EntityOptions options;
  options.day = *ParseIsoDate("2024-01-05");
  for (const EntityCase& c : cases) {
    std::vector<Entity> entities = RecogniseEntities(*kb, c.text, options);
    std::string found;
    for (const Entity& e : entities)
      for (const EntityMention& m : e.mentions)
        if (m.text.find(c.mention) != std::string::npos) found = e.id;
    EXPECT_EQ(found, c.want_id) << c.text;
  }
}

TEST(RecogniseEntities, RelativePhrasesLowerPrecision) {
  REQUIRE_KB();
  std::vector<Entity> entities = RecogniseEntities(*kb, "Rockets fell north of Baghdad.", {});
  ASSERT_FALSE(entities.empty());
  const Entity& e = entities[0];
  ASSERT_TRUE(e.geo.has_value());
  EXPECT_EQ(e.mentions[0].relation, "north of");
  ASSERT_TRUE(e.mentions[0].precision.has_value());
  EXPECT_EQ(*e.mentions[0].precision, Precision::kAdmin1);
}

// Regression: English words read as places after vowel folding ("They" = Thai, "On" = U.N.).
TEST(RecogniseEntities, CommonWordsAreNotNames) {
  REQUIRE_KB();
  for (const char* text : {"They said so. On Monday it rained.", "At least five US drones.",
                           "Kills Amid Rising Tensions In The Region"}) {
    std::vector<Entity> entities = RecogniseEntities(*kb, text, {});
    for (const Entity& e : entities) EXPECT_TRUE(e.id == "country:US") << text << " -> " << e.id;
  }
}

TEST(Gazetteer, RejectsCorruptIndex) {
  REQUIRE_KB();
  Result<std::string> bytes = ReadFileBytes(kb->gazetteer_path, 1ull << 30);
  ASSERT_TRUE(bytes.ok());
  std::string broken = *bytes;
  broken[broken.size() / 2] ^= 0x55;
  EXPECT_FALSE(Gazetteer::FromBytes(broken).ok());
  EXPECT_FALSE(Gazetteer::FromBytes(bytes->substr(0, 100)).ok());
  EXPECT_TRUE(Gazetteer::FromBytes(*bytes).ok());
}

}  // namespace
}  // namespace sitrep
