// Word-level scanning for the dictionary mention finder: words with byte spans, case and the
// kind of gap before them; title, role and relative-place phrases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::know {

enum class Gap : uint8_t { kStart, kSpace, kJoin, kBreak };

struct Word {
  uint32_t begin = 0, end = 0;
  bool upper = false;  // first letter upper-case
  bool caps = false;   // every letter upper-case
  bool digit = false;  // starts with a digit
  Gap gap = Gap::kStart;  // what separates it from the previous word
  std::string lower;   // folded, lower-case ASCII form ("" for other scripts)
};

// Words of `text`. Hyphens and apostrophes inside a name join words; a period joins after
// a single letter or a known abbreviation (U.S., Mr.); other punctuation and line breaks break.
std::vector<Word> ScanWords(std::string_view text);

// Number of words at `i` forming a title or honorific ("Major General", "Hajj", "Mr"), 0 if
// none. *person is set when the title names a person (not e.g. "President" alone? also yes).
uint32_t TitleLength(const std::vector<Word>& words, uint32_t i);

// Role phrase at `i` ("prime minister" -> "prime_minister", "capital" -> "capital"); sets
// *len (words) and returns "" when none.
std::string_view RolePhrase(const std::vector<Word>& words, uint32_t i, uint32_t* len);

// A role phrase at `i`, or a spokesperson of one ("spokesman of the Commander-in-Chief" ->
// "commander_in_chief_spokesperson"); sets *len (words) and returns "" when none.
std::string RoleDescription(const std::vector<Word>& words, uint32_t i, uint32_t* len);

// Relative place phrase ending right before byte `pos` ("north of ", "near ", "outskirts of ").
std::string_view RelationBefore(std::string_view text, uint32_t pos);

// True for lower-case nouns that may sit inside a name ("Al Asad air base", "Iraqi army").
bool IsGenericNoun(std::string_view lower);

// True for lower-case head nouns of organisations' names ("committee", "brigade", "front",
// "party"): a town's name before them names the organisation ("Madani Resistance Committee").
bool IsOrganisationHead(std::string_view lower);

// True for generic nouns of events that end an event's name ("Maulud Celebration",
// "Independence Day Parade", "Peace Conference"): such a name is no village.
bool IsEventNoun(std::string_view lower);

// True for "the", "a", "an": never the first word of a name.
bool IsDeterminer(std::string_view lower);

// Marks words on title-case lines (headlines): most words capitalised.
std::vector<bool> HeadlineWords(const std::vector<Word>& words, std::string_view text);

// True for articles written before Arabic names ("al", "el", "ad", "as", "ash").
bool IsArticleWord(std::string_view lower);

// Generic head words of place names ("Abu", "Wadi", "Sidi", "Colonia"): a name they begin is
// one name, not the head and another place.
bool IsToponymHead(std::string_view lower);

}  // namespace sitrep::know
