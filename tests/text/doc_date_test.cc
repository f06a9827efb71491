// InferDocumentDate on texts written for these tests: one line per case.
#include "sitrep/text/doc_date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

struct Case {
  const char* text;
  const char* earliest;  // "" = no date
  const char* latest;
};

const Case kCases[] = {
    // A date line near the top.
    {"Talks stall in Geneva\n\nMarch 3, 2021 by Staff\n\nDelegates left on Tuesday.", "2021-03-03", "2021-03-03"},
    // Weekday + month-day with the latest year mentioned: March 14 is a Thursday in 2024.
    {"On Thursday, March 14, the council met. The law was passed in 2019 and amended in 2022.",
     "2024-03-14", "2024-03-20"},
    // ... narrowed by a later weekday.
    {"On Thursday, March 14, the council met. The rules date from 2022. The mayor resigned on Saturday.",
     "2024-03-16", "2024-03-20"},
    // "last Monday" is strictly before the publication day.
    {"Monday, June 3 was calm after the 2023 floods. Last Monday the river rose again.",
     "2024-06-04", "2024-06-09"},
    // An anniversary of a dated event, with the ceremony's weekday.
    {"Crowds gathered on Monday for the fifth anniversary of the blast of August 4, 2020.",
     "2025-08-04", "2025-08-10"},
    // Only years: a lower bound.
    {"The group, formed in 2017, grew quickly in 2021.", "2021-01-01", "2022-12-31"},
    // Nothing at all.
    {"The weather was pleasant and the talks went on.", "", ""},
    // A year that is a target is not a lower bound.
    {"The plan aims to cut emissions by 2050. It was adopted in 2015.", "2015-01-01", "2016-12-31"},
    // Only a full date as bound: publication within a month after it.
    {"The attack on March 7, 2024 killed ten people.", "2024-03-07", "2024-04-07"},
    // A weekday-date a few days before the latest full date keeps its year (was 2030).
    {"On October 12, 2024 the toll rose to 115. The gang attacked on Wednesday, October 9.",
     "2024-10-12", "2024-10-15"},
    // A weekday-date with only background years: the one year in [2022, today] where
    // January 4 is a Thursday.
    {"On Thursday, January 4, talks failed again, the fifth attempt since the president took "
     "office in 2022.", "2024-01-04", "2024-01-10"},
    // ... never a year after today (2026-06-30 here): July 2 is a Thursday only in 2026 from
    // 2024 on, so nothing is pinned and the year window ends today.
    {"Talks began on Thursday, July 2. The accord was signed in 2025.", "2025-01-01",
     "2026-06-30"},
    // A past month-day without a year well before the month-year bound is in the next year.
    {"Fighting began in October 2023. The strike on March 15 killed 20.", "2024-03-15", "2025-12-31"},
    // ... but one a few weeks before a full date stays in its year.
    {"The camp was shelled on May 6, 2024. Talks had failed on March 23.", "2024-05-06", "2024-06-06"},
    // A month-day after the full date's month window is an earlier year's, not the next one.
    {"A memorial was held on Monday, July 29, 2024. It was the worst toll since Oct. 7.",
     "2024-07-29", "2024-08-29"},
    {"Crowds met on October 5, 2024 in the town. The premier took office on June 12.",
     "2024-10-05", "2024-11-05"},
    // A year naming a past event ("the 2004 siege", "a February 2021 coup") is no bound
    // (regressions: dev articles dated 2004 and 2021 by their background).
    {"It was the deadliest attack since the infamous 2004 Beslan school siege.", "", ""},
    {"The army seized power in a February 2021 coup. Strikes hit a village.", "", ""},
    {"The 2004 Beslan siege was recalled. The group was formed in late 2023.", "2023-09-01",
     "2024-12-31"},
    {"The group was formed in 2019 and the 2015 accord collapsed.", "2019-01-01", "2020-12-31"},
    // An anniversary of an unknown event with the year the text mentions.
    {"Survivors marked the 20th anniversary of the siege. The school was seized in 2004.",
     "2024-01-01", "2025-12-31"},
    {"Survivors marked the 20th anniversary of the 2004 Beslan siege.", "2024-01-01",
     "2025-12-31"},
    // Years of a relative or "since" clause are background: the text may be years later, and
    // a month-day without a year is not placed in their year (dev articles of 2024-2025 were
    // dated 2015 and 2022 by them).
    {"The insurgency, which began spilling over from Mali in 2015, grew. Gunmen killed 200 "
     "people on August 24.", "", ""},  // background only: undated (was 2015..2025)
    {"It is the fifth attempt at talks since the president took office in 2022. Clashes "
     "erupted last Thursday.", "", ""},
    // How long the background's conflict has lasted bounds the text on both sides.
    {"This attack is the latest atrocity in a year-long war. Since the conflict erupted in "
     "April 2023, millions have fled.", "2024-04-01", "2025-03-31"},
    {"It was the worst day of the 18-month-long conflict, which began in March 2022.",
     "2023-09-01", "2023-09-30"},
    {"Since the war began in 2022, a year-long campaign of reform was planned.", "", ""},
    // ("campaign" is no conflict: background only, undated)
    // Only a lower bound this year: it ends today.
    {"The group was formed in 2026 and grew.", "2026-01-01", "2026-06-30"},
    // ... a later year of the text's own narrative still bounds it as before.
    {"Since the war erupted in April 2023, millions have fled. Floods hit the camps in 2024.",
     "2024-01-01", "2025-12-31"},
    // A date that opens a paragraph before a dash is the date line, even on a long line.
    {"Suicide attack at the station kills 27\n\nNovember 10, 2024_ A suicide bombing hit the "
     "station, killing 27 people and injuring 62 as passengers waited for trains.",
     "2024-11-10", "2024-11-10"},
};

