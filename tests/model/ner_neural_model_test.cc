// The neural NER model (BiLSTM-CRF) end to end on a toy set we wrote: it learns the set,
// training is deterministic for a seed, output is valid BIO on any input, the model loads
// through NerTagger (identical labels after a file round trip), and truncated, corrupt or
// mismatched files are clear errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "sitrep/base/file.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/ner_lexicon.h"

namespace sitrep {
namespace {

// "word/LABEL" tokens separated by spaces.
Sentence Make(const std::string& text) {
  Sentence s;
  for (size_t pos = 0; pos < text.size();) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    const std::string item = text.substr(pos, sp - pos);
    const size_t slash = item.rfind('/');
    Token t;
    t.form = item.substr(0, slash);
    SetNerLabel(&t, slash == std::string::npos ? "O" : item.substr(slash + 1));
    s.tokens.push_back(t);
    pos = sp + 1;
  }
  return s;
}

std::vector<Sentence> Toy() {
  std::vector<Sentence> out;
  for (int k = 0; k < 3; ++k)
    for (const char* t :
         {"John/B-PER Smith/I-PER visited Paris/B-LOC .", "Mary/B-PER works for Acme/B-ORG Corp/I-ORG .",
          "The/O United/B-ORG Nations/I-ORG met in Geneva/B-LOC .", "He/O said/O nothing/O ./O",
          "Police/O arrested/O Ali/B-PER Hassan/I-PER in/O Lagos/B-LOC"})
      out.push_back(Make(t));
  return out;
}

std::unique_ptr<NerLexicon> Lexicon(std::shared_ptr<std::string>* keep) {
  NerLexicon built;
  built.Add("Paris", kLexCity);
  built.Add("Geneva", kLexCity);
  built.Add("John", kLexFirstName);
  *keep = std::make_shared<std::string>(built.Serialize());
  return NerLexicon::FromSection(**keep, *keep).value();
}

std::string TrainToy(uint64_t seed, int epochs = 25) {
  TrainOptions o;
  o.epochs = epochs;
  o.seed = seed;
  o.patience = 100;
  NeuralNerOptions no;
  no.word_dim = 8;
  no.hidden = 8;
  no.batch_sentences = 2;
  no.dropout = 0.1f;
  no.lr = 0.01f;
  no.linear_dim = 4;  // the linear features bag too
  std::shared_ptr<std::string> keep;
  std::unique_ptr<NerLexicon> lex = Lexicon(&keep);
  Result<std::string> bytes = TrainNeuralNer(Toy(), Toy(), o, no, lex.get(), nullptr);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : "";
}

bool ValidBio(const std::vector<std::string>& labels) {
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    if (l == "O") continue;
    if (l.size() < 3 || (l[0] != 'B' && l[0] != 'I') || l[1] != '-') return false;
    if (l[0] == 'I' && (i == 0 || labels[i - 1] == "O" || labels[i - 1].substr(2) != l.substr(2)))
      return false;
  }
  return true;
}

TEST(NeuralNer, LearnsTheToySet) {
  NerTagger ner = NerTagger::FromModel(Model::FromBytes(TrainToy(1)).value()).value();
  const NerScores s = ScoreNer(ner, nullptr, Toy());
  EXPECT_GE(s.f1, 90.0) << "P " << s.precision << " R " << s.recall;
}

TEST(NeuralNer, TrainingIsDeterministicForASeed) {
  const std::string a = TrainToy(3, 3), b = TrainToy(3, 3);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, TrainToy(4, 3));
}

TEST(NeuralNer, OutputIsValidBioOnAnyInput) {
  NerTagger ner = NerTagger::FromModel(Model::FromBytes(TrainToy(2, 5)).value()).value();
  for (const char* text : {"John", "Smith Smith Smith Nations Corp", "zzz QQQ , , , Xx yY 1990s",
                           "JOHN SMITH VISITED PARIS", "john smith visited paris"}) {
    const std::vector<std::string> labels = ner.Labels(Make(text));
    EXPECT_EQ(labels.size(), Make(text).tokens.size());
    EXPECT_TRUE(ValidBio(labels)) << text;
  }
  EXPECT_TRUE(ner.Labels(Sentence()).empty());
}

