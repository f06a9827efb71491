// The map: view fitting, circle sizes, outlines (our format: parse errors name the line;
// rings outside the view are skipped) and the points-only map without outlines.
#include "sitrep/show/svg_map.h"

#include <gtest/gtest.h>

#include "report_test_util.h"

namespace sitrep::show {
namespace {

using testing_show::At;
using testing_show::Ev;
using testing_show::Src;

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(SvgMapTest, ViewFitsThePointsWithAMargin) {
  Event a = Ev("a", "Armed clash", "2024-01-01", At("A", "IQ", "", 33.0, 44.0), 1, 1, 1, {}, 1);
  Event b = Ev("b", "Armed clash", "2024-01-01", At("B", "IQ", "", 36.0, 43.0), 1, 1, 1, {}, 1);
  MapView v = FitView({&a, &b});
  EXPECT_LT(v.min_lon, 43.0);
  EXPECT_GT(v.max_lon, 44.0);
  EXPECT_LT(v.min_lat, 33.0);
  EXPECT_GT(v.max_lat, 36.0);
  EXPECT_EQ(v.width, 800);
  EXPECT_GE(v.height, 0.4 * 800 - 1);
  EXPECT_LE(v.height, 800 + 1);
  MapView one = FitView({&a});  // a single point still gets a view around it
  EXPECT_NEAR(one.min_lat, 32.5, 1e-9);
  EXPECT_NEAR(one.max_lat, 33.5, 1e-9);
  EXPECT_GT(one.height, 0);
}

TEST(SvgMapTest, CircleGrowsWithFatalities) {
  Event none = Ev("a", "Armed clash", "", std::nullopt, -1, 0, 0, {}, 1);
  Event few = Ev("b", "Armed clash", "", std::nullopt, 4, 4, 4, {}, 1);
  Event many = Ev("c", "Armed clash", "", std::nullopt, 100000, 1, 100000, {}, 1);
  EXPECT_EQ(CircleRadius(none), 4);
  EXPECT_EQ(CircleRadius(few), 9);
  EXPECT_EQ(CircleRadius(many), 30);
}

TEST(SvgMapTest, PointsOnlyAndWithOutlines) {
  Event a = Ev("a", "Armed clash", "2024-01-01", At("A", "IQ", "", 33.0, 44.0), 2, 2, 2,
               {Src("d", "Two died in A.", 2)}, 1);
  Event placeless = Ev("b", "Armed clash", "2024-01-01", std::nullopt, 1, 1, 1, {}, 1);
  const std::string points = SvgMap({&a, &placeless}, {{&a, 1}}, nullptr, {});
  EXPECT_EQ(Count(points, "<circle"), 1u);
  EXPECT_EQ(Count(points, "<path"), 0u);
  EXPECT_NE(points.find("<title>Armed clash in A\n2024-01-01 (day)"), std::string::npos) << points;
  EXPECT_NE(points.find(">1</text>"), std::string::npos);
  EXPECT_EQ(SvgMap({&placeless}, {}, nullptr, {}), "");
  Event same = a;  // a second key event at the same spot shares the label
  same.id = "a2";
  const std::string shared = SvgMap({&a, &same}, {{&a, 2}, {&same, 1}}, nullptr, {});
  EXPECT_NE(shared.find(">1,2</text>"), std::string::npos) << shared;

  auto parsed = ParseWorldOutlines(
      "sitrep-outlines 1\nIraq\t40,30 48,30 48,37 40,37\nFar away\t-100,10 -99,10 -99,11\n", "t");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const std::string with = SvgMap({&a}, {}, &*parsed, {});
  EXPECT_EQ(Count(with, "<path"), 1u);  // the far ring is outside the view
  EXPECT_NE(with.find("<title>Iraq</title>"), std::string::npos);
}

struct BadOutlines {
  const char* text;
  const char* error;
};

TEST(SvgMapTest, BadOutlineFilesNameTheLine) {
  const BadOutlines cases[] = {
      {"", "t: empty file"},
      {"not outlines\n", "t: line 1: expected 'sitrep-outlines 1'"},
      {"sitrep-outlines 1\nX 1,2 3,4 5,6\n", "t: line 2: no tab after the country name"},
      {"sitrep-outlines 1\nX\t1,2 3,4\n", "t: line 2: a ring needs at least 3 points"},
      {"sitrep-outlines 1\n\nX\t1,2 3,x 5,6\n", "t: line 3: bad coordinate '3,x'"},
      {"sitrep-outlines 1\nX\t1,2 3,4 500,6\n", "t: line 2: coordinate out of range '500,6'"},
  };
  for (const BadOutlines& c : cases) {
    auto r = ParseWorldOutlines(c.text, "t");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().message(), c.error);
  }
  EXPECT_FALSE(LoadWorldOutlines("/nonexistent/world_outlines.txt").ok());
}

}  // namespace
}  // namespace sitrep::show
