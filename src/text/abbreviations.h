// Word lists the tokenizer consults: abbreviations that keep their period, hyphen prefixes
// that keep "prefix-word" whole, unit suffixes split from digits ("10am" -> "10" "am").
#pragma once

#include <string_view>

namespace sitrep::text_internal {

enum class AbbrevKind { kNone, kAlways, kBeforeNumber };

// `word` is the word without its final period, as written (case matters: "Sat" vs "sat").
AbbrevKind LookupAbbreviation(std::string_view word);

// Lower-case ASCII prefixes such as "non", "pre", "e" (EWT keeps "non-profit" whole).
bool IsHyphenPrefix(std::string_view word);

// Unit or time suffixes that EWT splits from a number ("10am", "5km", "3x").
bool IsNumberUnitSuffix(std::string_view letters);

}  // namespace sitrep::text_internal
