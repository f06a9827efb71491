// The OS behind a seam: writes and syncs fail at every point of a batch (through the fault
// VFS); the batch reports an error and the database stays exactly as it was before it.
#include <gtest/gtest.h>

#include "sitrep/store/fault_vfs.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;

std::vector<AnalysedArticle> Batch(int first, int n) {
  std::vector<AnalysedArticle> out;
  for (int i = first; i < first + n; ++i) {
    std::string id = "doc" + std::to_string(i);
    std::string text;
    for (int w = 0; w < 50; ++w) text += "w" + std::to_string(i * 100 + w) + " ";
    out.push_back(testing_store::Article(id, text,
        {MakeReport(id, 0, "Battles", i % 2 ? "2024-01-04" : "2024-01-05",
                    Place("Goma", "CD", -1.68, 29.22), i % 4, "Fighting near Goma.")}));
  }
  return out;
}

TEST(FaultTest, FailedWriteAtAnyPointLeavesTheBatchOut) {
  static FaultPlan plan;
  ASSERT_TRUE(RegisterFaultVfs(&plan).ok());
  int failures = 0;
  for (long k = 0; k < 400; k += 7) {
    testing_store::TempDb tmp;
    StoreOptions options;
    options.vfs = kFaultVfsName;
    plan.ops_until_failure = -1;
    std::string before;
    {
      auto store = std::move(EventStore::Open(tmp.path(), options).value());
      ASSERT_TRUE(store->IngestBatch(Batch(0, 5)).ok());
      before = testing_store::DumpEvents(*store);
      plan.ops_until_failure = k;
      auto r = store->IngestBatch(Batch(5, 20));
      plan.ops_until_failure = -1;
      if (r.ok()) continue;  // k beyond the batch's writes
      ++failures;
    }
    auto reopened = std::move(EventStore::Open(tmp.path()).value());
    EXPECT_TRUE(reopened->CheckIntegrity().ok()) << "fail after " << k;
    EXPECT_EQ(testing_store::DumpEvents(*reopened), before) << "fail after " << k;
    EXPECT_EQ(reopened->Documents().value().size(), 5u) << "fail after " << k;
  }
  EXPECT_GT(failures, 0);
}

}  // namespace
}  // namespace sitrep
