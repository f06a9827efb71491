// Time expressions: the shared case table (tests/text/time_cases.tsv, one line per case) and
// checks of spans, anchors and kinds.
#include "sitrep/text/time_expression.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sitrep/text/time_expression_cases.h"

namespace sitrep {
namespace {

DateInterval Day(const char* iso) {
  int64_t d = *ParseIsoDate(iso);
  return {d, d, DatePrecision::kDay};
}

TEST(TimeExpressionTest, CaseTable) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/tests/text/time_cases.tsv");
  ASSERT_TRUE(in) << "tests/text/time_cases.tsv";
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<int> bad;
  auto cases = ParseTimeCases(ss.str(), &bad);
  EXPECT_TRUE(bad.empty()) << "malformed line " << (bad.empty() ? 0 : bad[0]);
  EXPECT_GE(cases.size(), 60u);
  for (const auto& c : cases) {
    std::string got;
    EXPECT_TRUE(EvaluateTimeCase(c, &got))
        << "line " << c.line << ": " << c.text << " -> " << got << " (want " << c.kind << " "
        << c.expected_earliest << " " << c.expected_latest << ")";
  }
}

TEST(TimeExpressionTest, SpansAndAnchors) {
  std::string text = "The strike came on January 3, 2024. The previous day, rockets hit the base.";
  auto ex = FindTimeExpressions(text, Day("2024-01-05"));
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(text.substr(ex[0].begin, ex[0].end - ex[0].begin), "January 3, 2024");
  EXPECT_EQ(ex[0].anchor, TimeAnchor::kAbsolute);
  EXPECT_EQ(text.substr(ex[1].begin, ex[1].end - ex[1].begin), "The previous day");
  EXPECT_EQ(ex[1].anchor, TimeAnchor::kExpression);
  EXPECT_EQ(ex[1].anchor_index, 0);
  EXPECT_EQ(FormatIsoDate(ex[1].value.earliest), "2024-01-02");
}

TEST(TimeExpressionTest, SinceIsFlagged) {
  auto ex = FindTimeExpressions("Gaza has been under attack since October 7.", Day("2024-01-05"));
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_TRUE(ex[0].since);
  EXPECT_EQ(ex[0].anchor, TimeAnchor::kDocument);
}

TEST(TimeExpressionTest, UnknownReferenceKeepsWhatTheTextStates) {
  auto ex = FindTimeExpressions("On Thursday, January 4, the government spoke.", DateInterval());
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_FALSE(ex[0].value.known());
  EXPECT_EQ(ex[0].weekday, 3);
  EXPECT_EQ(ex[0].month, 1);
  EXPECT_EQ(ex[0].day, 4);
}

TEST(TimeExpressionTest, AnniversaryOfKnownEvent) {
  auto ex = FindTimeExpressions(
      "a ceremony marking the fourth anniversary of the killing of Qassem Soleimani", DateInterval());
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(ex[0].form, TimeForm::kAnniversary);
  EXPECT_EQ(ex[0].anchor, TimeAnchor::kEvent);
  EXPECT_EQ(FormatIsoDate(ex[0].value.earliest), "2024-01-03");
}

// A plural unit with no count is some units away, never none: "days" are 2 to 6 days.
TEST(TimeExpressionTest, VagueUnitsSpanSeveralUnits) {
  struct Case {
    const char* text;
    const char* earliest;
    const char* latest;
  };
  const Case cases[] = {
      {"They met days ago.", "2024-01-15", "2024-01-19"},
      {"They met weeks ago.", "2023-12-24", "2024-01-07"},
      {"They met months ago.", "2023-02-21", "2023-11-21"},
      {"They met hours ago.", "2024-01-21", "2024-01-21"},
      {"They met on January 10. Days later, they parted.", "2024-01-12", "2024-01-16"},
      {"They met on January 10. Days earlier, they parted.", "2024-01-04", "2024-01-08"},
      {"They met on January 10. Two days earlier, they parted.", "2024-01-08", "2024-01-08"},
  };
  for (const Case& c : cases) {
    auto ex = FindTimeExpressions(c.text, Day("2024-01-21"));
    ASSERT_FALSE(ex.empty()) << c.text;
    const TimeExpression& e = ex.back();
    EXPECT_EQ(FormatIsoDate(e.value.earliest), c.earliest) << c.text;
    EXPECT_EQ(FormatIsoDate(e.value.latest), c.latest) << c.text;
  }
}

// "overnight" in a report: the night before it, so the reference day or the one before.
TEST(TimeExpressionTest, OvernightIsTheNightBeforeTheReport) {
  auto ex = FindTimeExpressions("Drones attacked an oil depot overnight.", Day("2024-03-12"));
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(FormatIsoDate(ex[0].value.earliest), "2024-03-11");
  EXPECT_EQ(FormatIsoDate(ex[0].value.latest), "2024-03-12");
}

TEST(TimeExpressionTest, NotTimes) {
  // Quantities, "May" as a verb and bare unit words are not time expressions.
  for (const char* s : {"3,500 troops", "They may return", "the march on the capital",
                        "more than 2000 people", "days of rage"}) {
    EXPECT_TRUE(FindTimeExpressions(s, Day("2024-01-05")).empty()) << s;
  }
}

TEST(TimeExpressionTest, PrecisionByWidth) {
  EXPECT_EQ(PrecisionForWidth(10, 10), DatePrecision::kDay);
  EXPECT_EQ(PrecisionForWidth(10, 16), DatePrecision::kWeek);
  EXPECT_EQ(PrecisionForWidth(10, 40), DatePrecision::kMonth);
  EXPECT_EQ(PrecisionForWidth(10, 400), DatePrecision::kYear);
}

}  // namespace
}  // namespace sitrep
