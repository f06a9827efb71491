// Narrative time (texts written for these tests): an event told with no time of its own right
// after a sentence that states a recent day happened on that day; a background day, a coarse
// article date or a distant sentence does not carry.
#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

int64_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d); }

// The days of the article's typed events that mention `word` in a source sentence.
std::vector<int64_t> DaysOf(const std::string& text, DateInterval published, const std::string& word) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = published;
  std::vector<int64_t> out;
  for (auto& e : testing::TestExtractor().Extract(d)) {
    if (e.event_type.empty() || !e.date.known()) continue;
    for (const auto& s : e.sources) {
      if (s.sentence.find(word) != std::string::npos) {
        out.push_back(e.best_day);
        break;
      }
    }
  }
  return out;
}

TEST(NarrativeDayTest, UndatedEventTakesTheDayOfThePreviousSentence) {
  const DateInterval published{Day(2021, 3, 10), Day(2021, 3, 10), DatePrecision::kDay};
  struct Case {
    const char* text;
    const char* word;
    int64_t day;  // 0: no typed event with that word carries a day
  } cases[] = {
      {"On 6 March 2021, gunmen attacked a police post in a northern town. "
       "Later, militants abducted three farmers near the river.",
       "abducted", Day(2021, 3, 6)},
      // A day long before the article is background: it does not carry.
      {"On 6 March 2011, gunmen attacked a police post in a northern town. "
       "Militants abducted three farmers near the river.",
       "abducted", 0},
  };
  for (const Case& c : cases) {
    std::vector<int64_t> days = DaysOf(c.text, published, c.word);
    if (c.day == 0) {
      for (int64_t d : days) EXPECT_NE(d, Day(2011, 3, 6)) << c.text;
    } else {
      ASSERT_FALSE(days.empty()) << c.text;
      EXPECT_EQ(days[0], c.day) << c.text;
    }
  }
}

}  // namespace
}  // namespace sitrep
