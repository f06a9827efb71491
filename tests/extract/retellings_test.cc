// Re-tellings inside one article (texts written for these tests): "the attack", "the
// incident" and outcome words that refer back to the article's event join it, whatever day
// another verb of their clause is told with; a protest met by the police is one protest; a
// background event is no ACLED record in the flat output.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extract_test_support.h"
#include "sitrep/extract/event_json.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using testing::CountCase;
using testing::News;

const CountCase kCountCases[] = {
    // The day of another verb ("were buried as of Monday") is not the anaphor's.
    {"A military drone strike killed 30 villagers on Sunday.\n\nSurvivors of the attack said "
     "93 bodies were buried as of Monday evening.",
     1},
    // Control: a day told with the trigger itself tells another strike.
    {"A military drone strike killed 30 villagers on Sunday.\n\nAnother drone strike killed four "
     "people on Monday.",
     2},
    // An outcome word told with "the attack" refers back however far the attack was told.
    {"Up to 600 people were killed in an attack on a town by militants.\n\nThe victims were "
     "digging trenches.\n\nThe army had ordered the digging.\n\nMany residents refused.\n\n"
     "Initially, the United Nations estimated that at least 200 people had died in the attack.",
     1},
    // Control: the same outcome word with no anaphor, far from the attack, is another event.
    {"Up to 600 people were killed in an attack on a town by militants.\n\nThe victims were "
     "digging trenches.\n\nThe army had ordered the digging.\n\nMany residents refused.\n\n"
     "Initially, the United Nations estimated that at least 200 people had died.",
     2},
    // "Days after the massacre, ...": a bare definite anchor is the told event.
    {"Gunmen killed more than 70 people in a village on Thursday.\n\nDays after the massacre, "
     "a crowd gathered around a truck distributing food.",
     1},
    // Control: an anchor that names its own event ("the strike that killed X") stays apart:
    // Friday's strike, Thursday's strike and the further strikes.
    {"A drone strike killed four fighters near the airport on Friday.\n\nHours after the "
     "strike that killed the general on Thursday, more strikes hit the city.",
     3},
    // A protest and the police's answer to it: one protest.
    {"Hundreds of students protested in the capital on Saturday.\n\nPolice fired tear gas to "
     "disperse the protesters, who were demanding reforms.",
     1},
    // Control: a mob's killing and the riot two days later are two events.
    {"A mob stoned a student to death on Thursday.\n\nOn Saturday, youths rioted in the city, "
     "burning tyres and attacking shops.",
     2},
};

TEST(RetellingsTest, AnaphorsAndOutcomesJoinTheToldEvent) {
  for (const CountCase& c : kCountCases) {
    EXPECT_EQ(News(c.text).size(), c.news) << c.text;
  }
}

// "By Saturday, youths protested ..., insisting that the lynching ...": Saturday is the
// protest's day, not the lynching's (told on Thursday, 11 March 2021 for the test article).
TEST(RetellingsTest, AnaphorDoesNotTakeTheNewEventsDay) {
  const char* text =
      "A mob stoned a student to death on Thursday.\n\nBy Saturday morning, hundreds of youths "
      "protested the arrest of two suspects, insisting that the lynching was justified.";
  bool killing_thursday = false;
  for (const Event& e : News(text)) {
    if (e.event_type != "Protests") {
      killing_thursday = e.best_day == DaysFromCivil(2021, 3, 11);
    }
  }
  EXPECT_TRUE(killing_thursday) << text;
}

// The flat record (jsonl, exports) lists ACLED records: background carries no ACLED type
// there; the full view, which the store keeps for fusion, keeps it.
TEST(RetellingsTest, BackgroundIsNoRecordInTheFlatView) {
  Event e;
  e.event_type = "Violence against civilians", e.sub_event_type = "Attack";
  e.plover_type = "ASSAULT";
  e.historical = true;
  nlohmann::json flat = EventJson(e), full = EventJson(e, true);
  EXPECT_TRUE(flat["event_type"].is_null());
  EXPECT_TRUE(flat["sub_event_type"].is_null());
  EXPECT_EQ(flat["plover_type"], "ASSAULT");
  EXPECT_EQ(full["event_type"], "Violence against civilians");
  e.historical = false;
  EXPECT_EQ(EventJson(e)["event_type"], "Violence against civilians");
}

}  // namespace
}  // namespace sitrep
