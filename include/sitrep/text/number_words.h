// A light word scanner and the word lexicons (numbers, months, weekdays, units, phrases)
// shared by the quantity and time finders. Works on plain UTF-8 text with byte offsets;
// the lexicons are the files in data/lexicon/, compiled in. Thread-safe after first use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// One scanned unit. Words are runs of letters (ASCII letters and non-punctuation UTF-8);
// numbers are digit runs with "3,500" / "1.2" separators and an optional letter suffix
// ("1990s", "4th", "5pm"); everything else is one punctuation character.
struct ScanToken {
  enum Kind : uint8_t { kWord, kNumber, kPunct };
  uint32_t begin = 0, end = 0;
  Kind kind = kPunct;
  bool space_before = false;     // whitespace (or text start) precedes the token
  bool break_before = false;     // a blank line precedes the token (paragraph start)
  bool capitalized = false;      // words: first letter upper case
  uint8_t digits = 0;            // numbers: digits before any separator / suffix
  bool has_separator = false;    // numbers: "3,500" or "1.2"
  uint64_t key = 0;              // words: hash of the lower-cased word; numbers: of the suffix
  double number = 0;             // numbers: the value ("3,500" -> 3500)
  int32_t word = -1;             // index in the word lexicon, -1 when not a known word
};

// Splits `text` into tokens (no allocation per token beyond the vector).
void ScanText(std::string_view text, std::vector<ScanToken>* out);
uint64_t WordKey(std::string_view lower_word);  // the key ScanText stores for a word

// A known word: a number word, an ordinal, a multiplier, a month, a weekday or a time unit.
struct LexWord {
  enum Role : uint8_t { kCardinal, kOrdinal, kMultiplier, kMonth, kWeekday, kUnit };
  std::string word;  // lower case
  Role role = kCardinal;
  double value = 0;  // number value, month 1-12, weekday 0=Mon..6=Sun
  char unit = 0;     // units: 'd' 'w' 'm' 'y' 'h' 'n' (minute) 'D' (decade)
};
const LexWord& WordAt(int32_t index);

// Multi-word phrases ("at least", "hundreds of thousands", "the previous day") keyed by the
// sequence of word keys. Match() gives the longest phrase starting at token i, or -1.
struct LexPhrase {
  std::string table;             // "qual", "vague", "time"
  std::string phrase;            // the words, space separated
  std::vector<std::string> fields;  // the data columns after the phrase
  int words = 0;
};
class LexPhraseTable {
 public:
  static const LexPhraseTable& Get();
  // Index of the longest phrase (of table `table`) that starts at token i; sets *len.
  int Match(const std::vector<ScanToken>& toks, size_t i, std::string_view table, int* len) const;
  // Index of a phrase (of table `table`) that is exactly tokens [i, i+len), or -1.
  int Exact(const std::vector<ScanToken>& toks, size_t i, int len, std::string_view table) const;
  const LexPhrase& At(int index) const { return phrases_[index]; }
  // Most words of a phrase (any table) that starts with this word key; 0 when none does.
  int MaxWordsFrom(uint64_t first_key) const {
    for (size_t slot = first_key & first_mask_;; slot = (slot + 1) & first_mask_) {
      if (first_[slot].second == 0) return 0;
      if (first_[slot].first == first_key) return first_[slot].second;
    }
  }

 private:
  LexPhraseTable();
  std::vector<LexPhrase> phrases_;
  std::vector<std::pair<uint64_t, int>> index_;  // sorted (combined key, phrase)
  std::vector<std::pair<uint64_t, int>> first_;  // open addressing: first word -> max words
  uint64_t first_mask_ = 0;
};

// Lower-cased word text of token t (ASCII folding only).
std::string LowerWord(std::string_view text, const ScanToken& t);
// True when token t is the word `w` (lower case).
bool IsWord(const ScanToken& t, uint64_t key);
inline bool IsPunct(std::string_view text, const ScanToken& t, char c) {
  return t.kind == ScanToken::kPunct && text[t.begin] == c && t.end == t.begin + 1;
}

// A number phrase starting at token i: digits ("3,500", "1.2 million") or words
// ("twenty-two", "three hundred and fifty", "a dozen"). `end` is one past its last token.
struct NumberPhrase {
  double value = 0;
  size_t end = 0;
  bool ordinal = false;
  bool words = false;  // written in words
};
std::optional<NumberPhrase> ParseNumberPhrase(std::string_view text,
                                              const std::vector<ScanToken>& toks, size_t i);

// Lines of an embedded lexicon file (comments and the raw-string wrapper removed), split on tabs.
std::vector<std::vector<std::string>> LexiconRows(std::string_view file_text);

}  // namespace sitrep
