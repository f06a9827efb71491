// The document as read, cleaned and described: the unit every later stage works on.
// A Document owns all its bytes; spans into `text` are byte offsets (not code points).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/date.h"
#include "sitrep/base/offset_map.h"

namespace sitrep {

enum class InputFormat { kText, kHtml };

// What a reader hands over: the bytes of one article and what its container said about it.
struct RawInput {
  std::string id;        // file base name, or the JSONL record's `id`
  std::string origin;    // path, "path:line" for JSONL records
  InputFormat format = InputFormat::kText;
  std::string bytes;     // as read (gunzipped), before any decoding
  // Metadata given by the container or the command line; empty when absent.
  std::string url, published, outlet, title;
};

// A piece of the input that cleaning dropped, with why. Offsets are bytes of `raw`.
struct RemovedBlock {
  std::string text;
  std::string reason;  // e.g. "promo", "see-also", "caption", "credit", "author-box", "nav"
  uint32_t raw_begin = 0, raw_end = 0;
};

// A paragraph (or headline) of the clean text, in reading order. Offsets are bytes of `text`.
struct Block {
  enum class Kind { kTitle, kParagraph, kHeading, kListItem, kQuote };
  Kind kind = Kind::kParagraph;
  uint32_t begin = 0, end = 0;
};

struct Document {
  std::string id;
  std::string origin;
  std::string url;
  InputFormat format = InputFormat::kText;
  std::string source_encoding;  // "UTF-8", "windows-1252", ...

  std::string raw;             // the input decoded to UTF-8 (HTML markup included)
  std::string text;            // clean text: blocks joined by "\n\n"
  OffsetMap text_to_raw;       // byte offsets of `text` -> byte offsets of `raw`
  std::vector<Block> blocks;
  std::vector<RemovedBlock> removed;

  // Described metadata; empty / unknown when there is no evidence.
  std::string title, outlet, byline, dateline;
  std::vector<std::string> wire_credits;  // "The Associated Press", "Reuters", "AFP", ...
  DateInterval published;                 // precision kNone when unknown
  std::string published_evidence;         // e.g. "meta article:published_time", "date line: '…'"
};

}  // namespace sitrep
