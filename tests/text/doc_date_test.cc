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
    // A past month-day without a year well before the month-year bound is in the next year.
    {"Fighting began in October 2023. The strike on March 15 killed 20.", "2024-03-15", "2025-12-31"},
    // ... but one a few weeks before a full date stays in its year.
    {"The camp was shelled on May 6, 2024. Talks had failed on March 23.", "2024-05-06", "2024-06-06"},
    // An anniversary of an unknown event with the year the text mentions.
    {"Survivors marked the 20th anniversary of the siege. The school was seized in 2004.",
     "2024-01-01", "2025-12-31"},
};

TEST(DocDateTest, Table) {
  for (const Case& c : kCases) {
    DocumentDate d = InferDocumentDate(c.text, DateInterval());
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

}  // namespace
}  // namespace sitrep
