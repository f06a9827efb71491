// Training on a tiny corpus we wrote: deterministic bytes for a seed, and parser output that is
// always a tree (one root, no cycles, heads in range) even on sentences unlike the training data.
#include <gtest/gtest.h>

#include "model_test_support.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

// Our own toy treebank (id, form, upos, head, deprel).
constexpr const char* kTiny[] = {
    "Rebels|PROPN|2|nsubj attacked|VERB|0|root the|DET|4|det town|NOUN|2|obj .|PUNCT|2|punct",
    "Police|NOUN|2|nsubj arrested|VERB|0|root two|NUM|4|nummod men|NOUN|2|obj in|ADP|6|case "
    "Lagos|PROPN|2|obl .|PUNCT|2|punct",
    "The|DET|2|det army|NOUN|3|nsubj said|VERB|0|root it|PRON|5|nsubj killed|VERB|3|ccomp "
    "militants|NOUN|5|obj .|PUNCT|3|punct",
    "Protesters|NOUN|2|nsubj marched|VERB|0|root in|ADP|4|case Paris|PROPN|2|obl on|ADP|6|case "
    "Monday|PROPN|2|obl .|PUNCT|2|punct",
};

std::string TinyConllu() {
  std::string out;
  for (const char* sent : kTiny) {
    std::string s(sent);
    int id = 0;
    size_t pos = 0;
    while (pos < s.size()) {
      size_t sp = s.find(' ', pos);
      if (sp == std::string::npos) sp = s.size();
      std::string tok = s.substr(pos, sp - pos);
      pos = sp + 1;
      size_t a = tok.find('|'), b = tok.find('|', a + 1), c = tok.find('|', b + 1);
      ++id;
      out += std::to_string(id) + "\t" + tok.substr(0, a) + "\t_\t" + tok.substr(a + 1, b - a - 1) +
             "\t_\t_\t" + tok.substr(b + 1, c - b - 1) + "\t" + tok.substr(c + 1) + "\t_\t" +
             (id == 1 ? "NER=B-PER" : "NER=O") + "\n";
    }
    out += "\n";
  }
  return out;
}

std::vector<Sentence> Tiny() { return ParseConllu(TinyConllu(), "tiny").value(); }

TrainOptions Options(uint64_t seed) {
  TrainOptions o;
  o.epochs = 4;
  o.seed = seed;
  o.log2_buckets = 10;
  return o;
}

Tagger TrainTinyTagger() {
  std::string bytes = TrainTagger(Tiny(), Tiny(), Options(1)).value();
  return Tagger::FromModel(Model::FromBytes(bytes).value()).value();
}

TEST(Training, TaggerIsDeterministicForASeed) {
  std::vector<Sentence> s = Tiny();
  Result<std::string> a = TrainTagger(s, s, Options(5)), b = TrainTagger(s, s, Options(5));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  Tagger t = Tagger::FromModel(Model::FromBytes(*a).value()).value();
  EXPECT_GT(TaggerAccuracy(t, s), 90.0);
}

TEST(Training, ParserAndNerAreDeterministicForASeed) {
  std::vector<Sentence> s = Tiny();
  Tagger tagger = TrainTinyTagger();
  Result<std::string> a = TrainParser(s, s, tagger, Options(3));
  Result<std::string> b = TrainParser(s, s, tagger, Options(3));
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Result<std::string> c = TrainNer(s, s, &tagger, Options(3));
  Result<std::string> d = TrainNer(s, s, &tagger, Options(3));
  ASSERT_TRUE(c.ok() && d.ok()) << c.status().message();
  EXPECT_EQ(*c, *d);
}

// Checks the tree invariants; returns "" or what is wrong.
std::string TreeProblem(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 1; i <= n; ++i) {
    int h = s.tokens[i - 1].head;
    if (h < 0 || h > n || h == i) return "head out of range at " + std::to_string(i);
    roots += h == 0;
    int a = i, steps = 0;
    while (a != 0 && steps++ <= n) a = s.tokens[a - 1].head;
    if (a != 0) return "cycle through " + std::to_string(i);
    if (s.tokens[i - 1].deprel.empty()) return "no label at " + std::to_string(i);
  }
  return roots == 1 ? "" : "roots: " + std::to_string(roots);
}

// A parser trained on the tiny set, greedy (beam 1) or with max-violation beam training.
Parser TrainTinyParser(const Tagger& tagger, int beam) {
  std::vector<Sentence> s = Tiny();
  TrainOptions o = Options(2);
  o.beam = beam;
  return Parser::FromModel(Model::FromBytes(TrainParser(s, s, tagger, o).value()).value()).value();
}

