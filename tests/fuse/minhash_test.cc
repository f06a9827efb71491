// MinHash and LSH: estimates track the true shingle Jaccard; LSH finds the near-duplicate pairs
// an all-pairs scan finds (differential against the naive reference).
#include "sitrep/fuse/minhash.h"

#include <gtest/gtest.h>

#include <random>

namespace sitrep {
namespace {

const char* kWire =
    "An air strike hit a vehicle near the airport on Thursday, killing four members of an "
    "armed group, security officials said. The group's commander was among the dead, two "
    "officials told reporters, speaking on condition of anonymity. Witnesses said the car "
    "burst into flames after the strike and the road was closed for several hours.";
const char* kRewrite =
    "An air strike hit a vehicle near the airport on Thursday, killing four members of an "
    "armed group, security officials said on Thursday. The group's commander was among the "
    "dead, two officials told reporters, speaking on condition of anonymity. Witnesses said "
    "the car burst into flames after the strike and the road was closed for hours.";
const char* kOther =
    "Thousands of farmers marched through the capital to protest against a new tax on fuel, "
    "blocking the main avenue for most of the afternoon before police dispersed the crowd.";

TEST(MinHashTest, Table) {
  MinHashOptions o;
  struct Case {
    const char *a, *b;
    double lo, hi;
  } cases[] = {
      {kWire, kWire, 1.0, 1.0},
      {kWire, kRewrite, 0.5, 1.0},
      {kWire, kOther, 0.0, 0.1},
      {"", "", 1.0, 1.0},
  };
  for (const Case& c : cases) {
    double j = EstimateJaccard(ComputeMinHash(c.a, o), ComputeMinHash(c.b, o));
    EXPECT_GE(j, c.lo) << c.a << " | " << c.b;
    EXPECT_LE(j, c.hi) << c.a << " | " << c.b;
  }
}

TEST(MinHashTest, CaseAndPunctuationDoNotMatter) {
  MinHashOptions o;
  EXPECT_EQ(ComputeMinHash("An Air-Strike, hit THE car.", o),
            ComputeMinHash("an air strike hit the car", o));
}

TEST(MinHashTest, EncodeDecodeRoundTrip) {
  MinHashSignature s = ComputeMinHash(kWire, MinHashOptions{});
  EXPECT_EQ(DecodeSignature(EncodeSignature(s)), s);
  EXPECT_TRUE(DecodeSignature("zz").empty());
  EXPECT_TRUE(DecodeSignature("0000000g").empty());
}

TEST(MinHashTest, LshPairsEqualAllPairsOnCopies) {
  // 60 base texts of random words, each with 0-2 light edits copies.
  std::mt19937 rng(7);
  std::vector<std::string> vocab;
  for (int i = 0; i < 500; ++i) vocab.push_back("w" + std::to_string(i));
  std::vector<std::string> texts;
  for (int b = 0; b < 60; ++b) {
    std::vector<std::string> words;
    for (int i = 0; i < 120; ++i) words.push_back(vocab[rng() % vocab.size()]);
    int copies = static_cast<int>(rng() % 3);
    for (int c = 0; c <= copies; ++c) {
      std::vector<std::string> w = words;
      if (c > 0) w[rng() % w.size()] = "edited";
      std::string t;
      for (const auto& x : w) t += x + " ";
      texts.push_back(t);
    }
  }
  MinHashOptions o;
  std::vector<MinHashSignature> sigs;
  for (const auto& t : texts) sigs.push_back(ComputeMinHash(t, o));
  std::vector<std::pair<uint32_t, uint32_t>> naive;
  for (uint32_t i = 0; i < sigs.size(); ++i) {
    for (uint32_t j = i + 1; j < sigs.size(); ++j) {
      if (EstimateJaccard(sigs[i], sigs[j]) >= o.near_duplicate) naive.emplace_back(i, j);
    }
  }
  EXPECT_FALSE(naive.empty());
  EXPECT_EQ(NearDuplicatePairs(sigs, o), naive);
}

}  // namespace
}  // namespace sitrep
