// Article-level tests of event extraction (texts written for these tests): an event's date from
// the time words around it, in-article coreference (one event retold = one event, an "after X"
// anchor is another event), victim counts that are not series. Article date: Wed 2024-01-10.
#include <gtest/gtest.h>

#include <cstdlib>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

const EventExtractor& Extractor() { return testing::TestExtractor(); }

std::vector<Event> Acled(const std::string& text) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = DateInterval{DaysFromCivil(2024, 1, 10), DaysFromCivil(2024, 1, 10), DatePrecision::kDay};
  std::vector<Event> out;
  for (auto& e : Extractor().Extract(d)) {
    if (!e.event_type.empty()) out.push_back(e);
  }
  return out;
}

int64_t Day(int m, int d) { return DaysFromCivil(2024, m, d); }

TEST(ArticleEventsTest, EventDateFromTheTimeWordsAroundIt) {
  struct Case {
    const char* text;
    int64_t day;
  };
  const Case kCases[] = {
      {"On Thursday, gunmen attacked a village, killing six farmers.", Day(1, 4)},
      {"Last Saturday, a drone strike hit a truck, killing two men.", Day(1, 6)},
      {"A bomb exploded at a bus stop on Monday, wounding nine people.", Day(1, 8)},
      // No time of its own: the day before a day-dated article, inside a coarser range.
      {"A bomb exploded in a crowded market, killing 11 people.", Day(1, 9)},
      // A period beside one event is the series' time, not the event's.
      {"The air strike on the depot, the heaviest since October, killed two guards.", Day(1, 9)},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    auto evs = Acled(c.text);
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].best_day, c.day);
    EXPECT_FALSE(evs[0].historical);
    EXPECT_LE(evs[0].date.earliest, c.day);
    EXPECT_GE(evs[0].date.latest, c.day);
  }
}

TEST(ArticleEventsTest, HeadlineLedeAndBodyTellOneEvent) {
  auto evs = Acled(
      "Jets strike rebel camp\n\n"
      "Air strikes hit a rebel camp on Tuesday, killing eight fighters.\n\n"
      "The military said the airstrikes destroyed a weapons store.");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(evs[0].sources.size(), 3u);
  EXPECT_EQ(evs[0].best_day, Day(1, 9));
  ASSERT_TRUE(evs[0].fatalities);
  EXPECT_EQ(evs[0].fatalities->best, 8);
}

TEST(ArticleEventsTest, SameKindOnDifferentDaysStaysTwoEvents) {
  auto evs = Acled(
      "An air strike hit a market on Monday, killing four people.\n\n"
      "A second air strike hit a school on Thursday, killing two teachers.");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].fatalities->best, 4);
  EXPECT_EQ(evs[1].fatalities->best, 2);
}

// Regression: the event named after "hours after" absorbed the sentence's own strikes (and
// their date and toll), leaving the headline's report of those strikes as a second event.
TEST(ArticleEventsTest, AnchorOfHoursAfterIsAnotherEvent) {
  auto evs = Acled(
      "Army conducts fresh airstrikes on militia convoy\n\n"
      "Just hours after the airstrike that killed a militia leader, the army conducted more "
      "airstrikes targeting a convoy.\n\n"
      "Six fighters were killed in the airstrikes.");
  ASSERT_EQ(evs.size(), 2u);
  const Event& main = evs[0].sources.size() > evs[1].sources.size() ? evs[0] : evs[1];
  const Event& anchor = &main == &evs[0] ? evs[1] : evs[0];
  EXPECT_EQ(main.sources.size(), 3u);
  ASSERT_TRUE(main.fatalities);
  EXPECT_EQ(main.fatalities->best, 6);
  EXPECT_EQ(anchor.sources.size(), 1u);
}

// Regression: "several" before a victim count marked the injuries as a series of events, so
// the injury figure was lost.
TEST(ArticleEventsTest, VictimCountIsNotASeries) {
  const char* kCases[] = {
      "Several soldiers sustained injuries in an attack on their base on Monday.",
      "Multiple guards were wounded when rockets hit the base on Monday.",
  };
  for (const char* t : kCases) {
    SCOPED_TRACE(t);
    auto evs = Acled(t);
    ASSERT_EQ(evs.size(), 1u);
    ASSERT_TRUE(evs[0].injured);
    EXPECT_GE(evs[0].injured->best, 2);
  }
}

// Regression: "9 million have been displaced" was read as 9 million deaths by the "died"
// before the "and".
TEST(ArticleEventsTest, NumberWithItsOwnPredicateIsNotACasualtyFigure) {
  struct Case {
    const char* text;
    int64_t fatalities;
  };
  const Case kCases[] = {
      {"Gunmen attacked a village on Monday, killing 12 people, and 3,000 have been displaced.",
       12},
      {"A bomb exploded at a market on Monday, killing 84 people and injuring hundreds more.", 84},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    auto evs = Acled(c.text);
    ASSERT_GE(evs.size(), 1u);
    ASSERT_TRUE(evs[0].fatalities);
    EXPECT_EQ(evs[0].fatalities->best, c.fatalities);
  }
}

}  // namespace
}  // namespace sitrep
