// UD English EWT test set: token F1 >= 99.3 and sentence F1 >= 88 (CoNLL 2018 definitions).
#include <gtest/gtest.h>

#include <filesystem>

#include "sitrep/text/tokenize_eval.h"

namespace sitrep {
namespace {

TEST(UdTokenizeGoldenTest, EwtTestScores) {
  std::string path = std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  Result<UdText> gold = ReadUdText(path);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  auto model = SentenceSplitter::Load(std::string(SITREP_SOURCE_DIR) + "/models/sentence_split.v2.txt");
  ASSERT_TRUE(model.ok()) << model.status().message();
  TokenizedText seg;
  Segment(gold->text, &seg, *model);
  TokenizeScores s = ScoreSegmentation(*gold, seg);
  std::printf("%s", FormatScores(s).c_str());
  EXPECT_GE(s.tokens.f1(), 99.3);
  EXPECT_GE(s.sentences.f1(), 88.0);
  EXPECT_GE(s.words.f1(), 99.0);
}

}  // namespace
}  // namespace sitrep
