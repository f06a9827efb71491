// The biaffine network and parser run over many sentences at once against one sentence at a
// time: bit-identical arc scores and label representations (random weights, sentences of 1..40
// words), and identical heads and labels from a trained toy parser.
#include "model/biaffine_batch.h"

#include <gtest/gtest.h>

#include <cstring>

#include "model/biaffine_net.h"
#include "model_test_support.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

bool SameBits(const nn::Mat& a, const float* b) {
  return std::memcmp(a.data(), b, a.size() * sizeof(float)) == 0;
}

BiaffineInput RandomInput(int n, const BiaffineDims& d, SplitMix* rng) {
  BiaffineInput in;
  auto pick = [&](int rows) { return static_cast<int>(rng->Next() % static_cast<uint64_t>(rows)); };
  for (int t = 0; t <= n; ++t) {
    in.word.push_back(pick(d.words));
    in.tag.push_back(pick(d.tags + 2));
    in.cl0.push_back(pick(kCl0Rows));
    in.cl1.push_back(pick(kCl1Rows));
    in.suf.push_back(pick(d.suf_buckets + 1));
    in.pre.push_back(pick(d.pre_buckets + 1));
    in.shape.push_back(pick(d.shape_buckets + 1));
  }
  return in;
}

TEST(BiaffineBatch, ForwardMatchesOneSentenceAtATimeBitForBit) {
  BiaffineDims d;
  d.words = 50, d.tags = 17, d.labels = 9, d.hidden = 32, d.arc_dim = 24, d.label_dim = 16;
  d.suf_buckets = 64, d.pre_buckets = 64, d.shape_buckets = 16;
  BiaffineNet net;
  net.Init(d, 5);
  // Random (nonzero) biaffine weights: Init leaves arc.u and the biases at zero.
  SplitMix rng(9);
  for (nn::Param& p : net.params())
    if (p.name == "arc.u" || p.name == "arc.bias" || p.name == "lab.b" || p.name.ends_with(".b"))
      for (float& x : p.w.v) x = static_cast<float>(rng.Uniform() - 0.5);
  std::vector<BiaffineInput> inputs;
  for (int n : {7, 1, 40, 12, 3, 25, 2, 18}) inputs.push_back(RandomInput(n, d, &rng));
  BiaffineBatch batch(net);
  BiaffineBatchScratch scratch;
  std::vector<nn::Mat> arcs;
  batch.Forward(inputs, &arcs, &scratch);
  ASSERT_EQ(arcs.size(), inputs.size());
  std::vector<int> deps, heads;
  for (size_t i = 0; i < inputs.size(); ++i) {
    BiaffineNet::Output want;
    net.Forward(inputs[i], &want);
    EXPECT_TRUE(SameBits(want.arcs, arcs[i].data())) << "arcs of sentence " << i;
    EXPECT_TRUE(SameBits(want.label_dep, scratch.label_dep.row(scratch.starts[i])))
        << "sentence " << i;
    EXPECT_TRUE(SameBits(want.label_head, scratch.label_head.row(scratch.starts[i])))
        << "sentence " << i;
    for (int dep = 1; dep <= inputs[i].n(); ++dep) {
      deps.push_back(scratch.starts[i] + dep);
      heads.push_back(scratch.starts[i] + (dep * 7) % (inputs[i].n() + 1));
    }
  }
  nn::Mat scores;
  batch.LabelScores(deps, heads, &scratch, &scores);
  std::vector<float> want(d.labels);
  int k = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    BiaffineNet::Output out;
    net.Forward(inputs[i], &out);
    for (int dep = 1; dep <= inputs[i].n(); ++dep, ++k) {
      net.LabelScores(out, dep, heads[k] - scratch.starts[i], want.data());
      EXPECT_EQ(std::memcmp(want.data(), scores.row(k), want.size() * sizeof(float)), 0)
          << "label scores of sentence " << i << " word " << dep;
    }
  }
}

TEST(BiaffineParser, ParseAllGivesWhatParseGivesEachSentence) {
  const std::vector<Sentence> toy = ParseConllu(testing::kToyTreebank, "toy").value();
  TrainOptions o;
  o.epochs = 2;
  o.seed = 3;
  o.log2_buckets = 10;
  const Tagger tagger =
      Tagger::FromModel(Model::FromBytes(TrainTagger(toy, toy, o).value()).value()).value();
  BiaffineOptions b;
  b.word_dim = 8, b.tag_dim = 4, b.hidden = 16, b.layers = 2, b.arc_dim = 5, b.label_dim = 4;
  b.min_count = 1;
  const BiaffineParser parser =
      BiaffineParser::FromModel(
          Model::FromBytes(TrainBiaffineParser(toy, toy, tagger, o, b).value()).value())
          .value();
  // A document: the toy sentences, an empty one, and longer ones made of them.
  std::vector<Sentence> doc = toy;
  doc.push_back(Sentence{});
  Sentence longer = toy[0];
  for (int k = 0; k < 6; ++k)
    for (const Sentence& s : toy)
      longer.tokens.insert(longer.tokens.end(), s.tokens.begin(), s.tokens.end());
  doc.push_back(longer);
  doc.push_back(toy[1]);
  std::vector<Sentence> one_by_one = doc;
  for (Sentence& s : one_by_one) parser.Parse(&s);
  parser.ParseAll(doc);
  for (size_t i = 0; i < doc.size(); ++i)
    for (size_t t = 0; t < doc[i].tokens.size(); ++t) {
      EXPECT_EQ(doc[i].tokens[t].head, one_by_one[i].tokens[t].head)
          << "sentence " << i << " word " << t + 1;
      EXPECT_EQ(doc[i].tokens[t].deprel, one_by_one[i].tokens[t].deprel)
          << "sentence " << i << " word " << t + 1;
    }
}

}  // namespace
}  // namespace sitrep
