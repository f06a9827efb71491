// Wire-copy sentences we wrote, tokenised by hand, through the committed models: the subject,
// object and oblique attachments and entity labels that event extraction relies on.
#include <gtest/gtest.h>

#include <filesystem>

#include "model_test_support.h"
#include "sitrep/model/analyzer.h"

namespace sitrep {
namespace {

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";

using testing::Words;

int Find(const Sentence& s, const std::string& form) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i].form == form) return static_cast<int>(i) + 1;
  return -1;
}

// `dep` attaches to `head` with a relation starting with `rel` ("obl" matches "obl:tmod").
bool Has(const Sentence& s, const std::string& head, const std::string& rel, const std::string& dep) {
  int h = Find(s, head), d = Find(s, dep);
  if (h < 0 || d < 0) return false;
  const Token& t = s.tokens[d - 1];
  return t.head == h && t.deprel.rfind(rel, 0) == 0;
}

std::string Ner(const Sentence& s, const std::string& form) {
  int i = Find(s, form);
  if (i < 0) return "?";
  const std::string& m = s.tokens[i - 1].misc;
  size_t at = m.find("NER=");
  return at == std::string::npos ? "O" : m.substr(at + 4, m.find('|', at) - at - 4);
}

struct Case {
  const char* text;
  const char* verb;
  const char* subj;
  const char* obj;  // "" = none checked
  const char* obl;  // "" = none checked
};

constexpr Case kCases[] = {
    {"A U.S. drone strike killed two militia commanders in Baghdad on Thursday , officials said .",
     "killed", "strike", "commanders", "Thursday"},
    {"Police arrested 12 protesters outside the parliament building in Nairobi on Monday .",
     "arrested", "Police", "protesters", "Monday"},
    {"Rebels attacked an army base near the northern town of Gao , the military said .", "attacked",
     "Rebels", "base", ""},
    {"The government imposed a curfew after clashes between rival groups .", "imposed",
     "government", "curfew", "clashes"},
    {"Israeli troops detained three Palestinians in the West Bank overnight .", "detained", "troops",
     "Palestinians", "Bank"},
    {"Thousands of workers marched through the capital on Saturday .", "marched", "Thousands", "",
     "capital"},
};

class NewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kModels + "/pos.model")) GTEST_SKIP() << "no models";
    Result<Analyzer> a = Analyzer::Load(kModels);
    ASSERT_TRUE(a.ok()) << a.status().message();
    analyzer_ = std::make_unique<Analyzer>(std::move(a).value());
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(NewsTest, SubjectsAndObjectsOfWireCopy) {
  for (const Case& c : kCases) {
    Sentence s = Words(c.text);
    analyzer_->Analyze(&s);
    EXPECT_TRUE(Has(s, c.verb, "nsubj", c.subj)) << c.text;
    if (*c.obj) {
      EXPECT_TRUE(Has(s, c.verb, "obj", c.obj)) << c.text;
    }
  }
}

// Sentence-final temporal and locative obliques ("on Monday", "in the West Bank") must attach
// to the verb, not the nearest noun, in at least 2 of 3 cases: 2 of 5 right with the first
// greedy model, 3 of 5 with the greedy v3 and round-3 beam models (disabled then), passing
// since the round-4 model (parser-zn-v4, 2^21 moves, jackknifed POS; bench/results/parser.md).
TEST_F(NewsTest, ObliquesOfWireCopy) {
  int right = 0, total = 0;
  std::string misses;
  for (const Case& c : kCases) {
    if (!*c.obl) continue;
    Sentence s = Words(c.text);
    analyzer_->Analyze(&s);
    ++total;
    if (Has(s, c.verb, "obl", c.obl)) ++right;
    else misses += std::string(c.obl) + " in: " + c.text + "\n";
  }
  EXPECT_GE(right * 3, total * 2) << misses;
}

TEST_F(NewsTest, EntitiesOfWireCopy) {
  const struct {
    const char* text;
    const char* word;
    const char* label;
  } cases[] = {
      {kCases[0].text, "U.S.", "B-LOC"},
      {kCases[0].text, "Baghdad", "B-LOC"},
      {kCases[1].text, "Nairobi", "B-LOC"},
      {"Prime Minister Keir Starmer met Emmanuel Macron in Paris on Friday .", "Starmer", "I-PER"},
      {"Prime Minister Keir Starmer met Emmanuel Macron in Paris on Friday .", "Paris", "B-LOC"},
      {"The United Nations said the World Health Organization would send aid .", "Nations", "I-ORG"},
  };
  for (const auto& c : cases) {
    Sentence s = Words(c.text);
    analyzer_->Analyze(&s);
    EXPECT_EQ(Ner(s, c.word), c.label) << c.word << " in " << c.text;
  }
}

// Loaded without ner.model (as event extraction loads it): the same tags and arcs, no NER=.
TEST_F(NewsTest, WithoutNerSameArcsNoEntities) {
  Result<Analyzer> bare = Analyzer::Load(kModels, /*with_ner=*/false);
  ASSERT_TRUE(bare.ok()) << bare.status().message();
  EXPECT_FALSE(bare->has_ner());
  EXPECT_TRUE(analyzer_->has_ner());
  for (const Case& c : kCases) {
    Sentence full = Words(c.text), tags_arcs = Words(c.text);
    analyzer_->Analyze(&full);
    bare->Analyze(&tags_arcs);
    for (size_t i = 0; i < full.tokens.size(); ++i) {
      EXPECT_EQ(tags_arcs.tokens[i].upos, full.tokens[i].upos) << c.text;
      EXPECT_EQ(tags_arcs.tokens[i].head, full.tokens[i].head) << c.text;
      EXPECT_EQ(tags_arcs.tokens[i].deprel, full.tokens[i].deprel) << c.text;
      EXPECT_EQ(tags_arcs.tokens[i].misc.find("NER="), std::string::npos) << c.text;
    }
  }
  std::vector<Sentence> doc = {Words(kCases[0].text), Words(kCases[1].text)};
  bare->AnalyzeDocument(&doc);
  EXPECT_EQ(Ner(doc[0], "Baghdad"), "O");  // no label written at all
  EXPECT_TRUE(Has(doc[1], "arrested", "nsubj", "Police"));
}

}  // namespace
}  // namespace sitrep
