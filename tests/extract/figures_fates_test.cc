// figures.cc, session 6: a number belongs to the casualty word of its own clause. A number
// told with a fate no casualty word counts (displaced, fled, abducted, captured) is no death
// or injury figure; a number after "by" counts the attackers; victim groups add up only when
// one casualty word tells them. Sentences written for these tests, one line per case.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

struct Row {
  const char* text;
  int64_t dead;     // -1: no fatality figure
  int64_t injured;  // -1: no injury figure
};

const Event* FirstTyped(const std::vector<Event>& evs) {
  for (const Event& e : evs) {
    if (!e.event_type.empty()) return &e;
  }
  return nullptr;
}

void ExpectFigures(const Row& r) {
  auto evs = testing::ExtractText(r.text);
  const Event* e = FirstTyped(evs);
  ASSERT_NE(e, nullptr) << r.text;
  EXPECT_EQ(e->fatalities ? e->fatalities->best : -1, r.dead) << r.text;
  if (r.injured >= 0) {
    ASSERT_TRUE(e->injured.has_value()) << r.text;
    EXPECT_EQ(e->injured->best, r.injured) << r.text;
  }
}

// Regression (dev news 028, Catatumbo: "80 killed, and over 5,000 displaced" gave 5,000 dead).
TEST(FiguresFatesTest, AFateIsNoCasualty) {
  const Row kRows[] = {
      {"On 11 March 2021, more than 80 people have been killed, and over 5,000 displaced in the "
       "region after clashes between two armed groups.", 80, -1},
      {"On 11 March 2021, gunmen attacked the village; 1 guard was killed and 3 abducted.", 1, -1},
      {"On 11 March 2021, gunmen killed 10 people and displaced 500 in a raid on the village.",
       10, -1},
      {"On 11 March 2021, troops clashed with rebels in the town; 23 rebels were killed and 12 "
       "captured.", 23, -1},
      {"On 11 March 2021, police clashed with gang members in the town; three suspects managed "
       "to flee and one was killed.", 1, -1},
      {"On 11 March 2021, gunmen attacked the village, killing 4 and wounding 6; 20 people are "
       "missing.", 4, 6},
      // Near miss: the same subject's death after the fate still counts.
      {"On 11 March 2021, militia members attacked the village; two men were abducted and later "
       "found killed.", 2, -1},
  };
  for (const Row& r : kRows) ExpectFigures(r);
}

// Regression (ACLED notes: "a man was shot to death by two armed men" gave 2 dead).
TEST(FiguresFatesTest, TheAgentsAreNoVictims) {
  const Row kRows[] = {
      {"On 11 March 2021, a man was shot dead in the market by two armed men.", 1, -1},
      {"On 11 March 2021, a trader was beaten to death by four men in the town.", 1, -1},
      // Near miss: the victims' own number before the agent still counts.
      {"On 11 March 2021, three traders were shot dead by two armed men in the market.", 3, -1},
  };
  for (const Row& r : kRows) ExpectFigures(r);
}

// Victim groups add up when one casualty word tells them; a group with a casualty word of its
// own restates the count ("one soldier was killed ... 1 fatality").
TEST(FiguresFatesTest, GroupsOfOneCasualtyWordAddUp) {
  const Row kRows[] = {
      {"On 11 March 2021, 2 soldiers and 3 policemen were killed in an ambush on the road.", 5,
       -1},
      {"On 11 March 2021, gunmen ambushed a convoy, killing 2 soldiers and 3 policemen.", 5, -1},
      {"On 11 March 2021, rebels clashed with troops, resulting in 25 rebel and 6 military "
       "fatalities.", 31, -1},
      {"On 11 March 2021, rebels shelled an army post; one soldier was killed, the army said, "
       "reporting 1 fatality.", 1, -1},
  };
  for (const Row& r : kRows) ExpectFigures(r);
}

}  // namespace
}  // namespace sitrep
