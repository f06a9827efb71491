// The model file format: round trip, and clear errors (never crashes) on truncation/corruption.
#include "sitrep/model/model_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sitrep/base/file.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/train_options.h"

namespace sitrep {
namespace {

std::string SampleModel() {
  ModelWriter w(ModelKind::kNer);
  w.SetHyper("epochs", "3");
  w.SetHyper("seed", "7");
  w.AddSection("labels", "O\nB-PER\nI-PER\n");
  AveragedPerceptron p(4, 3);
  uint64_t f[2] = {Feat(1, 2), Feat(3, 4)};
  p.Update(f, 2, 1, 0);
  p.Tick();
  w.AddSection("weights", p.Section());
  return w.Serialize();
}

TEST(ModelFile, RoundTripsHyperparametersAndSections) {
  Result<Model> m = Model::FromBytes(SampleModel());
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->kind(), ModelKind::kNer);
  EXPECT_EQ(m->version(), kModelVersion);
  EXPECT_EQ(m->Hyper("epochs"), "3");
  EXPECT_EQ(m->Hyper("seed"), "7");
  EXPECT_EQ(m->Hyper("missing", "x"), "x");
  EXPECT_EQ(*m->Section("labels"), "O\nB-PER\nI-PER\n");
  EXPECT_FALSE(m->Section("nope").ok());
  Result<WeightTable> t = WeightTable::FromSection(*m->Section("weights"));
  ASSERT_TRUE(t.ok());
  int32_t s[3] = {0, 0, 0};
  uint64_t f[2] = {Feat(1, 2), Feat(3, 4)};
  t->Score(f, 2, s);
  EXPECT_GT(s[1], s[0]);
}

TEST(ModelFile, LoadMapsAFileAndReportsMissingFiles) {
  std::string path = testing::TempDir() + "/sample.model";
  ASSERT_TRUE(WriteFileAtomic(path, SampleModel()).ok());
  Result<Model> m = Model::Load(path);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(*m->Section("labels"), "O\nB-PER\nI-PER\n");
  Result<Model> missing = Model::Load(path + ".absent");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(ModelFile, EveryTruncationIsAClearError) {
  std::string bytes = SampleModel();
  std::string path = testing::TempDir() + "/trunc.model";
  for (size_t n = 0; n < bytes.size(); n += 3) {
    Result<Model> m = Model::FromBytes(bytes.substr(0, n));
    ASSERT_FALSE(m.ok()) << n;
    EXPECT_EQ(m.status().code(), StatusCode::kDataLoss) << n;
    if (n % 60 == 0) {  // the mmap path too
      ASSERT_TRUE(WriteFileAtomic(path, bytes.substr(0, n)).ok());
      EXPECT_FALSE(Model::Load(path).ok()) << n;
    }
  }
}

TEST(ModelFile, EveryFlippedByteIsAClearError) {
  std::string bytes = SampleModel();
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    Result<Model> m = Model::FromBytes(bad);
    EXPECT_FALSE(m.ok()) << "byte " << i;
  }
}

TEST(ModelFile, ErrorsNameTheProblem) {
  std::string bytes = SampleModel();
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  EXPECT_NE(Model::FromBytes(bad_magic).status().message().find("magic"), std::string::npos);
  EXPECT_NE(Model::FromBytes(bytes.substr(0, bytes.size() - 1)).status().message().find("truncated"),
            std::string::npos);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 1;
  EXPECT_NE(Model::FromBytes(flipped).status().message().find("checksum"), std::string::npos);
}

TEST(WeightTable, RejectsMalformedSections) {
  const struct {
    const char* name;
    std::string bytes;
  } cases[] = {
      {"empty", ""},
      {"short header", std::string(8, '\0')},
      {"zero dims", std::string(16, '\0')},
      {"wrong size", std::string(AveragedPerceptron(4, 3).Section()).substr(0, 40)},
  };
  for (const auto& c : cases) EXPECT_FALSE(WeightTable::FromSection(c.bytes).ok()) << c.name;
}

// A perceptron with many distinct weights (more than the 255 codebook levels).
AveragedPerceptron BusyPerceptron(int log2, int classes) {
  AveragedPerceptron p(log2, classes);
  SplitMix rng(3);
  for (int i = 0; i < 20000; ++i) {
    uint64_t f[3] = {rng.Next(), rng.Next() % 97, rng.Next() % 13};
    int gold = static_cast<int>(rng.Next() % classes), pred = static_cast<int>(rng.Next() % classes);
    p.Update(f, 3, gold, pred);
    p.Tick();
  }
  return p;
}

// Differential: codebook scores against the int16 weights they were made from. The levels
// minimise the squared error over all weights, so the few large weights of this synthetic
// table are coarse (real models: dev accuracy unchanged, bench/results/parser.md); decisions
// must agree and the summed error stay small.
TEST(WeightTable, CodebookScoresStayCloseToInt16Scores) {
  AveragedPerceptron p = BusyPerceptron(10, 5);
  WeightTable wide = p.Averaged(WeightFormat::kInt16), coded = p.Averaged();
  EXPECT_EQ(wide.format(), WeightFormat::kInt16);
  EXPECT_EQ(coded.format(), WeightFormat::kCodebook8);
  EXPECT_EQ(wide.scale(), coded.scale());
  SplitMix rng(9);
  double err = 0, mass = 0;
  int same = 0, trials = 2000;
  for (int trial = 0; trial < trials; ++trial) {
    uint64_t f[20];
    for (uint64_t& x : f) x = rng.Next();
    int32_t a[5] = {}, b[5] = {};
    wide.Score(f, 20, a);
    coded.Score(f, 20, b);
    for (int k = 0; k < 5; ++k) {
      err += std::abs(a[k] - b[k]);
      mass += std::abs(a[k]);
    }
    same += std::max_element(a, a + 5) - a == std::max_element(b, b + 5) - b;
  }
  ASSERT_GT(mass, 0);
  EXPECT_LT(err / mass, 0.06);
  EXPECT_GE(same, trials * 97 / 100);
}

TEST(WeightTable, CodebookKeepsZeroAndFewValuesExact) {
  AveragedPerceptron p(4, 3);
  uint64_t f[2] = {Feat(1, 2), Feat(3, 4)};
  p.Update(f, 2, 1, 0);
  p.Tick();
  WeightTable wide = p.Averaged(WeightFormat::kInt16), coded = p.Averaged();
  for (uint64_t x = 0; x < 16; ++x) {
    int32_t a[3] = {}, b[3] = {};
    wide.Score(&x, 1, a);
    coded.Score(&x, 1, b);
    for (int k = 0; k < 3; ++k) EXPECT_EQ(a[k], b[k]) << x << " " << k;
  }
}

TEST(WeightTable, ConvertingAnInt16SectionEqualsSavingInTheNewFormat) {
  AveragedPerceptron p = BusyPerceptron(9, 4);
  Result<std::string> converted = ConvertWeightSection(p.Section(WeightFormat::kInt16),
                                                       WeightFormat::kCodebook8);
  ASSERT_TRUE(converted.ok()) << converted.status().message();
  EXPECT_EQ(*converted, p.Section());
  EXPECT_EQ(p.Section().size(), 16u + 512u + (1u << 9) * 4u);
  Result<std::string> back = ConvertWeightSection(p.Section(), WeightFormat::kInt16);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->size(), p.Section(WeightFormat::kInt16).size());
}

