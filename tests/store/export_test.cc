// Exports: ACLED conventions (conservative fatalities, precision codes, notes), CSV quoting,
// GeoJSON and JSONL shapes. Events are built by hand.
#include "sitrep/store/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "../fuse/fuse_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::Day;
using testing_fuse::Place;

// A fused event: type, day and precision, place precision, per-source fatalities.
Event MakeEvent(const std::string& type, const char* day, DatePrecision precision,
                const std::string& place_precision, std::vector<int64_t> dead,
                int revised_index = -1) {
  Event e;
  e.id = "ev-00000000000000ff";
  e.event_type = type;
  e.sub_event_type = type == "Explosions/Remote violence" ? "Air/drone strike" : "";
  e.plover_type = "ASSAULT";
  e.date = {Day(day), Day(day) + (precision == DatePrecision::kDay ? 0 : 6), precision};
  e.best_day = Day(day);
  e.location = Place("Baghdad", "IQ", 33.34, 44.40, place_precision);
  for (size_t i = 0; i < dead.size(); ++i) {
    EventSource s;
    s.doc = "d" + std::to_string(i);
    s.outlet = "Outlet " + std::to_string(i);
    s.sentence = "A strike killed " + std::to_string(dead[i]) + ", officials said.";
    s.fatalities = dead[i];
    s.revised = static_cast<int>(i) == revised_index;
    e.sources.push_back(s);
  }
  if (!dead.empty()) {
    auto [lo, hi] = std::minmax_element(dead.begin(), dead.end());
    e.fatalities = CountRange{revised_index >= 0 ? dead[revised_index] : *hi, *lo, *hi};
  }
  return e;
}

// The ACLED rows as maps from column name to value (the notes contain commas: quoted).
std::vector<std::map<std::string, std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field), field.clear();
    } else if (c == '\n') {
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
    } else {
      field += c;
    }
  }
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), rows[0].size()) << "row " << r;
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < rows[r].size() && c < rows[0].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(m);
  }
  return out;
}

TEST(ExportAcledTest, Conventions) {
  struct Case {
    Event event;
    const char* column;
    const char* expected;
  } cases[] = {
      {MakeEvent("Explosions/Remote violence", "2024-01-04", DatePrecision::kDay, "city", {4, 2, 6}),
       "fatalities", "2"},  // the most conservative report
      {MakeEvent("Explosions/Remote violence", "2024-01-04", DatePrecision::kDay, "city", {9, 12}, 1),
       "fatalities", "12"},  // a revised toll supersedes the figure it revises
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {}), "fatalities", "0"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "time_precision", "1"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kWeek, "city", {1}), "time_precision", "2"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kMonth, "city", {1}), "time_precision", "3"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "point", {1}), "geo_precision", "1"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "geo_precision", "1"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "near", {1}), "geo_precision", "2"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "admin1", {1}), "geo_precision", "3"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "country", {1}), "geo_precision", "3"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "event_date", "2024-01-04"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "year", "2024"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "event_id_cnty", "IQ0"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "disorder_type",
       "Political violence"},
      {MakeEvent("Protests", "2024-01-04", DatePrecision::kDay, "city", {}), "disorder_type",
       "Demonstrations"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "country", "Iraq"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "iso", "IQ"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "latitude", "33.34000"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1, 3}), "source",
       "Outlet 0; Outlet 1"},
      {MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1}), "notes",
       "On 4 January 2024, A strike killed 1, officials said."},
  };
  auto namer = [](const std::string& iso2) { return iso2 == "IQ" ? std::string("Iraq") : ""; };
  for (const Case& c : cases) {
    auto rows = ParseCsv(ExportAcled({c.event}, namer));
    ASSERT_EQ(rows.size(), 1u) << c.column;
    EXPECT_EQ(rows[0][c.column], c.expected) << c.column;
  }
}

TEST(ExportAcledTest, ConflictsInNotesAndVerbalEventsLeftOut) {
  Event e = MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {2, 5});
  e.conflicts.push_back({"fatalities", {{"2", {"d0"}}, {"5", {"d1"}}}});
  Event verbal = MakeEvent("", "2024-01-04", DatePrecision::kDay, "city", {});
  auto rows = ParseCsv(ExportAcled({e, verbal}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows[0]["notes"].find("[fatalities reported: 2, 5]"), std::string::npos)
      << rows[0]["notes"];
  EXPECT_EQ(rows[0]["country"], "IQ");  // no namer: the code
}

TEST(ExportAcledTest, OddIdsDoNotThrow) {
  for (const char* id : {"", "ev-", "ev-zz", "x", "ev-0123456789abcdef0123"}) {
    Event e = MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1});
    e.id = id;
    EXPECT_EQ(ParseCsv(ExportAcled({e})).size(), 1u) << id;
  }
}

TEST(ExportTest, CsvQuotesAndShapes) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"plain", "plain"}, {"a,b", "\"a,b\""}, {"say \"hi\"", "\"say \"\"hi\"\"\""},
               {"two\nlines", "\"two\nlines\""}, {"", ""}};
  for (const Case& c : cases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;

  Event e = MakeEvent("Battles", "2024-01-04", DatePrecision::kDay, "city", {1, 3});
  Event no_place = e;
  no_place.location.reset();
  auto csv = ParseCsv(ExportCsv({e, no_place}));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv[0]["fatalities_min"], "1");
  EXPECT_EQ(csv[0]["fatalities_max"], "3");
  EXPECT_EQ(csv[1]["lat"], "");

  nlohmann::json geo = nlohmann::json::parse(ExportGeoJson({e, no_place}));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  ASSERT_EQ(geo["features"].size(), 1u);  // only events with coordinates
  EXPECT_EQ(geo["features"][0]["geometry"]["coordinates"][0].get<double>(), 44.40);  // lon first
  EXPECT_EQ(geo["features"][0]["properties"]["id"], e.id);

  std::istringstream jsonl(ExportJsonl({e, no_place}));
  std::string line;
  int lines = 0;
  while (std::getline(jsonl, line)) {
    EXPECT_EQ(nlohmann::json::parse(line)["id"], e.id);
    ++lines;
  }
  EXPECT_EQ(lines, 2);
  std::string table = ExportTable({e});
  EXPECT_NE(table.find(e.id), std::string::npos);
  EXPECT_NE(table.find("2024-01-04"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
