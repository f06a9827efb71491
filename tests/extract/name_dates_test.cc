// A date inside a name is not a time of the events (texts written for these tests).
// Regression: "Rebels with the 23 March Movement (M23) have seized the city" was dated 23 March,
// months before the article, and so became background.
#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

TEST(NameDatesTest, DayMonthBeforeANameHeadIsPartOfTheName) {
  const int64_t published = DaysFromCivil(2012, 11, 21);
  struct Case {
    const char* text;
    int64_t not_day;  // the date inside the name
  } cases[] = {
      {"Fighters of the 23 March Movement shelled the town on Tuesday, killing two people.",
       DaysFromCivil(2012, 3, 23)},
      {"Protesters gathered on the 6 October Bridge on Tuesday.", DaysFromCivil(2012, 10, 6)},
  };
  for (const Case& c : cases) {
    Document d;
    d.id = "t.txt";
    d.text = c.text;
    d.published = DateInterval{published, published, DatePrecision::kDay};
    bool typed = false;
    for (const Event& e : testing::TestExtractor().Extract(d)) {
      if (e.event_type.empty()) continue;
      typed = true;
      EXPECT_FALSE(e.historical) << c.text;
      EXPECT_NE(e.best_day, c.not_day) << c.text;
      EXPECT_EQ(e.best_day, DaysFromCivil(2012, 11, 20)) << c.text;
    }
    EXPECT_TRUE(typed) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
