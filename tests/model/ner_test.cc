// The NER model on inputs we wrote: draft IOB2 labels (OTH, stray B-O), Viterbi output that
// is always valid BIO, old feature versions refused, and deterministic jackknifed tagging.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "model_test_support.h"
#include "sitrep/base/file.h"
#include "sitrep/model/jackknife.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/word_features.h"

namespace sitrep {
namespace {

using testing::Labelled;

const std::vector<std::string> kTexts = {
    "Police/O arrested/O John/B-PER Smith/I-PER in/O Lagos/B-LOC ./O",
    "The/O United/B-ORG Nations/I-ORG said/O Paris/B-LOC was/O calm/O ./O",
    "Mary/B-PER Jones/I-PER visited/O Baghdad/B-LOC on/O Monday/O ./O",
    "Reuters/B-ORG reported/O fighting/O near/O Kabul/B-LOC ./O",
};

TEST(NerDraft, OthAndStrayBOBecomeOAndStrayBOIsMarkedUnknown) {
  const std::string path = ::testing::TempDir() + "/draft.iob2";
  ASSERT_TRUE(WriteFileAtomic(path,
                              "# sent_id = a-1\n1\tAmerican\tB-OTH\n2\tforces\tO\n3\tleft\tO\n"
                              "4\tDaily\tB-ORG\n5\tStar\tB-O\n\n")
                  .ok());
  Result<std::vector<Sentence>> s = ReadIob2File(path, /*draft=*/true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->size(), 1u);
  const std::vector<Token>& t = (*s)[0].tokens;
  EXPECT_EQ((*s)[0].id, "a-1");
  EXPECT_EQ(NerLabelOf(t[0]), "O");
  EXPECT_EQ(NerLabelOf(t[3]), "B-ORG");
  EXPECT_EQ(NerLabelOf(t[4]), "O");
  EXPECT_NE(t[4].misc.find("NerDraft=Unknown"), std::string::npos);
  EXPECT_EQ(t[3].misc.find("NerDraft"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(Ner, ViterbiOutputIsAlwaysValidBio) {
  TrainOptions o;
  o.epochs = 5;
  o.log2_buckets = 12;
  std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> bytes = TrainNer(train, train, nullptr, o);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Result<NerTagger> ner = NerTagger::FromModel(Model::FromBytes(*bytes).value());
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
  for (const char* text : {"Smith Smith Smith Nations Nations", "x", ". . Lagos", "United Nations Kabul"}) {
    Sentence s = Labelled({std::string(text)})[0];
    std::vector<std::string> labels = ner->Labels(s);
    ASSERT_EQ(labels.size(), s.tokens.size());
    for (size_t i = 0; i < labels.size(); ++i) {
      if (labels[i][0] != 'I') continue;
      ASSERT_GT(i, 0u) << text;
      EXPECT_NE(labels[i - 1], "O") << text;
      EXPECT_EQ(labels[i - 1].substr(2), labels[i].substr(2)) << text;
    }
  }
  Sentence empty;
  EXPECT_TRUE(ner->Labels(empty).empty());
}

TEST(Ner, AveragedSeedsAreDeterministicAndRecorded) {
  TrainOptions o;
  o.epochs = 3;
  o.log2_buckets = 12;
  o.average_seeds = 3;
  std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> a = TrainNer(train, train, nullptr, o), b = TrainNer(train, train, nullptr, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("average_seeds"), "3");
  const std::string epochs = m.Hyper("epochs");  // one best epoch per seed
  EXPECT_EQ(std::count(epochs.begin(), epochs.end(), ','), 2) << epochs;
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
}

TEST(Ner, CaseCopiesTrainOnLowercasedSentences) {
  TrainOptions o;
  o.epochs = 5;
  o.log2_buckets = 12;
  o.case_copies = 1.0;  // every sentence again in lowercase
  std::vector<Sentence> train = Labelled(kTexts), lower = train;
  for (Sentence& s : lower)
    for (Token& t : s.tokens) t.form = AsciiLower(t.form);
  Result<std::string> bytes = TrainNer(train, {}, nullptr, o);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Model m = Model::FromBytes(*bytes).value();
  EXPECT_EQ(m.Hyper("case_copies").substr(0, 3), "1.0");
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, lower).f1, 90.0);
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
}

TEST(Ner, RefusesModelsWithOtherFeatures) {
  ModelWriter w(ModelKind::kNer);
  w.SetHyper("features", "ner-v1");
  w.AddSection("labels", "O\nB-PER\nI-PER\n");
  w.AddSection("weights", AveragedPerceptron(4, 3).Section());
  Result<NerTagger> t = NerTagger::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("retrain"), std::string::npos) << t.status().message();
}

TEST(Jackknife, TagsEverySentenceDeterministically) {
  std::vector<Sentence> gold = Labelled(kTexts);
  const char* tags[] = {"PROPN", "VERB", "NOUN", "ADP", "DET", "PUNCT"};
  for (Sentence& s : gold)
    for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].upos = tags[(s.tokens[i].form.size() + i) % 6];
  TrainOptions o;
  o.log2_buckets = 10;
  Result<std::vector<Sentence>> a = JackknifeTag(gold, gold, 2, o), b = JackknifeTag(gold, gold, 2, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  ASSERT_EQ(a->size(), gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    ASSERT_EQ((*a)[i].tokens.size(), gold[i].tokens.size());
    for (size_t k = 0; k < gold[i].tokens.size(); ++k) {
      EXPECT_FALSE((*a)[i].tokens[k].upos.empty());
      EXPECT_EQ((*a)[i].tokens[k].upos, (*b)[i].tokens[k].upos);
    }
  }
  EXPECT_FALSE(JackknifeTag(gold, gold, 1, o).ok());
}

}  // namespace
}  // namespace sitrep
