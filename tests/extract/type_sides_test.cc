// Session-6 readings of ACLED's definitions (data/events/triggers.tsv, contexts.tsv,
// src/extract/type_rules.cc): heavy weapons fired over a distance with no small arms are
// shelling, with small arms or in both directions an armed clash; a battle needs two armed
// sides, so an attack whose only armed side is its "by ..." agent is an attack; a counted group
// of unarmed people acts as a mob; a seizure is looting/property destruction when goods are
// seized. Sentences written for these tests; one line per case, most paired with a near miss.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;
using testing::ExpectFirst;
using testing::FirstTyped;

// Regression (ACLED notes, 59 shelling notes typed Battles): one-sided heavy weapons fire.
TEST(TypeSidesTest, HeavyWeaponsWithoutSmallArmsAreShelling) {
  const Case kCases[] = {
      {"On 11 March 2021, the army fired heavy machine guns at the positions of the rebels "
       "near the village.", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, observers recorded 40 explosions and bursts of fire involving heavy "
       "machine guns near the village.", "Explosions/Remote violence",
       "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the rebels fired IFVs at the army positions near the village.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the rebels fired anti-tank guided missiles at the army positions near "
       "the village.", "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      // Near misses: small arms or fire in both directions make it an exchange.
      {"On 11 March 2021, the army fired heavy machine guns and small arms at the positions of "
       "the rebels near the village.", "Battles", "Armed clash"},
      {"On 11 March 2021, observers recorded 40 bursts of fire involving small arms near the "
       "village.", "Battles", "Armed clash"},
      {"On 11 March 2021, observers recorded 40 explosions in both directions of the frontline "
       "near the village.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (dev news 013, Barsalogho typed Battles): the armed side is the attacker only.
TEST(TypeSidesTest, ABattleNeedsAnArmedTarget) {
  const Case kCases[] = {
      {"On 11 March 2021, 200 people were killed in the town, the latest in a line of deadly "
       "attacks by an armed group.", "Violence against civilians", "Attack"},
      // Near misses: an armed or police target makes it a battle.
      {"On 11 March 2021, an attack by an armed group on an army base killed 12 soldiers.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, soldiers encountered militants near the town in which two militants "
       "were killed.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes, mob violence typed attacks): a counted group of unarmed people
// that beats or attacks someone acts as a mob.
TEST(TypeSidesTest, ACountedGroupOfPeopleIsAMob) {
  const Case kCases[] = {
      {"On 11 March 2021, five persons beat up a man with sticks in the market over a dispute.",
       "Riots", "Mob violence"},
      {"On 11 March 2021, a local leader was beaten to death by four men in the town.", "Riots",
       "Mob violence"},
      // Near misses: an armed group, or one unnamed attacker, is no mob.
      {"On 11 March 2021, five gunmen beat up a man in the market.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a man beat up a trader in the market.", "Violence against civilians",
       "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: police drug seizures typed Arrests): what is seized decides.
TEST(TypeSidesTest, ASeizureOfGoodsIsLooting) {
  const Case kCases[] = {
      {"On 11 March 2021, federal police seized 3 tons of marijuana hidden in a truck on the "
       "highway near the town.", "Strategic developments", "Looting/property destruction"},
      {"On 11 March 2021, 1.4 million packs of smuggled cigarettes were confiscated by police "
       "in the town.", "Strategic developments", "Looting/property destruction"},
      // Near misses: a town or weapons seized are no goods taken.
      {"On 11 March 2021, rebels seized the city after days of fighting with the army.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, soldiers seized weapons and ammunition from a camp near the town.",
       "(none)", ""},
  };
  for (const Case& c : kCases) {
    std::string want = std::string(c.event_type) == "(none)"
                           ? "(none)"
                           : std::string(c.event_type) + " / " + c.sub_event_type;
    EXPECT_EQ(FirstTyped(c.text), want) << c.text;
  }
}

}  // namespace
}  // namespace sitrep
