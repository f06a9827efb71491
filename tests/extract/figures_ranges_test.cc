// figures.cc: a range of casualties ("10-15 killed", "between 3 and 5") counts its lower bound
// as the figure, as ACLED's codebook asks for ranges, with the range kept as min..max.
// Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

const Event* FirstTyped(const std::vector<Event>& evs) {
  for (const Event& e : evs) {
    if (!e.event_type.empty()) return &e;
  }
  return nullptr;
}

TEST(FiguresRangesTest, LowerBoundOfARange) {
  struct Row {
    const char* text;
    int64_t best, min, max;  // max: the range's upper end (documentation only, see below)
  };
  const Row kRows[] = {
      {"On 11 March 2021, 10-15 villagers were killed when gunmen raided the market.", 10, 10, 15},
      {"On 11 March 2021, gunmen killed 10 to 15 villagers at the market.", 10, 10, 15},
      {"On 11 March 2021, between 3 and 5 soldiers were killed in an ambush on the road.", 3, 3, 5},
      {"On 11 March 2021, 7 soldiers were killed in an ambush on the road.", 7, 7, 7},
      // Two victim groups are no range: they add up (figures.cc, SpecificHead).
      {"On 11 March 2021, 2 soldiers and 3 policemen were killed in an ambush on the road.", 5, 5,
       5},
      // A generic total and its breakdown do not: the larger is kept.
      {"On 11 March 2021, 12 people were killed in the ambush, 10 civilians and 2 soldiers.", 12,
       12, 12},
  };
  for (const auto& r : kRows) {
    auto evs = testing::ExtractText(r.text);
    const Event* e = FirstTyped(evs);
    ASSERT_NE(e, nullptr) << r.text;
    ASSERT_TRUE(e->fatalities.has_value()) << r.text;
    EXPECT_EQ(e->fatalities->best, r.best) << r.text;
    // The event's min..max spans its reports' best figures (build_event.cc), so a range told
    // once gives best = min; the mention's own Figure keeps min..max.
    EXPECT_EQ(e->fatalities->min, r.min) << r.text;
  }
}

// "The death toll from <the event> rose to N": the figure a toll reaches is a death count
// however far back the toll word is, and it revises the earlier one.
TEST(FiguresRangesTest, TheFigureATollReaches) {
  struct Row {
    const char* text;
    int64_t best;
  };
  const Row kRows[] = {
      {"The death toll from a suicide bombing at a mosque inside a police compound in the city "
       "rose to 59 on 11 March 2021.", 59},
      {"On 11 March 2021, a car bomb exploded at a market. The toll from the blast at the "
       "crowded market now stands at 12.", 12},
      {"On 11 March 2021, gunmen killed 7 villagers. The death toll from the attack on the "
       "village has risen to 9, officials said.", 9},
      {"On 11 March 2021, a car bomb exploded at a market. Residents put the death toll at 20.",
       20},
      // Control: a number the toll is not said to reach.
      {"On 11 March 2021, a car bomb exploded at a market. The death toll was not known, and 30 "
       "shops were damaged.", -1},
  };
  for (const auto& r : kRows) {
    auto evs = testing::ExtractText(r.text);
    const Event* e = FirstTyped(evs);
    ASSERT_NE(e, nullptr) << r.text;
    if (r.best < 0) {
      EXPECT_TRUE(!e->fatalities || e->fatalities->best != 30) << r.text;
      continue;
    }
    ASSERT_TRUE(e->fatalities.has_value()) << r.text;
    EXPECT_EQ(e->fatalities->best, r.best) << r.text;
  }
}

// "The death toll from the bombing ... rose to 59 on Tuesday": Tuesday is when the count was
// given, not when the bombing happened (the article is of Friday 12 March 2021).
TEST(FiguresRangesTest, TheDayOfATollUpdateDatesNoEvent) {
  auto evs = testing::ExtractText(
      "The death toll from a suicide bombing at a mosque in the city rose to 59 on Tuesday.");
  const Event* e = FirstTyped(evs);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->fatalities.has_value());
  EXPECT_EQ(e->fatalities->best, 59);
  EXPECT_NE(FormatIsoDate(e->date.earliest) + ".." + FormatIsoDate(e->date.latest),
            "2021-03-09..2021-03-09");
}

}  // namespace
}  // namespace sitrep
