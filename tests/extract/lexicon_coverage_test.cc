// Trigger-lexicon coverage and intents (sentences written for these tests): note-style and
// wire-style phrasings map to the ACLED type and PLOVER type we read in their definitions;
// acts told as intended or refused take the PLOVER type of data/events/intents.tsv.
#include <gtest/gtest.h>

#include <cstdlib>

#include "extract/lexicon.h"
#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

const EventExtractor& Extractor() { return testing::TestExtractor(); }

std::vector<Event> Extract(const std::string& text) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = DateInterval{DaysFromCivil(2020, 5, 10), DaysFromCivil(2020, 5, 10),
                             DatePrecision::kDay};
  return Extractor().Extract(d);
}

// The first event of the sentence (by its first trigger).
const Event* First(const std::vector<Event>& evs) {
  const Event* best = nullptr;
  for (const Event& e : evs) {
    if (e.sources.empty()) continue;
    if (!best || e.sources[0].trigger_begin < best->sources[0].trigger_begin) best = &e;
  }
  return best;
}

struct AcledCase {
  const char* text;
  const char* event_type;
  const char* sub_event_type;
};

TEST(LexiconCoverageTest, NoteStylePhrasingsGetAcledTypes) {
  const AcledCase kCases[] = {
      {"On 4 May 2020, police and gang members were involved in a shoot-out in the town.",
       "Battles", "Armed clash"},
      {"On 2 May 2020, soldiers exchanged gunfire with militants near the village.", "Battles",
       "Armed clash"},
      {"On 5 May 2020, a mob lynched a suspected thief in the market.", "Riots", "Mob violence"},
      {"On 5 May 2020, residents blocked the road with burning tyres in the town.", "Riots",
       "Violent demonstration"},
      {"On 5 May 2020, residents were torching cars in the town.", "Riots", "Mob violence"},
      {"On 6 May 2020, workers went on strike over unpaid wages in the town.", "Protests",
       "Peaceful protest"},
      {"On 7 May 2020, unidentified men looted shops in the market.", "Strategic developments",
       "Looting/property destruction"},
      {"On 8 May 2020, a woman was raped by armed men in the village.",
       "Violence against civilians", "Sexual violence"},
  };
  for (const auto& c : kCases) {
    auto evs = Extract(c.text);
    bool found = false;
    for (const Event& e : evs) {
      found |= e.event_type == c.event_type && e.sub_event_type == c.sub_event_type;
    }
    EXPECT_TRUE(found) << c.text;
  }
}

// "struck", "hit", "fired": an attack only with an explosive or aerial instrument in reach.
TEST(LexiconCoverageTest, VerbsThatNeedAnInstrument) {
  const AcledCase kAttacks[] = {
      {"On 8 May 2020, warplanes struck rebel positions near the town.",
       "Explosions/Remote violence", "Air/drone strike"},
      {"On 8 May 2020, a missile hit a hospital in the city, killing two people.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 8 May 2020, rebels fired two anti-ship missiles at a cargo ship off the coast.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
  };
  for (const auto& c : kAttacks) {
    auto evs = Extract(c.text);
    const Event* e = First(evs);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->event_type, c.event_type) << c.text;
    EXPECT_EQ(e->sub_event_type, c.sub_event_type) << c.text;
  }
  // No instrument, or the tear gas of crowd control: no explosion.
  for (const char* text : {"On 8 May 2020, the two parties struck a deal in the capital.",
                           "On 8 May 2020, a pedestrian was hit by a car in the city.",
                           "On 8 May 2020, police fired tear gas shells at protesters in the town."}) {
    for (const Event& e : Extract(text)) {
      EXPECT_NE(e.event_type, "Explosions/Remote violence") << text;
    }
  }
}

// contexts.tsv: what happens around a protest decides its ACLED type; one event per sentence.
TEST(LexiconCoverageTest, ProtestContextsRefineTheType) {
  const AcledCase kCases[] = {
      {"On 4 May 2020, residents protested in the town. Police dispersed them with tear gas.",
       "Protests", "Protest with intervention"},
      {"On 4 May 2020, demonstrators clashed with police in the capital.", "Riots",
       "Violent demonstration"},
      {"On 4 May 2020, residents protested against the water cuts in the town.", "Protests",
       "Peaceful protest"},
      {"On 4 May 2020, soldiers clashed with rebels near the town.", "Battles", "Armed clash"},
      // A labour strike is not an attack, and crowd-control munitions are not shelling.
      {"On 4 May 2020, nurses went on an indefinite strike in the town over unpaid wages.",
       "Protests", "Peaceful protest"},
      {"On 4 May 2020, police fired tear gas shells at students marching in the town.",
       "Protests", "Protest with intervention"},
      {"On 4 May 2020, police used stun grenades on teachers rallying in the town.", "Protests",
       "Protest with intervention"},
  };
  for (const auto& c : kCases) {
    std::vector<const Event*> typed;
    auto evs = Extract(c.text);
    for (const Event& e : evs) {
      if (!e.event_type.empty()) typed.push_back(&e);
    }
    ASSERT_EQ(typed.size(), 1u) << c.text;
    EXPECT_EQ(typed[0]->event_type, c.event_type) << c.text;
    EXPECT_EQ(typed[0]->sub_event_type, c.sub_event_type) << c.text;
  }
}

