// Neighbouring towns: two outlets may place one incident at two towns a district apart (the
// village is missing from the gazetteer, one outlet names the commune, another the capital).
// Such places are compatible only when both reports name the same village, victims or
// perpetrators beyond the names of their own places and provinces. Events written by us.
#include <gtest/gtest.h>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"

namespace sitrep::testing_fuse {
namespace {

const char* kKilling = "Violence against civilians";

EventPlace Town(const char* name, double lat, double lon, const char* admin1) {
  EventPlace p = Place(name, "XA", lat, lon);
  p.admin1 = admin1;
  return p;
}

TEST(NeighbourTownTest, Table) {
  FusionOptions o;
  const EventPlace marc = Town("Saint-Velen", 19.10, -72.70, "Artimont");
  const EventPlace capital = Town("Port-Velen", 18.54, -72.34, "Ouestia");  // ~73 km
  const EventPlace far = Town("Cap-Velen", 20.20, -72.20, "Nordia");        // ~133 km
  struct Case {
    EventPlace a_place, b_place;
    const char* a_sentence;
    const char* b_sentence;
    const char* b_day;
    bool compatible;
    const char* why;
  } cases[] = {
      {marc, capital, "The Gran Tigre gang killed 70 in Pont-Zonde on Thursday.",
       "Gunmen of the Gran Tigre gang raided Pont-Zonde, killing 115.", "2024-10-03", true,
       "73 km, the same village and gang named by both"},
      {marc, capital, "The Gran Tigre gang killed 70 in Pont-Zonde on Thursday.",
       "Gunmen raided a market and killed 115 people.", "2024-10-03", false,
       "73 km, nothing named by both: two towns, two incidents"},
      {marc, capital, "The gang killed 70 near Ouestia and Artimont borders.",
       "Gunmen in Ouestia and Artimont killed 115.", "2024-10-03", false,
       "73 km, only the names of their own provinces shared"},
      {marc, far, "The Gran Tigre gang killed 70 in Pont-Zonde on Thursday.",
       "Gunmen of the Gran Tigre gang raided Pont-Zonde, killing 115.", "2024-10-03", false,
       "133 km: beyond a neighbouring town"},
      {marc, capital, "The Gran Tigre gang killed 70 in Pont-Zonde on Thursday.",
       "Gunmen of the Gran Tigre gang raided Pont-Zonde, killing 115.", "2021-10-03", false,
       "the same names three years apart: dates still bar it"},
  };
  for (const Case& c : cases) {
    Report a = MakeReport("a", 0, kKilling, "2024-10-03", c.a_place, 70, c.a_sentence);
    Report b = MakeReport("b", 0, kKilling, c.b_day, c.b_place, 115, c.b_sentence);
    EXPECT_EQ(Compatible(a, b, o), c.compatible) << c.why;
    EXPECT_EQ(Compatible(b, a, o), c.compatible) << c.why << " (swapped)";
  }
}

}  // namespace
}  // namespace sitrep::testing_fuse
