// The sides of an attack decide its ACLED type (src/extract/type_rules.cc), and the note-style
// forms added to data/events (small-arms fire, fire at positions, launchers, bodies found,
// property burnt, mixed weapons). Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;

// True when some typed event of the text has the wanted types; lists what was found.
void ExpectTyped(const Case& c) {
  std::string found;
  bool ok = false;
  for (const Event& e : testing::ExtractText(c.text)) {
    if (e.event_type.empty()) continue;
    found += " [" + e.event_type + " / " + e.sub_event_type + "]";
    ok |= e.event_type == c.event_type && e.sub_event_type == c.sub_event_type;
  }
  EXPECT_TRUE(ok) << c.text << "\n  found:" << found;
}

TEST(LexiconSidesTest, TheTargetDecidesAttackOrBattle) {
  const Case kCases[] = {
      {"On 11 March 2021, police beat up a street vendor near the bus station.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, soldiers shot a farmer near the river.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a woman was stabbed by two soldiers near her home.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a teacher was killed in a shooting by unidentified men.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, militants opened fire on an army checkpoint near the river.", "Battles",
       "Armed clash"},
      {"On 11 March 2021, two policemen were shot dead by insurgents on the main road.", "Battles",
       "Armed clash"},
  };
  for (const Case& c : kCases) ExpectTyped(c);
}

TEST(LexiconSidesTest, CrowdsAreMobViolence) {
  const Case kCases[] = {
      {"On 11 March 2021, villagers beat up a suspected cattle thief in the square.", "Riots",
       "Mob violence"},
      {"On 11 March 2021, a suspected robber was beaten by locals at the market.", "Riots",
       "Mob violence"},
      {"On 11 March 2021, two groups of traders clashed over market stalls in the town.", "Riots",
       "Mob violence"},
      {"On 11 March 2021, soldiers clashed with rebels in the hills.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectTyped(c);
}

// Regression: "several armed men attacked ..." was taken as a series of attacks and dropped.
TEST(LexiconSidesTest, SubjectQuantifierIsNotASeries) {
  const Case kCases[] = {
      {"On 11 March 2021, several armed men attacked two brothers on a farm road. Two people died.",
       "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectTyped(c);
}

TEST(LexiconSidesTest, NoteStyleFireAndWeapons) {
  const Case kCases[] = {
      // Heavy weapons with small arms: an exchange of fire (armed clash), not shelling.
      {"On 11 March 2021, rebel units fired mortars and small arms at army positions near the "
       "bridge.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, the army fired 120mm mortars at rebel positions near the bridge.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, rebel units fired grenade launchers at the positions of the army near "
       "the bridge.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, border troops fired with machine guns on the positions of the other "
       "side.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, monitors recorded 12 explosions involving unknown weapons near the "
       "front line.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the body of a young man was found on a farm road with stab wounds.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, unidentified people set alight a bus depot in the town.",
       "Strategic developments", "Looting/property destruction"},
  };
  for (const Case& c : kCases) ExpectTyped(c);
}

// News phrasings that must not become events of the new forms.
TEST(LexiconSidesTest, NewFormsStayOutOfOrdinaryNews) {
  const char* kTexts[] = {
      "The visit followed a March trip to Tokyo by the prime minister.",
      "The kidnappers marched the hostages into the forest, a resident said.",
      "Mourners surrounded the bodies of the victims at the funeral.",
  };
  for (const char* t : kTexts) {
    for (const Event& e : testing::ExtractText(t)) {
      EXPECT_NE(e.event_type, "Protests") << t;
      EXPECT_NE(e.sub_event_type, "Attack") << t;
    }
  }
}

}  // namespace
}  // namespace sitrep
