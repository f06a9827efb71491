// Round 6 of the tagger and parser: the right-to-left tagger summed with the left-to-right one
// ("+rl" models), SIMD label rows (WeightTable::Unpacked) checked against the codebook rows,
// and parser training without a dev set (train + dev with a dev-chosen epoch count).
#include <gtest/gtest.h>

#include <algorithm>

#include "model/tagger_features.h"
#include "sitrep/model/linear.h"
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
    "3\tthe\t_\tDET\t_\t_\t5\tdet\t_\t_\n4\tparliament\t_\tNOUN\t_\t_\t5\tcompound\t_\t_\n"
    "5\tbuilding\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n6\ton\t_\tADP\t_\t_\t7\tcase\t_\t_\n"
    "7\tFriday\t_\tPROPN\t_\t_\t2\tobl\t_\t_\n8\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
    "1\tPolice\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n2\tsaid\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\trebels\t_\tNOUN\t_\t_\t4\tnsubj\t_\t_\n4\twere\t_\tAUX\t_\t_\t5\taux\t_\t_\n"
    "5\tbuilding\t_\tVERB\t_\t_\t2\tccomp\t_\t_\n6\tthe\t_\tDET\t_\t_\t7\tdet\t_\t_\n"
    "7\ttown\t_\tNOUN\t_\t_\t5\tobj\t_\t_\n8\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";

std::vector<Sentence> Corpus() { return ParseConllu(kConllu, "tiny").value(); }

TrainOptions Options(bool backward) {
  TrainOptions o;
  o.epochs = 4;
  o.seed = 3;
  o.log2_buckets = 10;
  o.backward = backward;
  return o;
}

std::vector<Sentence> Reversed(std::vector<Sentence> v) {
  for (Sentence& s : v) std::reverse(s.tokens.begin(), s.tokens.end());
  return v;
}

TEST(BackwardTagger, TrainsDeterministicallyAndTagsWithBothModels) {
  std::vector<Sentence> s = Corpus();
  Result<std::string> a = TrainTagger(s, s, Options(true)), b = TrainTagger(s, s, Options(true));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("features"), "tagger-v1+rl");
  // The left-to-right part is exactly the model trained without --backward.
  Model forward = Model::FromBytes(TrainTagger(s, s, Options(false)).value()).value();
  EXPECT_EQ(m.Section("weights").value(), forward.Section("weights").value());
  Tagger t = Tagger::FromModel(std::move(m)).value();
  EXPECT_GE(TaggerAccuracy(t, s), 90.0);
}

// Differential: the backward model is the forward trainer run on reversed sentences.
TEST(BackwardTagger, BackwardModelIsTheForwardModelOfReversedText) {
  std::vector<Sentence> s = Corpus();
  Model both = Model::FromBytes(TrainTagger(s, s, Options(true)).value()).value();
  Model rev = Model::FromBytes(TrainTagger(Reversed(s), Reversed(s), Options(false)).value()).value();
  EXPECT_EQ(both.Section("weights_rl").value(), rev.Section("weights").value());
}

// Differential: the tagger reverses its prepared input instead of preparing it twice.
TEST(BackwardTagger, ReversedInputEqualsTheInputPreparedRightToLeft) {
  const tagger_internal::TagDict dict = {{"killed", 8}, {"the", 2}};
  for (const Sentence& s : Corpus()) {
    const auto a = tagger_internal::Reversed(tagger_internal::Prepare(s, dict, nullptr, false));
    const auto b = tagger_internal::Prepare(s, dict, nullptr, true);
    EXPECT_EQ(a.amb, b.amb);
    ASSERT_EQ(a.words.size(), b.words.size());
    for (size_t i = 0; i < a.words.size(); ++i) {
      uint64_t fa[tagger_internal::kMaxFeatures], fb[tagger_internal::kMaxFeatures];
      if (i + 2 * tagger_internal::kPad >= a.words.size()) break;
      const int na = tagger_internal::Features(a, i, 3, 4, fa), nb = tagger_internal::Features(b, i, 3, 4, fb);
      EXPECT_EQ(std::vector<uint64_t>(fa, fa + na), std::vector<uint64_t>(fb, fb + nb)) << i;
    }
  }
}

TEST(BackwardTagger, FilesWithoutTheBackwardSectionFailClearly) {
  std::vector<Sentence> s = Corpus();
  Model m = Model::FromBytes(TrainTagger(s, s, Options(true)).value()).value();
  struct Case {
    std::vector<std::string> sections;
    const char* features;
    bool ok;
    const char* message;
  } cases[] = {
      {{"labels", "tagdict", "weights", "weights_rl"}, "tagger-v1+rl", true, ""},
      {{"labels", "tagdict", "weights", "weights_rl"}, "tagger-v1", true, ""},  // forward only
      {{"labels", "tagdict", "weights"}, "tagger-v1+rl", false, "weights_rl"},
      {{"labels", "tagdict", "weights", "weights_rl"}, "tagger-v9+rl", false, "tagger-v9+rl"},
      {{"labels", "tagdict", "weights", "weights_rl"}, "+rl", false, "+rl"},
  };
  for (const Case& c : cases) {
    ModelWriter w(ModelKind::kTagger);
    for (const auto& [k, v] : m.hyper()) w.SetHyper(k, v);
    w.SetHyper("features", c.features);
    for (const std::string& name : c.sections) w.AddSection(name, std::string(m.Section(name).value()));
    Result<Tagger> t = Tagger::FromModel(Model::FromBytes(w.Serialize()).value());
    EXPECT_EQ(t.ok(), c.ok) << c.features;
    if (!t.ok()) EXPECT_NE(t.status().message().find(c.message), std::string::npos) << t.status().message();
  }
}

// Differential: unpacked (SIMD) rows give exactly the codebook table's scores.
TEST(UnpackedWeights, ScoresEqualTheCodebookTable) {
  for (int classes : {1, 4, 8, 17, 51, 64, 300}) {
    AveragedPerceptron p(8, classes);
    std::vector<uint64_t> f(40);
    for (size_t i = 0; i < f.size(); ++i) f[i] = Mix64(i * 7919 + classes);
    for (int round = 0; round < 30; ++round) {
      p.Update(f.data() + round % 10, 25, round % classes, (round * 7 + 1) % classes);
      p.Tick();
    }
    WeightTable packed = p.Averaged(), unpacked = packed.Unpacked();
    std::vector<int32_t> a(classes, 5), b(classes, 5);
    packed.Score(f.data(), f.size(), a.data());
    unpacked.Score(f.data(), f.size(), b.data());
    EXPECT_EQ(a, b) << classes << " classes";
  }
}

TEST(ParserTraining, WithoutDevKeepsTheLastEpoch) {
  std::vector<Sentence> s = Corpus();
  Tagger tagger = Tagger::FromModel(Model::FromBytes(TrainTagger(s, s, Options(false)).value()).value()).value();
  TrainOptions o = Options(false);
  o.epochs = 3;
  Model m = Model::FromBytes(TrainParser(s, {}, tagger, o).value()).value();
  EXPECT_EQ(m.Hyper("epochs"), "3");
  EXPECT_EQ(m.Hyper("dev_las"), "none");
}

}  // namespace
}  // namespace sitrep
