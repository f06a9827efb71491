// Evidence specific to one event: a placeless report links only through it (not the day, a
// week's trigger word or a toll alone); a window of years is no date (the report links as an
// undated one); one article's day report and its coarser mention at the same town are one
// incident unless the article tells them apart. All events here are written by us.
#include <gtest/gtest.h>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"

namespace sitrep::testing_fuse {
namespace {

const char* kStrike = "Explosions/Remote violence";

Report Dated(Report r, const char* from, const char* to, DatePrecision p) {
  r.event.date = {Day(from), Day(to), p};
  return r;
}
Report Trigger(Report r, const char* t) {
  r.event.sources[0].trigger = t;
  return r;
}
Report Actor(Report r, const char* name, const char* id, const char* country) {
  const std::string kind = std::string(id) == "afp" ? "media" : "rebel_group";
  r.event.actor1 = EventActor{name, id, country, kind};
  return r;
}

// Regression (ingest_bench, session 6): 31 of 97 placeless reports of generated articles sat
// in events of another country, linked by the day or a week's trigger word alone.
TEST(SpecificEvidenceTest, PlacelessReportTable) {
  FusionOptions o;
  const EventPlace gao = Place("Gao", "ML", 16.27, -0.04);
  const EventPlace mali = Place("ML", "ML", 17.0, -4.0, "country");
  const char* kDay = "2021-03-02";
  struct Case {
    Report a, b;
    bool linked;
    const char* why;
  } cases[] = {
      {MakeReport("a", 0, kStrike, kDay, std::nullopt, 4, "A drone strike killed four people."),
       MakeReport("b", 0, kStrike, kDay, gao, 7, "A drone strike killed seven people in Gao."),
       false, "placeless and placed: the same day alone"},
      {Trigger(Dated(MakeReport("a", 0, kStrike, kDay, std::nullopt, -1, "Bombs fell at dawn."),
                     "2021-02-27", "2021-03-05", DatePrecision::kWeek), "strike"),
       Trigger(MakeReport("b", 0, kStrike, kDay, gao, -1, "A strike hit a market in Gao."),
               "strike"),
       false, "placeless week and a placed day: a shared trigger word alone"},
      {Dated(MakeReport("a", 0, kStrike, kDay, std::nullopt, 12, "The raid left 12 dead."),
             "2021-02-27", "2021-03-05", DatePrecision::kWeek),
       MakeReport("b", 0, kStrike, kDay, gao, 12, "A strike killed 12 in Gao."), false,
       "placeless week and a placed day: the same toll alone"},
      {MakeReport("a", 0, kStrike, kDay, std::nullopt, 4, "A drone strike hit the Wabaria market."),
       MakeReport("b", 0, kStrike, kDay, gao, 7, "In Gao, a drone strike hit the Wabaria market."),
       true, "a shared distinctive name and the same day"},
      {Actor(MakeReport("a", 0, kStrike, kDay, std::nullopt, 4, "A drone strike killed four."),
             "Jama'at Nusrat al-Islam", "jnim", "ML"),
       Actor(MakeReport("b", 0, kStrike, kDay, gao, 7, "A drone strike killed seven in Gao."),
             "JNIM", "jnim", "ML"),
       true, "a dictionary actor and the same day"},
      {Actor(MakeReport("a", 0, kStrike, kDay, std::nullopt, 4, "Gunmen struck at night."),
             "gunmen", "new:gunmen", ""),
       Actor(MakeReport("b", 0, kStrike, kDay, gao, 7, "Gunmen struck in Gao at night."),
             "gunmen", "new:gunmen", ""),
       false, "a generic new actor is no evidence for a placeless report"},
      {MakeReport("a", 0, kStrike, kDay, std::nullopt, 4,
                  "A drone strike killed four people near the Wabaria road on Tuesday."),
       MakeReport("b", 0, kStrike, kDay, gao, 4,
                  "A drone strike killed four people near the Wabaria road on Tuesday."),
       true, "a shared evidential sentence that names something (a copy)"},
      {Actor(MakeReport("a", 0, kStrike, kDay, std::nullopt, 4, "A drone strike killed four."),
             "Agence France-Presse", "afp", "FR"),
       Actor(MakeReport("b", 0, kStrike, kDay, gao, 7, "A drone strike killed seven in Gao."),
             "Agence France-Presse", "afp", "FR"),
       false, "a news agency read as an actor is no evidence"},
      {MakeReport("a", 0, kStrike, kDay, std::nullopt, 7,
                  "The death toll later rose to 7, a health official said."),
       MakeReport("b", 0, kStrike, kDay, gao, 7,
                  "The death toll later rose to 7, a health official said."),
       false, "a shared sentence that names nothing (generated boilerplate, regression)"},
      {MakeReport("a", 0, kStrike, kDay, std::nullopt, 4,
                  "Gao, March 2 (AFP) - Insurgents shelled a bus station, killing four."),
       MakeReport("b", 0, kStrike, kDay, gao, 4,
                  "Kidal, March 2 (AFP) - Insurgents shelled a market, killing four."),
       false, "a dateline's first word is no name (regression: \"Insurgents\", \"Artillery\")"},
      {MakeReport("a", 0, kStrike, kDay, mali, 4, "A drone strike killed four people."),
       MakeReport("b", 0, kStrike, kDay, gao, 7, "A drone strike killed seven people in Gao."),
       true, "control: both placed in one country, the same day"},
      {Trigger(Dated(MakeReport("a", 0, kStrike, kDay, mali, -1, "Bombs fell at dawn."),
                     "2021-02-27", "2021-03-05", DatePrecision::kWeek), "strike"),
       Trigger(MakeReport("b", 0, kStrike, kDay, gao, -1, "A strike hit a market in Gao."),
               "strike"),
       true, "control: both placed in one country, the week and a trigger"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Linked(c.a, c.b, o), c.linked) << c.why;
    EXPECT_EQ(Linked(c.b, c.a, o), c.linked) << c.why << " (swapped)";
  }
}

// Regression (dev D22 duplicate 79460e): a report dated "2023-12-28..2034-12-28" by extraction
// nested every window and linked by sentence only; it is undated for blocking and identity, so
// it links by its specific place, while its window still bars what it excludes.
TEST(SpecificEvidenceTest, WindowOfYearsIsNoDateTable) {
  FusionOptions o;
  const EventPlace port = Place("Ras Isa", "YE", 15.17, 42.67, "point");
  const EventPlace yemen = Place("YE", "YE", 15.5, 47.5, "country");
  Report day = MakeReport("a", 0, kStrike, "2025-04-17", port, 38, "US strikes hit Ras Isa port.");
  struct Case {
    Report r;
    bool usable, by_sentence_only, links_day;
    const char* why;
  } cases[] = {
      {Dated(MakeReport("b", 0, kStrike, "2025-04-17", port, 38, "The port was hit."),
             "2023-12-28", "2034-12-28", DatePrecision::kYear),
       false, false, true, "eleven years at the same port and the same toll: undated, links"},
      {Dated(MakeReport("b", 0, kStrike, "2025-04-17", port, 74, "The port was hit."),
             "2023-12-28", "2034-12-28", DatePrecision::kYear),
       false, false, false,
       "eleven years at the same port, nothing else shared: undated, the place alone is not "
       "enough (session 7: a town has incidents in every year)"},
      {Dated(MakeReport("b", 0, kStrike, "2025-04-17", yemen, 74, "The port was hit."),
             "2023-12-28", "2034-12-28", DatePrecision::kYear),
       false, false, false,
       "eleven years in a country: found by window (UndatedIdentity), linked by nothing here"},
      {Dated(MakeReport("b", 0, kStrike, "2025-04-17", port, 74, "The port was hit."),
             "2025-01-01", "2025-12-31", DatePrecision::kYear),
       true, true, false, "one year is still a date (a year summary, by sentence only)"},
      {Dated(MakeReport("b", 0, kStrike, "2025-04-17", port, 74, "The port was hit."),
             "2030-01-01", "2040-12-31", DatePrecision::kYear),
       false, false, false, "a window that excludes the day still bars the link"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(UsablyDated(c.r.event, o), c.usable) << c.why;
    EXPECT_EQ(LinksOnlyBySentence(c.r, o), c.by_sentence_only) << c.why;
    EXPECT_EQ(Linked(day, c.r, o), c.links_day) << c.why;
    EXPECT_EQ(Linked(c.r, day, o), c.links_day) << c.why << " (swapped)";
    if (!c.usable) {
      BlockKey k = BlockOf(c.r, o);
      EXPECT_LT(k.from, Day("1900-01-01")) << c.why;
      EXPECT_GT(k.to, Day("2100-01-01")) << c.why;
    }
  }
}

// One article, one town: an attack told once with its day and once with only the article's
// week is one incident (dev D08/D14 duplicates); two days of their own, different tolls or
// other words keep two (the seeds' next-day strikes in one city).
TEST(SpecificEvidenceTest, SameTownDayAndWeekTable) {
  FusionOptions o;
  const EventPlace goma = Place("Goma", "CD", -1.68, 29.22);
  auto week = [](Report r) {
    return Dated(std::move(r), "2024-04-27", "2024-05-03", DatePrecision::kWeek);
  };
  struct Case {
    Report a, b;
    bool linked;
    const char* why;
  } cases[] = {
      {Trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, 10, "An explosion hit a camp.")),
               "explosion"),
       Trigger(MakeReport("a", 1, kStrike, "2024-05-03", goma, -1, "Two devices went off."),
               "explosions"),
       true, "the day inside the week, one trigger"},
      {Trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, 10, "An explosion hit a camp.")),
               "explosion"),
       Trigger(MakeReport("a", 1, kStrike, "2024-05-02", goma, 3, "Two devices went off."),
               "explosions"),
       false, "different tolls: told as two incidents"},
      {Trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, 10, "An explosion hit a camp.")),
               "explosion"),
       Trigger(MakeReport("a", 1, kStrike, "2024-05-03", goma, -1, "Shells fell on a market."),
               "shelling"),
       false, "other words"},
      {Trigger(MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "An explosion hit a camp."),
               "explosion"),
       Trigger(MakeReport("a", 1, kStrike, "2024-05-02", goma, -1, "An explosion hit a market."),
               "explosion"),
       false, "two days of their own (the seeds' next-day strikes)"},
      {Trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, 10, "An explosion hit a camp.")),
               "explosion"),
       Trigger(MakeReport("a", 1, kStrike, "2024-05-09", goma, -1, "Another explosion."),
               "explosion"),
       false, "a day outside the week"},
      {Trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, 10, "An explosion hit a camp.")),
               "explosion"),
       Trigger(MakeReport("b", 0, kStrike, "2024-05-03", goma, 10, "Two devices went off."),
               "explosion"),
       true, "control: across articles the same town links as before"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Linked(c.a, c.b, o), c.linked) << c.why;
    EXPECT_EQ(Linked(c.b, c.a, o), c.linked) << c.why << " (swapped)";
  }
}

}  // namespace
}  // namespace sitrep::testing_fuse
