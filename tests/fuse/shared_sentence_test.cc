// Shared sentences as identity evidence: boilerplate that travels between unrelated articles
// (captions, credits, standing background) links nothing; a copied report sentence does.
#include "sitrep/fuse/shared_sentence.h"

#include <gtest/gtest.h>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"

namespace sitrep::testing_fuse {
namespace {

const char* kStrike = "Explosions/Remote violence";

TEST(SharedSentenceTest, EvidentialTable) {
  struct Case {
    const char* sentence;
    bool evidential;
    const char* why;
  } cases[] = {
      {"A suicide bomber killed 12 people at a market in the town on Friday.", true,
       "a report sentence"},
      {"MOGADISHU, Somalia (AP) - A car bomb exploded near a checkpoint today.", true,
       "a dateline is one capital word"},
      {"Police said the attackers fled towards the hills after the raid.", true,
       "no anchor needed: a copied sentence is a copy"},
      {"THIS IMAGE MAY OFFEND OR DISTURB A paramedic helps a wounded man.", false,
       "an image warning (four capital words in a row)"},
      {"This image may offend or disturb: a paramedic helps a wounded man.", false,
       "the warning in lower case"},
      {"Wounded people arrive at a hospital (Photo: Feisal Omar/Reuters)", false, "photo credit"},
      {"Residents inspect the damage after the strike. AFP/Getty Images", false, "agency credit"},
      {"Sign up for our daily newsletter to get the latest news.", false, "page furniture"},
      {"Additional reporting by our correspondent in the capital city.", false, "credit line"},
      {"Al-Shabab has been fighting to topple the government for more than 17 years.", false,
       "standing background (has been fighting)"},
      {"The group has carried out attacks in the region in recent years.", false,
       "standing background (in recent years)"},
      {"The attack was condemned.", false, "too short to tell one event from another"},
      {"Dozens were killed.", false, "too short"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EvidentialSentence(c.sentence), c.evidential) << c.why << ": " << c.sentence;
  }
}

// Two articles about different attacks in one town, a week apart in dates that overlap, share
// only a caption: they must not link. The same pair sharing a report sentence does (a copy).
TEST(SharedSentenceTest, CaptionSharedByTwoArticlesLinksNothing) {
  FusionOptions o;
  const std::string caption = "THIS IMAGE MAY OFFEND OR DISTURB A paramedic helps a wounded man.";
  Report a = MakeReport("a", 0, kStrike, "2024-03-02", std::nullopt, 2, caption);
  Report b = MakeReport("b", 0, kStrike, "2024-03-02", std::nullopt, 5, caption);
  EXPECT_FALSE(SharesEvidentialSentence(a.event, b.event));
  EXPECT_FALSE(Linked(a, b, o));
  // (A placeless report needs a shared sentence that names something: specific_evidence_test.)
  const std::string copied = "A drone strike killed two people near the Wabaria market on Saturday.";
  Report c = MakeReport("c", 0, kStrike, "2024-03-02", std::nullopt, 2, copied);
  Report d = MakeReport("d", 0, kStrike, "2024-03-02", std::nullopt, 2, copied);
  EXPECT_TRUE(SharesEvidentialSentence(c.event, d.event));
  EXPECT_TRUE(Linked(c, d, o));
}

// A standing background paragraph two outlets both carry (undated, so only a shared sentence
// could link the reports) does not join two different attacks.
TEST(SharedSentenceTest, StandardBackgroundParagraphLinksNothing) {
  FusionOptions o;
  const std::string background =
      "Al-Shabab has been fighting to topple the fragile central government for more than 17 years.";
  Report a = MakeReport("a", 0, "Battles", "2024-03-02", std::nullopt, -1, background);
  Report b = MakeReport("b", 0, "Battles", "2024-08-02", std::nullopt, -1, background);
  a.event.date = {};
  b.event.date = {};
  EXPECT_FALSE(Linked(a, b, o));
}

// Within one article, two reports of one sentence are one incident whatever the sentence.
TEST(SharedSentenceTest, SameArticleSentenceStillCounts) {
  const std::string caption = "THIS IMAGE MAY OFFEND OR DISTURB A paramedic helps a wounded man.";
  Report a = MakeReport("a", 0, kStrike, "2024-03-02", std::nullopt, 2, caption);
  Report b = MakeReport("a", 1, kStrike, "2024-03-02", std::nullopt, 2, caption);
  EXPECT_TRUE(SharesEvidentialSentence(a.event, b.event));
}

}  // namespace
}  // namespace sitrep::testing_fuse
