// Context statements (texts written for these tests): what an article names only to situate
// its own event is no event of the article. Orders and campaigns, a group's possessive plurals,
// gatherings for a rite, earlier events as a yardstick ("comes a week after"), earlier and
// remembered events ("earlier this month", "a year since the attack"), and arrests that follow
// the article's violent event.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using testing::CountCase;
using testing::News;

const CountCase kCountCases[] = {
    // A decision about a campaign is not one strike.
    {"On March 5, the president authorized significant airstrikes against the rebels.", 0},
    {"The government ordered strikes on rebel targets in February.", 0},
    // Items of a campaign.
    {"The minister blamed the rebels for a campaign of piracy, violence and terrorism.", 0},
    // A group's possessive plural with no toll: what it does.
    {"The group was listed as a terrorist organisation following its attacks on shipping.", 0},
    // A gathering for a rite is no protest.
    {"Families of the victims gathered to mourn their loved ones on Monday.", 0},
    // Plurals that a deal or a call would stop go on; they are not one event.
    {"The two sides agreed on Monday to a deal to pause strikes on energy infrastructure.", 0},
    {"The UN renewed its calls to halt attacks on hospitals on Monday.", 0},
    // Controls: one order of one strike, a wave told as one event, a protest, a toll.
    {"Gunmen attacked a village on Monday, killing five people.", 1},
    {"Hundreds of people gathered to protest against the killing on Monday.", 1},
    // Regression (ACLED notes): a protest word with a purpose of commemoration stays a protest.
    {"On Friday, workers protested in the city to commemorate labour day.", 1},
    {"Their attacks on Monday killed nine people in the town.", 1},
    // Injuries told beside arrests right after a protest happened at it: no attack of their own.
    {"Police dispersed hundreds of protesters in the town on Monday. Five people were detained "
     "and three officers were injured.", 1},
};

TEST(ContextStatementsTest, OrdersCampaignsAndRitesAreNoEvents) {
  for (const CountCase& c : kCountCases) {
    EXPECT_EQ(News(c.text).size(), c.news) << c.text;
  }
}

// "The incident comes a week after a bomb blast in X": the blast is background of the
// article's event; "hours after X" is news of its own.
TEST(ContextStatementsTest, EventAWeekBeforeIsBackground) {
  const char* week =
      "A suicide bomber killed 20 people at the railway station on Thursday.\n\n"
      "The attack comes a week after a bomb blast near a school in the district killed eight "
      "people.";
  auto events = News(week);
  ASSERT_EQ(events.size(), 1u) << week;
  ASSERT_TRUE(events[0].fatalities.has_value());
  EXPECT_EQ(events[0].fatalities->best, 20);
  size_t historical = 0;
  for (const auto& e : testing::ExtractText(week)) historical += e.historical;
  EXPECT_GE(historical, 1u) << "the blast stays an event, marked historical";
}

// An earlier event told with a generic word inside "came days after X" or after "Days
// earlier," keeps its own toll and time: the article's event is not given its dead.
TEST(ContextStatementsTest, AnEarlierEventKeepsItsOwnToll) {
  const std::string lead = "An air strike on a school in the town killed 27 people on Thursday.\n\n";
  for (const char* context :
       {"The strike came days after an attack on a camp in the district killed 45 people.",
        "The strike came a week after gunmen attacked a market in the district, killing 45 "
        "people.",
        "Days earlier, an attack on a camp in the district killed 45 people."}) {
    std::string text = lead + context;
    auto all = testing::ExtractText(text);
    const Event* strike = nullptr;
    const Event* earlier = nullptr;
    for (const auto& e : all) {
      if (!e.fatalities) continue;
      if (e.fatalities->best == 27) strike = &e;
      if (e.fatalities->best == 45) earlier = &e;
    }
    ASSERT_NE(strike, nullptr) << context;
    EXPECT_EQ(strike->fatalities->max, 27) << context;
    ASSERT_NE(earlier, nullptr) << context;
    EXPECT_LT(earlier->date.latest, strike->date.earliest) << context;
  }
}

// "Troops killed 30 bandits on Thursday, days after gunmen abducted 25 farmers": the strong
// word names only the earlier event; the sentence's own event is told with "killed", and the
// dateline's date ("ABUJA, March 12 (Reuters) -") is when the report was filed.
TEST(ContextStatementsTest, TheOwnEventToldOnlyWithAnOutcomeWord) {
  auto events = testing::ExtractText(
      "ABUJA, March 12 (Reuters) - Troops killed 30 bandits in an operation in the state on "
      "Thursday, the army said, days after gunmen abducted 25 farmers in the state.");
  const Event* operation = nullptr;
  const Event* abduction = nullptr;
  for (const auto& e : events) {
    if (e.fatalities && e.fatalities->best == 30) operation = &e;
    else if (!e.event_type.empty()) abduction = &e;
  }
  ASSERT_NE(operation, nullptr);
  EXPECT_EQ(FormatIsoDate(operation->date.earliest), "2021-03-11");
  EXPECT_EQ(FormatIsoDate(operation->date.latest), "2021-03-11");
  ASSERT_NE(abduction, nullptr) << "the abduction is an event of its own";
  EXPECT_LT(abduction->date.latest, operation->date.earliest);
}

