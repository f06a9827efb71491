// Checks of our place data and of the index loader: every row of data/places.tsv lies where
// GeoNames vouches for it (the C++ twin of scripts/check_places.py's last rule), capitals come
// from an O(1) table equal to a naive scan, and the fuzz corpus' tiny index loads while its
// broken variants give clear errors.
#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <set>
#include <string>

#include "know/gazetteer_format.h"
#include "know/tsv.h"
#include "know_test_support.h"
#include "sitrep/know/gazetteer.h"

namespace sitrep {
namespace {

constexpr double kMaxKm = 25, kRemoteKm = 60, kRegionKm = 150;

std::set<std::string> Exceptions() {
  std::set<std::string> out;
  Result<std::string> text =
      ReadFileBytes(std::string(SITREP_SOURCE_DIR) + "/data/know_places_exceptions.tsv", 1 << 20);
  if (!text.ok()) return out;
  for (std::string_view line : know::Split(*text, '\n'))
    if (!line.empty() && line[0] != '#') out.emplace(know::Split(line, '\t')[0]);
  return out;
}

TEST(PlacesTsv, EveryRowNearAGeoNamesPlace) {
  REQUIRE_KB();
  const Gazetteer& g = *kb->gazetteer;
  Result<std::string> text = ReadFileBytes(std::string(SITREP_SOURCE_DIR) + "/data/places.tsv", 1 << 24);
  ASSERT_TRUE(text.ok());
  std::set<std::string> exceptions = Exceptions();
  int rows = 0;
  for (std::string_view line : know::Split(*text, '\n')) {
    if (line.empty() || line[0] == '#' || line.substr(0, 5) == "name\t") continue;
    std::vector<std::string_view> f = know::Split(line, '\t');
    ASSERT_GE(f.size(), 7u) << line;
    if (f[3] == "--") continue;  // seas
    ++rows;
    double lat = std::stod(std::string(f[4])), lon = std::stod(std::string(f[5]));
    double home = 1e9, any = 1e9;
    for (uint32_t i = 0; i < g.size(); ++i) {
      const PlaceRecord& p = g.place(i);
      if (p.geonameid == 0 || p.kind != PlaceKind::kCity || std::abs(p.lat - lat) > 2) continue;
      double d = DistanceKm(lat, lon, p.lat, p.lon);
      any = std::min(any, d);
      if (std::string_view(p.country, 2) == f[3]) home = std::min(home, d);
    }
    double limit = f[2] == "region" ? kRegionKm : kRemoteKm;
    bool vouched = home <= limit || any <= kMaxKm || exceptions.count(std::string(f[0]));
    EXPECT_TRUE(vouched) << f[0] << ": nearest GeoNames place of " << f[3] << " at " << home
                         << " km, of any country at " << any << " km";
  }
  EXPECT_GT(rows, 100);
}

TEST(Gazetteer, CapitalTableEqualsNaiveScan) {
  REQUIRE_KB();
  const Gazetteer& g = *kb->gazetteer;
  const struct { const char* cc; const char* name; } cases[] = {
      {"IQ", "Baghdad"}, {"SY", "Damascus"}, {"UA", "Kyiv"}, {"IR", "Tehran"},
      {"LB", "Beirut"}, {"SD", "Khartoum"}, {"YE", "Sanaa"}, {"iq", "Baghdad"}, {"ZZ", ""}, {"", ""}};
  for (const auto& c : cases) {
    uint32_t cap = g.CapitalIndex(c.cc);
    EXPECT_EQ(cap == kNoIndex ? "" : std::string(g.Name(cap)), c.name) << c.cc;
  }
  for (uint32_t ci : g.Countries()) {  // differential: the table against a scan
    std::string_view cc(g.place(ci).country, 2);
    uint32_t naive = kNoIndex;
    for (uint32_t i = 0; i < g.size(); ++i) {
      const PlaceRecord& p = g.place(i);
      if (p.feature == Feature::kCapital && std::string_view(p.country, 2) == cc &&
          (naive == kNoIndex || p.population > g.place(naive).population))
        naive = i;
    }
    EXPECT_EQ(g.CapitalIndex(cc), naive) << cc;
  }
}

// The fuzz corpus' index files (control byte first; bit 0: recompute the checksum).
Result<std::unique_ptr<Gazetteer>> LoadCorpusFile(const std::string& name) {
  std::string path = std::string(SITREP_SOURCE_DIR) + "/fuzz/corpus/gazetteer_fuzz/" + name;
  ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path, 1 << 20));
  if (bytes.empty()) return Status::InvalidArgument("empty corpus file");
  bool fix = bytes[0] & 1;
  bytes.erase(0, 1);
  constexpr size_t kHeader = sizeof(gazetteer_format::Header);
  if (fix && bytes.size() >= kHeader) {
    uint64_t sum = XXH3_64bits(bytes.data() + kHeader, bytes.size() - kHeader);
    std::memcpy(bytes.data() + offsetof(gazetteer_format::Header, checksum), &sum, sizeof(sum));
  }
  return Gazetteer::FromBytes(std::move(bytes));
}

TEST(Gazetteer, CorruptIndexGivesClearError) {
  const struct { const char* file; const char* error; } cases[] = {
      {"valid_tiny", ""},
      {"no_dir_bits", ""},
      {"magic_only", "too short"},
      {"truncated_header", "too short"},
      {"truncated_body", "out of bounds"},
      {"valid_bad_checksum", "checksum"},
      {"wrong_version", "version"},
      {"places_out_of_bounds", "out of bounds"},
      {"misaligned_section", "out of bounds"},
      {"dir_bits_huge", "directory too large"},
      {"key_out_of_range", "key out of range"},
      {"name_out_of_range", "malformed"},
      {"strings_unterminated", "unterminated"},
      {"admin1_out_of_range", "malformed"},
      {"bad_kind", "malformed"},
      {"nan_coordinate", "malformed"},
      {"with_actors", ""},
      {"actors_section_out_of_bounds", "actor section out of bounds"},
  };
  for (const auto& c : cases) {
    auto g = LoadCorpusFile(c.file);
    if (*c.error == 0) {
      ASSERT_TRUE(g.ok()) << c.file << ": " << g.status().message();
      EXPECT_EQ((*g)->CapitalIndex("IQ"), 1u) << c.file;
      EXPECT_EQ((*g)->CountryIndex("IQ"), 0u) << c.file;
      EXPECT_EQ((*g)->Name(1), "Baghdad") << c.file;
    } else {
      ASSERT_FALSE(g.ok()) << c.file;
      EXPECT_NE(g.status().message().find(c.error), std::string::npos)
          << c.file << ": " << g.status().message();
    }
  }
}

}  // namespace
}  // namespace sitrep
