// Role descriptions, in-document coreference, text-declared aliases and new actors: sentences
// we wrote, each with the mention to look for and the entity it must resolve to (or "" for
// none). Dates matter: roles are held from a date to a date.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "sitrep/base/date.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

struct Case {
  const char* date;
  const char* text;
  const char* mention;  // a substring of the mention's text
  const char* want_id;  // "" = no entity has such a mention
  const char* want_country = nullptr;  // checked when given
  const char* want_kind = nullptr;     // checked when given
};

void Check(const KnowledgeBase& kb, const Case& c) {
  EntityOptions options;
  options.day = *ParseIsoDate(c.date);
  std::vector<Entity> entities = RecogniseEntities(kb, c.text, options);
  const Entity* found = nullptr;
  for (const Entity& e : entities)
    for (const EntityMention& m : e.mentions)
      if (m.text.find(c.mention) != std::string::npos) found = &e;
  EXPECT_EQ(found ? found->id : "", c.want_id) << c.text;
  if (found && c.want_country) {
    EXPECT_EQ(found->country, c.want_country) << c.text;
  }
  if (found && c.want_kind) {
    EXPECT_EQ(found->kind, c.want_kind) << c.text;
  }
}

TEST(RoleDescriptions, ResolveToTheHolderAtTheDocumentDate) {
  REQUIRE_KB();
  const Case cases[] = {
      {"2024-01-05", "Baghdad condemned the strike. The spokesman of the Commander-in-Chief said Iraq would respond.",
       "spokesman of the Commander-in-Chief", "yehia_rasool"},
      {"2024-01-05", "Major General Yahya Rasoul, the spokesman of the Commander-in-Chief of the Iraqi Armed Forces, "
                     "said on Thursday that the strike had killed two people in the city.",
       "spokesman of the Commander-in-Chief", "yehia_rasool"},
      {"2024-01-05", "Iraqi Prime Minister said on Friday that talks would go on.", "Iraqi Prime Minister",
       "mohammed_shia_al_sudani"},
      {"2021-06-01", "Iraqi Prime Minister said on Friday that talks would go on.", "Iraqi Prime Minister",
       "mustafa_al_kadhimi"},
      {"2024-01-05", "The prime minister of Iraq met the envoy.", "prime minister of Iraq", "mohammed_shia_al_sudani"},
      {"2024-01-05", "A drone hit a base in Iraq. The Commander-in-Chief ordered an inquiry in Iraq.",
       "Commander-in-Chief", "mohammed_shia_al_sudani"},
      {"2024-01-05", "Rockets fell in Baghdad and Basra, Iraq. The prime minister met his cabinet.",
       "prime minister", "mohammed_shia_al_sudani"},
      {"2024-01-05", "A US defense official said the drone was Iranian.", "US defense official", "us_military", "US"},
      {"2024-01-05", "The Iraqi military said it had arrested two men.", "Iraqi military", "iq_military", "IQ"},
      {"2024-01-05", "The Pentagon said Iraqi troops were nearby.", "Iraqi troops", "iq_military"},
      // No country in context: a bare role names no one.
      {"2024-01-05", "The prime minister said nothing.", "prime minister", ""},
      // The capital of the country in context.
      {"2024-01-05", "Protests spread across Iraq. In the capital, shops closed.", "capital", "geonames:98182"},
  };
  for (const Case& c : cases) Check(*kb, c);
}

TEST(Coreference, ShortFormsPointBack) {
  REQUIRE_KB();
  const Case cases[] = {
      {"2024-01-05", "Mohammed Shia al-Sudani spoke. Then al-Sudani left.", "al-Sudani", "mohammed_shia_al_sudani"},
      {"2024-01-05", "Mohammed Shia al-Sudani spoke. Then Sudani left.", "Sudani", "mohammed_shia_al_sudani"},
      {"2024-01-05", "Lloyd Austin arrived. Mr. Austin said nothing.", "Mr. Austin", "lloyd_austin"},
      {"2024-01-05", "Kataib Hezbollah fired rockets. The group said it would go on.", "The group", "kataib_hezbollah"},
      {"2024-01-05", "Gen. Ahmed Karimi of the Free Army spoke. Karimi later left.", "Karimi", "new:ahmed_karimi"},
  };
  for (const Case& c : cases) Check(*kb, c);
}

