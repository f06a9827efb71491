// Readings of ACLED's definitions (src/extract/type_rules.cc, lexicon.cc, figures.cc,
// data/events/*.tsv): an office holder killed alone is no armed side; peaceful protesters met
// with lethal force are "excessive force against protesters"; a lynching named as a whole keeps
// its mob violence; an apposition names one victim. Sentences written for these tests, one
// line per case, most paired with a near miss.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;
using testing::ExpectFirst;

// Regression (seed 004: "a senior Hamas official was assassinated in Beirut" typed Battles).
TEST(TypeRulesPeopleTest, AnOfficeHolderKilledAloneIsNoArmedSide) {
  const Case kCases[] = {
      {"On 11 March 2021, a senior Hamas official was assassinated in the city.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a militia official was shot dead by gunmen in the town.",
       "Violence against civilians", "Attack"},
      // Near misses: fighters of the group, or armed words after the head, are an armed side.
      {"On 11 March 2021, three Hamas fighters were shot dead in the city.", "Battles",
       "Armed clash"},
      {"On 11 March 2021, gunmen shot dead a local official and two soldiers in the town.",
       "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (issue 7 item 2: ACLED's sub-event type for state force against protesters).
TEST(TypeRulesPeopleTest, LethalForceOnPeacefulProtestersIsExcessiveForce) {
  const Case kCases[] = {
      {"On 11 March 2021, hundreds of students protested in the city; police opened fire on the "
       "protesters.", "Protests", "Excessive force against protesters"},
      {"On 11 March 2021, teachers held a protest in the city and police fired live ammunition, "
       "killing two.", "Protests", "Excessive force against protesters"},
      // Near misses: tear gas only is an intervention; protesters who burn tyres riot.
      {"On 11 March 2021, hundreds of students protested in the city; police fired tear gas.",
       "Protests", "Protest with intervention"},
      {"On 11 March 2021, students protested in the city and burned tyres; police opened fire on "
       "the protesters.", "Riots", "Violent demonstration"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Whether one of the typed events of `text` is "type / sub".
bool HasTyped(const std::string& text, const std::string& type) {
  for (const Event& e : testing::ExtractText(text)) {
    if (e.event_type + " / " + e.sub_event_type == type) return true;
  }
  return false;
}

// Regression (dev news 040: "protest the arrest ..., insisting that the lynching of Deborah was
// right" made the lynching a violent demonstration).
TEST(TypeRulesPeopleTest, ALynchingNamedAsAWholeStaysMobViolence) {
  EXPECT_TRUE(HasTyped("On 11 March 2021, youths took to the streets to protest, insisting "
                       "that the lynching of the student was right.", "Riots / Mob violence"));
  const Case kCases[] = {
      {"On 11 March 2021, a thief was killed by mob justice in the market.", "Riots",
       "Mob violence"},
      // Near miss: crowd violence told as the act of a demand is a violent demonstration.
      {"On 11 March 2021, a mob burned the police post, demanding the release of a suspect.",
       "Riots", "Violent demonstration"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: "a man suspected of kidnapping a child was beaten up by locals"
// typed an abduction): what someone is accused of is no event of the sentence.
TEST(TypeRulesPeopleTest, AnAccusedActIsNoEvent) {
  const Case kCases[] = {
      {"On 11 March 2021, a man suspected of kidnapping a child was beaten up by locals in the "
       "town.", "Riots", "Mob violence"},
      // Near miss: the kidnapping told as happening is the event.
      {"On 11 March 2021, gunmen kidnapped a child in the town.", "Violence against civilians",
       "Abduction/forced disappearance"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (dev news 040: "security agencies repelled the attack, firing tear gas canisters
// to disperse them" typed Battles): crowd-control means are used on crowds, not armed groups.
TEST(TypeRulesPeopleTest, ACrowdRepelledWithTearGasIsNoBattle) {
  const Case kCases[] = {
      {"On 11 March 2021, the police repelled the attack on the palace, firing tear gas "
       "canisters.", "Riots", "Mob violence"},
      // Near miss: troops who repel fighters fight a battle.
      {"On 11 March 2021, troops repelled an attack by militants on the base.", "Battles",
       "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

struct FigureRow {
  const char* text;
  int64_t dead;  // -1: no fatality figure
};

// Regression (dev news 012: "Deborah Samuel, a student at ..., was stoned to death" had no
// fatality figure).
TEST(TypeRulesPeopleTest, AnAppositionNamesOneVictim) {
  const FigureRow kRows[] = {
      {"On 11 March 2021, John Okafor, a trader at the main market, was beaten to death by a mob "
       "in the town.", 1},
      {"On 11 March 2021, Mary Bello, a student of the college, was killed in an attack by "
       "gunmen on the town.", 1},
      // Near miss: a plural apposition counts no single victim.
      {"On 11 March 2021, the traders, many of them from the north, were beaten by a mob in the "
       "town.", -1},
  };
  for (const FigureRow& r : kRows) {
    const Event* first = nullptr;
    auto evs = testing::ExtractText(r.text);
    for (const Event& e : evs) {
      if (!e.event_type.empty()) {
        first = &e;
        break;
      }
    }
    ASSERT_NE(first, nullptr) << r.text;
    EXPECT_EQ(first->fatalities ? first->fatalities->best : -1, r.dead) << r.text;
  }
}

}  // namespace
}  // namespace sitrep
