// The seeds' time expressions resolved by hand (our own reading), against the gold date of each
// seed as the reference; the seed texts are read from ../shared at test time.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sitrep/text/doc_date.h"
#include "sitrep/text/time_expression.h"

namespace sitrep {
namespace {

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(SITREP_SHARED_DIR) + "/seeds/" + name);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Case {
  const char* seed;
  const char* reference;
  const char* expression;  // its first occurrence in the seed is judged
  const char* earliest;    // "?" = anchored to an event the text does not date
  const char* latest;
};

const Case kCases[] = {
    {"000_eb30a6cd91bc4d70.txt", "2020-01-04", "January 04, 2020", "2020-01-04", "2020-01-04"},
    {"000_eb30a6cd91bc4d70.txt", "2020-01-04", "a day after", "?", "?"},
    {"000_eb30a6cd91bc4d70.txt", "2020-01-04", "hours after", "?", "?"},
    {"000_eb30a6cd91bc4d70.txt", "2020-01-04", "2020 presidential", "2020-01-01", "2020-12-31"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "Thursday, January 4", "2024-01-04", "2024-01-04"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "on Thursday condemning", "2024-01-04", "2024-01-04"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "in 2003", "2003-01-01", "2003-12-31"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "December 2021", "2021-12-01", "2021-12-31"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "on Friday", "2024-01-05", "2024-01-05"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "since October 7", "2023-10-07", "2023-10-07"},
    {"001_e73bed0ed0744347.txt", "2024-01-05", "the last few months", "2023-10-07", "2024-01-05"},
    {"002_f1e6513e71906c71.txt", "2024-01-05", "January 5, 2024", "2024-01-05", "2024-01-05"},
    {"002_f1e6513e71906c71.txt", "2024-01-05", "in 2019", "2019-01-01", "2019-12-31"},
    {"002_f1e6513e71906c71.txt", "2024-01-05", "in 2017", "2017-01-01", "2017-12-31"},
    {"002_f1e6513e71906c71.txt", "2024-01-05", "on October 7", "2023-10-07", "2023-10-07"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "Last week", "2024-01-15", "2024-01-21"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "on Tuesday", "2024-01-23", "2024-01-23"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "late 2023", "2023-09-01", "2023-12-31"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "Last Saturday", "2024-01-20", "2024-01-20"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "Since 2009", "2009-01-01", "2009-12-31"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "in October", "2023-10-01", "2023-10-31"},
    {"003_25d85939a4300abb.txt", "2024-01-24", "in the past week", "2024-01-17", "2024-01-24"},
    {"004_f896fc1a37f5862b.txt", "2024-01-04", "the previous day", "2024-01-03", "2024-01-03"},
    {"004_f896fc1a37f5862b.txt", "2024-01-04", "the fourth anniversary", "2024-01-03", "2024-01-03"},
    {"004_f896fc1a37f5862b.txt", "2024-01-04", "on Wednesday", "2024-01-03", "2024-01-03"},
    {"004_f896fc1a37f5862b.txt", "2024-01-04", "1979", "1979-01-01", "1979-12-31"},
    {"004_f896fc1a37f5862b.txt", "2024-01-04", "in 2020", "2020-01-01", "2020-12-31"},
};

TEST(TimeSeedsGoldenTest, HandResolvedExpressions) {
  if (ReadSeed(kCases[0].seed).empty()) GTEST_SKIP() << "no ../shared/seeds";
  for (const Case& c : kCases) {
    std::string text = ReadSeed(c.seed);
    size_t at = text.find(c.expression);
    ASSERT_NE(at, std::string::npos) << c.seed << ": " << c.expression;
    int64_t ref = *ParseIsoDate(c.reference);
    auto ex = FindTimeExpressions(text, {ref, ref, DatePrecision::kDay});
    const TimeExpression* hit = nullptr;
    for (const auto& e : ex) {
      if (e.begin < at + std::string_view(c.expression).size() && e.end > at) { hit = &e; break; }
    }
    ASSERT_NE(hit, nullptr) << c.seed << ": " << c.expression;
    std::string got = hit->value.known()
                          ? FormatIsoDate(hit->value.earliest) + " " + FormatIsoDate(hit->value.latest)
                          : "? ?";
    EXPECT_EQ(got, std::string(c.earliest) + " " + c.latest) << c.seed << ": " << c.expression;
  }
}

// The date each seed's text supports by itself must contain the gold publication date's window.
TEST(TimeSeedsGoldenTest, InferredDocumentDates) {
  struct DocCase { const char* seed; const char* earliest; const char* latest; };
  const DocCase cases[] = {
      {"000_eb30a6cd91bc4d70.txt", "2020-01-04", "2020-01-04"},
      {"001_e73bed0ed0744347.txt", "2024-01-05", "2024-01-10"},
      {"002_f1e6513e71906c71.txt", "2024-01-05", "2024-01-05"},
      {"004_f896fc1a37f5862b.txt", "2024-01-04", "2024-01-09"},
  };
  if (ReadSeed(cases[0].seed).empty()) GTEST_SKIP() << "no ../shared/seeds";
  for (const auto& c : cases) {
    DocumentDate d = InferDocumentDate(ReadSeed(c.seed), DateInterval());
    ASSERT_TRUE(d.interval.known()) << c.seed;
    EXPECT_EQ(FormatIsoDate(d.interval.earliest), c.earliest) << c.seed << " " << d.evidence;
    EXPECT_EQ(FormatIsoDate(d.interval.latest), c.latest) << c.seed << " " << d.evidence;
  }
}

}  // namespace
}  // namespace sitrep
