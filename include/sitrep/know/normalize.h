// Lookup keys for names of places and actors that survive transliteration and spelling:
// "al-Qā’im" = "Al Qaim", "Yahya Rasoul" = "Yehia Rasool", "Mobilisation" = "Mobilization".
// Pure functions, thread-safe, no allocation beyond the returned string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

// Lower-case ASCII with diacritics folded (ā->a, ß->ss, æ->ae), apostrophes and ayn/hamza
// marks dropped (' ’ ‘ ʿ ʾ ` ´), every other non-alphanumeric run turned into one space, no
// leading/trailing space. Returns "" when the name holds letters outside the Latin script.
std::string FoldName(std::string_view utf8);

// The matching key of a folded name: articles dropped before another word (al-, el-, ad-,
// as-, ash-...), abdul/abdel -> abd, ibn/ben -> bin, letter classes merged (e->a, y->i, o->u,
// z->s, q->k, c->k except in ch, gh->g, ph->f), final vowel+h dropped, doubled letters single.
std::string KeyFromFolded(std::string_view folded);

// KeyFromFolded(FoldName(utf8)).
std::string NameKey(std::string_view utf8);

// The key with a plural/possessive final "s" dropped from each word longer than 3 letters
// ("forces" -> "forca"), for a second, weaker lookup.
std::string SingularKey(std::string_view key);

// 64-bit hash of a key (XXH3), as stored in the gazetteer index.
uint64_t KeyHash(std::string_view key);

// True when the code point starting at `s[i]` is a letter or digit (any script); sets `len`.
bool IsWordCodePoint(std::string_view s, size_t i, size_t* len);

}  // namespace sitrep