// "days ago", "days earlier": a plural unit with no count is 2 to 6 days away, not the same day.
TEST(ContextStatementsTest, DaysEarlierIsNotTheSameDay) {
  auto events = testing::ExtractText(
      "Gunmen killed 12 villagers in the district on Thursday.\n\n"
      "Days earlier, militants had attacked a police post in the same district, killing three "
      "officers.");
  ASSERT_EQ(events.size(), 2u);
  const Event& older = events[0].fatalities->best == 3 ? events[0] : events[1];
  ASSERT_TRUE(older.date.known());
  EXPECT_EQ(older.fatalities->best, 3);
  EXPECT_EQ(FormatIsoDate(older.date.earliest), "2021-03-05");  // Thursday 11 March - 6 .. - 2
  EXPECT_EQ(FormatIsoDate(older.date.latest), "2021-03-09");
}

// Arrests told after the article's violent event are its follow-up; an article about an
// arrest keeps it.
TEST(ContextStatementsTest, ArrestsAfterTheAttackAreItsFollowUp) {
  struct Case {
    const char* text;
    size_t news;   // typed events of the day
    bool arrests;  // one of them is the arrest
  };
  const Case cases[] = {
      {"Militants attack seafront hotel killing 20, a suspected leader arrested", 1, false},
      {"A mob killed a student on Thursday.\n\nPolice said they made two arrests after the "
       "incident.",
       1, false},
      {"Police arrested the opposition leader at the court on Tuesday.", 1, true},
  };
  for (const Case& c : cases) {
    auto events = News(c.text);
    bool arrests = false;
    for (const auto& e : events) arrests |= e.sub_event_type == "Arrests";
    EXPECT_EQ(events.size(), c.news) << c.text;
    EXPECT_EQ(arrests, c.arrests) << c.text;
  }
}

// "describing it as a pre-emptive strike": a name given to the told attack, no air strike.
TEST(ContextStatementsTest, CharacterisationNamesNoWeapon) {
  const char* text =
      "Fighters attacked a village in Sudan on Wednesday, killing 100 people.\n\n"
      "The group acknowledged the attack, describing it as a pre-emptive strike against the army.";
  auto events = News(text);
  ASSERT_EQ(events.size(), 1u) << text;
  EXPECT_NE(events[0].sub_event_type, "Air/drone strike") << text;
}

// An event told first with no time, then with its day only ("Wednesday's raid"): one event.
TEST(ContextStatementsTest, DayAddedLaterRefinesTheToldEvent) {
  const char* text =
      "At least 150 villagers are feared dead in a brutal attack on a village in Sudan.\n\n"
      "Footage shows bodies prepared for burial in the wake of Wednesday's raid.";
  EXPECT_EQ(News(text).size(), 1u) << text;
}

// Earlier events told as context of the article's own: "earlier this month", "last year's"
// after the news, and events remembered ("a year since the attack") are background.
TEST(ContextStatementsTest, EarlierAndRememberedEventsAreBackground) {
  const CountCase cases[] = {
      {"A missile strike killed 20 people in the city on Sunday.\n\nEarlier this month, a "
       "missile struck a playground in another town, killing nine children.",
       1},
      {"A missile strike killed 20 people in the city on Sunday.\n\nLast year's attack on the "
       "market killed 30 people.",
       1},
      {"The country is marking a year since the attack on a shopping centre, in which 67 people "
       "were killed.",
       0},
      {"The town marked the anniversary of the school massacre, in which 300 people "
       "died.",
       0},
      // Controls: a day of its own tells a second event; an event told alone stays news.
      {"A missile strike killed 20 people in the city on Sunday.\n\nOn Monday, a drone struck "
       "a playground in another town, killing nine children.",
       2},
      {"Gunmen attacked a shopping centre on Monday, killing 67 people.", 1},
  };
  for (const CountCase& c : cases) {
    EXPECT_EQ(News(c.text).size(), c.news) << c.text;
  }
}

// The opening sentence tells the article's news whatever its date says (an ACLED note dated a
// year before its report); a later sentence's old event stays background.
TEST(ContextStatementsTest, TheOpeningSentenceIsNews) {
  const CountCase cases[] = {
      {"On 4 March 2019, gunmen killed two farmers in the village.", 1},
      {"Gunmen killed two farmers in the village on Monday.\n\nIn 2019, gunmen killed ten "
       "farmers in the same village.",
       1},
  };
  for (const CountCase& c : cases) {
    EXPECT_EQ(News(c.text).size(), c.news) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
