// Divisions written after a name: they narrow its candidates, and an unknown name before one
// stands in for it. Sentences written by us.
#include <gtest/gtest.h>

#include "know/division_names.h"
#include "know_test_support.h"
#include "place_case.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

using Case = testing::PlaceCase;
using testing::PlaceOf;

TEST(PlaceContext, DivisionAfterNarrowsTheName) {
  REQUIRE_KB();
  const Case cases[] = {
      {"A guard shot a man in Kimberley (Frances Baard, Northern Cape) on Friday.", "Kimberley", "ZA"},
      {"Merchants protested in Rafaela (Santa Fe) on Tuesday.", "Rafaela", "AR"},
      {"Gunmen killed three men in Santa Fe, Ocotepeque, on Friday.", "Santa Fe", "HN"},
      {"Students marched in Sao Paulo, Sao Paulo, on Saturday.", "Sao Paulo", "BR"},
      {"A journalist was stoned in Kissidougou town (Faranah) last week.", "Kissidougou", "GN"},
      {"Farmers blocked a road near Qoryooley village (Lower Shabeelle) on Monday.", "Qoryooley", "SO"},
      {"Troops shelled Goniri (Gujba LGA, Yobe) at dawn.", "Goniri", "NG"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

TEST(PlaceContext, SecondLevelDivisions) {
  REQUIRE_KB();
  const Case cases[] = {
      {"A drone strike hit a compound in Kajaki district, Helmand.", "Kajaki", "AF/admin1"},
      {"A drone strike hit a compound in Saraj district, Helmand.", "Saraj district", "-"},  // MK
      {"Police were attacked in Shopian district on Monday.", "Shopian district", "IN/admin1"},
      {"Flooding hit Larkana, Sindh, last week.", "Larkana", "PK"},
      {"The minister met Plato in Athens.", "Plato", "-"},  // a second-level name, unqualified
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Halani town (Naushahro Feroze, Sindh)" and "Zainapora town (Shopian district,
// J&K)" gave no place or a far one; "Maracas, Tunapuna/Piarco" gave Marrakesh.
TEST(PlaceContext, UnknownNameStandsInForTheDivision) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Residents protested in Halani town (Naushahro Firoz, Sindh) on Sunday.", "Halani", "PK/admin1"},
      {"Militants clashed with troops at Zainapora town (Shopian district, J&K).", "Zainapora", "IN/admin1"},
      {"A man was shot dead in Maracas, Diego Martin, on Monday.", "Maracas", "TT/admin1"},
      {"Farmers blocked a road near Halani village (Lower Shabeelle) on Monday.", "Halani", "SO/admin1"},
      {"In May, Sindh police arrested two men.", "May", "-"},
      {"Mr Khan (Sindh) said the talks failed.", "Khan", "-"},
      // Regression: a lone "Al" resolved to Omsk (an alternate name) in Libyan notes.
      {"Artillery fire was reported on Al Shok road in Al Farnaj (Tripoli).", "Al", "-"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

TEST(PlaceContext, ListsAreNotContainment) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Strikes hit Mosul, Kirkuk and Baghdad overnight.", "Mosul", "IQ"},
      {"Delegations from Iraq, Syria and Jordan met in Amman.", "Iraq", "IQ"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

TEST(DivisionNames, ShortNames) {
  const std::pair<const char*, const char*> cases[] = {
      {"Ocotepeque Department", "Ocotepeque"},
      {"Frances Baard District Municipality", "Frances Baard"},
      {"Republic of Dagestan", "Dagestan"},
      {"Provincia de San Román", "San Román"},
      {"Tunapuna/Piarco", "Tunapuna/Piarco"},
      {"Kabupaten Karang Asem", "Karang Asem"},
  };
  for (const auto& [name, want] : cases) EXPECT_EQ(know::StripDivisionWord(name), want) << name;
}

}  // namespace
}  // namespace sitrep
