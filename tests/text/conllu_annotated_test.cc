// AppendConllu with annotated sentences: the word lines carry the annotation's UPOS, XPOS,
// HEAD, DEPREL and MISC items; multi-word token lines and our SpaceAfter=No stay as they are.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/text/segment.h"

namespace sitrep {
namespace {

// SplitAndTokenize's sentences of `text` with every word tagged "X<i>", headed by word 1
// (itself by 0), relation "dep", and MISC "NER=O" (word 2 also an own SpaceAfter item).
std::vector<Sentence> Annotate(const std::string& text) {
  std::vector<Sentence> sentences = SplitAndTokenize(text);
  for (Sentence& s : sentences)
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      Token& t = s.tokens[i];
      t.upos = "X" + std::to_string(i + 1);
      t.xpos = i == 0 ? "" : "XP";
      t.head = i == 0 ? 0 : 1;
      t.deprel = i == 0 ? "root" : "dep";
      t.misc = i == 1 ? "SpaceAfter=No|NER=O" : "NER=O";
    }
  return sentences;
}

TEST(ConlluAnnotatedTest, WordLinesCarryTheAnnotation) {
  const std::string text = "I don't know. Rebels fled.";
  TokenizedText seg;
  Segment(text, &seg);
  std::vector<Sentence> annotated = Annotate(text);
  ASSERT_EQ(annotated.size(), 2u);
  std::string out;
  AppendConllu(text, seg, "s", &out, &annotated);
  EXPECT_NE(out.find("1\tI\t_\tX1\t_\t_\t0\troot\t_\tNER=O\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << out;
  // The annotation's own SpaceAfter item is dropped: ours comes from the text.
  EXPECT_NE(out.find("2\tdo\t_\tX2\tXP\t_\t1\tdep\t_\tNER=O\n"), std::string::npos) << out;
  EXPECT_NE(out.find("4\tknow\t_\tX4\tXP\t_\t1\tdep\t_\tSpaceAfter=No|NER=O\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("# sent_id = s2\n# text = Rebels fled.\n1\tRebels\t_\tX1\t"), std::string::npos)
      << out;
}

TEST(ConlluAnnotatedTest, WithoutAnnotationOrOnAMismatchTheLinesStayEmpty) {
  const std::string text = "I don't know. Rebels fled.";
  TokenizedText seg;
  Segment(text, &seg);
  std::string plain, mismatched;
  AppendConllu(text, seg, "s", &plain);
  std::vector<Sentence> annotated = Annotate(text);
  annotated[0].tokens.pop_back();  // one word fewer than the text's first sentence
  AppendConllu(text, seg, "s", &mismatched, &annotated);
  EXPECT_NE(plain.find("1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << plain;
  EXPECT_NE(mismatched.find("1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << mismatched;
  EXPECT_NE(mismatched.find("1\tRebels\t_\tX1\t"), std::string::npos) << mismatched;
}

}  // namespace
}  // namespace sitrep