TEST(Parser, BeamTrainingIsDeterministicAndLearnsTheTinySet) {
  std::vector<Sentence> s = Tiny();
  Tagger tagger = TrainTinyTagger();
  for (int beam : {2, 4}) {
    TrainOptions o = Options(7);
    o.beam = beam;
    o.epochs = 8;
    Result<std::string> a = TrainParser(s, s, tagger, o), b = TrainParser(s, s, tagger, o);
    ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
    EXPECT_EQ(*a, *b) << beam;
    Parser p = Parser::FromModel(Model::FromBytes(*a).value()).value();
    EXPECT_EQ(p.beam(), beam);
    // Regression: with all-zero weights every score ties, and a "violation > 0" rule never
    // updated, leaving a parser that scored 5% UAS.
    EXPECT_GT(ScoreParser(p, &tagger, s).uas, 90.0) << beam;
  }
}

TEST(Parser, DecodingWidthIsStoredApartFromTheTrainingWidth) {
  std::vector<Sentence> s = Tiny();
  Tagger tagger = TrainTinyTagger();
  TrainOptions o = Options(2);
  o.beam = 4;
  for (auto [decode, want] : {std::pair{0, 4}, {3, 3}, {1, 1}}) {
    o.decode_beam = decode;
    Result<std::string> bytes = TrainParser(s, s, tagger, o);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    Model model = Model::FromBytes(*bytes).value();
    EXPECT_EQ(model.Hyper("train_beam", ""), "4") << decode;
    EXPECT_EQ(Parser::FromModel(model).value().beam(), want) << decode;
  }
  o.decode_beam = 65;
  EXPECT_FALSE(TrainParser(s, s, tagger, o).ok());
}

TEST(Parser, BadBeamWidthIsRejected) {
  std::vector<Sentence> s = Tiny();
  TrainOptions o = Options(1);
  o.beam = 0;
  EXPECT_FALSE(TrainParser(s, s, TrainTinyTagger(), o).ok());
  // A model file whose "beam" hyper is not a width in 1..64 gives a clear load error.
  Model good = Model::FromBytes(TrainParser(s, s, TrainTinyTagger(), Options(1)).value()).value();
  for (const char* beam : {"0", "65", "x", "4x"}) {
    ModelWriter w(ModelKind::kParser);
    for (const auto& [k, v] : good.hyper()) w.SetHyper(k, v);
    w.SetHyper("beam", beam);
    for (const char* name : {"tags", "labels", "moves", "arcs"})
      w.AddSection(name, std::string(good.Section(name).value()));
    Result<Parser> p = Parser::FromModel(Model::FromBytes(w.Serialize()).value());
    ASSERT_FALSE(p.ok()) << beam;
    EXPECT_NE(p.status().message().find("beam"), std::string::npos) << beam;
  }
}

TEST(Parser, OutputIsAlwaysATree) {
  const char* inputs[] = {
      "x", ". . . .", "the the the the the the", "Rebels attacked Lagos Paris Monday militants",
      "Police said the army said it said rebels attacked the town in Paris on Monday .",
  };
  Tagger tagger = TrainTinyTagger();
  for (int beam : {1, 4}) {
    Parser parser = TrainTinyParser(tagger, beam);
    for (int decode : {1, 2, 8}) {
      parser.set_beam(decode);
      for (const char* text : inputs) {
        Sentence sent = testing::Words(text);
        tagger.Tag(&sent);
        parser.Parse(&sent);
        EXPECT_EQ(TreeProblem(sent), "") << text << " beam " << beam << "/" << decode;
      }
      Sentence empty;
      parser.Parse(&empty);  // no crash
    }
  }
}

TEST(Parser, ProjectivityCheck) {
  std::vector<Sentence> s = Tiny();
  EXPECT_TRUE(IsProjective(s[0]));
  Sentence crossing = s[0];  // 1->3 and 2->4 cross
  crossing.tokens[0].head = 3;
  crossing.tokens[1].head = 4;
  crossing.tokens[2].head = 0;
  crossing.tokens[3].head = 3;
  EXPECT_FALSE(IsProjective(crossing));
}

TEST(Ner, MiscLabelsRoundTrip) {
  const struct {
    const char* misc;
    const char* label;
    const char* after;
  } cases[] = {
      {"", "B-PER", "NER=B-PER"},
      {"SpaceAfter=No", "O", "SpaceAfter=No|NER=O"},
      {"NER=B-LOC|SpaceAfter=No", "I-ORG", "SpaceAfter=No|NER=I-ORG"},
  };
  for (const auto& c : cases) {
    Token t;
    t.misc = c.misc;
    SetNerLabel(&t, c.label);
    EXPECT_EQ(t.misc, c.after);
    EXPECT_EQ(NerLabelOf(t), c.label);
  }
}

}  // namespace
}  // namespace sitrep