TEST(WeightTable, RejectsMalformedCodebookSections) {
  std::string good = AveragedPerceptron(4, 3).Section();
  ASSERT_TRUE(WeightTable::FromSection(good).ok());
  std::string unknown = good;
  unknown[12] = 7;
  Result<WeightTable> u = WeightTable::FromSection(unknown);
  ASSERT_FALSE(u.ok());
  EXPECT_NE(u.status().message().find("unknown format 7"), std::string::npos);
  EXPECT_FALSE(WeightTable::FromSection(good.substr(0, good.size() - 1)).ok());
  EXPECT_FALSE(WeightTable::FromSection(good + "x").ok());
  EXPECT_FALSE(ConvertWeightSection(good.substr(0, 100), WeightFormat::kInt16).ok());
}

// `bytes` with its version field set to `version` and the checksum recomputed.
std::string WithVersion(std::string bytes, uint32_t version) {
  std::memcpy(bytes.data() + 8, &version, 4);
  uint64_t sum = XXH64(bytes.data(), bytes.size() - 8, 0);
  std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
  return bytes;
}

TEST(ModelFile, Version1FilesWithInt16WeightsStillLoad) {
  ModelWriter w(ModelKind::kTagger);
  AveragedPerceptron p = BusyPerceptron(6, 3);
  w.AddSection("weights", p.Section(WeightFormat::kInt16));
  Result<Model> m = Model::FromBytes(WithVersion(w.Serialize(), 1));
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->version(), 1u);
  Result<WeightTable> t = WeightTable::FromSection(*m->Section("weights"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->format(), WeightFormat::kInt16);
}

TEST(ModelFile, NewerVersionsNameTheFileAndVersion) {
  std::string path = testing::TempDir() + "/future.model";
  ASSERT_TRUE(WriteFileAtomic(path, WithVersion(SampleModel(), 9)).ok());
  Result<Model> m = Model::Load(path);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find(path), std::string::npos);
  EXPECT_NE(m.status().message().find("version 9"), std::string::npos);
  EXPECT_FALSE(Model::FromBytes(WithVersion(SampleModel(), 0)).ok());
}

}  // namespace
}  // namespace sitrep
