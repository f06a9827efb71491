// Main-text extraction from an HTML page: the headline and body paragraphs in reading order,
// without navigation, ads, related-link blocks, comments and footers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/ingest/limits.h"
#include "sitrep/ingest/text_block.h"

namespace sitrep {

struct HtmlPage {
  std::string title;                                      // <title> / og:title / h1, cleaned
  std::vector<std::pair<std::string, std::string>> meta;  // <meta> name|property -> content
  std::string declared_charset;
  std::vector<TextBlock> blocks;      // the main text; maps point into the decoded HTML
  std::vector<RemovedBlock> removed;  // text-bearing blocks that were dropped, with why
};

// Parses `html` (UTF-8) and extracts its main text. Walks the tree without recursion; fails with
// ResourceExhausted when elements nest deeper than limits.max_depth.
Result<HtmlPage> ExtractHtml(std::string_view html, const ReadLimits& limits);

}  // namespace sitrep
