#include "sitrep/base/offset_map.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(OffsetMapTest, CopiesMapByteForByteAndReplacementsMapToTheirStart) {
  // raw: "a&amp;b" -> derived "a&b"
  OffsetMap m;
  m.AppendCopy(0, 1);
  m.AppendReplaced(1, 5, 1);
  m.AppendCopy(6, 1);
  EXPECT_EQ(m.derived_size(), 3u);
  EXPECT_EQ(m.ToSource(0), 0u);
  EXPECT_EQ(m.ToSource(1), 1u);
  EXPECT_EQ(m.ToSource(2), 6u);
  EXPECT_EQ(m.ToSource(3), 7u);
  uint32_t b, e;
  m.ToSourceRange(1, 2, &b, &e);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(e, 6u);
}

TEST(OffsetMapTest, AppendShiftsAnotherMap) {
  OffsetMap block;
  block.AppendCopy(10, 4);
  OffsetMap doc;
  doc.AppendCopy(0, 3);
  doc.AppendReplaced(3, 0, 2);
  doc.Append(block);
  EXPECT_EQ(doc.derived_size(), 9u);
  EXPECT_EQ(doc.ToSource(5), 10u);
  EXPECT_EQ(doc.ToSource(8), 13u);
}

}  // namespace
}  // namespace sitrep
