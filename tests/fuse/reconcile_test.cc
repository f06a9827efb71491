// Reconciliation: figures as best/min/max (best = most independent origins, ties to the most
// conservative, revisions preferred), conflicts, refinement, independent-source counting.
#include "sitrep/fuse/reconcile.h"

#include <gtest/gtest.h>

#include "fuse_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_fuse::Print;

const EventPlace kBaghdad = Place("Baghdad", "IQ", 33.34, 44.40);
const char* kStrike = "Explosions/Remote violence";

std::string Text(int i) {  // distinct article texts
  std::string t;
  for (int k = 0; k < 80; ++k) t += "word" + std::to_string(i * 1000 + k) + " ";
  return t;
}

struct FigureCase {
  std::vector<int64_t> values;  // one per independent doc
  int64_t best, min, max;
};

TEST(ReconcileTest, FatalitiesTable) {
  FigureCase cases[] = {
      {{4}, 4, 4, 4},
      {{4, 2, 2}, 2, 2, 4},        // majority
      {{4, 4, 2}, 4, 2, 4},        // majority over conservative
      {{4, 2}, 2, 2, 4},           // tie -> conservative
      {{5, 7, 6}, 5, 5, 7},        // all differ -> smallest
  };
  for (const FigureCase& c : cases) {
    std::vector<Report> reports;
    DocPrints prints;
    for (size_t i = 0; i < c.values.size(); ++i) {
      std::string doc = "doc" + std::to_string(i);
      reports.push_back(MakeReport(doc, 0, kStrike, "2024-01-04", kBaghdad, c.values[i], "s"));
      prints[doc] = Print(doc, Text(static_cast<int>(i)));
    }
    std::vector<const Report*> m;
    for (const Report& r : reports) m.push_back(&r);
    Event e = Reconcile(m, prints, FusionOptions{});
    ASSERT_TRUE(e.fatalities);
    EXPECT_EQ(e.fatalities->best, c.best);
    EXPECT_EQ(e.fatalities->min, c.min);
    EXPECT_EQ(e.fatalities->max, c.max);
    EXPECT_EQ(e.conflicts.empty(), c.min == c.max);
  }
}

TEST(ReconcileTest, CopiesCountOnceInTheVote) {
  // 4 killed from a wire story and two copies of it; 2 killed from two independent reports.
  std::vector<Report> reports;
  DocPrints prints;
  for (int i = 0; i < 3; ++i) {
    std::string doc = "wire" + std::to_string(i);
    reports.push_back(MakeReport(doc, 0, kStrike, "2024-01-04", kBaghdad, 4, "s"));
    prints[doc] = Print(doc, Text(100));  // identical texts
  }
  for (int i = 0; i < 2; ++i) {
    std::string doc = "indep" + std::to_string(i);
    reports.push_back(MakeReport(doc, 0, kStrike, "2024-01-04", kBaghdad, 2, "s"));
    prints[doc] = Print(doc, Text(i));
  }
  std::vector<const Report*> m;
  for (const Report& r : reports) m.push_back(&r);
  Event e = Reconcile(m, prints, FusionOptions{});
  EXPECT_EQ(e.independent_sources, 3);
  EXPECT_EQ(e.fatalities->best, 2);
  EXPECT_EQ(e.fatalities->max, 4);
  ASSERT_EQ(e.conflicts.size(), 1u);
  EXPECT_EQ(e.conflicts[0].field, "fatalities");
  EXPECT_EQ(e.conflicts[0].values[0].value, "2");
  EXPECT_EQ(e.conflicts[0].values[1].docs.size(), 3u);
  for (const EventSource& s : e.sources) {
    if (s.doc == "wire1" || s.doc == "wire2") {
      EXPECT_EQ(s.origin, "wire0");
    }
    if (s.doc == "wire0" || s.doc.rfind("indep", 0) == 0) {
      EXPECT_EQ(s.origin, "");
    }
  }
}

TEST(ReconcileTest, WireCreditGroupsDifferentTexts) {
  std::vector<Report> reports = {
      MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 3, "s"),
      MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, 3, "s")};
  DocPrints prints = {{"a", Print("a", Text(1), {"Reuters"})},
                      {"b", Print("b", Text(2), {"reuters"})}};
  Event e = Reconcile({&reports[0], &reports[1]}, prints, FusionOptions{});
  EXPECT_EQ(e.independent_sources, 1);
}

