// The word scanner and the single-word lexicon (numbers, months, weekdays, units).
#include "sitrep/text/number_words.h"

#include <cstdlib>
#include <string>

namespace sitrep {
namespace {

constexpr std::string_view kNumberWords =
#include "../../data/lexicon/number_words.tsv"
    ;
constexpr std::string_view kTimeWords =
#include "../../data/lexicon/time_words.tsv"
    ;

inline bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Bytes [i, i+n) of a multi-byte sequence that is punctuation (quotes, dashes) or space.
// Returns 0 when the sequence at i is a letter, else its length; *space says which.
size_t NonLetterSequence(std::string_view s, size_t i, bool* space) {
  unsigned char c = s[i];
  *space = false;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    if (d == 0xA0) { *space = true; return 2; }
    if (d == 0xAB || d == 0xBB || d == 0xB7 || d == 0xA3 || d == 0xA7) return 2;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = s[i + 2];
    if (d <= 0x8A || d == 0xAF) *space = true;
    return 3;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x82) return 3;
  return 0;
}

struct WordLexicon {
  std::vector<LexWord> words;
  std::vector<std::pair<uint64_t, int32_t>> table;  // open addressing, power-of-two size
  uint64_t mask = 0;

  WordLexicon() {
    for (auto file : {kNumberWords, kTimeWords}) {
      for (auto& row : LexiconRows(file)) {
        if (row.size() < 3) continue;
        LexWord w;
        w.word = row[0];
        const std::string& role = row[1];
        if (role == "card") w.role = LexWord::kCardinal;
        else if (role == "ord") w.role = LexWord::kOrdinal;
        else if (role == "mult") w.role = LexWord::kMultiplier;
        else if (role == "month") w.role = LexWord::kMonth;
        else if (role == "weekday") w.role = LexWord::kWeekday;
        else if (role == "unit") w.role = LexWord::kUnit;
        else continue;
        if (w.role == LexWord::kUnit) {
          const std::string& u = row[2];
          w.unit = u == "min" ? 'n' : u == "decade" ? 'D' : u[0];
        } else {
          w.value = std::strtod(row[2].c_str(), nullptr);
        }
        words.push_back(std::move(w));
      }
    }
    size_t size = 64;
    while (size < words.size() * 4) size *= 2;
    table.assign(size, {0, -1});
    mask = size - 1;
    for (size_t i = 0; i < words.size(); ++i) {
      uint64_t k = WordKey(words[i].word);
      size_t slot = k & mask;
      while (table[slot].second >= 0) slot = (slot + 1) & mask;
      table[slot] = {k, static_cast<int32_t>(i)};
    }
  }
  int32_t Find(uint64_t key) const {
    for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
      if (table[slot].second < 0) return -1;
      if (table[slot].first == key) return table[slot].second;
    }
  }
};

const WordLexicon& Lexicon() {
  static const WordLexicon* lex = new WordLexicon();
  return *lex;
}

}  // namespace

uint64_t WordKey(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : w) h = (h ^ Lower(c)) * 1099511628211ull;
  return h;
}

const LexWord& WordAt(int32_t index) { return Lexicon().words[index]; }

std::string LowerWord(std::string_view text, const ScanToken& t) {
  std::string s(text.substr(t.begin, t.end - t.begin));
  for (char& c : s) c = static_cast<char>(Lower(c));
  return s;
}

bool IsWord(const ScanToken& t, uint64_t key) { return t.kind == ScanToken::kWord && t.key == key; }

std::vector<std::vector<std::string>> LexiconRows(std::string_view file) {
  std::vector<std::vector<std::string>> rows;
  size_t pos = 0;
  while (pos < file.size()) {
    size_t nl = file.find('\n', pos);
    if (nl == std::string_view::npos) nl = file.size();
    std::string_view line = file.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      fields.emplace_back(line.substr(f, tab == std::string_view::npos ? line.npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

void ScanText(std::string_view s, std::vector<ScanToken>* out) {
  out->clear();
  const WordLexicon& lex = Lexicon();
  size_t i = 0, n = s.size();
  bool space = true, brk = true;
  while (i < n) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      space = true;
      if (c == '\n') brk = true;
      ++i;
      continue;
    }
    ScanToken t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.break_before = brk;
    if (IsDigit(c)) {
      t.kind = ScanToken::kNumber;
      double v = 0;
      size_t j = i;
      while (j < n && IsDigit(s[j])) v = v * 10 + (s[j++] - '0');
      t.digits = static_cast<uint8_t>(j - i > 255 ? 255 : j - i);
      while (j + 1 < n) {  // "3,500,000" and "1.25"
        if (s[j] == ',' && j + 3 < n + 0 && IsDigit(s[j + 1]) && IsDigit(s[j + 2]) &&
            IsDigit(s[j + 3]) && (j + 4 >= n || !IsDigit(s[j + 4]))) {
          v = v * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
          j += 4;
          t.has_separator = true;
        } else if (s[j] == '.' && IsDigit(s[j + 1])) {
          double scale = 0.1;
          ++j;
          while (j < n && IsDigit(s[j])) v += (s[j++] - '0') * scale, scale /= 10;
          t.has_separator = true;
          break;
        } else {
          break;
        }
      }
      t.number = v;
      size_t k = j;
      while (k < n && IsAsciiAlpha(s[k])) ++k;
      if (k > j) t.key = WordKey(s.substr(j, k - j));
      i = k;
    } else if (IsAsciiAlpha(c) || c >= 0x80) {
      bool sp = false;
      size_t len = c >= 0x80 ? NonLetterSequence(s, i, &sp) : 0;
      if (len) {
        if (sp) {
          space = true;
          i += len;
          continue;
        }
        t.kind = ScanToken::kPunct;
        i += len;
      } else {
        t.kind = ScanToken::kWord;
        t.capitalized = c >= 'A' && c <= 'Z';
        uint64_t h = 1469598103934665603ull;
        size_t j = i;
        while (j < n) {
          unsigned char d = s[j];
          if (IsAsciiAlpha(d)) {
            h = (h ^ Lower(d)) * 1099511628211ull;
            ++j;
          } else if (d >= 0x80 && !NonLetterSequence(s, j, &sp)) {
            h = (h ^ d) * 1099511628211ull;
            ++j;
          } else {
            break;
          }
        }
        t.key = h;
        t.word = lex.Find(h);
        i = j;
      }
    } else {
      t.kind = ScanToken::kPunct;
      ++i;
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(t);
    space = false;
    brk = false;
  }
}

}  // namespace sitrep
