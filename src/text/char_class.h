// Character classes for the tokenizer: an ASCII table for the hot loop, ICU for the rest.
// Decoding is lenient: an invalid UTF-8 byte is one "symbol" character of length 1.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::text_internal {

enum class CharKind : uint8_t { kSpace, kLetter, kDigit, kPunct, kNewline };

struct CharInfo {
  char32_t cp = 0;
  uint8_t len = 1;  // bytes
  CharKind kind = CharKind::kPunct;
};

extern const CharKind kAsciiKind[128];

CharInfo ClassifyNonAscii(std::string_view s, size_t i);

// The character starting at byte i of s (i < s.size()).
inline CharInfo CharAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return CharInfo{c, 1, kAsciiKind[c]};
  return ClassifyNonAscii(s, i);
}

// Byte offset of the character ending just before byte i (i > 0).
inline size_t PrevCharStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  int steps = 0;
  while (j > 0 && steps < 3 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j, ++steps;
  return j;
}

inline bool IsWordKind(CharKind k) { return k == CharKind::kLetter || k == CharKind::kDigit; }
inline bool IsSpaceKind(CharKind k) { return k == CharKind::kSpace || k == CharKind::kNewline; }

// Apostrophes: ' U+2019 (right single quote) U+02BC (modifier letter apostrophe).
inline bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

}  // namespace sitrep::text_internal
