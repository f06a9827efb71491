// Text encodings: inputs in UTF-8 pass through; Windows-1252 / Latin-1 are detected and
// converted; binary data and invalid UTF-8 that is not a single-byte encoding are refused.
#pragma once

#include <string>
#include <string_view>

#include "sitrep/base/status.h"

namespace sitrep {

struct DecodedText {
  std::string text;      // UTF-8, without a byte-order mark
  std::string encoding;  // "UTF-8", "windows-1252", or "UTF-8+windows-1252" (mixed)
};

// Decodes `bytes` to UTF-8. DataLoss naming the byte offset for binary input (NUL bytes, many
// control characters) or for input that is neither UTF-8 nor plausibly Windows-1252.
// `declared` is an encoding the container named (HTML meta charset), or empty.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared = {});

// Offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace sitrep
