// Session-4 readings of ACLED's definitions (src/extract/type_rules.cc, data/events/contexts.tsv
// scopes): who the target is, fire in both directions, crowds with and without a demonstration,
// protests dispersed or arrested by the police. Sentences written for these tests; each case is
// one line of a table, and most tables pair a sentence with its near miss.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;
using testing::ExpectFirst;

TEST(TypeRulesTest, FireInBothDirectionsIsAnArmedClash) {
  const Case kCases[] = {
      {"On 11 March 2021, monitors recorded 40 explosions involving unknown weapons in both "
       "directions of the front line near the bridge.", "Battles", "Armed clash"},
      {"On 11 March 2021, monitors recorded 40 explosions involving unknown weapons near the "
       "bridge.", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, a man was killed after exchanging fire with police officers in the "
       "market.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

TEST(TypeRulesTest, TheTargetNotTheNearestWordDecides) {
  const Case kCases[] = {
      // Armed posts and forces as targets: a battle.
      {"On 11 March 2021, militants attacked the gendarmerie station in the town and wounded "
       "four gendarmes.", "Battles", "Armed clash"},
      // Parenthesis between the passive's subject and its verb.
      {"On 11 March 2021, a police team in the town (north district, east state) was shot at "
       "by armed youths.", "Battles", "Armed clash"},
      // An outcome whose subject is the victim.
      {"On 11 March 2021, one police officer died in a shooting in the town.", "Battles",
       "Armed clash"},
      // "who" leads back to the subject of the passive.
      {"On 11 March 2021, traffic police who tried to stop two men on a motorcycle were shot "
       "and injured.", "Battles", "Armed clash"},
      // Assailant words as the target of a verb: a battle; after a nominal trigger: no target.
      {"On 11 March 2021, police shot dead two gunmen near the border post.", "Battles",
       "Armed clash"},
      {"On 11 March 2021, a shooting by gunmen killed a shopkeeper in the market.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a shooting by gunmen on a village road killed a farmer.",
       "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression: "gunmen" after a nominal trigger ("an incident unfolded as gunmen ...", "the
// attack underscores the jihadist insurgency") made attacks on civilians battles.
TEST(TypeRulesTest, AssailantWordsAfterANounAreNoTarget) {
  const Case kCases[] = {
      {"On 11 March 2021, gunmen killed 20 concertgoers. The attack underscores the threat of "
       "the ongoing jihadist insurgency in the region.", "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

TEST(TypeRulesTest, ProtestsDispersedArrestedOrViolent) {
  const Case kCases[] = {
      {"On 11 March 2021, about 40 workers protested in the city centre. The group demanded "
       "higher wages. Police dispersed the group.", "Protests", "Protest with intervention"},
      {"On 11 March 2021, about 40 people protested in the city centre. Around 20 of them were "
       "arrested by the police.", "Protests", "Protest with intervention"},
      // The arrest is the protest's cause, not an intervention.
      {"On 11 March 2021, journalists protested in the city against the arrest of an editor. "
       "He was arrested last week.", "Protests", "Peaceful protest"},
      {"On 11 March 2021, taxi drivers demonstrated in the town after an accident. The "
       "demonstrators destroyed two control posts.", "Riots", "Violent demonstration"},
      {"On 11 March 2021, residents demonstrated in the town and set barricades on fire.",
       "Riots", "Violent demonstration"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

TEST(TypeRulesTest, CrowdViolenceWithoutADemonstrationIsMobViolence) {
  const Case kCases[] = {
      {"On 11 March 2021, residents pelted stones at police officers in the old town.", "Riots",
       "Mob violence"},
      {"On 11 March 2021, residents pelted stones at police officers during a protest against "
       "the new tax.", "Riots", "Violent demonstration"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// A clash with the police and no armed side, told in or right after a demonstration's own
// sentence, is the demonstration turned violent (dev 010: "The protestors attacked the police
// ... A clash took place as police retaliated" was a battle of its own). The last typed event
// of each text is the clash's.
TEST(TypeRulesTest, ClashOfDemonstratorsWithThePoliceIsAViolentDemonstration) {
  const Case kCases[] = {
      {"Students were demonstrating at the university on 11 March 2021. A clash took place as "
       "police moved in.", "Riots", "Violent demonstration"},
      {"On 11 March 2021, a procession of protesting students reached the campus, where a clash "
       "occurred with the police.", "Riots", "Violent demonstration"},
      // Controls: an armed side in the clash's sentence; no demonstration told before it.
      {"Students were demonstrating at the university on 11 March 2021. A clash took place as "
       "soldiers fought gunmen nearby.", "Battles", "Armed clash"},
      {"Students gathered at the university on 11 March 2021. A clash took place as police "
       "moved in.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) {
    std::vector<Event> news = testing::News(c.text);
    ASSERT_FALSE(news.empty()) << c.text;
    EXPECT_EQ(news.back().event_type + " / " + news.back().sub_event_type,
              std::string(c.event_type) + " / " + c.sub_event_type)
        << c.text;
  }
}

TEST(TypeRulesTest, CrowdsDestroyingPropertyRiot) {
  const Case kCases[] = {
      {"On 11 March 2021, about 500 residents set alight a tavern in the town.", "Riots",
       "Mob violence"},
      {"On 11 March 2021, inmates set alight their sheets in the prison, demanding court dates.",
       "Riots", "Violent demonstration"},
      // After a verb, "by ..." is a means or a place: the crowd before the verb is the agent.
      {"On 11 March 2021, a group of local people beat up a man by the roadside.", "Riots",
       "Mob violence"},
      // Regression: the crowd word of a coordinated clause was taken as the agent of "burnt".
      {"On 11 March 2021, militiamen killed eight residents and burnt down houses in the "
       "villages.", "Violence against civilians", "Attack"},
      // Shooting down a drone is a disrupted weapons use.
      {"On 11 March 2021, army units shot down a drone over the airport.",
       "Strategic developments", "Disrupted weapons use"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

TEST(TypeRulesTest, ContextScopesAreChecked) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "sitrep_type_rules_test";
  fs::create_directories(dir);
  for (const char* f : {"triggers.tsv", "instruments.tsv", "cues.tsv"}) {
    fs::copy_file(fs::path(SITREP_SOURCE_DIR "/data/events") / f, dir / f,
                  fs::copy_options::overwrite_existing);
  }
  const char* kRows[] = {
      "Protests\tPeaceful protest\ttear gas\tProtests\tProtest with intervention\tsentence\n",
      "Protests\tPeaceful protest\ttear gas\tProtests\tProtest with intervention\tnear\tpolice\n",
      "Riots\tViolent demonstration\tprotest\tRiots\tMob violence\tabsent\n",
      "Protests\tPeaceful protest\ttear gas\tProtests\tProtest with intervention\tlater\n",
  };
  const bool kOk[] = {true, true, true, false};
  for (size_t i = 0; i < std::size(kRows); ++i) {
    std::ofstream(dir / "contexts.tsv") << kRows[i];
    auto lex = extract::EventLexicon::Load(dir.string());
    EXPECT_EQ(lex.ok(), kOk[i]) << kRows[i];
    if (lex.ok() && lex->context_rule_count() == 1) {
      EXPECT_EQ(lex->context_rule(0).absent, i == 2) << kRows[i];
      EXPECT_EQ(lex->context_rule(0).reach, i == 1 ? 2 : 0) << kRows[i];
      EXPECT_EQ(lex->context_rule(0).with_kinds.size(), i == 1 ? 1u : 0u) << kRows[i];
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
