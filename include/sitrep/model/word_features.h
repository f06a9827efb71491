// Per-word hashed properties shared by the tagger and the NER model: the form, lowercase,
// affixes, a collapsed word shape and a few orthographic flags, computed once per token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

enum WordFlag : uint32_t {
  kHasDigit = 1, kHasHyphen = 2, kAllUpper = 4, kInitUpper = 8, kHasPeriod = 16,
  kAllDigitPunct = 32,
};

struct WordInfo {
  uint64_t form = 0, lower = 0, shape = 0;
  uint64_t prefix[4] = {}, suffix[4] = {};  // of the lowercase form, 1..4 bytes
  uint32_t flags = 0;
};

// Lowercases ASCII letters (other bytes unchanged).
std::string AsciiLower(std::string_view s);
// "Baghdad" -> "Xx", "U.S." -> "X.X.", "1990s" -> "dx": runs of one class collapse.
std::string WordShape(std::string_view s);
WordInfo ComputeWordInfo(std::string_view form);
// The WordInfo of the padding positions before the first and after the last token.
const WordInfo& PaddingWord(bool before);

}  // namespace sitrep
