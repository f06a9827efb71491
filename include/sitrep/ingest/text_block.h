// TextBlock: one paragraph-sized piece of text on its way from the raw input to the clean
// text, with the map from its bytes back to the raw input. Cleaning works on lists of blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/offset_map.h"
#include "sitrep/ingest/document.h"

namespace sitrep {

struct TextBlock {
  std::string text;  // one paragraph, whitespace collapsed, no newline inside
  OffsetMap map;     // bytes of `text` -> bytes of Document::raw
  Block::Kind kind = Block::Kind::kParagraph;
  // For HTML: the tag path or class hints the extractor saw ("figcaption", "byline"...).
  std::string hint;
};

// Splits plain text into blocks: one block per non-empty line (a paragraph in flattened news
// text is one line); runs of spaces/tabs collapse to one space. Offsets are bytes of `raw`.
std::vector<TextBlock> SplitTextBlocks(std::string_view raw);

// Moves every block whose reasons[i] is non-empty out of `blocks` (order of the rest kept) into
// `removed`, with that reason and the block's raw byte span. reasons.size() == blocks->size().
void RemoveMarkedBlocks(std::vector<TextBlock>* blocks, const std::vector<std::string>& reasons,
                        std::vector<RemovedBlock>* removed);

// Joins blocks with "\n\n" into doc->text, doc->blocks and doc->text_to_raw.
void AssembleText(const std::vector<TextBlock>& blocks, Document* doc);

}  // namespace sitrep
