// Splits an HtmlDom into paragraph-sized text blocks at block-level elements and <br>, with
// whitespace collapsed, entities decoded and an exact byte map into the HTML; plus the
// per-block facts the main-text scorer needs (owning element, link text, commas).
#pragma once

#include <cstdint>
#include <vector>

#include "sitrep/ingest/html_dom.h"
#include "sitrep/ingest/text_block.h"

namespace sitrep {

struct HtmlBlock {
  TextBlock block;        // text, map into the HTML, kind (heading, list item, quote...)
  uint32_t owner = 0;     // innermost block-level element holding the text
  uint32_t link_bytes = 0;  // bytes of text inside <a>
  uint32_t commas = 0;
  bool skipped = false;   // inside script/style/form controls/hidden: never main text
  HtmlTag heading = HtmlTag::kOther;  // kH1..kH6 when inside a heading
};

// True for elements that start and end a text block.
bool IsBlockTag(HtmlTag tag);

// The blocks of `dom` in document order (empty ones dropped). Iterative.
std::vector<HtmlBlock> SplitHtmlBlocks(const HtmlDom& dom);

}  // namespace sitrep
