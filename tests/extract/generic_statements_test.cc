// Statements that are not one event (texts written for these tests): generic and irrealis
// sentences, ongoing states, series dated only by a year; and what keeps one event one event
// (a headline and its lede with the same toll, a relative "that killed"). Also the roles of a
// passive trigger, a country's adjective as the place, and "X a week after Y" dating Y.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

std::vector<Event> Typed(const std::string& text) {
  std::vector<Event> out;
  for (auto& e : testing::ExtractText(text)) {
    if (!e.event_type.empty()) out.push_back(std::move(e));
  }
  return out;
}

struct CountCase {
  const char* text;
  size_t typed;  // typed events wanted
};

const CountCase kCountCases[] = {
    // Present progressive, no time, place or toll: a state of affairs.
    {"Some residents are fighting to protect their communities.", 0},
    {"The rebels claim to be fighting for the people.", 0},
    // Activities a group engages in, told with a present perfect.
    {"Armed gangs have plagued the region, engaging in looting and kidnapping for ransom.", 0},
    // A purpose infinitive is not an event that happened.
    {"The army joined forces with local militias to fight the insurgents.", 0},
    // An ongoing fight: "fighting continues".
    {"Heavy fighting continues between the army and the rebels.", 0},
    // An actor's undated raids in a description of a campaign.
    {"The campaign is backed by United States air raids.", 0},
    // Plural attacks dated only by a year are a series.
    {"The group was banned in 2019 following its attacks on shipping.", 0},
    // Controls: one event told with a time, or with a toll; an attempt is an attack.
    {"Gunmen attacked a village on Monday, killing five people.", 1},
    {"Militants tried to assassinate the governor on Monday.", 1},
    // A relative "that killed" is no anaphor: the strike and its toll are one event.
    {"Clues emerge from strike that killed 12 children.", 1},
    // A headline and its lede with the same toll are one event.
    {"Missiles kill 34 in city centre\n\nMissiles struck the city centre on Sunday, killing at "
     "least 34 people.", 1},
};

TEST(GenericStatementsTest, GenericAndIrrealisStatementsAreNoEvents) {
  for (const CountCase& c : kCountCases) {
    EXPECT_EQ(Typed(c.text).size(), c.typed) << c.text;
  }
}

// "a senior Hamas official was assassinated": the passive's subject is the target.
TEST(GenericStatementsTest, PassiveSubjectIsNeverTheActor) {
  for (const char* text : {"A senior Hamas official was assassinated on Tuesday.",
                           "Two Hezbollah commanders were reportedly killed on Tuesday."}) {
    auto events = Typed(text);
    ASSERT_EQ(events.size(), 1u) << text;
    if (events[0].actor1) {
      EXPECT_NE(events[0].actor1->id, "hamas") << text;
      EXPECT_NE(events[0].actor1->id, "hezbollah") << text;
    }
    ASSERT_TRUE(events[0].actor2.has_value()) << text;
  }
}

// "An Israeli strike": the adjective names who acted, not where; a country named by its name
// in the sentence comes first.
TEST(GenericStatementsTest, CountryAdjectiveIsNotThePlace) {
  for (const char* text :
       {"An Israeli strike killed seven aid workers on Monday, the health ministry of Lebanon said.",
        "Russian missiles killed 34 people on Sunday, the government of Ukraine said."}) {
    auto events = Typed(text);
    ASSERT_EQ(events.size(), 1u) << text;
    ASSERT_TRUE(events[0].location.has_value()) << text;
    EXPECT_TRUE(events[0].location->country == "LB" || events[0].location->country == "UA")
        << text << " " << events[0].location->country;
  }
}

struct AnchorCase {
  const char* text;
  const char* word;     // a word of the earlier event's sentence span (its trigger)
  const char* latest;   // the earlier event lies on or before this day
  const char* earliest;
};

// The article is of Friday 12 March 2021.
const AnchorCase kAnchorCases[] = {
    // The sentence's own event has no time: it is the article's; the blast a week before.
    {"The bombing came a week after a bomb blast at a school killed eight people.", "blast",
     "2021-03-07", "2021-03-03"},
    // The own event is dated by its group (Saturday 6 March): the blast a week before that.
    {"A suicide bomber killed 24 people at the station on Saturday. The attack came a week "
     "after a bomb blast at a school killed eight people.", "blast", "2021-03-01", "2021-02-25"},
    // "days after": between two and six days before.
    {"The bombing came days after a bomb blast at a school killed eight people.", "blast",
     "2021-03-10", "2021-03-06"},
};

TEST(GenericStatementsTest, EventBeforeTheOwnEventByAnOffset) {
  for (const AnchorCase& c : kAnchorCases) {
    const Event* found = nullptr;
    auto events = Typed(c.text);
    for (const Event& e : events) {
      for (const auto& s : e.sources) {
        std::string trig = s.trigger;
        if (trig.find(c.word) != std::string::npos && e.fatalities && e.fatalities->best == 8)
          found = &e;
      }
    }
    ASSERT_NE(found, nullptr) << c.text;
    ASSERT_TRUE(found->date.known()) << c.text;
    EXPECT_LE(FormatIsoDate(found->date.latest), c.latest) << c.text;
    EXPECT_GE(FormatIsoDate(found->date.earliest), c.earliest) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
