#include "sitrep/show/world_outlines.h"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "sitrep/base/file.h"
#include "sitrep/know/knowledge_base.h"

namespace sitrep::show {
namespace {

constexpr const char* kHeader = "sitrep-outlines 1";

bool ParseFloat(std::string_view s, float* out) {
  if (s.empty()) return false;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return false;
  *out = static_cast<float>(v);
  return true;
}

Status ParseRing(std::string_view line, OutlineRing* ring) {
  const size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return Status::InvalidArgument("no tab after the country name");
  ring->country = std::string(line.substr(0, tab));
  std::string_view rest = line.substr(tab + 1);
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    std::string_view pair = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (pair.empty()) continue;
    const size_t comma = pair.find(',');
    float lon = 0, lat = 0;
    if (comma == std::string_view::npos || !ParseFloat(pair.substr(0, comma), &lon) ||
        !ParseFloat(pair.substr(comma + 1), &lat)) {
      return Status::InvalidArgument("bad coordinate '" + std::string(pair.substr(0, 40)) + "'");
    }
    if (lon < -180.5f || lon > 180.5f || lat < -90.5f || lat > 90.5f) {
      return Status::InvalidArgument("coordinate out of range '" + std::string(pair) + "'");
    }
    ring->lon.push_back(lon);
    ring->lat.push_back(lat);
  }
  if (ring->lon.size() < 3) return Status::InvalidArgument("a ring needs at least 3 points");
  ring->min_lon = ring->max_lon = ring->lon[0];
  ring->min_lat = ring->max_lat = ring->lat[0];
  for (size_t i = 1; i < ring->lon.size(); ++i) {
    ring->min_lon = std::min(ring->min_lon, ring->lon[i]);
    ring->max_lon = std::max(ring->max_lon, ring->lon[i]);
    ring->min_lat = std::min(ring->min_lat, ring->lat[i]);
    ring->max_lat = std::max(ring->max_lat, ring->lat[i]);
  }
  return Status::Ok();
}

}  // namespace

Result<WorldOutlines> ParseWorldOutlines(const std::string& text, const std::string& origin) {
  WorldOutlines out;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      if (line != kHeader) {
        return Status::InvalidArgument(origin + ": line 1: expected '" + kHeader + "'");
      }
      continue;
    }
    if (line.empty()) continue;
    OutlineRing ring;
    Status st = ParseRing(line, &ring);
    if (!st.ok()) {
      return Status::InvalidArgument(origin + ": line " + std::to_string(line_no) + ": " + st.message());
    }
    out.rings.push_back(std::move(ring));
  }
  if (line_no == 0) return Status::InvalidArgument(origin + ": empty file");
  return out;
}

Result<WorldOutlines> LoadWorldOutlines(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFileBytes(path, uint64_t{64} << 20));
  return ParseWorldOutlines(text, path);
}

std::string FindWorldOutlines() {
  const KnowledgeBasePaths paths = FindKnowledgeBasePaths();
  std::filesystem::path dir;
  if (!paths.gazetteer.empty()) dir = std::filesystem::path(paths.gazetteer).parent_path();
  else if (!paths.actors_dir.empty()) dir = std::filesystem::path(paths.actors_dir).parent_path();
  else return "";
  std::filesystem::path file = dir / "world_outlines.txt";
  std::error_code ec;
  return std::filesystem::is_regular_file(file, ec) ? file.string() : "";
}

}  // namespace sitrep::show
