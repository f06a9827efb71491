// ParseAllForRoles (the trigger sentences of an article parsed in one call) gives each sentence
// the parse ParseForRoles gives it alone, skips what is too long, and needs models.
#include <gtest/gtest.h>

#include <string>

#include "extract/mention.h"
#include "extract/roles.h"
#include "../model/model_test_support.h"
#include "sitrep/model/analyzer.h"

namespace sitrep::extract {
namespace {

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";

DocContext Doc(const Analyzer* analyzer) {
  DocContext doc;
  doc.analyzer = analyzer;
  for (const char* text : {"A drone strike killed two militia commanders in Baghdad on Thursday .",
                           "Police said gunmen stormed a school and abducted 40 pupils .",
                           "Protesters blocked the road to the airport , witnesses said ."}) {
    doc.sentences.push_back(testing::Words(text));
  }
  return doc;
}

TEST(ParseAllForRoles, EachSentenceGetsItsOwnParse) {
  Result<Analyzer> a = Analyzer::Load(kModels);
  ASSERT_TRUE(a.ok()) << a.status().message();
  DocContext doc = Doc(&*a);
  const std::vector<int> which = {2, 0, 1};
  std::vector<std::optional<Sentence>> all = ParseAllForRoles(doc, which, RoleOptions{});
  ASSERT_EQ(all.size(), which.size());
  for (size_t k = 0; k < which.size(); ++k) {
    std::optional<Sentence> one = ParseForRoles(doc, which[k], RoleOptions{});
    ASSERT_TRUE(all[k].has_value() && one.has_value());
    ASSERT_EQ(all[k]->tokens.size(), doc.sentences[which[k]].tokens.size());
    for (size_t i = 0; i < one->tokens.size(); ++i) {
      EXPECT_EQ(all[k]->tokens[i].form, doc.sentences[which[k]].tokens[i].form);
      EXPECT_EQ(all[k]->tokens[i].upos, one->tokens[i].upos);
      EXPECT_EQ(all[k]->tokens[i].head, one->tokens[i].head) << k << " " << i;
      EXPECT_EQ(all[k]->tokens[i].deprel, one->tokens[i].deprel) << k << " " << i;
    }
  }
  // The verb of the first sentence heads its subject ("strike").
  const Sentence& first = *all[1];
  EXPECT_EQ(first.tokens[2].deprel, "nsubj");
  EXPECT_EQ(first.tokens[first.tokens[2].head - 1].form, "killed");
}

TEST(ParseAllForRoles, TooLongSentencesAndOutOfRangeIndicesAreNotParsed) {
  Result<Analyzer> a = Analyzer::Load(kModels);
  ASSERT_TRUE(a.ok()) << a.status().message();
  DocContext doc = Doc(&*a);
  RoleOptions short_only;
  short_only.max_parse_tokens = 11;  // sentence 0 has 12 tokens, 1 and 2 have 11
  std::vector<std::optional<Sentence>> out = ParseAllForRoles(doc, {0, 1, 7, -1}, short_only);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_FALSE(out[0].has_value());
  EXPECT_TRUE(out[1].has_value());
  EXPECT_FALSE(out[2].has_value());
  EXPECT_FALSE(out[3].has_value());
}

TEST(ParseAllForRoles, WithoutModelsNothingIsParsed) {
  DocContext doc = Doc(nullptr);
  for (const auto& p : ParseAllForRoles(doc, {0, 1, 2}, RoleOptions{})) EXPECT_FALSE(p.has_value());
  EXPECT_FALSE(ParsableForRoles(doc, 0, RoleOptions{}));
}

}  // namespace
}  // namespace sitrep::extract
