// Parser model extensions of session 7: the second-pass labeller (hyper "relabel") never moves
// a head and trains deterministically; a model with a second move table (hyper "move_tables")
// (or the two tables summed into one) built from the same model twice parses exactly like it;
// malformed files fail clearly.
#include <gtest/gtest.h>

#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

// Our own toy treebank: id, form, upos, head, deprel per token.
constexpr const char* kConllu =
    "1\tGunmen\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tkilled\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tthree\t_\tNUM\t_\t_\t4\tnummod\t_\t_\n4\tsoldiers\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n"
    "5\tin\t_\tADP\t_\t_\t6\tcase\t_\t_\n6\tKano\t_\tPROPN\t_\t_\t2\tobl\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
    "1\tTwo\t_\tNUM\t_\t_\t2\tnummod\t_\t_\n2\tmen\t_\tNOUN\t_\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\t_\tAUX\t_\t_\t4\taux:pass\t_\t_\n4\tarrested\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "5\tby\t_\tADP\t_\t_\t6\tcase\t_\t_\n6\tpolice\t_\tNOUN\t_\t_\t4\tobl:agent\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n"
    "1\tPolice\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tsaid\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\trebels\t_\tNOUN\t_\t_\t4\tnsubj\t_\t_\n4\tattacked\t_\tVERB\t_\t_\t2\tccomp\t_\t_\n"
    "5\tthe\t_\tDET\t_\t_\t6\tdet\t_\t_\n6\ttown\t_\tNOUN\t_\t_\t4\tobj\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";

std::vector<Sentence> Corpus() { return ParseConllu(kConllu, "tiny").value(); }

TrainOptions Options(int seed) {
  TrainOptions o;
  o.epochs = 4;
  o.seed = seed;
  o.log2_buckets = 10;
  o.log2_label_buckets = 10;
  o.beam = 2;
  return o;
}

struct Fixture {
  std::vector<Sentence> s = Corpus();
  Tagger tagger = Tagger::FromModel(
      Model::FromBytes(TrainTagger(s, s, Options(1)).value()).value()).value();
  Parser Train(int seed) const {
    return Parser::FromModel(Model::FromBytes(TrainParser(s, s, tagger, Options(seed)).value()).value())
        .value();
  }
};

// Parses a copy of every sentence (POS from `tagger`).
std::vector<Sentence> ParseAll(const Parser& p, const Tagger& tagger, std::vector<Sentence> s) {
  for (Sentence& x : s) {
    tagger.Tag(&x);
    p.Parse(&x);
  }
  return s;
}

// A copy of `bytes` with its hypers and the named sections, `key` set to `value`.
Model Rewrite(const std::string& bytes, const std::vector<std::string>& sections,
              const std::string& key, const std::string& value) {
  Model m = Model::FromBytes(bytes).value();
  ModelWriter w(ModelKind::kParser);
  for (const auto& [k, v] : m.hyper()) w.SetHyper(k, v);
  w.SetHyper(key, value);
  for (const std::string& name : sections) w.AddSection(name, std::string(m.Section(name).value()));
  return Model::FromBytes(w.Serialize()).value();
}

TEST(SecondPassLabeller, KeepsEveryHeadAndTrainsDeterministically) {
  Fixture fx;
  Parser base = fx.Train(1);
  Result<std::string> a = TrainRelabeller(base, fx.s, fx.s, fx.tagger, Options(1));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, TrainRelabeller(base, fx.s, fx.s, fx.tagger, Options(1)).value());
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("relabel"), "relabel-v1");
  EXPECT_FALSE(m.Hyper("relabel_mix").empty());
  Parser p = Parser::FromModel(std::move(m)).value();
  std::vector<Sentence> before = ParseAll(base, fx.tagger, fx.s), after = ParseAll(p, fx.tagger, fx.s);
  for (size_t i = 0; i < before.size(); ++i)
    for (size_t k = 0; k < before[i].tokens.size(); ++k)
      EXPECT_EQ(after[i].tokens[k].head, before[i].tokens[k].head) << i << " " << k;
  EXPECT_GE(ScoreParser(p, &fx.tagger, fx.s).las, 90.0);
}

TEST(SecondPassLabeller, EnsembleOfAModelWithItselfParsesLikeIt) {
  Fixture fx;
  Parser base = fx.Train(1);
  Result<std::string> twice = AddMoveTable(base, base);
  ASSERT_TRUE(twice.ok()) << twice.status().message();
  Parser p = Parser::FromModel(Model::FromBytes(*twice).value()).value();
  std::vector<Sentence> one = ParseAll(base, fx.tagger, fx.s), two = ParseAll(p, fx.tagger, fx.s);
  for (size_t i = 0; i < one.size(); ++i)
    for (size_t k = 0; k < one[i].tokens.size(); ++k) {
      EXPECT_EQ(two[i].tokens[k].head, one[i].tokens[k].head);
      EXPECT_EQ(two[i].tokens[k].deprel, one[i].tokens[k].deprel);
    }
  // Summed into one table: twice the weights, re-quantised, rank every move the same.
  Parser merged = Parser::FromModel(Model::FromBytes(AddMoveTable(base, base, true).value()).value()).value();
  std::vector<Sentence> three = ParseAll(merged, fx.tagger, fx.s);
  for (size_t i = 0; i < one.size(); ++i)
    for (size_t k = 0; k < one[i].tokens.size(); ++k)
      EXPECT_EQ(three[i].tokens[k].head, one[i].tokens[k].head);
  EXPECT_FALSE(AddMoveTable(p, base).ok());  // already two tables
  Parser other = fx.Train(2);
  EXPECT_TRUE(AddMoveTable(base, other).ok());
}

TEST(SecondPassLabeller, MalformedFilesFailNamingTheProblem) {
  Fixture fx;
  Parser base = fx.Train(1);
  const std::string relabelled = TrainRelabeller(base, fx.s, fx.s, fx.tagger, Options(1)).value();
  const std::string ensemble = AddMoveTable(base, base).value();
  const std::vector<std::string> plain = {"tags", "labels", "moves", "arcs"};
  const std::vector<std::string> with_relabel = {"tags", "labels", "moves", "arcs", "relabel"};
  const std::vector<std::string> with_moves2 = {"tags", "labels", "moves", "arcs", "moves.2"};
  struct Case {
    const std::string* bytes;
    std::vector<std::string> sections;
    const char* key;
    const char* value;
    const char* message;  // empty = loads
  } cases[] = {
      {&relabelled, with_relabel, "relabel", "relabel-v1", ""},
      {&relabelled, with_relabel, "relabel", "relabel-v9", "relabel-v9"},
      {&relabelled, plain, "relabel", "relabel-v1", "relabel"},
      {&relabelled, with_relabel, "relabel_mix", "x", "relabel_mix"},
      {&relabelled, with_relabel, "relabel_mix", "-1", "relabel_mix"},
      {&ensemble, with_moves2, "move_tables", "2", ""},
      {&ensemble, plain, "move_tables", "2", "moves.2"},
      {&ensemble, with_moves2, "move_tables", "3", "move_tables"},
  };
  for (const Case& c : cases) {
    Result<Parser> p = Parser::FromModel(Rewrite(*c.bytes, c.sections, c.key, c.value));
    EXPECT_EQ(p.ok(), *c.message == '\0') << c.key << "=" << c.value;
    if (!p.ok()) {
      EXPECT_NE(p.status().message().find(c.message), std::string::npos) << p.status().message();
    }
  }
}

}  // namespace
}  // namespace sitrep
