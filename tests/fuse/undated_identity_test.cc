// Undated reports (no document date, no date in the text, or a window of years) join a dated
// event only on evidence specific to its incident: at one town a shared name or toll, or the
// same armed actor with deaths told by both; at a coarser place a shared name or toll and one
// more. The place alone, the country alone or a generic actor never joins them (a town has
// incidents in every year). All events here are written by us.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"
#include "sitrep/fuse/identity.h"
#include "sitrep/know/normalize.h"

namespace sitrep::testing_fuse {
namespace {

const char* kStrike = "Explosions/Remote violence";
const char* kKilling = "Violence against civilians";

Report Undated(Report r) {
  r.event.date = {};
  r.event.best_day = 0;
  return r;
}
Report Years(Report r) {
  r.event.date = {Day("2014-08-24"), Day("2025-08-24"), DatePrecision::kYear};
  return r;
}
Report Armed(Report r, const char* id, const char* kind = "rebel_group") {
  r.event.actor1 = EventActor{id, id, "", kind};
  return r;
}

const EventPlace kHarbour = Place("Port Velen", "XA", 10.00, 20.00);
const EventPlace kHall = Place("Velen Concert Hall", "XA", 10.10, 20.05, "point");  // ~12 km
const EventPlace kCountry = Place("XA", "XA", 0, 0, "country");
const EventPlace kProvince = Place("Norland", "XA", 11.0, 21.0, "admin1");
const EventPlace kOther = Place("Kessa", "XB", 10.05, 20.05);

TEST(UndatedIdentityTest, Table) {
  FusionOptions o;
  const char* kDay = "2024-08-24";
  struct Case {
    Report a, b;
    bool linked;
    const char* why;
  } cases[] = {
      {Undated(MakeReport("a", 0, kStrike, kDay, kHarbour, 30,
                          "Thirty died when a bomb hit the Marrow Street market.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 32, "A bomb at the Marrow Street market."),
       true, "one town, a shared distinctive name"},
      {Undated(MakeReport("a", 0, kStrike, kDay, kHarbour, 30, "A bomb went off at dawn.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 30, "Thirty died in a blast."), true,
       "one town, the same toll"},
      {Undated(MakeReport("a", 0, kStrike, kDay, kHarbour, -1, "A bomb hit Port Velen.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 4, "Gunmen raided Port Velen."), false,
       "one town, only the town's own name (regression: joined any event of the town)"},
      {Undated(MakeReport("a", 0, "Battles", kDay, kHarbour, -1,
                          "Fighters said they took several villages this year.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 19, "A car bomb hit a beach cafe."), false,
       "regression (dev 005 -> D10): one town and nothing else, an incident of another year"},
      {Armed(Undated(MakeReport("a", 0, "Battles", kDay, kHarbour, 60,
                                "The attack left at least 60 dead.")), "islamic_state"),
       Armed(MakeReport("b", 0, kKilling, kDay, kHall, 115, "Gunmen killed 115 concertgoers."),
             "islamic_state"),
       true, "a site near the town (12 km), one armed group, deaths told by both (dev D01 050)"},
      {Armed(Undated(MakeReport("a", 0, "Battles", kDay, kHarbour, -1, "Fighters clashed.")),
             "islamic_state"),
       Armed(MakeReport("b", 0, kKilling, kDay, kHall, 115, "Gunmen killed 115 concertgoers."),
             "islamic_state"),
       false, "one town and one armed group, but only one side tells deaths"},
      {Armed(Undated(MakeReport("a", 0, kStrike, kDay, kHarbour, 60, "The attack left 60 dead.")),
             "afp", "media"),
       Armed(MakeReport("b", 0, kStrike, kDay, kHarbour, 115, "A strike killed 115."), "afp",
             "media"),
       false, "a news agency read as an actor is no evidence"},
      {Armed(Undated(MakeReport("a", 0, "Battles", kDay, kCountry, 200,
                                "Around 200 were killed in the town of Barsalo.")), "al_qaeda"),
       Armed(Years(MakeReport("b", 0, kKilling, kDay, kCountry, 600,
                              "Some 600 were killed when fighters swept into Barsalo.")),
             "al_qaeda"),
       true, "country level: a shared town name the gazetteer missed and one armed group (D05)"},
      {Undated(MakeReport("a", 0, kKilling, kDay, kProvince, 600,
                          "Up to 600 were killed in an attack on Barsalo.")),
       MakeReport("b", 0, kKilling, kDay, kCountry, 600,
                  "Some 600 were killed when fighters swept into Barsalo."),
       true, "a province and its country: a shared name and the same toll"},
      {Undated(MakeReport("a", 0, kKilling, kDay, kCountry, 200,
                          "Around 200 were killed in the town of Barsalo.")),
       MakeReport("b", 0, kKilling, kDay, kCountry, 600,
                  "Some 600 were killed when fighters swept into Barsalo."),
       false, "country level: one shared name alone is not enough"},
      {Undated(MakeReport("a", 0, kKilling, kDay, kCountry, 70, "The gang killed 70 people.")),
       MakeReport("b", 0, kKilling, kDay, kHarbour, 70, "Seventy were killed."), false,
       "a country and a town in it: the same toll alone is not enough"},
      {Armed(Undated(MakeReport("a", 0, kKilling, kDay, kCountry, 12, "Twelve were killed.")),
             "al_qaeda"),
       Armed(MakeReport("b", 0, kKilling, kDay, kHarbour, 40, "Forty were killed."), "al_qaeda"),
       false, "only the country and one armed group: never"},
      {Undated(MakeReport("a", 0, kStrike, kDay, kOther, 30,
                          "Thirty died when a bomb hit the Marrow Street market.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 30, "A bomb at the Marrow Street market."),
       false, "another country (12 km away, across a border)"},
      {Undated(MakeReport("a", 0, kStrike, kDay, std::nullopt, 30,
                          "Thirty died when a bomb hit the Marrow Street market.")),
       MakeReport("b", 0, kStrike, kDay, kHarbour, 30, "A bomb at the Marrow Street market."),
       false, "placed in no country: compared with every country, so not by names and tolls"},
      {Undated(MakeReport("a", 0, kStrike, kDay, kHarbour, 30,
                          "Thirty died when a bomb hit the Marrow Street market.")),
       MakeReport("b", 0, "Protests", kDay, kHarbour, -1, "Crowds marched on Marrow Street."),
       false, "incompatible types"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Linked(c.a, c.b, o), c.linked) << c.why;
    EXPECT_EQ(Linked(c.b, c.a, o), c.linked) << c.why << " (swapped)";
  }
}

// Never two events at one place years apart: an undated report that names what both tell joins
// the one it agrees with best, and the two dated events stay apart.
TEST(UndatedIdentityTest, UndatedReportNeverBridgesYears) {
  FusionOptions o;
  std::vector<Report> reports = {
      Armed(MakeReport("old", 0, kStrike, "2016-01-21", kHarbour, 20,
                       "Gunmen stormed the Lido Cafe on the beach, killing 20."), "al_shabaab"),
      Armed(MakeReport("new", 0, kStrike, "2024-08-02", kHarbour, 32,
                       "A suicide bomber struck the Lido Cafe on the beach, killing 32."),
            "al_shabaab"),
      Armed(Undated(MakeReport("undated", 0, kStrike, "2024-08-02", kHarbour, 32,
                               "A suicide bomber struck the Lido Cafe on the beach, killing 32.")),
            "al_shabaab"),
  };
  std::vector<const Report*> ptrs;
  for (const Report& r : reports) ptrs.push_back(&r);
  std::vector<std::vector<size_t>> clusters = ClusterReports(ptrs, o);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0], (std::vector<size_t>{0}));
  EXPECT_EQ(clusters[1], (std::vector<size_t>{1, 2}));
}

// Names for identity: a possessive weekday is no name, a place name ending in -i after a vowel
// or "y" is one (demonyms end in a consonant + i), a name behind "al-" is one, words of a coarse
// place's own name and words of a place's kind are not.
TEST(UndatedIdentityTest, DistinctiveNamesTable) {
  struct Case {
    const char* sentence;
    EventPlace place;
    const char* name;
    bool kept;
  } cases[] = {
      {"It followed Tuesday's air strike on the camp.", kHarbour, "Tuesday", false},
      {"It followed the air strike on Pazigyi village.", kHarbour, "Pazigyi", true},
      {"It followed the strike by Iraqi forces.", kHarbour, "Iraqi", false},
      {"It followed the attack on Wad al-Nourah village.", kHarbour, "al-Nourah", true},
      {"It followed the attack in Sagaing Region on Tuesday.",
       Place("Sagaing Region", "MM", 0, 0, "admin1"), "Sagaing", false},
      {"It followed the attack in Sagaing Region on Tuesday.",
       Place("Sagaing Region", "MM", 0, 0, "admin1"), "Region", false},
      {"It followed attacks across Burkina Faso this year.",
       Place("Burkina Faso", "BF", 0, 0, "country"), "Faso", false},
      {"It followed an attack in Kanbalu Township.", kHarbour, "Township", false},
      {"It followed an attack in Kanbalu Township.", kHarbour, "Kanbalu", true},
  };
  for (const Case& c : cases) {
    Report r = MakeReport("a", 0, kStrike, "2024-01-01", c.place, -1, c.sentence);
    std::set<std::string> names = DistinctiveNames(r.event);
    EXPECT_EQ(names.count(NameKey(c.name)) > 0, c.kept) << c.sentence << " / " << c.name;
  }
}

}  // namespace
}  // namespace sitrep::testing_fuse
