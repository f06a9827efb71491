// Sentence-level tests of event extraction (sentences written for these tests): triggers ->
// types, figures -> counts, modality, background; and in-document coreference.
#include <gtest/gtest.h>

#include <cstdlib>

#include "extract_test_support.h"
#include "sitrep/extract/extractor.h"

namespace sitrep {
namespace {

const EventExtractor& Extractor() { return testing::TestExtractor(); }

Document Doc(const std::string& text) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = DateInterval{DaysFromCivil(2024, 1, 10), DaysFromCivil(2024, 1, 10), DatePrecision::kDay};
  return d;
}

std::vector<Event> Acled(const std::string& text) {
  std::vector<Event> out;
  for (auto& e : Extractor().Extract(Doc(text))) {
    if (!e.event_type.empty()) out.push_back(e);
  }
  return out;
}

struct Case {
  const char* text;
  const char* event_type;
  const char* sub_event_type;
  int64_t fatalities;  // -1 = none
  int64_t injured;
};

TEST(ExtractorTest, SentenceTypesAndFigures) {
  const Case kCases[] = {
      {"A drone strike hit a car in the town on Monday, killing three people.",
       "Explosions/Remote violence", "Air/drone strike", 3, -1},
      {"Gunmen opened fire on worshippers at a mosque, killing 12 and wounding 20.",
       "Violence against civilians", "Attack", 12, 20},
      {"A roadside bomb exploded near a police convoy on Monday, wounding four officers.",
       "Explosions/Remote violence", "Remote explosive/landmine/IED", 0, 4},  // injuries only: 0 dead
      {"A suicide bomber blew himself up at a checkpoint, killing seven soldiers.",
       "Explosions/Remote violence", "Suicide bomb", 7, -1},
      {"Rebels and army troops clashed near the border, leaving nine fighters dead.",
       "Battles", "Armed clash", 9, -1},
      {"Thousands of people protested in the capital against fuel prices.", "Protests",
       "Peaceful protest", -1, -1},
      {"Police arrested 15 opposition activists after the vote.", "Strategic developments",
       "Arrests", -1, -1},
      {"Armed men abducted 30 pupils from a school on Tuesday.", "Violence against civilians",
       "Abduction/forced disappearance", -1, -1},
      {"Artillery shelling of the village killed two children.", "Explosions/Remote violence",
       "Shelling/artillery/missile attack", 2, -1},
      {"The blast resulted in the death of three men and injured eight others.",
       "Explosions/Remote violence", "Remote explosive/landmine/IED", 3, 8},
      {"The explosion wounded six others in addition to the four killed.",
       "Explosions/Remote violence", "Remote explosive/landmine/IED", 4, 6},
      {"Six members of the militia were killed in a missile strike on their camp.",
       "Explosions/Remote violence", "Shelling/artillery/missile attack", 6, -1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    auto evs = Acled(c.text);
    ASSERT_EQ(evs.size(), 1u);
    EXPECT_EQ(evs[0].event_type, c.event_type);
    EXPECT_EQ(evs[0].sub_event_type, c.sub_event_type);
    EXPECT_EQ(evs[0].fatalities ? evs[0].fatalities->best : -1, c.fatalities);
    EXPECT_EQ(evs[0].injured ? evs[0].injured->best : -1, c.injured);
  }
}

TEST(ExtractorTest, ModalityKeepsThreatsAndNegationsOutOfViolence) {
  const char* kCases[] = {
      "The group threatened to attack the base.",
      "Officials warned that militants could strike again.",
      "The minister condemned the decision.",
  };
  for (const char* t : kCases) {
    SCOPED_TRACE(t);
    EXPECT_TRUE(Acled(t).empty());
  }
  auto all = Extractor().Extract(Doc("The minister condemned the decision."));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].plover_type, "ACCUSE");
}

TEST(ExtractorTest, BackgroundIsDatedToItsOwnTime) {
  auto evs = Acled("The bombing of the embassy in 2019 killed 40 people.");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_TRUE(evs[0].historical);
  EXPECT_EQ(CivilFromDays(evs[0].best_day).year, 2019);
}

TEST(ExtractorTest, UndatedEventGetsTheArticleDateCoarser) {
  auto evs = Acled("A bomb exploded in a crowded market, killing 11 people.");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_FALSE(evs[0].historical);
  EXPECT_EQ(evs[0].date.latest, DaysFromCivil(2024, 1, 10));
  EXPECT_LT(evs[0].date.earliest, evs[0].date.latest);
  EXPECT_NE(evs[0].date.precision, DatePrecision::kDay);
}

TEST(ExtractorTest, RevisedFigureSupersedesTheInitialOne) {
  auto evs = Acled(
      "A bomb exploded in a market on Tuesday, killing 25 people.\n\n"
      "The initial death toll, which initially exceeded 30, was later revised.");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].fatalities);
  EXPECT_EQ(evs[0].fatalities->best, 25);
}

TEST(ExtractorTest, SameAttackToldThreeTimesIsOneEvent) {
  auto evs = Acled(
      "A car bomb exploded outside a police station on Saturday, killing five officers.\n\n"
      "The attack was claimed by a local armed group.\n\n"
      "Witnesses said the blast shattered windows across the street.\n\n"
      "Separately, an air strike on Monday hit a weapons depot.");
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[0].sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(evs[0].sources.size(), 3u);
  EXPECT_EQ(evs[0].fatalities->best, 5);
  EXPECT_EQ(evs[1].sub_event_type, "Air/drone strike");
}

TEST(ExtractorTest, SeriesOfAttacksIsNotOneEvent) {
  const char* kCases[] = {
      "Militants have carried out dozens of attacks on army posts since March.",
      "Rebels launched a series of raids on villages in recent months.",
      "He suggested the army focus on talks instead of attacking the camps.",
  };
  for (const char* t : kCases) {
    SCOPED_TRACE(t);
    EXPECT_TRUE(Acled(t).empty());
  }
}

TEST(ExtractorTest, FiguresOfASeriesDoNotGoToTheMainEvent) {
  auto evs = Acled(
      "A car bomb exploded outside a police station on Monday, killing five officers.\n\n"
      "The group says these attacks avenge the war, which has killed more than 9,000 people.");
  ASSERT_EQ(evs.size(), 1u);
  ASSERT_TRUE(evs[0].fatalities);
  EXPECT_EQ(evs[0].fatalities->best, 5);
}

TEST(ExtractorTest, PassiveSubjectPlaceAndInstrumentStartAnEvent) {
  auto evs = Acled("On Saturday, the Tal Afar airport was targeted by rockets.");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(evs[0].best_day, DaysFromCivil(2024, 1, 6));
}

TEST(ExtractorTest, OutcomeWordWithInstrumentDecidesTheSubType) {
  auto evs = Acled(
      "The attack on the compound was condemned by the government.\n\n"
      "Three guards were killed when a drone hit the compound on Monday.");
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].sub_event_type, "Air/drone strike");
  EXPECT_EQ(evs[0].fatalities->best, 3);
}

}  // namespace
}  // namespace sitrep
