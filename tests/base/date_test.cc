#include "sitrep/base/date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DateTest, RoundTripsEveryDayOfFourCenturies) {
  for (int64_t d = DaysFromCivil(1900, 1, 1); d < DaysFromCivil(2300, 1, 1); ++d) {
    CivilDate c = CivilFromDays(d);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
}

TEST(DateTest, KnownWeekdays) {
  EXPECT_EQ(Weekday(DaysFromCivil(2024, 1, 4)), 3);  // Thursday
  EXPECT_EQ(Weekday(DaysFromCivil(2020, 1, 3)), 4);  // Friday
  EXPECT_EQ(Weekday(DaysFromCivil(1970, 1, 1)), 3);
}

TEST(DateTest, ParsesIsoDatesAndRejectsImpossibleOnes) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(ParseIsoDate("2024-01-05T10:00:00Z"), DaysFromCivil(2024, 1, 5));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2024-13-01"));
  EXPECT_FALSE(ParseIsoDate("Jan 5"));
  EXPECT_EQ(FormatIsoDate(DaysFromCivil(2020, 1, 3)), "2020-01-03");
}

}  // namespace
}  // namespace sitrep
