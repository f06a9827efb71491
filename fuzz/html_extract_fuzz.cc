// Fuzz target: ExtractHtml on arbitrary bytes must not crash, and every block's map must stay
// inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/ingest/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  sitrep::ReadLimits limits;
  limits.max_depth = 64;
  auto page = sitrep::ExtractHtml(html, limits);
  if (!page.ok()) return 0;
  for (const auto& b : page->blocks) {
    if (b.map.derived_size() != b.text.size()) std::abort();
    if (b.map.ToSource(b.map.derived_size()) > size) std::abort();
  }
  return 0;
}
