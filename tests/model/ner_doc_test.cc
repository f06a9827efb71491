// The document-level NER pass on inputs we wrote: "# newdoc" boundaries read from IOB2,
// document statistics that leave a token's own occurrence out, and deterministic two-pass
// training that loads and labels whole documents with valid BIO.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "model/ner_doc.h"
#include "model_test_support.h"
#include "sitrep/base/file.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

using ner_internal::LabelSet;

using testing::Labelled;

// Three documents; "Harlow" is a person in the first and a place in the second.
const std::vector<std::string> kTexts = {
    "Police/O arrested/O John/B-PER Harlow/I-PER in/O Lagos/B-LOC ./O",
    "Harlow/B-PER denied/O the/O charges/O ./O",
    "The/O United/B-ORG Nations/I-ORG said/O Paris/B-LOC was/O calm/O ./O",
    "Fighting/O spread/O to/O Harlow/B-LOC ./O",
    "Residents/O of/O Harlow/B-LOC fled/O ./O",
    "Mary/B-PER Jones/I-PER visited/O Baghdad/B-LOC on/O Monday/O ./O",
    "Reuters/B-ORG reported/O fighting/O near/O Kabul/B-LOC ./O",
    "Jones/B-PER said/O Reuters/B-ORG was/O wrong/O ./O",
};
const std::vector<size_t> kDocStarts = {0, 2, 5};

TrainOptions TwoPass() {
  TrainOptions o;
  o.epochs = 4;
  o.log2_buckets = 12;
  o.doc_folds = 2;
  o.doc_epochs = 3;
  o.ner_train_docs = kDocStarts;
  o.ner_dev_docs = kDocStarts;
  return o;
}

bool ValidBio(const std::vector<std::string>& labels) {
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i][0] == 'I' &&
        (i == 0 || labels[i - 1] == "O" || labels[i - 1].substr(2) != labels[i].substr(2)))
      return false;
  return true;
}

TEST(NerDoc, ReadsDocumentStartsFromNewdocComments) {
  const std::string path = ::testing::TempDir() + "/docs.iob2";
  ASSERT_TRUE(WriteFileAtomic(path,
                              "# newdoc id = a\n# sent_id = a-1\n1\tRain\tO\n\n"
                              "# sent_id = a-2\n1\tParis\tB-LOC\n\n"
                              "# newdoc id = b\n# sent_id = b-1\n1\tSnow\tO\n\n")
                  .ok());
  std::vector<size_t> starts;
  Result<std::vector<Sentence>> s = ReadIob2File(path, /*draft=*/true, &starts);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->size(), 3u);
  EXPECT_EQ(starts, (std::vector<size_t>{0, 2}));
  std::filesystem::remove(path);
}

TEST(NerDoc, StatisticsLeaveTheTokensOwnOccurrenceOut) {
  LabelSet labels({"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}, false);
  std::vector<Sentence> doc = Labelled({"Harlow/O went/O ./O", "Harlow/O left/O ./O"});
  std::vector<ner_internal::NerInput> in;
  for (const Sentence& s : doc) in.push_back(ner_internal::Prepare(s, nullptr, nullptr, false, 4));
  // First pass: "Harlow" is B-PER in the first sentence and O in the second.
  std::vector<std::vector<int>> p1 = {{3, 0, 0}, {0, 0, 0}};
  ner_internal::SetDocumentFeatures({&in[0], &in[1]}, p1, labels);
  const auto& feats = std::vector<std::vector<std::vector<uint64_t>>>{in[0].doc, in[1].doc};
  // Each "Harlow" sees only the other one: the majority type of its other occurrences.
  const int cf = 1 + 3;  // capitalised, sentence-initial
  auto has = [](const std::vector<uint64_t>& f, uint64_t x) {
    return std::find(f.begin(), f.end(), x) != f.end();
  };
  EXPECT_TRUE(has(feats[0][0], Feat(611, 0 + 1, cf + 1)));  // the other one is O
  EXPECT_TRUE(has(feats[1][0], Feat(611, 2 + 1, cf + 1)));  // the other one is PER (type 2)
  // "went" occurs once: no other occurrence.
  EXPECT_TRUE(has(feats[0][1], Feat(610, 0, 0 + 1)));
}

TEST(NerDoc, TwoPassTrainingIsDeterministicAndLabelsDocuments) {
  std::vector<Sentence> train = Labelled(kTexts);
  const TrainOptions o = TwoPass();
  Result<std::string> a = TrainNer(train, train, nullptr, o), b = TrainNer(train, train, nullptr, o);
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("doc_features"), "ner-doc-v1");
  EXPECT_EQ(m.Hyper("doc_folds"), "2");
  EXPECT_TRUE(m.Section("weights2").ok());
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_TRUE(ner->two_pass());
  EXPECT_GT(ScoreNer(*ner, nullptr, train, kDocStarts).f1, 90.0);
  std::vector<Sentence> doc(train.begin(), train.begin() + 2);
  std::vector<std::vector<std::string>> labels = ner->DocumentLabels(doc);
  ASSERT_EQ(labels.size(), 2u);
  for (size_t k = 0; k < doc.size(); ++k) {
    EXPECT_EQ(labels[k].size(), doc[k].tokens.size());
    EXPECT_TRUE(ValidBio(labels[k]));
  }
  ner->TagDocument(&doc);
  EXPECT_EQ(NerLabelOf(doc[1].tokens[0]), labels[1][0]);
  EXPECT_TRUE(ner->DocumentLabels({}).empty());
  Sentence empty;
  EXPECT_TRUE(ner->Labels(empty).empty());
}

TEST(NerDoc, RefusesUnknownDocumentFeatures) {
  std::vector<Sentence> train = Labelled(kTexts);
  Result<std::string> bytes = TrainNer(train, {}, nullptr, TwoPass());
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  Model m = Model::FromBytes(*bytes).value();
  ModelWriter w(ModelKind::kNer);
  for (const char* h : {"features", "pos", "feature_source", "o_penalty"}) w.SetHyper(h, m.Hyper(h));
  w.SetHyper("doc_features", "ner-doc-v0");
  for (const char* sec : {"labels", "weights", "weights2"})
    w.AddSection(sec, std::string(m.Section(sec).value()));
  Result<NerTagger> t = NerTagger::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("retrain"), std::string::npos) << t.status().message();
}

}  // namespace
}  // namespace sitrep
