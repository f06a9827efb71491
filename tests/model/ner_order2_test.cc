// The NER Viterbi decoders (first and second order) against a naive reference that scores
// every valid label sequence of short sentences with pseudo-random weights; and models with a
// second-order decoder train deterministically, record it and reload.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/ner_decode.h"
#include "model_test_support.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

using ner_internal::LabelSet;
using ner_internal::NerInput;
using testing::Labelled;

// Pseudo-random integer weights in [-100, 100] for (feature, class).
void FakeScore(const uint64_t* f, int n, int32_t* sc, int classes) {
  for (int k = 0; k < n; ++k)
    for (int c = 0; c < classes; ++c) {
      uint64_t h = (f[k] + 0x9E3779B97F4A7C15ULL * (c + 1)) * 0xBF58476D1CE4E5B9ULL;
      sc[c] += static_cast<int32_t>((h >> 40) % 201) - 100;
    }
}

// The score of label sequence `y` as the decoders define it.
int64_t SequenceScore(const NerInput& in, const LabelSet& labels, const std::vector<int>& y,
                      int32_t o_penalty) {
  const int L = labels.size();
  uint64_t f[ner_internal::kMaxFeatures], tf[ner_internal::kTrans], sf[ner_internal::kSecond];
  std::vector<int32_t> sc(L);
  int64_t total = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const int b = i ? y[i - 1] : L, a = i >= 2 ? y[i - 2] : L;
    std::fill(sc.begin(), sc.end(), 0);
    FakeScore(f, ner_internal::StaticFeatures(in, i, f), sc.data(), L);
    ner_internal::TransFeatures(in, i, b, tf);
    FakeScore(tf, in.trans, sc.data(), L);
    if (labels.order2()) {
      ner_internal::SecondFeatures(in, i, a, b, sf);
      FakeScore(sf, ner_internal::kSecond, sc.data(), L);
    }
    total += sc[y[i]] - (y[i] == 0 ? o_penalty : 0);
  }
  return total;
}

TEST(NerOrder2, ViterbiFindsTheBestValidSequenceOfEveryShortSentence) {
  const std::vector<std::string> texts = {"Smith", "John Smith left", "Police saw Ann in Kano",
                                          "the United Nations"};
  for (bool order2 : {false, true}) {
    LabelSet labels({"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}, false);
    labels.set_order2(order2);
    const int L = labels.size();
    for (const std::string& text : texts) {
      for (int32_t penalty : {0, 37}) {
        Sentence s = Labelled({text})[0];
        const size_t n = s.tokens.size();
        NerInput in = ner_internal::Prepare(s, nullptr, nullptr, false, 4);
        std::vector<int> got;
        ner_internal::Decode<int32_t>(in, n, labels,
                                      [&](const uint64_t* f, int k, int32_t* sc) { FakeScore(f, k, sc, L); },
                                      penalty, &got);
        int64_t best = INT64_MIN;
        std::vector<int> y(n, 0);
        for (;;) {  // every label sequence, valid ones scored
          bool valid = true;
          for (size_t i = 0; i < n; ++i) valid = valid && labels.Allowed(i ? y[i - 1] : -1, y[i]);
          if (valid) best = std::max(best, SequenceScore(in, labels, y, penalty));
          size_t k = 0;
          while (k < n && ++y[k] == L) y[k++] = 0;
          if (k == n) break;
        }
        ASSERT_EQ(got.size(), n);
        for (size_t i = 0; i < n; ++i) EXPECT_TRUE(labels.Allowed(i ? got[i - 1] : -1, got[i]));
        EXPECT_EQ(SequenceScore(in, labels, got, penalty), best)
            << text << " order2 " << order2 << " penalty " << penalty;
      }
    }
  }
}

TEST(NerOrder2, SecondOrderModelsTrainDeterministicallyAndReload) {
  const std::vector<std::string> texts = {
      "Police/O arrested/O John/B-PER Smith/I-PER in/O Lagos/B-LOC ./O",
      "The/O United/B-ORG Nations/I-ORG said/O Paris/B-LOC was/O calm/O ./O",
      "Mary/B-PER Ann/I-PER Jones/I-PER visited/O Baghdad/B-LOC ./O",
  };
  TrainOptions o;
  o.epochs = 5;
  o.log2_buckets = 12;
  const std::vector<Sentence> train = Labelled(texts);
  setenv("SITREP_NER_ORDER2", "1", 1);
  Result<std::string> a = TrainNer(train, {}, nullptr, o), b = TrainNer(train, {}, nullptr, o);
  unsetenv("SITREP_NER_ORDER2");
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message();
  EXPECT_EQ(*a, *b);
  Model m = Model::FromBytes(*a).value();
  EXPECT_EQ(m.Hyper("order"), "2");
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_GT(ScoreNer(*ner, nullptr, train).f1, 90.0);
  Result<std::string> first = TrainNer(train, {}, nullptr, o);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Model::FromBytes(*first).value().Hyper("order"), "");
}

}  // namespace
}  // namespace sitrep
