// An event's own date from its sentence (texts written for these tests, one row per case):
// onsets start a range up to the article, "over the weekend" is a Saturday and Sunday, and a
// caption's date in another clause does not date an event told with its own time.
#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

int64_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d); }

struct Row {
  const char* text;
  int64_t published;  // a day
  const char* word;   // a word of the event's source sentence
  const char* range;  // "earliest..latest" of the typed event with that word
  const char* best;   // its best day
};

// "earliest..latest" and the best day of the first typed event whose sources hold `word`.
std::pair<std::string, std::string> DatesOf(const Row& r) {
  Document d;
  d.id = "t.txt";
  d.text = r.text;
  d.published = {r.published, r.published, DatePrecision::kDay};
  for (const Event& e : testing::TestExtractor().Extract(d)) {
    if (e.event_type.empty() || !e.date.known()) continue;
    for (const auto& s : e.sources) {
      if (s.sentence.find(r.word) == std::string::npos) continue;
      return {FormatIsoDate(e.date.earliest) + ".." + FormatIsoDate(e.date.latest),
              FormatIsoDate(e.best_day)};
    }
  }
  return {"none", "none"};
}

TEST(EventTimeTest, OwnDateTable) {
  const Row rows[] = {
      // An onset verb: the wave runs from its first day up to the article.
      {"The violence erupted on March 3, 2021, as rebels attacked villages, killing 30 people.",
       Day(2021, 3, 10), "erupted", "2021-03-03..2021-03-10", "2021-03-03"},
      {"Clashes broke out on March 3, 2021 between rebels and soldiers, killing 30 people.",
       Day(2021, 3, 10), "broke", "2021-03-03..2021-03-10", "2021-03-03"},
      // The same day told without an onset: that day.
      {"Rebels attacked a village on March 3, 2021, killing 30 people.", Day(2021, 3, 10),
       "attacked", "2021-03-03..2021-03-03", "2021-03-03"},
      // "over the weekend" in a Monday article: the Saturday and Sunday before.
      {"Rebels attacked a village over the weekend, killing 30 people.", Day(2021, 3, 8),
       "attacked", "2021-03-06..2021-03-07", "2021-03-06"},
      // A caption's date beside an event told with its own time in another clause.
      {"Mourners attend a funeral, Tuesday, March 9, 2021, for the 30 villagers, killed in a "
       "rebel attack over the weekend.",
       Day(2021, 3, 9), "funeral", "2021-03-06..2021-03-07", "2021-03-06"},
  };
  for (const Row& r : rows) {
    auto [range, best] = DatesOf(r);
    EXPECT_EQ(range, r.range) << r.text;
    EXPECT_EQ(best, r.best) << r.text;
  }
}

}  // namespace
}  // namespace sitrep
