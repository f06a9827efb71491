// Table-driven tests for FindQuantities: one line per case.
#include "sitrep/text/quantity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace sitrep {
namespace {

constexpr double kInf = kUnbounded;

struct Case {
  const char* text;
  const char* quantity;  // the expected phrase (qualifier + number), "" = no quantity at all
  const char* kind;
  double min, max;
  bool min_open, max_open;
  const char* head;
};

const Case kCases[] = {
    {"six members of Iraq's PMF were killed", "six", "cardinal", 6, 6, false, false, "members"},
    {"the death of two individuals and injured five", "two", "cardinal", 2, 2, false, false, "individuals"},
    {"wounded five others in addition", "five", "cardinal", 5, 5, false, false, "others"},
    {"At least four people were killed", "At least four", "cardinal", 4, kInf, false, false, "people"},
    {"deployed more than 3,500 troops to the region", "more than 3,500", "cardinal", 3500, kInf, true, false, "troops"},
    {"more than 100 civilians died", "more than 100", "cardinal", 100, kInf, true, false, "civilians"},
    {"Over 22,000 Palestinians have been killed", "Over 22,000", "cardinal", 22000, kInf, true, false, "Palestinians"},
    {"twenty-two soldiers", "twenty-two", "cardinal", 22, 22, false, false, "soldiers"},
    {"1.2 million refugees", "1.2 million", "cardinal", 1200000, 1200000, false, false, "refugees"},
    {"a dozen rockets", "a dozen", "cardinal", 12, 12, false, false, "rockets"},
    {"dozens of civilians", "dozens", "vague", 24, 100, false, true, "civilians"},
    {"hundreds of protesters", "hundreds", "vague", 200, 1000, false, true, "protesters"},
    {"hundreds of thousands of people fled", "hundreds of thousands", "vague", 200000, 1000000, false, true, "people"},
    {"tens of thousands of troops", "tens of thousands", "vague", 20000, 100000, false, true, "troops"},
    {"several fighters sustained injuries", "several", "vague", 3, 9, false, false, "fighters"},
    {"a handful of soldiers", "a handful", "vague", 2, 5, false, false, "soldiers"},
    {"scores of homes", "scores", "vague", 40, 100, false, true, "homes"},
    {"a few journalists", "a few", "vague", 2, 5, false, false, "journalists"},
    {"many residents left", "many", "vague", 10, kInf, false, false, "residents"},
    {"nearly 60,000 injured", "nearly 60,000", "cardinal", 54000, 60000, false, true, "injured"},
    {"around 2,500 foreign troops", "around 2,500", "cardinal", 2250, 2750, false, false, "troops"},
    {"about 300 families", "about 300", "cardinal", 270, 330, false, false, "families"},
    {"up to 40 vehicles", "up to 40", "cardinal", 0, 40, false, false, "vehicles"},
    {"as many as 70 houses", "as many as 70", "cardinal", 0, 70, false, false, "houses"},
    {"fewer than 10 survivors", "fewer than 10", "cardinal", 0, 10, false, true, "survivors"},
    {"some 200 migrants", "some 200", "cardinal", 180, 220, false, false, "migrants"},
    {"roughly 50 militants", "roughly 50", "cardinal", 45, 55, false, false, "militants"},
    {"almost 90 percent of voters", "almost 90", "percent", 81, 90, false, true, ""},
    {"claiming that one of their fighters was killed", "one", "cardinal", 1, 1, false, false, "fighters"},
    {"the fourth anniversary of the killing", "fourth", "ordinal", 4, 4, false, false, "anniversary"},
    {"the 4th anniversary", "4th", "ordinal", 4, 4, false, false, "anniversary"},
    {"killing 84 people and injuring hundreds more", "84", "cardinal", 84, 84, false, false, "people"},
    {"injuries to four US military personnel", "four", "cardinal", 4, 4, false, false, "personnel"},
    {"strikes on three facilities owned by the militia", "three", "cardinal", 3, 3, false, false, "facilities"},
    {"the loss of five senior members of Iran's forces", "five", "cardinal", 5, 5, false, false, "members"},
    {"billions of dollars worth of equipment", "", "", 0, 0, false, false, ""},
    {"$2.5 million in aid", "2.5 million", "money", 2500000, 2500000, false, false, ""},
    {"15 percent of the vote", "15", "percent", 15, 15, false, false, ""},
    {"30% of the budget", "30", "percent", 30, 30, false, false, ""},
    {"three hundred and fifty prisoners", "three hundred and fifty", "cardinal", 350, 350, false, false, "prisoners"},
    {"in 2020 by the US", "", "", 0, 0, false, false, ""},
    {"On Thursday, January 4, the government", "", "", 0, 0, false, false, ""},
    {"at 10:30 in the morning", "", "", 0, 0, false, false, ""},
    {"one-way attack drones", "", "", 0, 0, false, false, ""},
    {"no one was hurt", "", "", 0, 0, false, false, ""},
    {"more than a dozen drones", "more than a dozen", "cardinal", 12, kInf, true, false, "drones"},
    {"two million people", "two million", "cardinal", 2000000, 2000000, false, false, "people"},
    {"targeted more than 100 times since", "more than 100", "cardinal", 100, kInf, true, false, "times"},
    {"on 5 January 2024 officials said", "", "", 0, 0, false, false, ""},
    {"the second strike", "second", "ordinal", 2, 2, false, false, "strike"},
};

TEST(QuantityTest, Table) {
  for (const Case& c : kCases) {
    std::string text = c.text;
    auto qs = FindQuantities(text);
    if (std::string(c.quantity).empty()) {
      EXPECT_TRUE(qs.empty()) << c.text << " -> " << (qs.empty() ? "" : text.substr(qs[0].begin, qs[0].end - qs[0].begin));
      continue;
    }
    ASSERT_FALSE(qs.empty()) << c.text;
    const Quantity* q = nullptr;
    for (const auto& x : qs) {
      if (text.substr(x.begin, x.end - x.begin) == c.quantity) q = &x;
    }
    ASSERT_NE(q, nullptr) << c.text << " first found: " << text.substr(qs[0].begin, qs[0].end - qs[0].begin);
    EXPECT_EQ(QuantityKindName(q->kind), c.kind) << c.text;
    EXPECT_NEAR(q->min, c.min, 1e-6) << c.text;
    if (std::isinf(c.max)) EXPECT_TRUE(std::isinf(q->max)) << c.text;
    else EXPECT_NEAR(q->max, c.max, 1e-6) << c.text;
    EXPECT_EQ(q->min_open, c.min_open) << c.text;
    EXPECT_EQ(q->max_open, c.max_open) << c.text;
    EXPECT_EQ(text.substr(q->head_begin, q->head_end - q->head_begin), c.head) << c.text;
  }
}

TEST(QuantityTest, NumberSpanIsTheNumberAlone) {
  std::string text = "at least 4 people";
  auto qs = FindQuantities(text);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(text.substr(qs[0].number_begin, qs[0].number_end - qs[0].number_begin), "4");
  EXPECT_EQ(qs[0].qualifier, "at least");
}

TEST(QuantityTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(FindQuantities("").empty());
  EXPECT_TRUE(FindQuantities("... ,,, --").empty());
}

}  // namespace
}  // namespace sitrep