TEST(DeclaredAliases, AcronymsAndAlsoKnownAs) {
  REQUIRE_KB();
  const Case cases[] = {
      {"2024-01-05", "The Popular Mobilization Forces (PMF) said the PMF would respond.", "PMF",
       "popular_mobilization_forces"},
      {"2024-01-05", "The Free Tribes Council (FTC) said the FTC would respond.", "FTC", "new:free_tribes_council"},
      {"2024-01-05", "Kataib Hezbollah, also known as Hezbollah Brigades, fired.", "Hezbollah Brigades",
       "kataib_hezbollah"},
      {"2024-01-05", "The Northern Resistance Front (NRF) attacked a post. The NRF said so.", "NRF",
       "new:northern_resistance_front", nullptr, "rebel_group"},
  };
  for (const Case& c : cases) Check(*kb, c);
}

TEST(NewActors, KeepContextKindAndCountry) {
  REQUIRE_KB();
  const Case cases[] = {
      // No holder of the role in the dictionary: a new actor with the role's country.
      {"2024-01-05", "Iraqi Defence Minister said the army was ready.", "Iraqi Defence Minister",
       "new:iraqi_defence_minister", "IQ", "person"},
      {"2024-01-05", "Colonel Samir Haddad said the convoy was hit.", "Samir Haddad", "new:samir_haddad", nullptr,
       "person"},
  };
  for (const Case& c : cases) Check(*kb, c);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

struct RelationCase {
  const char* text;
  const char* mention;
  const char* relation;
  Precision precision;
};

TEST(RelativePhrases, GiveALowerPrecisionNotAnotherPoint) {
  REQUIRE_KB();
  const RelationCase cases[] = {
      {"Rockets fell north of Baghdad on Monday.", "Baghdad", "north of", Precision::kAdmin1},
      {"Clashes broke out on the outskirts of Mosul.", "Mosul", "outskirts of", Precision::kAdmin1},
      {"A drone fell 20 kilometres from Erbil.", "Erbil", "kilometres from", Precision::kAdmin1},
      {"A checkpoint near Kirkuk was attacked.", "Kirkuk", "near", Precision::kAdmin1},
      {"Shelling was reported near Al Asad air base.", "Al Asad air base", "near", Precision::kCity},
      {"Troops massed near the border with Syria.", "Syria", "border with", Precision::kCountry},
      {"Rockets fell in Baghdad on Monday.", "Baghdad", "", Precision::kCity},
  };
  for (const RelationCase& c : cases) {
    std::vector<Entity> entities = RecogniseEntities(*kb, c.text, {});
    const EntityMention* found = nullptr;
    const Entity* entity = nullptr;
    for (const Entity& e : entities)
      for (const EntityMention& m : e.mentions)
        if (m.text == c.mention) found = &m, entity = &e;
    ASSERT_TRUE(found) << c.text;
    ASSERT_TRUE(entity->geo.has_value()) << c.text;
    EXPECT_EQ(found->relation, c.relation) << c.text;
    Precision got = found->precision ? *found->precision : entity->geo->precision;
    EXPECT_EQ(got, c.precision) << c.text;
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Regressions from the dev articles and the derived common-word list.
TEST(PlaceNames, TownsCommonWordsAndCountryCollisions) {
  REQUIRE_KB();
  const Case cases[] = {
      // "Sumy" keyed like "Suomi", Finland's own name: the Ukrainian city, not Finland.
      {"2025-04-13", "A Russian missile strike hit the heart of Sumy, a Ukrainian city.", "Sumy",
       "geonames:692194"},
      // Frequent lower-case words do not become towns ("Hit", "Reading")...
      {"2024-01-05", "Hit by a drone, the convoy stopped. Reading the report, he left.", "Hit", ""},
      {"2024-01-05", "Hit by a drone, the convoy stopped. Reading the report, he left.", "Reading", ""},
      // ...while country names mid-sentence stay countries.
      {"2024-01-05", "Officials in Chad and in Niger said the border was closed.", "Chad", "country:TD"},
  };
  for (const Case& c : cases) Check(*kb, c);
}

}  // namespace
}  // namespace sitrep
