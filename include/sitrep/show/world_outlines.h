// Country outlines for the report's map, in our own compact text format (written at data-build
// time by scripts/world_outlines.py from the world-atlas package, Natural Earth 1:110m):
//   line 1: "sitrep-outlines 1"
//   then one ring per line: "<country name>\t<lon>,<lat> <lon>,<lat> ..." (degrees).
// Optional: the report draws points only when the file is absent.
#pragma once

#include <string>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep::show {

struct OutlineRing {
  std::string country;
  std::vector<float> lon, lat;  // same length, >= 3
  float min_lon = 0, max_lon = 0, min_lat = 0, max_lat = 0;
};

struct WorldOutlines {
  std::vector<OutlineRing> rings;
};

// Parses the format above. InvalidArgument naming `origin` and the line on a bad header, a
// bad coordinate, a value out of range or a ring of fewer than 3 points.
Result<WorldOutlines> ParseWorldOutlines(const std::string& text, const std::string& origin);

// Reads and parses `path` (at most 64 MiB). NotFound when it does not exist.
Result<WorldOutlines> LoadWorldOutlines(const std::string& path);

// Where the outlines are looked for: <data dir>/world_outlines.txt, the data dir being the one
// the knowledge base uses ($SITREP_DATA_DIR, then beside the executable). "" when not found.
std::string FindWorldOutlines();

}  // namespace sitrep::show
