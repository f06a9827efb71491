// Sentence splitting, table-driven: input -> sentences joined by " | " (tokens by spaces).
#include <gtest/gtest.h>

#include <string>

#include "sitrep/text/segment.h"

namespace sitrep {
namespace {

const SentenceSplitter& Model() {
  static const SentenceSplitter* s = [] {
    auto r = SentenceSplitter::Load(std::string(SITREP_SOURCE_DIR) + "/models/sentence_split.v2.txt");
    return r.ok() ? new SentenceSplitter(std::move(*r)) : nullptr;
  }();
  return *s;
}

std::string Render(std::string_view text, const SentenceSplitter& splitter) {
  std::string out;
  for (const Sentence& s : SplitAndTokenize(text, splitter)) {
    if (!out.empty()) out += " | ";
    for (size_t i = 0; i < s.tokens.size(); ++i) out += (i ? " " : "") + s.tokens[i].form;
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

// Cases both the model and the rules must get right.
const Case kCommon[] = {
    {"He left. She stayed.", "He left . | She stayed ."},
    {"What? No way!", "What ? | No way !"},
    {"Gen. Smith met Maj. Jones in Washington on Monday. They talked.",
     "Gen. Smith met Maj. Jones in Washington on Monday . | They talked ."},
    {"The price rose 1.2 percent to $3,500 on Jan. 5 in the U.S. market.",
     "The price rose 1.2 percent to $ 3,500 on Jan. 5 in the U.S. market ."},
    {"Title without a period\n\nFirst paragraph.", "Title without a period | First paragraph ."},
    {"One\n\n\n\nTwo", "One | Two"},
    {"\"We will stay,\" he said. \"We will not leave.\"",
     "\" We will stay , \" he said . | \" We will not leave . \""},
    {"Dr. Ali Hassan, 45, was killed.", "Dr. Ali Hassan , 45 , was killed ."},
    {"", ""},
};

TEST(SentenceSplitTest, ModelTable) {
  ASSERT_TRUE(Model().has_model());
  for (const Case& c : kCommon) EXPECT_EQ(Render(c.input, Model()), c.expected) << c.input;
}

TEST(SentenceSplitTest, RulesTable) {
  SentenceSplitter rules;
  for (const Case& c : kCommon) EXPECT_EQ(Render(c.input, rules), c.expected) << c.input;
}

TEST(SentenceSplitTest, FinalAbbreviationGivesUpItsPeriod) {
  // EWT: a sentence-final "etc." is "etc" + the sentence's period.
  EXPECT_EQ(Render("We sell apples, pears, etc.\n\nNext one.", Model()),
            "We sell apples , pears , etc . | Next one .");
}

TEST(SentenceSplitTest, MaxSentenceWordsCuts) {
  SentenceSplitter rules;
  SplitterOptions o;
  o.max_sentence_words = 10;
  rules.set_options(o);
  std::string text;
  for (int i = 0; i < 35; ++i) text += "word ";
  auto sentences = SplitAndTokenize(text, rules);
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[0].tokens.size(), 10u);
}

TEST(SentenceSplitTest, DefaultFindsTheModel) {
  EXPECT_TRUE(SentenceSplitter::Default().has_model());
}

TEST(SentenceSplitTest, ConlluHasMultiWordTokens) {
  TokenizedText seg;
  std::string text = "I don't know.";
  Segment(text, &seg);
  std::string out;
  AppendConllu(text, seg, "s", &out);
  EXPECT_NE(out.find("# sent_id = s1\n# text = I don't know.\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2-3\tdon't\t"), std::string::npos) << out;
  EXPECT_NE(out.find("3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << out;
  EXPECT_NE(out.find("4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace sitrep
