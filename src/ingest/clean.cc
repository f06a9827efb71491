#include "sitrep/ingest/clean.h"

#include "sitrep/ingest/boilerplate.h"
#include "sitrep/ingest/describe.h"
#include "sitrep/ingest/encoding.h"
#include "sitrep/ingest/html_extract.h"
#include "sitrep/ingest/text_block.h"

namespace sitrep {

Result<Document> BuildDocument(RawInput input, const CleanOptions& options) {
  Document doc;
  doc.id = input.id;
  doc.origin = input.origin;
  doc.url = input.url;
  doc.format = input.format;
  if (input.bytes.size() > options.limits.max_bytes) {
    return Status::ResourceExhausted(input.origin + ": " + std::to_string(input.bytes.size()) +
                                     " bytes is over the limit of " +
                                     std::to_string(options.limits.max_bytes) + " (--max-bytes)");
  }
  if (input.bytes.size() >= (1ull << 31)) {  // offsets in a Document are 32-bit
    return Status::ResourceExhausted(input.origin + ": documents of 2 GiB or more are not supported");
  }
  auto decoded = DecodeToUtf8(input.bytes);
  if (!decoded.ok()) return decoded.status().WithContext(input.origin);
  doc.raw = std::move(decoded->text);
  doc.source_encoding = decoded->encoding;
  input.bytes.clear();

  std::vector<TextBlock> blocks;
  HtmlPage page;
  const HtmlPage* page_ptr = nullptr;
  if (input.format == InputFormat::kHtml) {
    auto extracted = ExtractHtml(doc.raw, options.limits);
    if (!extracted.ok()) return extracted.status().WithContext(input.origin);
    page = std::move(extracted).value();
    blocks = std::move(page.blocks);
    page.blocks.clear();
    doc.removed = std::move(page.removed);
    page_ptr = &page;
  } else {
    blocks = SplitTextBlocks(doc.raw);
  }
  if (blocks.empty()) return Status::DataLoss(input.origin + ": no text in the document");
  DescribeDocument(input, page_ptr, options.published_override, &blocks, &doc);
  RemoveBoilerplate(&blocks, options.corpus, &doc.removed);
  AssembleText(blocks, &doc);
  return doc;
}

}  // namespace sitrep
