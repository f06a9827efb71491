// Cleaning draft NER labels with jackknifed labels: what each mode does to a sentence whose
// draft labels disagree (table-driven), trusted inputs left alone, case copies following their
// original, and deterministic training with cleaning that records it in the model.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/ner_clean.h"
#include "model_test_support.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

using ner_internal::CleanMode;
using ner_internal::NerTrainSet;
using testing::Labelled;

const ner_internal::LabelSet kLabels({"O", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}, false);

// Labels: 0 O, 1 B-LOC, 2 I-LOC, 3 B-ORG, 4 I-ORG. One draft sentence of four tokens, its case
// copy (input 1) and a trusted sentence (input 2) that disagrees as well.
NerTrainSet Data(const std::vector<int>& gold) {
  NerTrainSet d;
  d.inputs.resize(3);
  d.gold = {gold, gold, gold};
  d.unknown.assign(3, std::vector<char>(gold.size(), 0));
  d.doc = {0, 0, 1};
  d.original = {0, 0, 2};
  d.trusted = {0, 0, 1};
  return d;
}

struct Case {
  const char* mode;
  std::vector<int> gold, jackknifed;
  std::vector<int> want_gold;          // labels of the draft input afterwards (if kept)
  std::vector<char> want_unknown;      // its unknown marks afterwards
  size_t want_inputs;                  // inputs left
};

TEST(NerClean, ModesTable) {
  const std::vector<Case> cases = {
      {"none", {0, 1, 0, 0}, {3, 4, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}, 3},
      {"missing", {0, 1, 0, 0}, {3, 4, 0, 0}, {0, 1, 0, 0}, {1, 0, 0, 0}, 3},
      {"missing", {1, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}, 3},
      {"unknown", {0, 1, 0, 0}, {3, 4, 0, 0}, {0, 1, 0, 0}, {1, 1, 0, 0}, 3},
      {"unknown", {1, 0, 0, 3}, {1, 0, 0, 3}, {1, 0, 0, 3}, {0, 0, 0, 0}, 3},
      {"relabel", {0, 1, 0, 0}, {3, 4, 0, 0}, {3, 4, 0, 0}, {0, 0, 0, 0}, 3},
      {"relabel", {1, 2, 0, 0}, {1, 2, 0, 0}, {1, 2, 0, 0}, {0, 0, 0, 0}, 3},
      {"add", {0, 0, 1, 0}, {3, 4, 0, 0}, {3, 4, 1, 0}, {0, 0, 0, 0}, 3},
      {"add", {0, 1, 0, 0}, {3, 4, 0, 1}, {0, 1, 0, 1}, {0, 0, 0, 0}, 3},
      {"drop", {0, 1, 0, 0}, {3, 4, 0, 0}, {}, {}, 1},
      {"drop", {1, 2, 0, 0}, {1, 2, 0, 0}, {1, 2, 0, 0}, {0, 0, 0, 0}, 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.mode));
    CleanMode mode;
    ASSERT_TRUE(ner_internal::ParseCleanMode(c.mode, &mode));
    NerTrainSet d = Data(c.gold);
    // Jackknifed labels exist for the original only; the trusted input's would disagree.
    const std::vector<std::vector<int>> p1 = {c.jackknifed, {}, {4, 4, 4, 4}};
    ner_internal::CleanTrainingLabels(p1, mode, kLabels, &d);
    ASSERT_EQ(d.inputs.size(), c.want_inputs);
    EXPECT_EQ(d.gold.back(), c.gold);  // the trusted input is untouched
    EXPECT_EQ(d.unknown.back(), std::vector<char>(4, 0));
    EXPECT_EQ(d.original.back(), d.inputs.size() - 1);
    if (c.want_inputs == 1) continue;
    for (size_t i : {0, 1}) {  // the case copy follows its original
      EXPECT_EQ(d.gold[i], c.want_gold);
      EXPECT_EQ(d.unknown[i], c.want_unknown);
    }
  }
  CleanMode mode;
  EXPECT_FALSE(ner_internal::ParseCleanMode("sometimes", &mode));
}

TEST(NerClean, CleanedTrainingIsDeterministicAndRecorded) {
  // "Acme" is an organisation in three sentences and left unlabelled in a fourth (a missing
  // draft label); the last sentence is trusted.
  std::vector<Sentence> train = Labelled({
      "Acme/B-ORG said/O profits/O rose/O ./O", "Workers/O at/O Acme/B-ORG struck/O ./O",
      "Acme/B-ORG hired/O staff/O in/O Lagos/B-LOC ./O", "Acme/O opened/O in/O Paris/B-LOC ./O",
      "Rain/O fell/O in/O Lagos/B-LOC ./O", "Acme/B-ORG closed/O ./O"});
  TrainOptions o;
  o.epochs = 3;
  o.log2_buckets = 12;
  o.clean_folds = 2;
  o.clean_epochs = 2;
  o.clean_mode = "missing";
  o.ner_trusted_from = 5;
  Result<std::string> a = TrainNer(train, {}, nullptr, o), b = TrainNer(train, {}, nullptr, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("clean"), "missing,2,2");
  ASSERT_TRUE(NerTagger::FromModel(std::move(m)).ok());
  o.clean_mode = "sometimes";
  EXPECT_FALSE(TrainNer(train, {}, nullptr, o).ok());
}

}  // namespace
}  // namespace sitrep
