// Splitting the lines of our tab-separated data files (places.tsv, actors/*.tsv, GeoNames rows).
#pragma once

#include <string_view>
#include <vector>

namespace sitrep::know {

// The fields of `s` between `sep` characters (n separators give n + 1 fields). The views
// borrow from `s`.
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) {
      out.push_back(s.substr(i));
      break;
    }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace sitrep::know
