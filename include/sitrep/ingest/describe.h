// Describing a document: title, outlet, byline, dateline ("BAGHDAD –"), wire credits and the
// publication date with its precision and evidence. Header lines that are metadata (a date
// line, a byline) are taken out of `blocks` into doc->removed with reason "metadata".
#pragma once

#include <vector>

#include "sitrep/ingest/document.h"
#include "sitrep/ingest/html_extract.h"
#include "sitrep/ingest/text_block.h"

namespace sitrep {

// `page` is null for plain text. Fields of `input` (JSONL metadata) and `published_override`
// win over what the text says. Leaves the date unknown when there is no evidence.
void DescribeDocument(const RawInput& input, const HtmlPage* page,
                      const std::string& published_override, std::vector<TextBlock>* blocks,
                      Document* doc);

}  // namespace sitrep