TEST(ReconcileTest, RevisionIsPreferred) {
  std::vector<Report> reports = {
      MakeReport("a", 0, kStrike, "2024-01-04", kBaghdad, 3, "s", "2024-01-04"),
      MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, 3, "s", "2024-01-04"),
      MakeReport("c", 0, kStrike, "2024-01-04", kBaghdad, 7, "s", "2024-01-06")};
  reports[2].event.sources[0].revised = true;
  DocPrints prints = {{"a", Print("a", Text(1))}, {"b", Print("b", Text(2))},
                      {"c", Print("c", Text(3))}};
  Event e = Reconcile({&reports[0], &reports[1], &reports[2]}, prints, FusionOptions{});
  EXPECT_EQ(e.fatalities->best, 7);
  EXPECT_EQ(e.fatalities->min, 3);
}

TEST(ReconcileTest, MostPreciseDateAndPlaceWin) {
  Report vague = MakeReport("a", 0, kStrike, "2024-01-01", Place("Iraq", "IQ", 33, 44, "country"),
                            -1, "s");
  vague.event.date = {testing_fuse::Day("2024-01-01"), testing_fuse::Day("2024-01-31"),
                      DatePrecision::kMonth};
  Report precise = MakeReport("b", 0, kStrike, "2024-01-04", kBaghdad, -1, "s");
  Event e = Reconcile({&vague, &precise}, {}, FusionOptions{});
  EXPECT_EQ(e.date.precision, DatePrecision::kDay);
  EXPECT_EQ(FormatIsoDate(e.best_day), "2024-01-04");
  EXPECT_EQ(e.location->name, "Baghdad");
  EXPECT_FALSE(e.fatalities);
  EXPECT_EQ(e.id, EventIdFor("a#0"));
}

// Salience: which events are ACLED records. One line per case: the report's shape and whether
// the fused event keeps its ACLED type.
// Regression (dev, one article): a one-sentence report typed Battles and the strike's
// two-sentence report tied on origins; the type told in more sentences wins, not the name.
TEST(ReconcileTest, TypeTieGoesToMoreSentences) {
  FusionOptions o;
  const EventPlace city = Place("Odesa", "UA", 46.48, 30.72);
  Report strike = MakeReport("a", 0, "Explosions/Remote violence", "2023-06-10", city, 3,
                             "Drones hit a high-rise.");
  EventSource second = strike.event.sources[0];
  second.begin = 100, second.end = 120, second.sentence = "Debris fell on the block.";
  strike.event.sources.push_back(second);
  Report clash = MakeReport("a", 1, "Battles", "2023-06-10", city, 3, "Forces attacked the city.");
  clash.event.sources[0].begin = 200;
  for (bool swap : {false, true}) {
    std::vector<const Report*> m = swap ? std::vector<const Report*>{&clash, &strike}
                                        : std::vector<const Report*>{&strike, &clash};
    EXPECT_EQ(Reconcile(m, {}, o).event_type, "Explosions/Remote violence");
  }
}

