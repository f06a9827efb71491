// Tokenisation following UD English EWT: clitics are separate syntactic words of one surface
// token ("don't" = "do" + "n't", "Bush's" = "Bush" + "'s"), punctuation split, hyphens split
// except after common prefixes ("e-mail", "non-profit") and between digits, abbreviations,
// numbers with separators, URLs and e-mail addresses kept whole. Spans are bytes of the text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sitrep {

// One syntactic word: bytes [begin, end) of the text. Every word's bytes are exactly its form.
struct WordSpan {
  uint32_t begin = 0, end = 0;
  bool joined = false;  // same surface (multi-word) token as the previous word, e.g. "n't"
  bool abbrev = false;  // ends with an abbreviation's period ("etc."): split off at a sentence end
};

struct TokenizerOptions {
  uint32_t max_token_bytes = 1024;  // longer runs without a break are cut into pieces
};

// Appends the words of `text` to *out (begin/end are offsets into `text` plus `base`).
// Texts longer than 4 GiB are the caller's problem (offsets are 32-bit).
void TokenizeWords(std::string_view text, uint32_t base, std::vector<WordSpan>* out,
                   const TokenizerOptions& options = {});

}  // namespace sitrep
