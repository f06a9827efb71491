// Session-5 readings of ACLED's definitions (src/extract/type_rules.cc, lexicon.cc,
// data/events/contexts.tsv): which of a sentence's events wins (an attack with its dead over an
// arrest; a protest over the arrest it is about), arrests and barricades in a protest, killings
// in an abduction, armed sides that burn, people who beat the police, premature explosions.
// Sentences written for these tests; each case is one line, most paired with a near miss.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;
using testing::ExpectFirst;

// "type / sub" of every typed event of the text, in output order.
std::vector<std::string> Typed(const std::string& text) {
  std::vector<std::string> out;
  for (const Event& e : testing::ExtractText(text)) {
    if (!e.event_type.empty()) out.push_back(e.event_type + " / " + e.sub_event_type);
  }
  return out;
}

bool HasTyped(const std::string& text, const std::string& type) {
  for (const std::string& t : Typed(text)) {
    if (t == type) return true;
  }
  return false;
}

// Regression (dev news, a headline typed Arrests): "X attack hotels killing 20, a suspected
// leader arrested" is the attack.
TEST(TypePrecedenceTest, AnAttackWithItsDeadOutranksAnArrest) {
  struct Row {
    const char* text;
    const char* type;
    bool wanted;
  };
  const Row kRows[] = {
      {"On 11 March 2021, gunmen attack seafront hotels in the capital killing 20, a suspected "
       "leader arrested.", "Violence against civilians / Attack", true},
      {"On 11 March 2021, 13 people were arrested after they attacked a shop owner in the "
       "market.", "Violence against civilians / Attack", true},
      // The killing is the reason of the arrest, not an event told here.
      {"On 11 March 2021, police arrested two men suspected of killing 3 traders in the market.",
       "Violence against civilians / Attack", false},
      // Regression (ACLED notes: "7 Taliban militants were killed and 3 were arrested during an
      // operation" typed Arrests only): the first violence of the article, with its count, is
      // told beside the arrests.
      {"On 11 March 2021, 7 militants were killed and 3 were arrested during a police operation "
       "in the district.", "Battles / Armed clash", true},
      // Near miss: an outcome with no count of its own is no event of the arrest's sentence.
      {"On 11 March 2021, militants were killed and 3 were arrested during a police operation "
       "in the district.", "Battles / Armed clash", false},
  };
  for (const Row& r : kRows) EXPECT_EQ(HasTyped(r.text, r.type), r.wanted) << r.text;
}

// Regression (dev news, the Sokoto riot typed Arrests): the arrest a protest is about is no
// event of that sentence.
TEST(TypePrecedenceTest, TheArrestAProtestIsAboutIsNoEvent) {
  struct Row {
    const char* text;
    bool arrest;
  };
  const Row kRows[] = {
      {"On 11 March 2021, hundreds of people demonstrated in the city over the arrest of two "
       "students.", false},
      {"On 11 March 2021, youths took to the streets to protest the arrest of the two suspects.",
       false},
      {"On 11 March 2021, police arrested two students in the city.", true},
  };
  for (const Row& r : kRows) {
    EXPECT_EQ(HasTyped(r.text, "Strategic developments / Arrests"), r.arrest) << r.text;
  }
}

TEST(TypePrecedenceTest, ArrestsAndBarricadesInAProtest) {
  const Case kCases[] = {
      // Plural or counted arrests need no police word; a single "he was arrested" is the cause.
      {"On 11 March 2021, about 40 people protested in the city centre. 14 people were "
       "arrested.", "Protests", "Protest with intervention"},
      {"On 11 March 2021, journalists protested in the city against the detention of an "
       "editor. He was arrested last week.", "Protests", "Peaceful protest"},
      {"On 11 March 2021, residents protested in the town. The police had to intervene.",
       "Protests", "Protest with intervention"},
      {"On 11 March 2021, traders protested in the town and urged the mayor to intervene.",
       "Protests", "Peaceful protest"},
      // Road blocks with barricades are violent; barricading oneself in is not.
      {"On 11 March 2021, traders demonstrated and barricaded roads in the town.", "Riots",
       "Violent demonstration"},
      {"On 11 March 2021, teachers went on strike and barricaded themselves into an office.",
       "Protests", "Peaceful protest"},
      // A phrase of the sentence-only rule does not hide a shorter one of the next-sentence rule.
      {"On 11 March 2021, workers staged a demonstration on the highway. They also burnt tires.",
       "Riots", "Violent demonstration"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

TEST(TypePrecedenceTest, WhoBurnsAndWhoIsBeaten) {
  const Case kCases[] = {
      // A killing in an abduction's sentence makes it an attack.
      {"On 11 March 2021, three civilians were kidnapped and killed by militants in the town.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, gunmen kidnapped three civilians in the town.",
       "Violence against civilians", "Abduction/forced disappearance"},
      // Burning by an armed side is an attack; by residents, a riot.
      {"On 11 March 2021, a youth militia torched party offices in the town.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, residents torched party offices in the town.", "Riots", "Mob violence"},
      // Attackers (gunmen, bandits) who burn attack; armed crowds riot.
      {"On 11 March 2021, gunmen set fire to houses in the village.", "Violence against civilians",
       "Attack"},
      {"On 11 March 2021, bandits torched the market in the town.", "Violence against civilians",
       "Attack"},
      {"On 11 March 2021, armed youths torched houses in the village.", "Riots", "Mob violence"},
      // People who beat the police riot; gunmen who attack them fight a battle.
      {"On 11 March 2021, a policeman on duty was beaten up by three persons in the town.",
       "Riots", "Mob violence"},
      {"On 11 March 2021, a policeman on duty was shot by gunmen in the town.", "Battles",
       "Armed clash"},
      // An explosive that went off too early is a disrupted weapons use.
      {"On 11 March 2021, two militants were killed when a landmine they were planting exploded "
       "prematurely near the town.", "Strategic developments", "Disrupted weapons use"},
      {"On 11 March 2021, two soldiers were killed when a landmine exploded near the town.",
       "Explosions/Remote violence", "Remote explosive/landmine/IED"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (dev news, "attack hotels killing 20, a suspected leader arrested" and "made two
// arrests after the incident" typed Arrests of their own): an arrest told as the aftermath of an
// attack is no ACLED event; an arrest told alone or for a protest is one.
TEST(TypePrecedenceTest, ArrestsAfterAnAttackAreItsAftermath) {
  struct Row {
    const char* text;
    bool arrest;
  };
  const Row kRows[] = {
      {"On 11 March 2021, gunmen attack hotels in the capital killing 20, a suspected leader "
       "arrested.", false},
      {"On 11 March 2021, police said they made two arrests after the incident in the town.",
       false},
      {"On 11 March 2021, two men were arrested in connection with the killing in the town.",
       false},
      {"On 11 March 2021, police arrested three men over the attack on the market.", false},
      {"On 11 March 2021, police arrested three men after a search of the market.", true},
      {"On 11 March 2021, police arrested 55 people for taking part in protests in the city.",
       true},
      {"On 11 March 2021, police arrested two opposition leaders in the capital.", true},
  };
  for (const Row& r : kRows) {
    EXPECT_EQ(HasTyped(r.text, "Strategic developments / Arrests"), r.arrest) << r.text;
  }
}

}  // namespace
}  // namespace sitrep
