// The biaffine parser end to end on a toy treebank we wrote: deterministic training for a
// seed, trees on any input, identical scores after a save/load round trip, and clear errors
// for truncated, corrupt or mismatched model files.
#include <gtest/gtest.h>

#include "model/biaffine_decode.h"
#include "model_test_support.h"
#include "sitrep/base/file.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

std::vector<Sentence> Toy() { return ParseConllu(testing::kToyTreebank, "toy").value(); }

TrainOptions Options(uint64_t seed) {
  TrainOptions o;
  o.epochs = 3;
  o.seed = seed;
  o.log2_buckets = 10;
  return o;
}

BiaffineOptions Small() {
  BiaffineOptions b;
  b.word_dim = 8, b.tag_dim = 4, b.hidden = 6, b.layers = 2, b.arc_dim = 5, b.label_dim = 4;
  b.batch_sentences = 2;
  b.min_count = 1;
  return b;
}

const Tagger& ToyTagger() {
  static const Tagger t =
      Tagger::FromModel(Model::FromBytes(TrainTagger(Toy(), Toy(), Options(1)).value()).value()).value();
  return t;
}

std::string TrainToy(uint64_t seed) {
  Result<std::string> bytes = TrainBiaffineParser(Toy(), Toy(), ToyTagger(), Options(seed), Small());
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : "";
}

TEST(BiaffineParser, TrainingIsDeterministicForASeed) {
  const std::string a = TrainToy(3), b = TrainToy(3);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, TrainToy(4));
}

TEST(BiaffineParser, ParsesAnythingIntoATree) {
  BiaffineParser p = BiaffineParser::FromModel(Model::FromBytes(TrainToy(1)).value()).value();
  for (const char* text : {"Rebels", "Police killed the army in Paris .", "zzz qqq , , , xx yy zz"}) {
    Sentence s;
    std::string t(text);
    for (size_t pos = 0; pos < t.size();) {
      size_t sp = t.find(' ', pos);
      if (sp == std::string::npos) sp = t.size();
      Token tok;
      tok.form = t.substr(pos, sp - pos);
      tok.upos = "NOUN";
      s.tokens.push_back(tok);
      pos = sp + 1;
    }
    p.Parse(&s);
    std::vector<int> heads = {-1};
    for (const Token& tok : s.tokens) {
      heads.push_back(tok.head);
      EXPECT_FALSE(tok.deprel.empty());
    }
    EXPECT_TRUE(IsSingleRootTree(heads)) << text;
  }
  Sentence empty;
  p.Parse(&empty);  // no crash, nothing to do
}

TEST(BiaffineParser, RoundTripGivesIdenticalScores) {
  const std::string bytes = TrainToy(2);
  BiaffineParser a = BiaffineParser::FromModel(Model::FromBytes(bytes).value()).value();
  const std::string path = ::testing::TempDir() + "/biaffine_roundtrip.model";
  ASSERT_TRUE(WriteFileAtomic(path, bytes).ok());
  Result<BiaffineParser> b = BiaffineParser::Load(path);
  ASSERT_TRUE(b.ok()) << b.status().message();
  for (const Sentence& s : Toy()) EXPECT_EQ(a.ArcScores(s), b->ArcScores(s));
  std::remove(path.c_str());
}

TEST(BiaffineParser, TruncatedOrCorruptFilesAreClearErrors) {
  const std::string bytes = TrainToy(2);
  for (size_t cut : {size_t{0}, size_t{7}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    Result<Model> m = Model::FromBytes(bytes.substr(0, cut));
    EXPECT_FALSE(m.ok()) << cut;
  }
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  Result<Model> m = Model::FromBytes(flipped);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("checksum"), std::string::npos) << m.status().message();
}

TEST(BiaffineParser, WrongSectionSizesAndKindsAreClearErrors) {
  Model good = Model::FromBytes(TrainToy(2)).value();
  ModelWriter w(ModelKind::kBiaffineParser);
  for (const auto& [k, v] : good.hyper()) w.SetHyper(k, v);
  for (const char* name : {"tags", "labels", "vocab", "clusters", "emb.word"})
    if (good.Section(name).ok()) w.AddSection(name, std::string(*good.Section(name)));
  Result<BiaffineParser> missing = BiaffineParser::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("missing section"), std::string::npos);
  w.AddSection("emb.word", "abc");
  Result<BiaffineParser> short_section = BiaffineParser::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_FALSE(short_section.ok());
  EXPECT_NE(short_section.status().message().find("emb.word"), std::string::npos);
  w.SetHyper("hidden", "-3");
  Result<BiaffineParser> bad_dim = BiaffineParser::FromModel(Model::FromBytes(w.Serialize()).value());
  ASSERT_FALSE(bad_dim.ok());
  EXPECT_NE(bad_dim.status().message().find("hidden"), std::string::npos);
  ModelWriter other(ModelKind::kParser);
  other.AddSection("labels", "root\n");
  EXPECT_FALSE(BiaffineParser::FromModel(Model::FromBytes(other.Serialize()).value()).ok());
}

}  // namespace
}  // namespace sitrep