TEST(DocDateTest, Table) {
  DocDateOptions o;
  o.today = DaysFromCivil(2026, 6, 30);  // the run's day, fixed for the table
  o.conflict_age = true;                 // the "year-long war" rows
  for (const Case& c : kCases) {
    DocumentDate d = InferDocumentDate(c.text, DateInterval(), o);
    if (!*c.earliest) {
      EXPECT_FALSE(d.interval.known()) << c.text;
      continue;
    }
    ASSERT_TRUE(d.interval.known()) << c.text;
    EXPECT_EQ(FormatIsoDate(d.interval.earliest), c.earliest) << c.text << "\n" << d.evidence;
    EXPECT_EQ(FormatIsoDate(d.interval.latest), c.latest) << c.text << "\n" << d.evidence;
    EXPECT_FALSE(d.evidence.empty()) << c.text;
  }
}

TEST(DocDateTest, BackgroundClausesAndDateLines) {
  struct Row {
    const char* text;
    const char* word;  // the position tested: the start of this word
    bool background;
  } rows[] = {
      {"the fifth attempt since President Petro took office in 2022", "2022", true},
      {"the rebels, which were designated a terrorist group in 2024", "2024", true},
      {"the rebels, who took the capital in 2014", "2014", true},
      {"Since the war erupted in April 2023, millions fled", "April", true},
      {"The group was formed in 2019 and grew", "2019", false},
      {"Clashes since Monday, and talks in 2022", "2022", false},
  };
  for (const Row& r : rows) {
    std::string_view t = r.text;
    EXPECT_EQ(InSinceOrRelativeClause(t, static_cast<uint32_t>(t.find(r.word))), r.background)
        << r.text;
  }
  std::string_view dl = "Headline\n\nMay 3, 2024 - Gunmen attacked";
  EXPECT_TRUE(OpensParagraphAsDateline(dl, 10, 21));
  EXPECT_FALSE(OpensParagraphAsDateline("On May 3, 2024 - gunmen", 3, 14));
  std::string_view at = "since the infamous 2004 Beslan school siege";
  EXPECT_TRUE(AttributiveYear(at, 19, 23));
  EXPECT_FALSE(AttributiveYear("It happened in 2004 and again", 15, 19));
}

