// NER label sets (BIO and BILOU transition rules, BIO <-> BILOU conversion), BILOU models
// decoding to valid BIO, and the training options that average seeds and add case copies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/ner_decode.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

using ner_internal::LabelSet;

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    out.push_back(text.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

const std::vector<std::string> kBio = {"O", "B-LOC", "I-LOC", "B-PER", "I-PER"};
const std::vector<std::string> kBilou = {"O",     "B-LOC", "I-LOC", "L-LOC", "U-LOC",
                                         "B-PER", "I-PER", "L-PER", "U-PER"};

TEST(NerLabelSet, TransitionsFollowTheScheme) {
  const LabelSet bio(kBio, false), bilou(kBilou, true);
  struct Case { const LabelSet* set; const char* prev; const char* cur; bool allowed; };
  const Case cases[] = {
      {&bio, "", "B-LOC", true},        {&bio, "", "I-LOC", false},
      {&bio, "O", "I-PER", false},      {&bio, "B-PER", "I-PER", true},
      {&bio, "B-LOC", "I-PER", false},  {&bio, "I-PER", "B-PER", true},
      {&bio, "B-PER", "O", true},       {&bilou, "", "U-LOC", true},
      {&bilou, "", "L-LOC", false},     {&bilou, "B-LOC", "L-LOC", true},
      {&bilou, "B-LOC", "O", false},    {&bilou, "I-LOC", "B-PER", false},
      {&bilou, "I-LOC", "I-LOC", true}, {&bilou, "L-LOC", "I-LOC", false},
      {&bilou, "U-PER", "B-PER", true}, {&bilou, "B-PER", "L-LOC", false},
  };
  for (const Case& c : cases) {
    const int prev = *c.prev ? c.set->Id(c.prev) : -1;
    EXPECT_EQ(c.set->Allowed(prev, c.set->Id(c.cur)), c.allowed) << c.prev << " -> " << c.cur;
  }
  EXPECT_TRUE(bio.CanEnd(bio.Id("B-LOC")));
  EXPECT_FALSE(bilou.CanEnd(bilou.Id("B-LOC")));
  EXPECT_FALSE(bilou.CanEnd(bilou.Id("I-PER")));
  EXPECT_TRUE(bilou.CanEnd(bilou.Id("L-PER")));
}

TEST(NerLabelSet, BioConvertsToBilouAndBack) {
  const LabelSet bilou(kBilou, true);
  struct Case { const char* bio; const char* bilou; const char* back; };
  const Case cases[] = {
      {"B-PER I-PER O B-LOC", "B-PER L-PER O U-LOC", "B-PER I-PER O B-LOC"},
      {"B-LOC I-LOC I-LOC", "B-LOC I-LOC L-LOC", "B-LOC I-LOC I-LOC"},
      {"I-PER O", "U-PER O", "B-PER O"},              // a stray I- starts a name
      {"B-PER I-LOC", "U-PER U-LOC", "B-PER B-LOC"},  // I- of another type too
      {"B-PER B-PER", "U-PER U-PER", "B-PER B-PER"},
      {"O O", "O O", "O O"},
  };
  for (const Case& c : cases) {
    std::string got, back;
    for (int id : bilou.FromBio(Split(c.bio))) {
      got += (got.empty() ? "" : " ") + bilou.labels()[id];
      back += (back.empty() ? "" : " ") + bilou.Bio(id);
    }
    EXPECT_EQ(got, c.bilou) << c.bio;
    EXPECT_EQ(back, c.back) << c.bio;
  }
  EXPECT_EQ(bilou.Bio(bilou.Id("L-PER")), "I-PER");
  EXPECT_EQ(bilou.Bio(bilou.Id("U-LOC")), "B-LOC");
}

// A hand-built BILOU model whose only weights are zero still decodes to valid BIO.
TEST(NerLabelSet, BilouModelLoadsAndDecodesToValidBio) {
  ModelWriter w(ModelKind::kNer);
  w.SetHyper("features", "ner-v4");
  w.SetHyper("pos", "none");
  std::string labels;
  for (const std::string& l : kBilou) labels += l + "\n";
  w.AddSection("labels", labels);
  w.AddSection("weights", AveragedPerceptron(6, static_cast<int>(kBilou.size())).Section());
  Result<NerTagger> t = NerTagger::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_TRUE(t.ok()) << t.status().message();
  Sentence s;
  for (const char* f : {"Ali", "met", "Bob", "Smith", "in", "Rome"}) {
    Token tok;
    tok.form = f;
    s.tokens.push_back(tok);
  }
  for (const std::string& l : t->Labels(s)) EXPECT_EQ(l, "O");

  ModelWriter bad(ModelKind::kNer);
  bad.SetHyper("features", "ner-v4");
  bad.AddSection("labels", "O\nX-PER\n");
  bad.AddSection("weights", AveragedPerceptron(6, 2).Section());
  EXPECT_FALSE(NerTagger::FromModel(Model::FromBytes(bad.Serialize()).value()).ok());
}

}  // namespace
}  // namespace sitrep