// Regression: "On 6 May, protesters ..." read the month as the modal "may", so every event of a
// note dated in May was hypothetical and dropped.
TEST(LexiconCoverageTest, MonthMayIsNotAModal) {
  const char* kTexts[] = {
      "On 6 May, protesters marched in the capital against the new tax.",
      "On 6 May 2020, protests were held in the capital against the new tax.",
  };
  for (const char* t : kTexts) {
    auto evs = Extract(t);
    ASSERT_FALSE(evs.empty()) << t;
    EXPECT_EQ(evs[0].event_type, "Protests") << t;
    EXPECT_EQ(FormatIsoDate(evs[0].best_day), "2020-05-06") << t;
  }
  // The modal still makes an act hypothetical.
  for (const Event& e : Extract("Officials said the rebels may attack the town.")) {
    EXPECT_TRUE(e.event_type.empty()) << e.event_type;
  }
}

// figures.cc: a victim told with an article and no number is one ("a man was shot dead").
TEST(LexiconCoverageTest, SingleVictimWithAnArticleCountsOne) {
  struct Row {
    const char* text;
    int64_t fatalities;  // -1 = no figure
  };
  const Row kRows[] = {
      {"On 2 May 2020, a man was shot dead in the market.", 1},
      {"On 2 May 2020, a local leader was stabbed to death by unidentified assailants.", 1},
      {"On 2 May 2020, gunmen shot at a bus on the highway. The victim died.", 1},
      {"On 2 May 2020, three men were shot dead in the market.", 3},
      {"On 2 May 2020, a man was shot and wounded in the market.", 0},  // injured only
  };
  for (const auto& r : kRows) {
    auto evs = Extract(r.text);
    const Event* typed = nullptr;
    for (const Event& e : evs) {
      if (!e.event_type.empty() && !typed) typed = &e;
    }
    ASSERT_NE(typed, nullptr) << r.text;
    ASSERT_TRUE(typed->fatalities.has_value()) << r.text;
    EXPECT_EQ(typed->fatalities->best, r.fatalities) << r.text;
  }
}

struct PloverCase {
  const char* text;
  const char* plover_type;
};

TEST(LexiconCoverageTest, PloverTypeOfTheFirstAct) {
  const PloverCase kCases[] = {
      {"The foreign minister condemned the decision on Monday.", "ACCUSE"},
      {"The union demanded higher wages for nurses.", "REQUEST"},
      {"The government rejected the proposal of the opposition.", "REJECT"},
      {"The army deployed troops along the border.", "MOBILIZE"},
      {"The rebels released twelve hostages on Tuesday.", "RETREAT"},
      {"The two leaders met in Geneva on Friday.", "CONSULT"},
      {"The president praised the mediators for their work.", "SUPPORT"},
      {"The two navies held joint exercises in the gulf.", "COOPERATE"},
      {"The authorities lifted the curfew in the city.", "CONCEDE"},
      {"The council imposed sanctions on the regime.", "SANCTION"},
      {"The agency delivered food aid to the camps.", "AID"},
      // Intents (data/events/intents.tsv): an act told as intended or refused.
      {"The prime minister will visit Cairo next month.", "AGREE"},
      {"The rebels said they would release the hostages.", "AGREE"},
      {"The government said it will impose a curfew.", "THREATEN"},
      {"The government did not agree to the ceasefire plan.", "REJECT"},
      {"Officials threatened to expel the ambassador.", "THREATEN"},
  };
  for (const auto& c : kCases) {
    auto evs = Extract(c.text);
    const Event* e = First(evs);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->plover_type, c.plover_type) << c.text;
  }
}

TEST(LexiconCoverageTest, IntentTable) {
  auto lex = extract::EventLexicon::Load(SITREP_SOURCE_DIR "/data/events");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  struct Row {
    const char* modality;
    const char* type;
    const char* want;  // nullptr = keeps its type
  };
  const Row kRows[] = {
      {"planned", "CONSULT", "AGREE"},   {"planned", "SANCTION", "THREATEN"},
      {"negated", "AGREE", "REJECT"},    {"threatened", "RETREAT", "THREATEN"},
      {"happened", "CONSULT", nullptr},  {"planned", "REQUEST", nullptr},
  };
  for (const auto& r : kRows) {
    const std::string* t = lex->IntentType(r.modality, r.type);
    if (!r.want) {
      EXPECT_EQ(t, nullptr) << r.modality << " " << r.type;
    } else {
      ASSERT_NE(t, nullptr) << r.modality << " " << r.type;
      EXPECT_EQ(*t, r.want) << r.modality << " " << r.type;
    }
  }
}

}  // namespace
}  // namespace sitrep
