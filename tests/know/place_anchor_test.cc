// A name read beside the places the text locates: the division after a name is read as a
// division, a place inside a longer headed name is not that place, and a small far town beside
// a located place is a local name. Sentences written by us.
#include <gtest/gtest.h>

#include "know_test_support.h"
#include "place_case.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

using Case = testing::PlaceCase;
using testing::PlaceOf;

// Regression: "Juliaca (San Roman, Puno)" made Puno the city of Puno, and the event took it.
TEST(PlaceAnchor, DivisionAfterANameIsADivision) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Police dispersed a march in Juliaca (San Roman, Puno) on Friday.", "Puno", "PE/admin1"},
      {"Miners blocked a road in Calama (El Loa, Antofagasta).", "Antofagasta", "CL/admin1"},
      {"Gunmen attacked a bus near Rosario (Santa Fe) at night.", "Santa Fe", "AR/admin1"},
      {"Police dispersed a march in Juliaca (San Roman, Puno) on Friday.", "Juliaca", "PE"},
      {"A storm hit Puno on Friday.", "Puno", "PE"},  // alone: the city
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "Abu Salim (Tripoli)" gave Jerusalem through "Salim"; "Colonia" alone gave the
// Uruguayan department in Mexican notes; "Wadi al-Rabi" gave El Oued.
TEST(PlaceAnchor, PlaceInsideAHeadedNameIsNotThatPlace) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Shells killed two civilians in Abu Salim (Tripoli) on Sunday.", "Salim", "-"},
      {"Shells killed two civilians in Abu Salim (Tripoli) on Sunday.", "Abu Salim", "LY/admin1"},
      {"A body was found in Colonia Lomas del Sol, in Tijuana, Baja California.", "Colonia", "-"},
      {"A body was found in Colonia Lomas del Sol, in Tijuana, Baja California.", "Tijuana", "MX"},
      {"The ministers met in Abu Dhabi on Monday.", "Abu Dhabi", "AE"},
      {"Clashes were reported in Wadi al-Rabi (Tripoli) overnight.", "Wadi", "-"},
      {"Residents protested in Cerro Navia, Santiago, on Friday.", "Cerro", "-"},
      {"Flights to Rio de Janeiro resumed on Friday.", "Rio de Janeiro", "BR"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

// Regression: "St Albans Prison in Port Elizabeth (Nelson Mandela Bay, Eastern Cape)" put the
// riot in England.
TEST(PlaceAnchor, SmallFarTownBesideALocatedPlaceIsALocalName) {
  REQUIRE_KB();
  const Case cases[] = {
      {"Inmates rioted at St Albans Prison in Port Elizabeth (Nelson Mandela Bay, Eastern Cape).",
       "St Albans", "-"},
      {"Inmates rioted at St Albans Prison in Port Elizabeth (Nelson Mandela Bay, Eastern Cape).",
       "Port Elizabeth", "ZA"},
      {"Inmates rioted at the prison in St Albans on Monday.", "St Albans", "GB"},  // no anchor
      {"Workers marched in La Plata (Buenos Aires); the owners flew to Madrid.", "Madrid", "ES"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOf(*kb, c.text, c.mention), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep
