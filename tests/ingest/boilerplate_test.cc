#include "sitrep/ingest/boilerplate.h"

#include <gtest/gtest.h>

#include "sitrep/ingest/lexicon.h"

namespace sitrep {
namespace {

std::vector<TextBlock> Blocks(const std::vector<std::string>& lines) {
  std::string raw;
  for (const auto& l : lines) raw += l + "\n\n";
  return SplitTextBlocks(raw);
}

// The reason RemoveBoilerplate gives `line` in the middle of a plain article, "" when kept.
std::string ReasonFor(const std::string& line) {
  auto blocks = Blocks({"Officials said the strike killed three people on Friday in the port city.",
                        line, "The army blamed the paramilitary group, which denied the charge."});
  std::vector<RemovedBlock> removed;
  RemoveBoilerplate(&blocks, nullptr, &removed);
  return removed.empty() ? "" : removed[0].reason;
}

TEST(BoilerplateTest, LexiconsAreFound) {
  EXPECT_FALSE(DataDir().empty());
  EXPECT_FALSE(LexiconPhrases("boilerplate/promo.txt").empty());
}

TEST(BoilerplateTest, JunkLines) {
  const std::pair<const char*, const char*> cases[] = {
      {"BEST DEALS OF THE WEEK \xE2\x80\x93 SHOP NOW", "promo"},
      {"Subscribe to our newsletter", "promo"},
      {"Sign up for our morning briefing", "promo"},
      {"See also: Five things to know about the port", "see-also"},
      {"You might also like: A recipe for summer", "see-also"},
      {"Read more: Why the talks failed", "see-also"},
      {"Also Read | Minister resigns", "see-also"},
      {"Share on Facebook Share on Twitter", "share"},
      {"Facebook Twitter WhatsApp Email", "share"},
      {"A woman walks past a damaged building. Photo: Jane Roe/AFP", "caption"},
      {"Rescuers search the rubble [Ali Noor/Reuters]", "caption"},
      {"Credit: Pool via AP", "caption"},
      {"Source: News Agencies", "caption"},
      {"Additional reporting by Tom Bell in Cairo; Editing by Ann Lee", "contributors"},
      {"This story has been updated with the death toll.", "update"},
      {"Home \xE2\x80\xBA World \xE2\x80\xBA Africa", "nav"},
      {"- - -", "punct"},
      {"https://example.com/news/2031/03/14/story", "url"},
      {"\xE2\x80\x94 Some Person (@someone) March 14, 2031", "embed"},
      {"\xE2\x80\x93", "punct"},
      {"Tags: drone attack, port, depot", "see-also"},
      {"This is a developing story\xE2\x80\xA6", "update"},
      {"Aftermath of the attack (Image via Harbor Radio)", "caption"},
  };
  for (auto [line, want] : cases) EXPECT_EQ(ReasonFor(line), want) << line;
}

// Body text that must never be removed, however close it comes to a cue.
TEST(BoilerplateTest, BodyLinesKept) {
  const char* body[] = {
      "Subscribers to the state water service were left without supply for two days.",
      "Background and Context",
      "Why did the army strike the depot?",
      "Share prices fell sharply in Khartoum after the attack, traders said.",
      "Read the full statement, the ministry told reporters on Friday.",
      "The photo: a crowd gathered outside the hospital, was shared widely, and officials said it showed the scene hours after the blast in the city centre.",
      "Reporting from the scene was difficult, the journalists' union said.",
      "He said the attack was \xE2\x80\x9Cunacceptable\xE2\x80\x9D.",
      "SUDAN",
      "Updated death toll rises to 12 as rescuers search the rubble in the city centre on Saturday morning, officials said in a long statement.",
  };
  for (const char* line : body) EXPECT_EQ(ReasonFor(line), "") << line;
}

TEST(BoilerplateTest, AuthorBoxAtTheEndTakesTheBio) {
  auto blocks = Blocks({"First body paragraph of the article, with a sentence.",
                        "Second body paragraph of the article, with a sentence.", "About the Author",
                        "Jane Roe covers the region for the paper."});
  std::vector<RemovedBlock> removed;
  RemoveBoilerplate(&blocks, nullptr, &removed);
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[1].reason, "author-box");
}

TEST(BoilerplateTest, CaptionLabelTakesTheCaptionAfterIt) {
  auto blocks = Blocks({"First body paragraph of the article, with a sentence.", "Image caption,",
                        "Rescuers search the rubble of the depot",
                        "Second body paragraph of the article, with a sentence."});
  std::vector<RemovedBlock> removed;
  RemoveBoilerplate(&blocks, nullptr, &removed);
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[1].text, "Rescuers search the rubble of the depot");
  EXPECT_EQ(blocks.size(), 2u);
}

TEST(BoilerplateTest, RepeatedShortLinesAcrossDocumentsGo) {
  BoilerplateStats stats;
  for (int i = 0; i < 4; ++i) {
    stats.AddDocument(Blocks({"Body number " + std::to_string(i) + " says something new.",
                              "Follow the Harbor Gazette for live updates",
                              "The death toll rose to 12."}));
  }
  auto blocks = Blocks({"A body sentence that is only here.", "Follow the Harbor Gazette for live updates",
                        "The death toll rose to 12."});
  std::vector<RemovedBlock> removed;
  RemoveBoilerplate(&blocks, &stats, &removed);
  ASSERT_EQ(removed.size(), 1u);  // the repeated sentence from wire copy stays
  EXPECT_EQ(removed[0].reason, "repeated");
  EXPECT_EQ(blocks.size(), 2u);
}

TEST(BoilerplateTest, RemovedSpanPointsIntoRaw) {
  std::string raw = "Body sentence one is here.\n\n  SHOP   NOW \n\nBody two.\n";
  auto blocks = SplitTextBlocks(raw);
  std::vector<RemovedBlock> removed;
  RemoveBoilerplate(&blocks, nullptr, &removed);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].text, "SHOP NOW");
  EXPECT_EQ(raw.substr(removed[0].raw_begin, removed[0].raw_end - removed[0].raw_begin), "SHOP   NOW");
}

}  // namespace
}  // namespace sitrep
