// Coreference constraints and clustering: what may merge, what never merges.
#include "sitrep/fuse/coref.h"

#include <gtest/gtest.h>

#include "fuse_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;

const EventPlace kBaghdad = Place("Baghdad", "IQ", 33.34, 44.40);
const EventPlace kBaghdadStreet = Place("Palestine Street", "IQ", 33.33, 44.43, "point");
const EventPlace kBasra = Place("Basra", "IQ", 30.51, 47.78);
const EventPlace kIraq = Place("Iraq", "IQ", 33.0, 44.0, "country");
const EventPlace kKabul = Place("Kabul", "AF", 34.53, 69.17);
const char* kStrike = "Explosions/Remote violence";
const char* kSentence = "A drone strike killed a commander and his aide in Baghdad.";

// The report dated by its article's week: [day, day + 6].
Report WeekOf(Report r) {
  r.event.date.latest = r.event.date.earliest + 6;
  r.event.date.precision = DatePrecision::kWeek;
  return r;
}

TEST(CorefTest, CompatibilityTable) {
  FusionOptions o;
  struct Case {
    Report a, b;
    bool compatible;
    const char* why;
  } cases[] = {
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence), true, "same"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2020-01-03", kBaghdad, 2, kSentence), false, "years apart"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-05", kBaghdad, 2, kSentence), true, "slack day"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-07", kBaghdad, 2, kSentence), false, "3 days"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kBasra, 2, kSentence), false, "450 km"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kBaghdadStreet, 2, kSentence), true, "near"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kIraq, 2, kSentence), true, "country"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kKabul, 2, kSentence), false, "country"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, "Protests", "2024-01-04", kBaghdad, 2, kSentence), false, "types"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("b", 0, "Battles", "2024-01-04", kBaghdad, 2, kSentence), true, "violent"},
      // Two reports of one article: one event only with identity evidence of their own.
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("a", 1, "Battles", "2024-01-04", std::nullopt, -1, kSentence), true,
       "same doc, shared sentence"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("a", 1, kStrike, "2024-01-04", std::nullopt, -1, "Later it hit."), true,
       "same doc, same day"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("a", 1, kStrike, "2024-01-05", kBaghdad, -1, "A day later another hit."), false,
       "same doc, consecutive days (two strikes)"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence),
       MakeReport("a", 1, kStrike, "2024-01-04", kBasra, -1, "Basra was hit too."), false,
       "same doc, same day, other city"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence), WeekOf(
       MakeReport("a", 1, kStrike, "2024-01-01", std::nullopt, -1, "New strikes hit the city.")),
       false, "same doc, placeless mention in the week (another day's strike)"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence), WeekOf(
       MakeReport("a", 1, kStrike, "2024-01-01", kBasra, -1, "Basra was hit that week.")),
       false, "same doc, placed mention in the week"},
      {MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence), WeekOf(
       MakeReport("a", 1, "Battles", "2024-01-01", std::nullopt, -1, "Clashes went on.")),
       false, "same doc, placeless mention of another type"},
      {MakeReport("a", 0, kStrike, "2024-01-04", std::nullopt, 2, kSentence),
       MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence), true, "no place"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Compatible(c.a, c.b, o), c.compatible) << c.why;
    EXPECT_EQ(Compatible(c.b, c.a, o), c.compatible) << c.why << " (swapped)";
  }
}

// Regression: a vague report (year precision) must not chain two events years apart.
TEST(CorefTest, VagueReportDoesNotChainDistantEvents) {
  FusionOptions o;
  Report old_strike = MakeReport("a", 0, kStrike, "2020-01-03", kBaghdad, 2, kSentence);
  Report new_strike = MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, 2, kSentence);
  Report vague = MakeReport("c", 0, kStrike, "2020-01-01", kBaghdad, 2, kSentence);
  vague.event.date = {testing_fuse::Day("2020-01-01"), testing_fuse::Day("2024-12-31"),
                      DatePrecision::kYear};
  std::vector<const Report*> all = {&old_strike, &new_strike, &vague};
  for (const auto& cluster : ClusterReports(all, o)) {
    bool has_old = false, has_new = false;
    for (size_t i : cluster) has_old |= i == 0, has_new |= i == 1;
    EXPECT_FALSE(has_old && has_new);
  }
}

