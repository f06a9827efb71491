// Times told about another event (texts written for these tests): a year naming a past event
// ("since the 2004 Beslan siege", "the 2016 peace agreement"), a year of a relative or "since"
// clause, a date line opening the paragraph; and a weekday beating a bare year.
#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/text/time_expression.h"

namespace sitrep {
namespace {

DateInterval Published(const char* from, const char* to) {
  if (!*from) return {};
  int64_t a = *ParseIsoDate(from), b = *ParseIsoDate(to);
  return {a, b, PrecisionForWidth(a, b)};
}

// The first typed event of the article with `word` in one of its source sentences.
std::optional<Event> EventWith(const std::string& text, DateInterval published,
                               const std::string& word) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = published;
  for (auto& e : testing::TestExtractor().Extract(d)) {
    if (e.event_type.empty()) continue;
    for (const auto& s : e.sources) {
      if (s.sentence.find(word) != std::string::npos) return e;
    }
  }
  return std::nullopt;
}

struct Case {
  const char* text;
  const char* published_from;  // "" = unknown
  const char* published_to;
  const char* word;            // a word of the event's sentence
  const char* earliest;        // the event's date range lies within [earliest, latest]
  const char* latest;
  bool historical;
};

const Case kCases[] = {
    // The year names the siege the attack is compared with, not the attack (was dated 2004).
    {"Gunmen opened fire on concertgoers near the capital, killing 60 people. It was the "
     "deadliest assault in the country since the infamous 2004 Beslan school siege.",
     "2024-03-23", "2024-03-23", "deadliest", "2024-03-01", "2024-03-23", false},
    // "the 2016 peace agreement" dates the agreement, not the killings (was 2016, historical).
    {"Among those killed in the clashes were civilians and former fighters who had disarmed "
     "under the 2016 peace agreement.",
     "2025-01-20", "2025-01-20", "killed", "2025-01-01", "2025-01-20", false},
    // A year of a relative clause dates the clause, not the strike told with "Thursday".
    {"The navy launched an airstrike on the fuel port Thursday, killing 74 people. The strike "
     "is part of a campaign against the rebels, which were designated a terrorist group in 2024.",
     "2025-04-01", "2025-04-30", "airstrike", "2025-03-20", "2025-04-30", false},
    // A date line opening the paragraph is the article's date, not the report's own day.
    {"November 10, 2024_ A suicide bombing hit the railway station, killing 27 people.", "", "",
     "bombing", "2024-11-04", "2024-11-10", false},
    // ... after a headline ending in a number ("kills 27" + "November" was read as 27 November).
    {"Suicide attack at railway station kills 27\n\nNovember 10, 2024_ A suicide bombing hit "
     "the railway station, killing 27 people.",
     "", "", "kills 27", "2024-11-04", "2024-11-10", false},
};

TEST(BackgroundTimeTest, TimesOfOtherEventsDoNotDateTheNews) {
  for (const Case& c : kCases) {
    auto e = EventWith(c.text, Published(c.published_from, c.published_to), c.word);
    ASSERT_TRUE(e.has_value()) << c.text;
    ASSERT_TRUE(e->date.known()) << c.text;
    EXPECT_GE(FormatIsoDate(e->date.earliest), c.earliest) << c.text;
    EXPECT_LE(FormatIsoDate(e->date.latest), c.latest) << c.text;
    EXPECT_EQ(e->historical, c.historical) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
