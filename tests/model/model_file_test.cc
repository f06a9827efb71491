// The model file format: round trip, and clear errors (never crashes) on truncation/corruption.
#include "sitrep/model/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "sitrep/base/file.h"
#include "sitrep/model/linear.h"

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

}  // namespace
}  // namespace sitrep
