// Which event a mention belongs to and what kind it is (texts written for these tests): an
// "after X" named again elsewhere takes X's date from there; an outcome word told with the
// group's own instrument refers back however far; the sub-event type of a generic attack comes
// from its instrument phrase or from whether its target is armed; two strikes told in one
// sentence with different days stay two events; a verb with many targets is a series.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

std::vector<Event> Acled(const std::string& text, int64_t published) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = DateInterval{published, published, DatePrecision::kDay};
  std::vector<Event> out;
  for (auto& e : testing::TestExtractor().Extract(d)) {
    if (!e.event_type.empty()) out.push_back(e);
  }
  return out;
}

int64_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d); }

// Regression (seed 000): "a day after the US killed a top Iranian general" was left undated,
// so the day's strikes kept the two-day range of "hours after X" and were dated like X.
TEST(EventIdentityTest, AfterXNamedAgainTakesXsDateFromTheNamesake) {
  auto evs = Acled(
      "Air strikes hit a militia convoy, a day after the US killed a top Iranian commander.\n\n"
      "Just hours after the drone strike that killed top Iranian commander Qassem Soleimani at "
      "the airport, the US conducted more airstrikes targeting the convoy.",
      Day(2020, 1, 4));
  ASSERT_EQ(evs.size(), 2u);
  const Event& main = evs[0].sources.size() >= evs[1].sources.size() ? evs[0] : evs[1];
  const Event& anchor = &main == &evs[0] ? evs[1] : evs[0];
  EXPECT_EQ(main.best_day, Day(2020, 1, 4));
  EXPECT_EQ(main.date.earliest, Day(2020, 1, 4));
  EXPECT_EQ(main.date.latest, Day(2020, 1, 4));
  EXPECT_EQ(anchor.best_day, Day(2020, 1, 3));
}

// Regression (dev 044): "13 more people were wounded by the rocket that hit the pitch", told
// four sentences after the strike, became a second event with the injuries.
TEST(EventIdentityTest, OutcomeWithTheGroupsInstrumentJoinsItFarBack) {
  auto evs = Acled(
      "A rocket strike hit a football pitch on Saturday, killing 12 children.\n\n"
      "Funerals were held on Sunday.\n\n"
      "The town's leaders spoke to reporters.\n\n"
      "Many families left the town.\n\n"
      "Thirteen more people were wounded by the rocket that hit the pitch.",
      Day(2024, 7, 28));
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].fatalities);
  EXPECT_EQ(evs[0].fatalities->best, 12);
  ASSERT_TRUE(evs[0].injured);
  EXPECT_EQ(evs[0].injured->best, 13);
}

// A generic attack: its instrument phrase ("with ... drones") or its armed target decides.
TEST(EventIdentityTest, SubTypeOfAGenericAttack) {
  struct Case {
    const char* text;
    const char* sub_event_type;
  };
  const Case kCases[] = {
      {"On Monday, Russian forces attacked the southern city of Kherson with Iranian-made "
       "one-way attack drones, killing two residents.", "Air/drone strike"},
      {"Gunmen attacked an army checkpoint on Monday, killing three soldiers.", "Armed clash"},
      {"On Monday, soldiers attacked the village, killing five.", "Attack"},
      {"On Monday, militants attacked villagers, killing five.", "Attack"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    auto evs = Acled(c.text, Day(2024, 1, 10));
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].sub_event_type, c.sub_event_type);
  }
}

// Two strikes in one sentence, each with its own day: two events.
// A summary of strikes on two cities, then one sentence per city ("In Kharkiv, ..."): one
// event per city, each on the summary's day; the summary is no third event.
TEST(EventIdentityTest, SummaryOfTwoCitiesToldCityByCity) {
  auto events = testing::News(
      "Missile strikes on Kharkiv and Odesa killed at least nine people on 11 March 2021, "
      "officials said.\n\n"
      "In Kharkiv, a missile struck an apartment block, killing six people.\n\n"
      "Rescue teams worked through the night.\n\n"
      "In Odesa, three people were killed when a missile hit a port warehouse.");
  ASSERT_EQ(events.size(), 2u);
  std::vector<int64_t> dead;
  for (const Event& e : events) {
    ASSERT_TRUE(e.fatalities.has_value());
    dead.push_back(e.fatalities->best);
    EXPECT_EQ(FormatIsoDate(e.date.earliest), "2021-03-11");
    EXPECT_EQ(FormatIsoDate(e.date.latest), "2021-03-11");
  }
  std::sort(dead.begin(), dead.end());
  EXPECT_EQ(dead, (std::vector<int64_t>{3, 6}));
}

// Police who fire on the protesters of the sentence's protest or riot are how that crowd was
// met: one event, the crowd's, with the dead.
TEST(EventIdentityTest, ShootingAtTheProtestersIsPartOfTheProtest) {
  auto events = testing::News(
      "Police opened fire on protesters who stormed the parliament building in the capital on "
      "11 March 2021, killing two people, as demonstrations against a tax bill turned violent.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].event_type == "Riots" || events[0].event_type == "Protests")
      << events[0].event_type;
  ASSERT_TRUE(events[0].fatalities.has_value());
  EXPECT_EQ(events[0].fatalities->best, 2);
}

TEST(EventIdentityTest, TwoStrikesInOneSentenceOnDifferentDays) {
  auto evs = Acled(
      "A drone strike killed four people on Monday, and another drone strike killed two "
      "guards on Thursday.",
      Day(2024, 1, 10));
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_NE(evs[0].best_day, evs[1].best_day);
}

// Regression (seed 001): "They have attacked several US bases in the last few months" joined
// the day's drone strike as one more report of it.
TEST(EventIdentityTest, VerbWithManyTargetsIsASeries) {
  auto evs = Acled(
      "A drone strike hit the militia headquarters on Thursday, killing four fighters.\n\n"
      "The militias have attacked several army bases in the last few months.",
      Day(2024, 1, 10));
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].sources.size(), 1u);
  EXPECT_EQ(evs[0].best_day, Day(2024, 1, 4));
}

}  // namespace
}  // namespace sitrep
