// Raw text rebuilt from a CoNLL-U file the way the CoNLL 2018 shared task does: sentences of
// a paragraph joined by one space, paragraphs ("# newpar", "# newdoc") separated by "\n\n".
// Gold sentences, surface tokens and syntactic words get byte spans into that text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

struct Span {
  uint32_t begin = 0, end = 0;
  bool operator==(const Span&) const = default;
};

struct UdText {
  std::string text;
  std::vector<Span> sentences, tokens, words;  // tokens: surface (a "3-4" range counts once)
};

// DataLoss when a token form cannot be found in its "# text" line or a line is malformed.
Result<UdText> RebuildUdText(std::string_view conllu);
Result<UdText> ReadUdText(const std::string& path);

}  // namespace sitrep