TEST(DocDateTest, GivenDateWins) {
  int64_t day = *ParseIsoDate("2022-05-01");
  DateInterval given{day, day, DatePrecision::kDay};
  DocumentDate d = InferDocumentDate("On Thursday, March 14, 2024 the council met.", given);
  EXPECT_EQ(d.interval.earliest, day);
  EXPECT_TRUE(d.evidence.empty());
}

TEST(DocDateTest, PrecisionFollowsWidth) {
  DocumentDate d = InferDocumentDate("On Thursday, March 14, the council met in 2022 rooms.", DateInterval());
  ASSERT_TRUE(d.interval.known());
  EXPECT_EQ(d.interval.precision, DatePrecision::kWeek);
}

struct UrlCase {
  const char* url;
  const char* earliest;  // "" = none
  const char* latest;
};

const UrlCase kUrlCases[] = {
    {"https://example.org/2024/03/07/council-meets/", "2024-03-07", "2024-03-07"},
    {"https://example.org/news/2020/5/31/floods-hit-town?ref=x", "2020-05-31", "2020-05-31"},
    {"https://example.org/news/2016-01-22/floods/123", "2016-01-22", "2016-01-22"},
    {"https://example.org/archive/20231205/story.html", "2023-12-05", "2023-12-05"},
    {"https://example.org/2025/04/storm-hits-coast.html?m=1", "2025-04-01", "2025-04-30"},
    {"https://example.org/2024/central-bank-raises-rate/", "2024-01-01", "2024-12-31"},
    {"https://example.org/2023/02/30/not-a-day/", "2023-02-01", "2023-02-28"},
    {"https://example.org/news/1871234/story", "", ""},        // an article number, not a year
    {"https://example.org/?p=10064", "", ""},
    {"https://example.org/world/3000/01/02/x", "", ""},          // implausible year
    {"https://example.org/a-69288076", "", ""},
    {"", "", ""},
};

TEST(DocDateTest, DateFromUrlTable) {
  for (const UrlCase& c : kUrlCases) {
    DateInterval d = DateFromUrl(c.url);
    if (!*c.earliest) {
      EXPECT_FALSE(d.known()) << c.url;
      continue;
    }
    ASSERT_TRUE(d.known()) << c.url;
    EXPECT_EQ(FormatIsoDate(d.earliest), c.earliest) << c.url;
    EXPECT_EQ(FormatIsoDate(d.latest), c.latest) << c.url;
  }
}

TEST(DocDateTest, UrlDayWinsAndUrlMonthBoundsText) {
  const char* text = "The strike on March 7, 2024 killed ten people.";
  DocumentDate day = InferDocumentDate(text, DateInterval(), "https://x.org/2024/03/09/a/");
  EXPECT_EQ(FormatIsoDate(day.interval.earliest), "2024-03-09");
  EXPECT_EQ(day.interval.precision, DatePrecision::kDay);
  // Text: [2024-03-07, 2024-04-07]; the URL month (March) keeps [03-07, 03-31].
  DocumentDate month = InferDocumentDate(text, DateInterval(), "https://x.org/2024/03/a.html");
  EXPECT_EQ(FormatIsoDate(month.interval.earliest), "2024-03-07");
  EXPECT_EQ(FormatIsoDate(month.interval.latest), "2024-03-31");
  // No text date: the URL month is the answer.
  DocumentDate only = InferDocumentDate("Talks went on.", DateInterval(), "https://x.org/2025/04/a");
  EXPECT_EQ(FormatIsoDate(only.interval.earliest), "2025-04-01");
  EXPECT_EQ(only.interval.precision, DatePrecision::kMonth);
}