TEST(NeuralNer, FileRoundTripGivesIdenticalLabels) {
  const std::string bytes = TrainToy(2, 5);
  NerTagger a = NerTagger::FromModel(Model::FromBytes(bytes).value()).value();
  const std::string path = ::testing::TempDir() + "/ner_neural_roundtrip.model";
  ASSERT_TRUE(WriteFileAtomic(path, bytes).ok());
  Result<NerTagger> b = NerTagger::Load(path);
  ASSERT_TRUE(b.ok()) << b.status().message();
  for (const Sentence& s : Toy()) EXPECT_EQ(a.Labels(s), b->Labels(s));
  std::remove(path.c_str());
}

TEST(NeuralNer, TruncatedOrCorruptFilesAreClearErrors) {
  const std::string bytes = TrainToy(2, 1);
  for (size_t cut : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(Model::FromBytes(bytes.substr(0, cut)).ok()) << cut;
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  Result<Model> m = Model::FromBytes(flipped);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("checksum"), std::string::npos) << m.status().message();
}

TEST(NeuralNer, WrongSectionsAndHyperparametersAreClearErrors) {
  Model good = Model::FromBytes(TrainToy(2, 1)).value();
  auto copy = [&](std::initializer_list<const char*> names) {
    ModelWriter w(ModelKind::kNeuralNer);
    for (const auto& [k, v] : good.hyper()) w.SetHyper(k, v);
    for (const char* name : names)
      if (good.Section(name).ok()) w.AddSection(name, std::string(*good.Section(name)));
    return w;
  };
  auto error = [](const ModelWriter& w) {
    Result<NerTagger> t = NerTagger::FromModel(Model::FromBytes(w.Serialize()).value());
    return t.ok() ? std::string("ok") : t.status().message();
  };
  ModelWriter w = copy({"labels", "vocab", "lexicon", "emb.word"});
  EXPECT_NE(error(w).find("missing section 'emb.affix'"), std::string::npos) << error(w);
  w.AddSection("emb.word", "abc");
  EXPECT_NE(error(w).find("emb.word"), std::string::npos) << error(w);
  w.SetHyper("hidden", "-3");
  EXPECT_NE(error(w).find("hidden"), std::string::npos) << error(w);
  w.SetHyper("hidden", "8x");
  EXPECT_NE(error(w).find("hidden"), std::string::npos) << error(w);
  ModelWriter labels = copy({"vocab"});
  labels.AddSection("labels", "B-PER\nO\n");
  EXPECT_NE(error(labels).find("labels"), std::string::npos) << error(labels);
  ModelWriter vocab = copy({"labels"});
  vocab.AddSection("vocab", "12345");
  EXPECT_NE(error(vocab).find("vocab"), std::string::npos) << error(vocab);
  ModelWriter arch = copy({});
  arch.SetHyper("arch", "bilstm-crf-v0");
  EXPECT_NE(error(arch).find("not a neural NER model"), std::string::npos) << error(arch);
}

TEST(NeuralNer, WordVectorFilesParseOrNameTheBadLine) {
  Result<WordVectors> v = ParseWordVectors("2 3\nParis 0.5 -1 2\nthe 0 0 1e-3\n", "v.vec");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->dim, 3);
  EXPECT_EQ(v->words, (std::vector<std::string>{"paris", "the"}));
  EXPECT_EQ(v->values, (std::vector<float>{0.5f, -1.f, 2.f, 0.f, 0.f, 1e-3f}));
  for (const char* bad : {"", "2 0\n", "1 3\nparis 1 2\n", "1 2\nparis 1 nan\n", "1 2\nparis\n"}) {
    Result<WordVectors> r = ParseWordVectors(bad, "v.vec");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("v.vec"), std::string::npos) << r.status().message();
  }
}

TEST(NeuralNer, WordVectorsOfTheWrongSizeAreRefused) {
  WordVectors v = ParseWordVectors("1 3\nparis 1 2 3\n", "v.vec").value();
  NeuralNerOptions no;
  no.word_dim = 8;
  no.vectors = &v;
  TrainOptions o;
  o.epochs = 1;
  EXPECT_FALSE(TrainNeuralNer(Toy(), {}, o, no, nullptr, nullptr).ok());
  no.word_dim = 3;
  no.hidden = 4;
  EXPECT_TRUE(TrainNeuralNer(Toy(), {}, o, no, nullptr, nullptr).ok());
}

}  // namespace
}  // namespace sitrep
