// Identity evidence: distinctive names, actor keys, agreeing figures, and the coreference
// rules built on them (what links now, and what still never links).
#include "sitrep/fuse/identity.h"

#include <gtest/gtest.h>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"

namespace sitrep::testing_fuse {
namespace {

const char* kStrike = "Explosions/Remote violence";

Event WithSentence(const std::string& sentence) {
  Event e;
  EventSource s;
  s.sentence = sentence;
  e.sources.push_back(s);
  return e;
}

TEST(IdentityTest, SharedNamesTable) {
  struct Case {
    const char* a;
    const char* b;
    size_t shared;
    const char* why;
  } cases[] = {
      {"Gunmen attacked the camp at Mugunga on Friday.", "Two blasts hit Mugunga camp.", 1,
       "a camp's name"},
      {"The gang struck Pont-Sondé at dawn.", "Survivors of the attack on Pont-Sonde spoke.", 1,
       "diacritics folded"},
      {"The strike came on Sunday in March.", "Another strike on Sunday in March.", 0,
       "weekdays and months are not names"},
      {"Police said the President was safe.", "The President and Police chiefs met.", 0,
       "titles and institutions are not names"},
      {"Quetta was hit.", "Quetta mourned.", 0, "a sentence's first word is not evidence"},
      {"Palm Sunday Massacre: Russian Missiles Kill Many In Deadliest Strike", 
       "Russian Missiles Strike Again In Deadliest Attack", 0, "headline capitals are not names"},
      {"A blast hit the station in Quetta and Mastung.", "Rescuers reached Quetta and Mastung.",
       2, "two names"},
      {"A blast hit the station.", "A blast hit the station.", 0, "no capitalised words"},
      {"A drone strike hit northern Kaduna state.", "Then Kaduna\u2019s commissioner spoke.", 1,
       "a possessive names the same place (regression: dev D14 split)"},
      {"The blast hit Mugunga.", "Then Mugunga's residents fled.", 1, "ASCII possessive"},
      {"Strikes hit Iranian-backed groups and Iraqi militias.",
       "Since October, Iranian-backed militias and Iraqi groups fired.", 0,
       "nationalities are not names (regression: seeds S5 joined a war-start mention)"},
      {"Gao, May 3 (AFP) - Insurgents shelled a market.",
       "Then, \u2014 Insurgents struck \u2013 Artillery fell -- Militants fled.", 0,
       "a word after a dateline's or clause's dash is no name (regression, session 6)"},
      {"Jenin, May 3 (The Harbour Gazette) - Gunmen shelled a convoy near Qabatiya.",
       "Srinagar, May 3 (The Harbour Gazette) \u2014 A militia shelled Qabatiya and Lal Chowk.",
       1, "a dateline's credit is no name (regression, session 6); the village still is"},
      {"THIS IMAGE MAY OFFEND OR DISTURB Medics carry a man in Mugunga.",
       "THIS IMAGE MAY OFFEND OR DISTURB Rescuers search Mugunga.", 0,
       "a caption's words are no names (boilerplate shared by unrelated articles)"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SharedNames(WithSentence(c.a), WithSentence(c.b)), c.shared) << c.why;
    EXPECT_EQ(SharedNames(WithSentence(c.b), WithSentence(c.a)), c.shared) << c.why;
  }
}

// Regression (seeds S5): the name of the country a report is placed in is no evidence.
TEST(IdentityTest, OwnCountryNameIsNoEvidence) {
  Event coarse = WithSentence("The war reached the militias of Iraq and Anbar.");
  coarse.location = Place("Iraq", "IQ", 33.0, 44.0, "country");
  Event city = WithSentence("US strikes hit three sites in Iraq near Anbar.");
  city.location = Place("Al Qaim", "IQ", 34.4, 41.1);
  EXPECT_EQ(SharedNames(coarse, city), 1u);  // Anbar only
}

TEST(IdentityTest, ActorKeyTable) {
  auto actor = [](const char* name, const char* id) {
    return std::optional<EventActor>(EventActor{name, id, "", ""});
  };
  struct Case {
    std::optional<EventActor> a, b;
    bool same;
    const char* why;
  } cases[] = {
      {actor("Kataib Hezbollah", "kataib_hezbollah"),
       actor("Kata'ib Hizbollah", "kataib_hezbollah"), true, "dictionary id"},
      {actor("Yahya Rasoul", "new:yahya rasoul"), actor("Yehia Rasool", "new:yehia rasool"), true,
       "transliteration of a new actor"},
      {actor("Yahya Rasoul", ""), actor("Yehia Rasool", ""), true, "no id"},
      {actor("Yahya Rasoul", "new:yahya rasoul"), actor("Abu Taqwa", "new:abu taqwa"), false,
       "different people"},
      {actor("Iraq", "country:IQ"), actor("Iran", "country:IR"), false, "different ids"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ActorKey(c.a) == ActorKey(c.b), c.same) << c.why;
  }
  EXPECT_EQ(ActorKey(std::nullopt), "");
}

TEST(IdentityTest, SameFigureTable) {
  auto dead = [](int64_t d) {
    Event e;
    if (d >= 0) e.fatalities = CountRange{d, d, d};
    return e;
  };
  EXPECT_TRUE(SameFigure(dead(34), dead(34), 3));
  EXPECT_FALSE(SameFigure(dead(34), dead(24), 3));
  EXPECT_FALSE(SameFigure(dead(2), dead(2), 3));  // small counts are common
  EXPECT_FALSE(SameFigure(dead(-1), dead(-1), 3));
}

// Cross-document: a week-wide report without a place links the placed, day-precise report of
// the same camp (a shared distinctive name); the same words without the name do not link.
TEST(IdentityTest, PlacelessWeekReportLinksByName) {
  FusionOptions o;
  Report day = MakeReport("a", 0, kStrike, "2024-05-03", Place("Goma", "CD", -1.68, 29.22), 10,
                          "Two bombs exploded in the Mugunga camp near Goma, killing ten.");
  Report week = MakeReport("b", 0, kStrike, "2024-04-29", std::nullopt, 18,
                           "Families mourned those killed in the bombing of Mugunga camp.");
  week.event.date = {Day("2024-04-29"), Day("2024-05-05"), DatePrecision::kWeek};
  EXPECT_TRUE(Linked(day, week, o));
  Report anon = week;
  anon.key = "c#0";
  anon.event.sources[0].sentence = "Families mourned those killed in the bombing of the camp.";
  EXPECT_FALSE(Linked(day, anon, o));
}

// Regression (seeds S6): a year-wide report and a mention of the war's start share a group's
// name; a name is evidence only when both windows are at most a month wide.
TEST(IdentityTest, YearWideReportDoesNotLinkByName) {
  FusionOptions o;
  Report year = MakeReport("a", 0, kStrike, "2024-01-20", Place("Al Asad", "IQ", 33.8, 42.4), 0,
                           "Rockets hit the base at Al Asad, the Resistance said.");
  year.event.date = {Day("2023-08-26"), Day("2024-12-31"), DatePrecision::kYear};
  Report war = MakeReport("b", 0, "Battles", "2023-10-07", std::nullopt, -1,
                          "Since October the Resistance has carried out attacks.");
  EXPECT_TRUE(Compatible(year, war, o));
  EXPECT_FALSE(Linked(year, war, o));
}

// Shared names never bridge years: two dated strikes in Baghdad years apart stay apart, and
// a report naming the same people joins at most one of them.
TEST(IdentityTest, SharedNamesDoNotMergeYearsApart) {
  FusionOptions o;
  const EventPlace baghdad = Place("Baghdad", "IQ", 33.34, 44.40);
  const char* s = "A drone strike near Baghdad airport killed Soleimani and Muhandis.";
  Report old_strike = MakeReport("a", 0, kStrike, "2020-01-03", baghdad, 10, s);
  Report new_strike = MakeReport("b", 0, kStrike, "2024-01-04", baghdad, 10, s);
  EXPECT_FALSE(Linked(old_strike, new_strike, o));
  Report undated = MakeReport("c", 0, kStrike, "2024-01-04", std::nullopt, 10, s);
  undated.event.date = {};
  std::vector<const Report*> all = {&old_strike, &new_strike, &undated};
  for (const auto& cluster : ClusterReports(all, o)) {
    bool has_old = false, has_new = false;
    for (size_t i : cluster) has_old |= i == 0, has_new |= i == 1;
    EXPECT_FALSE(has_old && has_new);
  }
}

// Same article: a placeless report in the same date window as the placed one (the article's
// one time anchor), or with the same toll, is the same incident; a placeless report in a
// different window without a shared toll is not (the seeds' next-day strikes).
TEST(IdentityTest, SameArticleSplitsTable) {
  FusionOptions o;
  const EventPlace sumy = Place("Sumy", "UA", 50.92, 34.80);
  auto month = [](Report r) {
    r.event.date = {Day("2025-03-30"), Day("2025-04-27"), DatePrecision::kMonth};
    return r;
  };
  struct Case {
    Report a, b;
    bool linked;
    const char* why;
  } cases[] = {
      {month(MakeReport("a", 0, kStrike, "2025-04-13", sumy, 34, "Missiles struck Sumy.")),
       month(MakeReport("a", 1, kStrike, "2025-04-13", std::nullopt, -1, "It was a massacre.")),
       true, "placeless, same window"},
      {MakeReport("a", 0, kStrike, "2025-04-13", sumy, 34, "Missiles struck Sumy."),
       month(MakeReport("a", 1, "Violence against civilians", "2025-04-13", std::nullopt, 34,
                        "The attack killed 34.")),
       true, "same toll"},
      {MakeReport("a", 0, kStrike, "2025-04-13", sumy, 2, "Missiles struck Sumy."),
       month(MakeReport("a", 1, kStrike, "2025-04-13", std::nullopt, 2, "Two died.")), false,
       "a small toll in another window"},
      {MakeReport("a", 0, kStrike, "2025-04-13", sumy, 34, "Missiles struck Sumy."),
       month(MakeReport("a", 1, "Protests", "2025-04-13", std::nullopt, -1, "People marched.")),
       false, "another type"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Linked(c.a, c.b, o), c.linked) << c.why;
    EXPECT_EQ(Linked(c.b, c.a, o), c.linked) << c.why << " (swapped)";
  }
}

// Same article, a vague mention (no place, or only a country) and a report whose windows nest
// (one inside the other, widened by the slack): one incident when told in the same words (a
// trigger word, plurals folded, or a distinctive name). Regressions: dev D14 (a headline's
// week-wide "drone strike" beside the placed day report) and D08 (a placeless day inside the
// placed report's week) were separate events.
TEST(IdentityTest, SameArticleVagueMentionTable) {
  FusionOptions o;
  const EventPlace goma = Place("Goma", "CD", -1.68, 29.22);
  const EventPlace congo = Place("CD", "CD", 0, 0, "country");
  auto week = [](Report r) {
    r.event.date = {Day("2024-04-27"), Day("2024-05-03"), DatePrecision::kWeek};
    return r;
  };
  auto window = [](Report r, const char* from, const char* to) {
    r.event.date = {Day(from), Day(to), DatePrecision::kMonth};
    return r;
  };
  auto trigger = [](Report r, const char* t) {
    r.event.sources[0].trigger = t;
    return r;
  };
  struct Case {
    Report a, b;
    bool linked;
    const char* why;
  } cases[] = {
      {trigger(week(MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit a camp.")),
               "explosion"),
       trigger(MakeReport("a", 1, kStrike, "2024-05-03", congo, -1, "Two bombs went off."),
               "explosions"),
       true, "placeless day inside the placed week, trigger plural folded"},
      {week(MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit the Mugunga camp.")),
       MakeReport("a", 1, kStrike, "2024-05-03", std::nullopt, -1, "At Mugunga, two bombs."),
       true, "placeless day inside the week, a shared name"},
      {MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit the Mugunga camp."),
       week(MakeReport("a", 1, kStrike, "2024-05-03", congo, -1, "The Mugunga camp mourned.")),
       true, "vague week holding the placed day, a shared name"},
      {MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit the Mugunga camp."),
       MakeReport("a", 1, kStrike, "2024-05-04", std::nullopt, -1, "In Mugunga, bombs fell."),
       true, "next day, within the slack, a shared name"},
      {week(MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit a camp.")),
       MakeReport("a", 1, kStrike, "2024-05-03", std::nullopt, -1, "Shells fell on a market."),
       false, "nested but told in other words"},
      {MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit the Mugunga camp."),
       MakeReport("a", 1, kStrike, "2024-05-06", std::nullopt, -1, "In Mugunga, bombs fell."),
       false, "three days apart: windows do not nest"},
      {MakeReport("a", 0, kStrike, "2024-05-03", goma, -1, "A blast hit the Mugunga camp."),
       MakeReport("a", 1, kStrike, "2024-05-04", Place("Bunia", "CD", 1.56, 30.25), -1,
                  "In Mugunga, bombs fell."),
       false, "both placed at towns far apart: not a vague mention"},
      {trigger(week(MakeReport("a", 0, kStrike, "2024-05-03",
                               Place("North Kivu", "CD", -0.8, 29.0, "admin1"), -1,
                               "A strike hit a camp in North Kivu.")), "strike"),
       trigger(MakeReport("a", 1, kStrike, "2024-05-03", goma, -1, "The strike left a crater."),
               "strike"),
       true, "a province-placed mention holding the town's day, same trigger"},
      {trigger(window(MakeReport("a", 0, kStrike, "2024-07-27",
                                 Place("Golan Heights", "SY", 33.0, 35.75, "admin1"), -1,
                                 "Clues emerge from strike in Golan Heights."),
                      "2024-07-23", "2024-08-29"), "strike"),
       trigger(MakeReport("a", 1, kStrike, "2024-07-29", Place("Majdal Shams", "IL", 33.27, 35.77),
                          22, "The strike left a crater."), "strike"),
       true, "regression dev D11: area headline SY and town body IL of one article"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Linked(c.a, c.b, o), c.linked) << c.why;
    EXPECT_EQ(Linked(c.b, c.a, o), c.linked) << c.why << " (swapped)";
  }
}

// Names identify one incident across articles when both windows are at most
// name_window_days (62: a month-dated article's window plus its reporting week); a report of a
// 41-day window (regression: dev D13 duplicate) links, a year-wide one does not.
TEST(IdentityTest, NameWindowTable) {
  FusionOptions o;
  Report day = MakeReport("a", 0, "Violence against civilians", "2024-10-03",
                          Place("Pont-Sonde", "HT", 19.15, -72.61), 70,
                          "Gunmen of the Gran Grif gang attacked Pont-Sonde.");
  struct Case {
    const char* from;
    const char* to;
    bool linked;
  } cases[] = {
      {"2024-09-09", "2024-10-20", true},
      {"2024-09-01", "2024-10-31", true},
      {"2024-01-01", "2024-12-31", false},
  };
  for (const Case& c : cases) {
    Report wide = MakeReport("b", 0, "Violence against civilians", "2024-10-03",
                             Place("HT", "HT", 0, 0, "country"), -1,
                             "Survivors of the massacre in Pont-Sonde spoke of the Gran Grif.");
    wide.event.date = {Day(c.from), Day(c.to), DatePrecision::kMonth};
    EXPECT_EQ(Linked(day, wide, o), c.linked) << c.from << ".." << c.to;
  }
}

// A placeless report takes its article's main country (most placed sentences) at country
// precision, without coordinates; background reports and placed ones keep theirs.
TEST(IdentityTest, PlacelessReportInheritsMainCountry) {
  Event sumy = MakeReport("a", 0, kStrike, "2025-04-13", Place("Sumy", "UA", 50.9, 34.8), 34,
                          "Missiles struck Sumy.").event;
  Event kyiv = MakeReport("a", 1, kStrike, "2025-04-13", Place("Kyiv", "UA", 50.4, 30.5), -1,
                          "Kyiv condemned it.").event;
  Event moscow = MakeReport("a", 2, kStrike, "2025-04-13", Place("Moscow", "RU", 55.7, 37.6), -1,
                            "Moscow denied it.").event;
  moscow.sources[0].begin = 5;  // told before Sumy
  Event none = MakeReport("a", 3, kStrike, "2025-04-13", std::nullopt, -1, "It was a massacre.")
                   .event;
  Event old = none;
  old.historical = true;
  EXPECT_EQ(MainCountry({sumy, kyiv, moscow, none}), "UA");
  EXPECT_EQ(MainCountry({none}), "");
  std::vector<Report> r = MakeReports("a", {sumy, moscow, none, old});
  ASSERT_TRUE(r[2].event.location.has_value());
  EXPECT_EQ(r[2].event.location->country, "RU");  // tie of one sentence each: told first
  EXPECT_EQ(r[2].event.location->precision, "country");
  EXPECT_FALSE(r[2].event.location->has_coords);
  EXPECT_FALSE(r[3].event.location.has_value());
  EXPECT_EQ(r[1].event.location->name, "Moscow");
  FusionOptions off;
  off.inherit_country = false;
  EXPECT_FALSE(MakeReports("a", {sumy, none}, off)[1].event.location.has_value());
}

}  // namespace
}  // namespace sitrep::testing_fuse
