// Readings of ACLED's actor conventions (src/extract/type_rules.cc, data/events/cues.tsv,
// contexts.tsv): traffickers, gang members, guards, rangers and bases are armed sides; dead on
// both sides make a fight; a place after an armed target is no civilian target; the aircraft
// or drone named decides an air/drone strike over a missile attack. Sentences
// written for these tests, one line per case, most paired with a near miss.
#include <gtest/gtest.h>

#include "extract_test_support.h"

namespace sitrep {
namespace {

using Case = testing::TypeCase;
using testing::ExpectFirst;

// Regression (ACLED notes: a man shot by armed men, "the victim had charges against him for
// drug trafficking", typed violence against civilians; ACLED codes gangs as armed groups).
TEST(TypeRulesArmedSidesTest, AVictimWhoTraffickedOrFoughtIsAnArmedSide) {
  const Case kCases[] = {
      {"On 11 March 2021, a man was shot dead by two gunmen in the town. The victim was a known "
       "drug dealer.", "Battles", "Armed clash"},
      {"On 11 March 2021, a man was shot dead in the town. The victim had been convicted of drug "
       "trafficking.", "Battles", "Armed clash"},
      {"On 11 March 2021, a suspected drug dealer was shot dead by gunmen in the town.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, a man was shot dead in the town. Police said the victim was armed.",
       "Battles", "Armed clash"},
      // Near misses: gang members as the attackers, and a victim with no such past, are
      // violence against civilians.
      {"On 11 March 2021, two farmers were shot dead by gang members in the town.",
       "Violence against civilians", "Attack"},
      {"On 11 March 2021, a man was shot dead in the town. The victim was a teacher.",
       "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: "two were killed, one from each side" typed an attack).
TEST(TypeRulesArmedSidesTest, DeadOnBothSidesMakeAFight) {
  const Case kCases[] = {
      {"On 11 March 2021, gunmen attacked the town. Two people were killed, one from each "
       "side.", "Battles", "Armed clash"},
      {"On 11 March 2021, gunmen attacked the town, and there were dead on both sides.",
       "Battles", "Armed clash"},
      // Near miss: dead on one side only.
      {"On 11 March 2021, gunmen attacked the town. Two people were killed.",
       "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: "killed a police officer attached to the Government House", "attacked
// a security forces post at the main market" typed attacks on civilians: the place after the
// armed target counted as a civilian one).
TEST(TypeRulesArmedSidesTest, APlaceAfterAnArmedTargetIsNoCivilianTarget) {
  const Case kCases[] = {
      {"On 11 March 2021, gunmen shot dead a police officer attached to the Government House "
       "in the city.", "Battles", "Armed clash"},
      {"On 11 March 2021, militants attacked a security forces post at the main market in the "
       "town, wounding two people.", "Battles", "Armed clash"},
      {"On 11 March 2021, militants attacked an army base near the town, wounding two people.",
       "Battles", "Armed clash"},
      {"On 11 March 2021, gunmen shot dead a security guard in the town.", "Battles",
       "Armed clash"},
      // Near misses: a civilian head keeps the civilians, whatever place follows it.
      {"On 11 March 2021, gunmen attacked the market near the police station, wounding two "
       "people.", "Violence against civilians", "Attack"},
      {"On 11 March 2021, gunmen shot dead two women at a market near the police station.",
       "Violence against civilians", "Attack"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Issue 6 (session 8): missiles and rockets are shelling/artillery/missile attacks unless the
// aircraft or drones that fired them are named (ACLED tells an air/drone strike by the platform).
TEST(TypeRulesArmedSidesTest, TheNamedPlatformDecidesAirStrikeOrMissileAttack) {
  const Case kCases[] = {
      {"On 11 March 2021, the state launched a series of missile strikes on targets in the "
       "neighbouring country, killing four people.", "Explosions/Remote violence",
       "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the base was targeted by missiles and rockets, injuring four soldiers.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the army fired ballistic missiles at the city, killing four people.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, militias attacked the bases with rockets, injuring four soldiers.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      {"On 11 March 2021, the army fired anti-aircraft guns at the village, killing four people.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack"},
      // The aircraft or drone named beside the munition makes it an air/drone strike.
      {"On 11 March 2021, militias attacked the bases with rockets and drones, injuring four "
       "soldiers.", "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, warplanes fired missiles at the city, killing four people.",
       "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, jets carried out missile strikes on the city, killing four people.",
       "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, the base was hit by one-way attack drones, injuring four soldiers.",
       "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, the army attacked the city with suicide drones, killing four people.",
       "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, a UAV struck a vehicle, killing two men.", "Explosions/Remote violence",
       "Air/drone strike"},
      // Regression (dev news 004: "a bomb, dropped by a Nigerian Air Force jet" typed an IED).
      {"On 11 March 2021, a bomb, dropped by an air force jet, hit the village, killing 30 "
       "people.", "Explosions/Remote violence", "Air/drone strike"},
      {"On 11 March 2021, rebels dropped grenades from a drone on the positions, wounding four "
       "soldiers.", "Explosions/Remote violence", "Air/drone strike"},
      // Near misses: a bomb or grenade with no aircraft named stays a device or a grenade.
      {"On 11 March 2021, a bomb exploded in the market, killing 30 people.",
       "Explosions/Remote violence", "Remote explosive/landmine/IED"},
      {"On 11 March 2021, a man threw a grenade into the bar, wounding four people.",
       "Explosions/Remote violence", "Grenade"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: "a hand grenade was thrown at a checkpoint" found no event).
TEST(TypeRulesArmedSidesTest, AThrownHandGrenadeIsAGrenadeAttack) {
  const Case kCases[] = {
      {"On 11 March 2021, a hand grenade was thrown at a police checkpoint in the city.",
       "Explosions/Remote violence", "Grenade"},
      {"On 11 March 2021, militants threw a hand grenade at a bus stop in the city, wounding "
       "two people.", "Explosions/Remote violence", "Grenade"},
      {"On 11 March 2021, a grenade explosion in the market wounded two people.",
       "Explosions/Remote violence", "Grenade"},
      // A grenade answered with gunfire is an exchange between armed sides.
      {"On 11 March 2021, militants threw a hand grenade at a police station in the city. "
       "Police reacted with gunfire, and two officers were injured.", "Battles", "Armed clash"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

// Regression (ACLED notes: "seized about 8,5 tons of marijuana" typed nothing: the decimal comma
// ended the clause before the goods).
TEST(TypeRulesArmedSidesTest, GoodsAfterADecimalCommaAreSeized) {
  const Case kCases[] = {
      {"On 11 March 2021, police seized about 8,5 tons of marijuana on the highway in the town.",
       "Strategic developments", "Looting/property destruction"},
      {"On 11 March 2021, police seized 8 tons of marijuana on the highway in the town.",
       "Strategic developments", "Looting/property destruction"},
  };
  for (const Case& c : kCases) ExpectFirst(c);
}

}  // namespace
}  // namespace sitrep