TEST(CorefTest, CandidatePairsEqualAllCompatiblePairs) {
  // Differential: blocking must not lose a compatible pair.
  FusionOptions o;
  std::vector<Report> reports;
  const EventPlace places[] = {kBaghdad, kBasra, kKabul, kIraq};
  const char* days[] = {"2024-01-04", "2024-01-05", "2024-02-01", "2020-01-03"};
  for (int i = 0; i < 40; ++i) {
    std::optional<EventPlace> p;
    if (i % 5 != 0) p = places[i % 4];
    reports.push_back(MakeReport("d" + std::to_string(i), 0, kStrike, days[(i / 3) % 4], p, 1,
                                 kSentence));
  }
  std::vector<const Report*> ptrs;
  for (const Report& r : reports) ptrs.push_back(&r);
  auto pairs = CandidatePairs(ptrs, o);
  std::set<std::pair<size_t, size_t>> got(pairs.begin(), pairs.end());
  for (size_t i = 0; i < ptrs.size(); ++i) {
    for (size_t j = i + 1; j < ptrs.size(); ++j) {
      if (Compatible(*ptrs[i], *ptrs[j], o)) {
        EXPECT_TRUE(got.count({i, j})) << i << " " << j;
      }
    }
  }
}

// A disputed or border area: one article places its headline at "Golan Heights" (SY, admin1)
// and its body at "Majdal Shams" (IL, a town inside it). Within one article near places are
// compatible whatever their country codes (regression: dev D11 split in two); across articles
// the codes must agree (blocking pairs by country), and far places never are.
TEST(CorefTest, BorderPlacesTable) {
  FusionOptions o;
  const EventPlace golan = Place("Golan Heights", "SY", 33.0, 35.75, "admin1");
  const EventPlace majdal = Place("Majdal Shams", "IL", 33.27, 35.77);
  const EventPlace lebanon = Place("Lebanon", "LB", 33.85, 35.86, "country");
  struct Case {
    const char* doc_b;
    EventPlace b;
    const char* day_b;
    bool compatible;
    const char* why;
  } cases[] = {
      {"a", majdal, "2024-07-27", true, "one article, a town inside the area"},
      {"b", majdal, "2024-07-27", false, "two articles: country codes must agree"},
      {"a", kKabul, "2024-07-27", false, "one article, far places"},
      {"a", lebanon, "2024-07-27", false, "one article, another country is no near place"},
      {"a", majdal, "2021-07-27", false, "one article, the same area years apart"},
  };
  for (const Case& c : cases) {
    Report a = MakeReport("a", 0, kStrike, "2024-07-27", golan, 12, "A rocket killed 12 children.");
    Report b = MakeReport(c.doc_b, 1, kStrike, c.day_b, c.b, 12,
                          "The strike killed 12 children on a football field.");
    EXPECT_EQ(Compatible(a, b, o), c.compatible) << c.why;
    EXPECT_EQ(Compatible(b, a, o), c.compatible) << c.why;
    std::vector<const Report*> ptrs = {&a, &b};
    if (c.compatible) {
      auto pairs = CandidatePairs(ptrs, o);
      EXPECT_EQ(pairs.size(), 1u) << c.why << ": blocking must pair one article's reports";
      EXPECT_EQ(ClusterReports(ptrs, o).size(), 1u) << c.why;
    }
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep::testing_fuse {
namespace {

// Regression: a report dated only by its year (with a place) linked a dated report that named
// no place, on type and shared words alone; agreement by absence is no identity evidence.
TEST(CorefTest, YearWideReportDoesNotLinkPlacelessDayReport) {
  FusionOptions o;
  Report year = MakeReport("a", 0, "Explosions/Remote violence", "2024-01-01",
                           Place("Port", "YE", 15.0, 42.8), 74, "A drone strike killed people.");
  year.event.date = {Day("2024-01-01"), Day("2024-12-31"), DatePrecision::kYear};
  Report day = MakeReport("b", 0, "Explosions/Remote violence", "2024-03-02", std::nullopt, 2,
                          "A drone strike killed people in a flat.");
  EXPECT_TRUE(Compatible(year, day, o));
  EXPECT_FALSE(Linked(year, day, o));
  // The same day (both day-precise) is evidence only with something specific for a placeless
  // side (session 6, tests/fuse/specific_evidence_test.cc): here a shared name.
  Report day2 = MakeReport("c", 0, "Explosions/Remote violence", "2024-03-02",
                           Place("Port", "YE", 15.0, 42.8), 2, "A drone strike killed two in a flat.");
  EXPECT_FALSE(Linked(day, day2, o));
  day.event.sources[0].sentence = "A drone strike killed people in a flat in Hodeidah.";
  day2.event.sources[0].sentence = "A drone strike killed two in a flat in Hodeidah.";
  EXPECT_TRUE(Linked(day, day2, o));
}

// Regression (ingest at scale): placeless reports of one day linked on the day alone, so each
// day's placeless reports from the whole world became one event.
TEST(CorefTest, TwoPlacelessReportsOfOneDayNeedMoreThanTheDay) {
  FusionOptions o;
  Report a = MakeReport("a", 0, "Explosions/Remote violence", "2024-03-02", std::nullopt, 2,
                        "A drone strike killed two people.");
  Report b = MakeReport("b", 0, "Explosions/Remote violence", "2024-03-02", std::nullopt, 5,
                        "A drone strike killed five soldiers.");
  EXPECT_FALSE(Linked(a, b, o));
  // A shared sentence (a copy) still links them when it names something (session 6).
  Report c = MakeReport("c", 0, "Explosions/Remote violence", "2024-03-02", std::nullopt, 2,
                        "A drone strike killed two people.");
  EXPECT_FALSE(Linked(a, c, o));
  a.event.sources[0].sentence = c.event.sources[0].sentence =
      "A drone strike killed two people in Wabaria.";
  EXPECT_TRUE(Linked(a, c, o));
}

// A year-wide report at a city ("dozens of attacks in Kaduna this year") is not one incident:
// the same place alone does not link it to a day's event there (the store then finds its
// candidates by sentence only); a month-wide one still links by place.
TEST(CorefTest, YearWideReportDoesNotLinkByPlaceAlone) {
  FusionOptions o;
  Report day = MakeReport("a", 0, "Explosions/Remote violence", "2024-03-02",
                          Place("Kaduna", "NG", 10.5, 7.4), 2, "A drone strike killed two people.");
  Report year = MakeReport("b", 0, "Explosions/Remote violence", "2024-03-02",
                           Place("Kaduna", "NG", 10.5, 7.4), -1, "Strikes hit the state all year.");
  year.event.date = {Day("2024-01-01"), Day("2024-12-31"), DatePrecision::kYear};
  EXPECT_FALSE(Linked(day, year, o));
  Report month = year;
  month.event.date = {Day("2024-03-01"), Day("2024-03-31"), DatePrecision::kMonth};
  EXPECT_TRUE(LinksOnlyBySentence(year, o));
  EXPECT_FALSE(LinksOnlyBySentence(month, o));
}

// An event told only as background in every article is historical and not an ACLED record.
TEST(CorefTest, HistoricalOnlyEventHasNoAcledType) {
  FusionOptions o;
  Report a = MakeReport("a", 0, "Explosions/Remote violence", "2020-01-03",
                        Place("Baghdad", "IQ", 33.3, 44.4), -1, "He was killed in 2020.");
  a.event.historical = true;
  a.event.sources[0].background = true;
  FusedSet f = Fuse({a}, {}, o);
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_TRUE(f.events[0].historical);
  EXPECT_EQ(f.events[0].event_type, "");
  EXPECT_EQ(f.events[0].plover_type, "ASSAULT");
}

}  // namespace
}  // namespace sitrep::testing_fuse
