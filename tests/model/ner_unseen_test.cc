// NER training options for names never seen: copies of sentences whose capitalised words are
// replaced by random letters (--unk-copies), and loss-augmented decoding (--margin), on inputs
// we wrote: deterministic, recorded in the model, and the decoder's cost rule.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "model/ner_decode.h"
#include "model_test_support.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

using testing::Labelled;

const std::vector<std::string> kTexts = {
    "Police/O arrested/O John/B-PER Smith/I-PER in/O Lagos/B-LOC ./O",
    "The/O United/B-ORG Nations/I-ORG said/O Paris/B-LOC was/O calm/O ./O",
    "Mary/B-PER Jones/I-PER visited/O Baghdad/B-LOC on/O Monday/O ./O",
    "Reuters/B-ORG reported/O fighting/O near/O Kabul/B-LOC ./O",
    "Police/O arrested/O Ann/B-PER Lee/I-PER in/O Kano/B-LOC ./O",
};

TrainOptions Small() {
  TrainOptions o;
  o.epochs = 5;
  o.log2_buckets = 12;
  return o;
}

TEST(NerUnseen, UnkCopiesAreDeterministicRecordedAndStillLearnTheTrainingSet) {
  TrainOptions o = Small();
  o.unk_copies = 1.0;
  o.unk_rate = 0.5;
  const std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> a = TrainNer(train, {}, nullptr, o), b = TrainNer(train, {}, nullptr, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Result<std::string> plain = TrainNer(train, {}, nullptr, Small());
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(*a, *plain);  // the copies change the weights
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("unk_copies").substr(0, 3), "1.0");
  EXPECT_EQ(Model::FromBytes(*plain).value().Hyper("unk_copies"), "");
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
}

TEST(NerUnseen, UnkCopiesOffLeaveTheModelUnchanged) {
  TrainOptions o = Small();
  o.unk_copies = 0;
  o.unk_rate = 0.9;  // irrelevant without copies
  const std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> a = TrainNer(train, {}, nullptr, o), b = TrainNer(train, {}, nullptr, Small());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(NerUnseen, MarginTrainingIsDeterministicAndRecorded) {
  TrainOptions o = Small();
  o.ner_margin = 1;
  o.ner_margin_name = 2;
  const std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> a = TrainNer(train, {}, nullptr, o), b = TrainNer(train, {}, nullptr, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("margin").substr(0, 3), "1.0");
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
}

// With all-zero weights, the cost alone decides: every token leaves its gold label for the
// best allowed other one, and a gold of -1 (a lost draft label) costs nothing.
TEST(NerUnseen, LossAugmentedDecodingAvoidsTheGoldLabel) {
  using ner_internal::LabelSet;
  const LabelSet labels({"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}, false);
  Sentence s = Labelled({"a/O b/O c/O d/O"})[0];
  ner_internal::NerInput in = ner_internal::Prepare(s, nullptr, nullptr, false, 4);
  auto zero = [](const uint64_t*, int, float*) {};
  struct Case { std::vector<int> gold; float cost, cost_name; };
  const Case cases[] = {
      {{0, 0, 0, 0}, 1.f, 1.f},   // all O: names everywhere
      {{1, 2, 0, 3}, 1.f, 5.f},   // names: never their own label
      {{0, 1, 2, 0}, 3.f, 0.5f},
  };
  for (const Case& c : cases) {
    std::vector<int> out;
    ner_internal::Decode<float>(in, 4, labels, zero, 0.f, &out, c.gold.data(), c.cost, c.cost_name);
    ASSERT_EQ(out.size(), 4u);
    for (size_t i = 0; i < 4; ++i) {
      EXPECT_NE(out[i], c.gold[i]) << i;
      EXPECT_TRUE(labels.Allowed(i ? out[i - 1] : -1, out[i]));
    }
  }
  const std::vector<int> lost = {-1, -1, -1, -1};  // no cost: ties go to "O"
  std::vector<int> out;
  ner_internal::Decode<float>(in, 4, labels, zero, 0.f, &out, lost.data(), 1.f, 1.f);
  EXPECT_EQ(out, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace sitrep
