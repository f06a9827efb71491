// Differential test of the window blocking (src/store/report_index.cc): narrow windows on the
// B-tree band index, wider and undated ones on the R-tree. Overlapping must return exactly the
// stored reports a naive scan finds: not by-sentence, not found by keys (undated and placed in
// a country), window overlapping the query's (or either side undated), country compatible on
// the CountryRange axis.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "sitrep/store/refuse.h"
#include "sitrep/store/report_index.h"
#include "sitrep/store/schema.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::Day;
using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_store::TempDb;

// Window widths around the kNarrowDays bound, year-wide and undated; countries as extraction
// writes them plus the odd ones CountryRange must place (lower case, a name, none).
Report RandomReport(std::mt19937& rng, int i) {
  const char* countries[] = {"IQ", "iq", "AF", "Kurdistan", ""};
  const char* country = countries[rng() % 5];
  std::optional<EventPlace> place;
  if (*country) place = Place("Town" + std::to_string(rng() % 4), country, 33.0, 44.0);
  Report r = MakeReport("d" + std::to_string(i), 0, "Battles", "2024-01-10", place, -1,
                        "Sentence " + std::to_string(i) + " tells one incident in a town.");
  const int64_t d = Day("2024-01-01") + static_cast<int64_t>(rng() % 40);
  const int64_t widths[] = {0, 6, 7, 8, 9, 10, 11, 12, 30, 45};
  switch (rng() % 6) {
    case 0: r.event.date = {d, d, DatePrecision::kDay}; break;
    case 1: case 2: r.event.date = {d, d + widths[rng() % 10], DatePrecision::kWeek}; break;
    case 3: r.event.date = {d, d + widths[rng() % 10], DatePrecision::kMonth}; break;
    case 4: r.event.date = {d, d + 364, DatePrecision::kYear}; break;
    default: r.event.date = {}; break;
  }
  r.event.best_day = r.event.date.known() ? r.event.date.earliest : 0;
  return r;
}

TEST(ReportIndexTest, OverlappingEqualsANaiveScan) {
  TempDb tmp;
  auto db = std::move(SqliteDb::Open(tmp.path()).value());
  ASSERT_TRUE(Migrate(*db).ok());
  ASSERT_TRUE(db->Exec("PRAGMA foreign_keys = OFF").ok());  // reports without documents
  const FusionOptions options;
  std::mt19937 rng(11);
  std::vector<Report> stored;
  for (int i = 0; i < 400; ++i) {
    stored.push_back(RandomReport(rng, i));
    ASSERT_TRUE(InsertReport(*db, stored.back(), options).ok());
  }
  const int64_t narrow = *QueryInt(*db, "SELECT count(*) FROM reports WHERE band IS NOT NULL")
                              .value();
  const int64_t in_tree = *QueryInt(*db, "SELECT count(*) FROM reports_window").value();
  EXPECT_GT(narrow, 100);  // both indexes are exercised
  EXPECT_GT(in_tree, 50);

  ReportIndex index(*db);
  for (int q = 0; q < 300; ++q) {
    const Report query = RandomReport(rng, 1000 + q);
    const BlockKey block = BlockOf(query, options);
    const bool dated = query.event.date.known();
    auto got = index.Overlapping(block, dated);
    ASSERT_TRUE(got.ok()) << got.status().message();
    std::set<std::string> keys;
    for (const IndexedReport& r : *got) EXPECT_TRUE(keys.insert(r.key).second) << r.key;
    std::set<std::string> want;
    const auto [qc0, qc1] = CountryRange(block.country);
    for (const Report& r : stored) {
      if (LinksOnlyBySentence(r, options) || FoundByKeys(r, options)) continue;
      const BlockKey b = BlockOf(r, options);
      const auto [c0, c1] = CountryRange(b.country);
      const bool overlap = !dated || !r.event.date.known() ||
                           (b.to >= block.from && b.from <= block.to);
      if (overlap && c1 >= qc0 && c0 <= qc1) want.insert(r.key);
    }
    EXPECT_EQ(keys, want) << "query " << q << " " << block.country << " " << block.from << ".."
                          << block.to << (dated ? "" : " undated");
  }
}

}  // namespace
}  // namespace sitrep
