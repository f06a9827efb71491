// Tagger ("tagger-v2") and parser ("parser-zn-v5") models with embedded word clusters: they
// train deterministically, load on their own (no cluster file at run time), and files whose
// cluster section is missing or whose feature version is unknown fail with a clear error.
#include <gtest/gtest.h>

#include "sitrep/model/ner_clusters.h"
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
    "1\tTroops\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tshelled\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tthe\t_\tDET\t_\t_\t4\tdet\t_\t_\n4\tvillage\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n"
    "5\ton\t_\tADP\t_\t_\t6\tcase\t_\t_\n6\tFriday\t_\tPROPN\t_\t_\t2\tobl\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
    "1\tPolice\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tsaid\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\trebels\t_\tNOUN\t_\t_\t4\tnsubj\t_\t_\n4\tattacked\t_\tVERB\t_\t_\t2\tccomp\t_\t_\n"
    "5\tthe\t_\tDET\t_\t_\t6\tdet\t_\t_\n6\ttown\t_\tNOUN\t_\t_\t4\tobj\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";

// Clusters in the format of `sitrep clusters`: word, ids at 1024 / 256 / 64 classes, count.
constexpr const char* kClusters =
    "gunmen\t3 3 3\t2\ntroops\t3 3 3\t2\nrebels\t3 3 3\t2\npolice\t4 3 3\t2\n"
    "killed\t7 7 5\t2\nshelled\t7 7 5\t2\nattacked\t7 7 5\t2\nsaid\t8 8 5\t2\n"
    "soldiers\t3 3 3\t2\nvillage\t9 9 3\t2\ntown\t9 9 3\t2\nkano\t11 11 6\t2\nfriday\t12 12 6\t2\n";

std::vector<Sentence> Corpus() { return ParseConllu(kConllu, "tiny").value(); }

std::unique_ptr<WordClusters> Clusters() {
  WordClusters built;
  EXPECT_TRUE(built.AddText(kClusters).ok());
  auto bytes = std::make_shared<std::string>(built.Serialize());
  return WordClusters::FromSection(*bytes, bytes).value();
}

TrainOptions Options(const WordClusters* clusters) {
  TrainOptions o;
  o.epochs = 4;
  o.seed = 3;
  o.log2_buckets = 10;
  o.clusters = clusters;
  return o;
}

// A copy of `m` with its hypers and the named sections, `hyper` overridden.
Model Rewrite(const Model& m, ModelKind kind, const std::vector<std::string>& sections,
              const std::string& key, const std::string& value) {
  ModelWriter w(kind);
  for (const auto& [k, v] : m.hyper()) w.SetHyper(k, v);
  w.SetHyper(key, value);
  for (const std::string& name : sections) w.AddSection(name, std::string(m.Section(name).value()));
  return Model::FromBytes(w.Serialize()).value();
}

TEST(ClusterFeatures, TaggerEmbedsClustersAndLoadsAlone) {
  auto clusters = Clusters();
  std::vector<Sentence> s = Corpus();
  Result<std::string> a = TrainTagger(s, s, Options(clusters.get()));
  Result<std::string> b = TrainTagger(s, s, Options(clusters.get()));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);  // deterministic for a seed
  EXPECT_NE(*a, TrainTagger(s, s, Options(nullptr)).value());
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("features"), "tagger-v2");
  ASSERT_TRUE(m.Section("clusters").ok());
  clusters.reset();  // the model carries its own copy
  Tagger t = Tagger::FromModel(std::move(m)).value();
  EXPECT_GE(TaggerAccuracy(t, s), 90.0);
}

TEST(ClusterFeatures, TaggerFilesWithBadFeaturesFailClearly) {
  auto clusters = Clusters();
  std::vector<Sentence> s = Corpus();
  Model m = Model::FromBytes(TrainTagger(s, s, Options(clusters.get())).value()).value();
  const std::vector<std::string> all = {"labels", "tagdict", "weights", "clusters"};
  const std::vector<std::string> no_clusters = {"labels", "tagdict", "weights"};
  struct Case {
    std::vector<std::string> sections;
    const char* features;
    bool ok;
    const char* message;
  } cases[] = {
      {all, "tagger-v2", true, ""},
      {all, "tagger-v1", true, ""},  // the clusters are then ignored
      {no_clusters, "tagger-v2", false, "clusters"},
      {all, "tagger-v9", false, "tagger-v9"},
  };
  for (const Case& c : cases) {
    Result<Tagger> t = Tagger::FromModel(Rewrite(m, ModelKind::kTagger, c.sections, "features", c.features));
    EXPECT_EQ(t.ok(), c.ok) << c.features;
    if (!t.ok()) EXPECT_NE(t.status().message().find(c.message), std::string::npos) << t.status().message();
  }
}

TEST(ClusterFeatures, ParserFeatureSetFiveNeedsAndEmbedsClusters) {
  auto clusters = Clusters();
  std::vector<Sentence> s = Corpus();
  Tagger tagger = Tagger::FromModel(Model::FromBytes(TrainTagger(s, s, Options(nullptr)).value()).value()).value();
  TrainOptions o = Options(clusters.get());
  o.beam = 2;
  Result<std::string> a = TrainParser(s, s, tagger, o), b = TrainParser(s, s, tagger, o);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("features"), "parser-zn-v5");
  clusters.reset();
  Parser p = Parser::FromModel(Model::FromBytes(*a).value()).value();
  AttachmentScores sc = ScoreParser(p, nullptr, s);
  EXPECT_GE(sc.uas, 90.0);

  // Without clusters the default stays feature set 4; asking for 5 is an error.
  TrainOptions plain = Options(nullptr);
  EXPECT_EQ(Model::FromBytes(TrainParser(s, s, tagger, plain).value()).value().Hyper("features"),
            "parser-zn-v4");
  plain.features = 5;
  EXPECT_FALSE(TrainParser(s, s, tagger, plain).ok());

  // A v5 file without its cluster section, or with an unknown feature set, does not load.
  Result<Parser> missing = Parser::FromModel(
      Rewrite(m, ModelKind::kParser, {"tags", "labels", "moves", "arcs"}, "features", "parser-zn-v5"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("clusters"), std::string::npos) << missing.status().message();
  Result<Parser> future = Parser::FromModel(Rewrite(m, ModelKind::kParser,
                                                    {"tags", "labels", "moves", "arcs", "clusters"},
                                                    "features", "parser-zn-v9"));
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.status().message().find("parser-zn-v9"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