// Lines the cleaner removed (an embed's credit) bound the article from below, within a month,
// where the text allows it; one row per case.
TEST(DocDateTest, RemovedEmbedCreditTable) {
  DocDateOptions o;
  o.today = DaysFromCivil(2026, 6, 30);
  struct Row {
    const char* text;
    const char* removed;   // "" = none
    const char* earliest;  // "" = no date
    const char* latest;
  } rows[] = {
      {"Gunmen stormed a studio on Tuesday.", "\xE2\x80\x94 ABC News (@ABC) January 10, 2024",
       "2024-01-10", "2024-02-10"},
      {"Gunmen stormed a studio on Tuesday.", "", "", ""},
      // Within the text's own year window.
      {"The war began in 2022 and spread.", "- Reporter (@rep) January 10, 2023", "2023-01-10",
       "2023-02-10"},
      // A text date line wins; a contradicting credit is ignored.
      {"Talks\n\nMarch 3, 2021 by Staff\n\nDelegates left.", "- A (@a) January 10, 2024",
       "2021-03-03", "2021-03-03"},
      {"The accord of March 3, 2021 was signed.", "- A (@a) January 10, 2024", "2021-03-03",
       "2021-04-03"},
      // A credit dated after today is no evidence.
      {"Gunmen stormed a studio on Tuesday.", "- A (@a) January 10, 2030", "", ""},
  };
  for (const Row& r : rows) {
    std::vector<std::string_view> removed;
    if (*r.removed) removed.push_back(r.removed);
    DocumentDate d = InferDocumentDate(r.text, DateInterval(), "", removed, o);
    if (!*r.earliest) {
      EXPECT_FALSE(d.interval.known()) << r.text << " | " << r.removed;
      continue;
    }
    ASSERT_TRUE(d.interval.known()) << r.text << " | " << r.removed;
    EXPECT_EQ(FormatIsoDate(d.interval.earliest), r.earliest) << r.text << "\n" << d.evidence;
    EXPECT_EQ(FormatIsoDate(d.interval.latest), r.latest) << r.text << "\n" << d.evidence;
  }
}

// A text bounded by background years alone stays undated (background_year_span = -1, the
// default); with a span its window ends today at the latest (was [2022, 2032]).
TEST(DocDateTest, BackgroundOnlyWindowTable) {
  const char* text = "It is the fifth attempt at talks since the president took office in 2022.";
  EXPECT_FALSE(InferDocumentDate(text, {}).interval.known());
  DocDateOptions o;
  o.background_year_span = 10;
  o.today = DaysFromCivil(2026, 6, 30);
  DocumentDate d = InferDocumentDate(text, {}, o);
  ASSERT_TRUE(d.interval.known());
  EXPECT_EQ(FormatIsoDate(d.interval.earliest), "2022-01-01");
  EXPECT_EQ(FormatIsoDate(d.interval.latest), "2026-06-30");
  o.today = DaysFromCivil(2040, 1, 1);
  EXPECT_EQ(FormatIsoDate(InferDocumentDate(text, {}, o).interval.latest), "2032-12-31");
  // "a year-long war" bounds such a text only when asked (conflict_age; off by default).
  const char* age = "The latest atrocity in a year-long war. Since the conflict erupted in April "
                    "2023, millions have fled.";
  EXPECT_FALSE(InferDocumentDate(age, {}).interval.known());
}

// lower_bound_year = false: years mentioned alone date nothing (the Beslan siege of 2004
// recalled in a 2024 report dates it 2004-2005 otherwise); an anniversary year still does.
TEST(DocDateTest, LowerBoundYearOff) {
  DocDateOptions o;
  o.lower_bound_year = false;
  EXPECT_FALSE(InferDocumentDate("The deadliest attack since the 2004 Beslan siege.", {}, o)
                   .interval.known());
  EXPECT_FALSE(InferDocumentDate("The group, formed in 2017, grew quickly in 2021.", {}, o)
                   .interval.known());
  DocumentDate d = InferDocumentDate(
      "Survivors marked the 20th anniversary of the siege. The school was seized in 2004.", {}, o);
  EXPECT_EQ(FormatIsoDate(d.interval.earliest), "2024-01-01");
}

}  // namespace
}  // namespace sitrep
