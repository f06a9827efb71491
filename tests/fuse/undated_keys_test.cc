// The store finds an undated report's candidates by UndatedIdentityKeys instead of every
// report of its country: every compatible pair UndatedIdentity links must share a key one side
// stores and the other queries (both ways), and a town's own name must not be such a key
// (every incident of the town would be a candidate). Events are written by us.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"
#include "sitrep/fuse/undated_identity.h"

namespace sitrep::testing_fuse {
namespace {

bool Meet(const std::vector<int64_t>& queried, const std::vector<int64_t>& stored) {
  for (int64_t h : queried) {
    if (std::binary_search(stored.begin(), stored.end(), h)) return true;
  }
  return false;
}

// A random report from small pools, so that pairs often share names, tolls, actors, places.
Report RandomReport(std::mt19937_64& r, int n) {
  static const EventPlace kPlaces[] = {
      Place("Port Velen", "XA", 10.00, 20.00),
      Place("Velen Concert Hall", "XA", 10.10, 20.05, "point"),  // 12 km from the port
      Place("Kessa", "XA", 10.30, 20.40),                       // 55 km
      Place("Arbo Velen", "XA", 10.62, 20.00),                  // 69 km
      Place("Lund", "XA", 12.00, 22.00),
      Place("Nordby", "XA", 69.80, 25.00),
      Place("Nordvik", "XA", 70.10, 26.20),                     // 50 km at high latitude
      Place("Norland", "XA", 11.0, 21.0, "admin1"),
      Place("XA", "XA", 0, 0, "country"),
      Place("Kessa", "XA", 0, 0),                               // same name, no coordinates
      Place("Marrow", "XB", 10.0, 20.0),
  };
  static const char* const kNames[] = {"Marrow", "Velen", "Kessa", "Norland", "Deborah",
                                       "Shagari", "Nordby", "Lund"};
  static const int64_t kFigures[] = {-1, 0, 2, 3, 5, 30};
  std::string sentence = "The attack hit";
  for (int i = static_cast<int>(r() % 3); i > 0; --i) {
    sentence += std::string(" ") + kNames[r() % std::size(kNames)] + " and";
  }
  sentence += " the road.";
  const char* day = r() % 2 ? "2024-08-24" : "2024-08-25";
  Report rep = MakeReport("d" + std::to_string(n), 0, "Explosions/Remote violence", day,
                          kPlaces[r() % std::size(kPlaces)], kFigures[r() % std::size(kFigures)],
                          sentence);
  if (int64_t injured = kFigures[r() % std::size(kFigures)]; injured >= 0) {
    rep.event.injured = CountRange{injured, injured, injured};
  }
  switch (r() % 4) {
    case 0: rep.event.actor1 = EventActor{"grp1", "Red Hand", "", "rebel_group"}; break;
    case 1: rep.event.actor1 = EventActor{"grp2", "Blue Guard", "", "militia"}; break;
    case 2: rep.event.actor2 = EventActor{"grp1", "Red Hand", "", "rebel_group"}; break;
    default: break;
  }
  switch (r() % 3) {
    case 0: rep.event.date = {}; rep.event.best_day = 0; break;
    case 1: rep.event.date = {Day("2014-01-01"), Day("2025-12-31"), DatePrecision::kYear}; break;
    default: break;
  }
  if (r() % 5 == 0) rep.event.location->geonameid = 7;  // one id under two names
  return rep;
}

TEST(UndatedKeysTest, EveryLinkedPairSharesAKey) {
  FusionOptions o;
  std::mt19937_64 r(2026);
  int linked = 0;
  for (int i = 0; i < 20000; ++i) {
    Report a = RandomReport(r, 2 * i), b = RandomReport(r, 2 * i + 1);
    // Linked asks Compatible too: two towns 69 km apart that share only their common word
    // ("Velen") are no pair of UndatedIdentity's to find.
    if (!UndatedIdentity(a.event, b.event, o) || !Compatible(a, b, o)) continue;
    ++linked;
    UndatedKeys ka = UndatedIdentityKeys(a.event, o), kb = UndatedIdentityKeys(b.event, o);
    ASSERT_TRUE(ka.takes_part && kb.takes_part);
    ASSERT_TRUE(ka.undated || kb.undated);
    auto say = [](const Report& x) {
      const Event& e = x.event;
      return e.sources[0].sentence + " @" + e.location->name + " dead " +
             (e.fatalities ? std::to_string(e.fatalities->best) : "-") + " hurt " +
             (e.injured ? std::to_string(e.injured->best) : "-") + " actor " +
             (e.actor1 ? e.actor1->id : "-") + "/" + (e.actor2 ? e.actor2->id : "-") +
             (e.date.known() ? " dated" : " undated");
    };
    EXPECT_TRUE(Meet(ka.queried, kb.stored)) << say(a) << " | " << say(b);
    EXPECT_TRUE(Meet(kb.queried, ka.stored)) << say(a) << " | " << say(b);
  }
  EXPECT_GT(linked, 500);  // the pools are small enough to link often
}

TEST(UndatedKeysTest, Table) {
  FusionOptions o;
  const EventPlace port = Place("Port Velen", "XA", 10.00, 20.00);
  auto undated = [](Report r) {
    r.event.date = {};
    r.event.best_day = 0;
    return r;
  };
  const char* kStrike = "Explosions/Remote violence";
  struct Case {
    Report a, b;
    bool share;
    const char* why;
  } cases[] = {
      {undated(MakeReport("a", 0, kStrike, "2024-08-24", port, -1, "A bomb hit Port Velen.")),
       MakeReport("b", 0, kStrike, "2021-03-02", port, -1, "Gunmen raided Port Velen."), false,
       "one town: its own name is no key"},
      {undated(MakeReport("a", 0, kStrike, "2024-08-24", port, -1, "A bomb hit Marrow Street.")),
       MakeReport("b", 0, kStrike, "2021-03-02", port, -1, "Gunmen raided Marrow Street."), true,
       "one town, a name beyond it"},
      {undated(MakeReport("a", 0, kStrike, "2024-08-24", port, 7, "A bomb went off.")),
       MakeReport("b", 0, kStrike, "2021-03-02", port, 7, "Seven died in a blast."), true,
       "one town, the same toll"},
      {MakeReport("a", 0, kStrike, "2024-08-24", port, 7, "A bomb went off."),
       MakeReport("b", 0, kStrike, "2021-03-02", port, 7, "Seven died in a blast."), false,
       "both dated: the window index finds them, not keys"},
      {undated(MakeReport("a", 0, kStrike, "2024-08-24", Place("XA", "XA", 0, 0, "country"), 7,
                          "A bomb hit Port Velen.")),
       MakeReport("b", 0, kStrike, "2021-03-02", port, 7, "Seven died in Port Velen."), true,
       "a country report naming the town, with its toll"},
  };
  for (const Case& c : cases) {
    UndatedKeys ka = UndatedIdentityKeys(c.a.event, o), kb = UndatedIdentityKeys(c.b.event, o);
    const bool share = (ka.undated || kb.undated) && Meet(ka.queried, kb.stored);
    EXPECT_EQ(share, c.share) << c.why;
  }
}

}  // namespace
}  // namespace sitrep::testing_fuse