TEST(ReconcileTest, SalienceTable) {
  struct Case {
    uint32_t begin;   // where the report's sentence starts in its article
    const char* place;  // "" none, else the place's precision
    bool figure, dated, second_sentence, corroborated;
    bool typed;
    const char* why;
    bool day_precise = true;
  } cases[] = {
      {2000, "", false, true, false, false, false, "in passing: not a record"},
      {100, "", false, true, false, false, true, "in the lead"},
      {2000, "city", false, true, false, false, false, "once, with a town: in passing"},
      {2000, "", true, true, false, false, false, "once, with a figure: in passing"},
      {2000, "", false, true, true, false, false, "told twice, nowhere and no figure"},
      {2000, "city", false, true, true, false, true, "told twice at a town"},
      {2000, "point", false, true, true, false, true, "told twice at a site"},
      {2000, "admin1", false, true, true, false, false, "told twice, only a province"},
      {2000, "country", false, true, true, false, false, "told twice, only a country"},
      {2000, "country", true, true, true, false, true, "told twice with a figure"},
      {2000, "", false, true, false, true, true, "corroborated by another origin"},
      {100, "city", true, false, true, true, false, "undated: no ACLED record"},
      {2000, "city", false, true, true, false, false,
       "told twice at a town, only the month: context (regression: seeds, session 6)", false},
      {2000, "city", true, true, true, false, true, "told twice at a town, month, a figure", false},
      {100, "city", false, true, false, false, true, "in the lead, month", false},
  };
  for (const Case& c : cases) {
    Report r = MakeReport("a", 0, kStrike, "2024-01-04", std::nullopt, c.figure ? 3 : -1,
                          "Earlier, a strike hit a depot.");
    r.event.sources[0].begin = c.begin;
    if (*c.place) {
      r.event.location = kBaghdad;
      r.event.location->precision = c.place;
    }
    if (!c.dated) r.event.date = {};
    if (!c.day_precise) {
      r.event.date = {testing_fuse::Day("2024-01-01"), testing_fuse::Day("2024-01-31"),
                      DatePrecision::kMonth};
    }
    if (c.second_sentence) {
      EventSource s = r.event.sources[0];
      s.begin += 200;
      s.sentence = "The depot burned.";
      r.event.sources.push_back(s);
    }
    std::vector<const Report*> m = {&r};
    Report other = MakeReport("b", 0, kStrike, "2024-01-04", std::nullopt, -1, "A depot was hit.");
    other.event.sources[0].begin = 3000;
    if (!c.dated) other.event.date = {};
    if (c.corroborated) m.push_back(&other);
    DocPrints prints = {{"a", Print("a", Text(1))}, {"b", Print("b", Text(2))}};
    Event e = Reconcile(m, prints, FusionOptions{});
    EXPECT_EQ(!e.event_type.empty(), c.typed) << c.why;
    EXPECT_EQ(e.plover_type, "ASSAULT") << c.why;  // the PLOVER reading always stays
  }
  // Off: every report is a record.
  FusionOptions off;
  off.require_salience = false;
  Report r = MakeReport("a", 0, kStrike, "2024-01-04", std::nullopt, -1, "Earlier, a strike.");
  r.event.sources[0].begin = 2000;
  EXPECT_EQ(Reconcile({&r}, {}, off).event_type, kStrike);
}

// Captions and standing background statements tell no incident: they make no report prominent
// and two outlets' background paragraphs are no corroboration (regression: dev, a caption
// "THIS IMAGE MAY OFFEND OR DISTURB ..." and two outlets' "al-Shabab has been fighting ..."
// paragraphs became typed records).
TEST(ReconcileTest, TellingSentenceTable) {
  const char* kCaption = "THIS IMAGE MAY OFFEND OR DISTURB A paramedic helps a wounded man.";
  const char* kStanding = "The group has been fighting the government for more than a decade.";
  const char* kIncident = "Earlier, a strike hit a depot near the port.";
  struct Case {
    const char* a;
    uint32_t begin_a;
    const char* b;  // another origin's sentence, or nullptr
    bool typed;
    const char* why;
    bool day_precise = true;
  } cases[] = {
      {kIncident, 100, nullptr, true, "an incident in the lead"},
      {kCaption, 100, nullptr, false, "a caption in the lead is no lead"},
      {kStanding, 100, nullptr, false, "standing background in the lead is no lead"},
      {kIncident, 2000, kIncident, true, "two origins tell the incident"},
      {kStanding, 2000, kStanding, false, "two origins' background paragraphs"},
      {kIncident, 2000, kStanding, false, "one telling origin and one background paragraph"},
      {kIncident, 2000, kCaption, false, "one telling origin and one caption"},
  };
  for (const Case& c : cases) {
    Report r = MakeReport("a", 0, kStrike, "2024-01-04", std::nullopt, -1, c.a);
    r.event.sources[0].begin = c.begin_a;
    std::vector<const Report*> m = {&r};
    Report other = MakeReport("b", 0, kStrike, "2024-01-04", std::nullopt, -1, c.b ? c.b : "");
    other.event.sources[0].begin = 3000;
    if (c.b) m.push_back(&other);
    DocPrints prints = {{"a", Print("a", Text(1))}, {"b", Print("b", Text(2))}};
    Event e = Reconcile(m, prints, FusionOptions{});
    EXPECT_EQ(!e.event_type.empty(), c.typed) << c.why;
  }
}

}  // namespace
}  // namespace sitrep
