#include "sitrep/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <cstring>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace sitrep {
namespace {

using text_internal::CharAt;
using text_internal::CharInfo;
using text_internal::CharKind;
using text_internal::IsApostrophe;
using text_internal::IsSpaceKind;
using text_internal::IsWordKind;

inline char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (LowerAscii(s[i]) != prefix[i]) return false;
  return true;
}

// Clitic-bearing words written without an apostrophe, and where EWT splits them.
struct NoApostropheClitic {
  std::string_view word;
  uint8_t split;
};
constexpr NoApostropheClitic kNoApostrophe[] = {
    {"cannot", 3}, {"gonna", 3},   {"wanna", 3},    {"gotta", 3},  {"dont", 2},
    {"didnt", 3},  {"doesnt", 4},  {"cant", 2},     {"wont", 2},   {"isnt", 2},
    {"wasnt", 3},  {"arent", 3},   {"werent", 4},   {"couldnt", 5}, {"wouldnt", 5},
    {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3},   {"hadnt", 3},  {"aint", 2},
    {"arnt", 2},   {"im", 1},      {"ive", 1},      {"youre", 3},  {"thats", 4},
    {"whats", 4},  {"theres", 5},  {"lemme", 3},    {"gimme", 3},
};

constexpr uint64_t PackWord(std::string_view w) {  // up to 8 bytes, first byte lowest
  uint64_t key = 0;
  for (size_t i = 0; i < w.size() && i < 8; ++i)
    key |= uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return key;
}
constexpr auto kNoApostropheKeys = [] {
  std::array<uint64_t, std::size(kNoApostrophe)> keys{};
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = PackWord(kNoApostrophe[i].word);
  return keys;
}();

// kNoApostrophe as an open-addressed hash set of packed words: slot -> entry + 1 (0 = empty).
constexpr int kNoApostropheBits = 7;
constexpr size_t NoApostropheSlot(uint64_t key) {
  return (key * 0x9E3779B97F4A7C15ull) >> (64 - kNoApostropheBits);
}
constexpr auto kNoApostropheTable = [] {
  std::array<uint8_t, size_t{1} << kNoApostropheBits> slots{};
  for (size_t i = 0; i < std::size(kNoApostrophe); ++i) {
    size_t s = NoApostropheSlot(PackWord(kNoApostrophe[i].word));
    while (slots[s] != 0) s = (s + 1) & (slots.size() - 1);
    slots[s] = static_cast<uint8_t>(i + 1);
  }
  return slots;
}();

// The entry of kNoApostrophe for a packed lower-case word, or nullptr.
const NoApostropheClitic* FindNoApostrophe(uint64_t key) {
  for (size_t s = NoApostropheSlot(key);; s = (s + 1) & (kNoApostropheTable.size() - 1)) {
    uint8_t e = kNoApostropheTable[s];
    if (e == 0) return nullptr;
    if (kNoApostropheKeys[e - 1] == key) return &kNoApostrophe[e - 1];
  }
}

// Emoticons EWT keeps as one token.
constexpr std::string_view kEmoticons[] = {":-)", ":-(", ":-D", ":-P", ":-/", ";-)", ":'(",
                                           "^_^", ":)",  ":(",  ":D",  ":P",  ":p",  ";)",
                                           ":/",  "=)",  "<3",  ":]",  ":[",  "^^",  ":o"};

class Scanner {
 public:
  Scanner(std::string_view text, uint32_t base, std::vector<WordSpan>* out,
          const TokenizerOptions& options)
      : t_(text), base_(base), out_(out), options_(options) {}

  void Run() {
    size_t i = 0, n = t_.size();
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(t_[i]);
      if (c < 0x80) {
        if (IsSpaceKind(text_internal::kAsciiKind[c])) {
          ++i;
          continue;
        }
      } else {
        CharInfo ci = text_internal::ClassifyNonAscii(t_, i);
        if (IsSpaceKind(ci.kind)) {
          i += ci.len;
          continue;
        }
      }
      size_t j = i;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(t_[j]);
        if (d < 0x80) {
          if (IsSpaceKind(text_internal::kAsciiKind[d])) break;
          ++j;
        } else {
          CharInfo ci = text_internal::ClassifyNonAscii(t_, j);
          if (IsSpaceKind(ci.kind)) break;
          j += ci.len;
        }
      }
      Chunk(i, j);
      i = j;
    }
  }

 private:
  void Emit(size_t b, size_t e, bool joined = false) {
    while (e - b > options_.max_token_bytes) {  // cut overlong runs at a character boundary
      size_t cut = b + options_.max_token_bytes;
      while (cut > b + 1 && (static_cast<unsigned char>(t_[cut]) & 0xC0) == 0x80) --cut;
      out_->push_back({static_cast<uint32_t>(base_ + b), static_cast<uint32_t>(base_ + cut), joined});
      joined = false;
      b = cut;
    }
    out_->push_back({static_cast<uint32_t>(base_ + b), static_cast<uint32_t>(base_ + e), joined});
  }

  bool WordAt(size_t i, size_t e) const { return i < e && IsWordKind(CharAt(t_, i).kind); }
  bool DigitAt(size_t i, size_t e) const { return i < e && IsAsciiDigit(t_[i]); }

  void Chunk(size_t b, size_t e) {
    std::string_view chunk = t_.substr(b, e - b);
    // One inline pass (chunks are short; library find() calls cost more than the scan).
    bool maybe_email = false, maybe_url = StartsWithNoCase(chunk, "www.");
    for (size_t k = 0; k < chunk.size(); ++k) {
      char c = chunk[k];
      if (c == '@') {
        maybe_email = true;
      } else if (c == ':') {
        maybe_url |= chunk.substr(k, 3) == "://";
      } else if (c == 'w') {
        maybe_url |= chunk.substr(k, 4) == "www.";
      }
    }
    size_t p = b;
    bool prev_word = false;
    while (p < e) {
      CharInfo ci = CharAt(t_, p);
      bool word_start = IsWordKind(ci.kind) ||
                        ((ci.cp == '.' || ci.cp == '#') && !prev_word && LeadingSymbolWord(p, e));
      if (word_start) {
        if (maybe_url) {
          if (size_t u = MatchUrl(p, e)) {
            Emit(p, u);
            p = u;
            prev_word = true;
            continue;
          }
        }
        if (maybe_email) {
          if (size_t u = MatchEmail(p, e)) {
            Emit(p, u);
            p = u;
            prev_word = true;
            continue;
          }
        }
        size_t q = ScanWord(IsWordKind(ci.kind) ? p : p + 1, e);
        p = EmitWord(p, q, e);
        prev_word = true;
        continue;
      }
      prev_word = false;
      p = Punct(p, e, ci);
    }
  }

  // ".doc", ".5", "#hashtag": a symbol that starts a word.
  bool LeadingSymbolWord(size_t p, size_t e) const {
    if (p > 0 && t_[p - 1] == t_[p]) return false;
    if (t_[p] == '#') return p + 1 < e && IsAsciiLetter(t_[p + 1]);
    if (DigitAt(p + 1, e)) return true;
    size_t k = p + 1;
    while (k < e && IsAsciiLetter(t_[k])) ++k;
    return k > p + 1 && k - p <= 5 && !WordAt(k, e) &&
           (k == e || t_[k] != '.' || k + 1 == e || !WordAt(k + 1, e));
  }

  // A run of punctuation starting at p; returns the end.
  size_t Punct(size_t p, size_t e, const CharInfo& ci) {
    size_t b = p;
    bool after_word = p > 0 && IsWordKind(CharAt(t_, text_internal::PrevCharStart(t_, p)).kind);
    bool emoticon_start = ci.cp == ':' || ci.cp == ';' || ci.cp == '^' || ci.cp == '=' ||
                          ci.cp == '<';
    if (emoticon_start && (!after_word || ci.cp == ':' || ci.cp == ';')) {
      for (std::string_view emo : kEmoticons) {
        if (emo[0] == t_[p] && t_.compare(p, emo.size(), emo) == 0 && p + emo.size() <= e &&
            !WordAt(p + emo.size(), e)) {
          if (!after_word || p + emo.size() == e) {
            Emit(p, p + emo.size());
            return p + emo.size();
          }
        }
      }
    }
    char32_t c = ci.cp;
    size_t q = p + ci.len;
    if (c == '.') {
      while (q < e && t_[q] == '.') ++q;
      if (q - p == 1)
        while (q < e && (t_[q] == '.' || t_[q] == '?' || t_[q] == '!')) ++q;
    } else if (c == '?' || c == '!') {
      while (q < e && (t_[q] == '.' || t_[q] == '?' || t_[q] == '!')) ++q;
    } else if (c == '-' || c == '=') {
      while (q < e && (t_[q] == '-' || t_[q] == '=')) ++q;
    } else if (c == '\'' && q < e && t_[q] == '\'') {
      ++q;
    } else if (c < 0x80 && std::strchr("*<>_~#^+`$", static_cast<char>(c)) != nullptr && c != 0) {
      while (q < e && t_[q] == static_cast<char>(c)) ++q;
    }
    Emit(b, q);
    return q;
  }

  // The end of the word starting at p (a letter or digit, or after a leading '.').
  size_t ScanWord(size_t p, size_t e) {
    size_t j = p, seg = p, start = p;
    bool digit_hyphen = false;
    CharKind prev = CharKind::kPunct;
    while (j < e && j - start < options_.max_token_bytes) {
      CharInfo ci = CharAt(t_, j);
      if (IsWordKind(ci.kind)) {
        prev = ci.kind;
        j += ci.len;
        continue;
      }
      char32_t c = ci.cp;
      size_t nx = j + ci.len;
      bool prev_digit = prev == CharKind::kDigit;
      bool ok = false;
      if (c == '.') {
        ok = WordAt(nx, e);
      } else if (c == ',') {
        ok = prev_digit && DigitAt(nx, e) && DigitAt(nx + 1, e) && DigitAt(nx + 2, e) &&
             !DigitAt(nx + 3, e);
      } else if (c == ':') {
        ok = prev_digit && DigitAt(nx, e);
      } else if (c == '/') {
        if (prev_digit) {
          ok = DigitAt(nx, e);
        } else if (prev == CharKind::kLetter && j - seg == 1) {
          ok = nx < e && IsAsciiLetter(t_[nx]) && !WordAt(nx + 1, e);  // "b/c", "w/o"
        }
      } else if (c == '_') {
        ok = WordAt(nx, e);
      } else if (c == '-') {
        if (prev_digit && DigitAt(nx, e)) {
          ok = digit_hyphen || KeepDigitHyphen(seg, j, nx, e);
          digit_hyphen = ok;
        } else if (prev == CharKind::kLetter && nx < e && CharAt(t_, nx).kind == CharKind::kLetter) {
          ok = text_internal::IsHyphenPrefix(t_.substr(seg, j - seg));
        }
      } else if (c == '&') {
        ok = prev == CharKind::kLetter && j - start <= 3 && nx < e &&
             CharAt(t_, nx).kind == CharKind::kLetter;
      } else if (IsApostrophe(c)) {
        ok = prev == CharKind::kLetter && nx < e && CharAt(t_, nx).kind == CharKind::kLetter;
        if (prev_digit && nx < e && (t_[nx] | 0x20) == 's' && !WordAt(nx + 1, e)) ok = true;  // "70's"
      }
      if (!ok) break;
      j = nx;
      seg = nx;
      prev = CharKind::kPunct;
    }
    return j;
  }

  // "713-853-3989", "345-9945", "94720-1900" stay whole; ranges ("13-17", "1969-1970") split.
  bool KeepDigitHyphen(size_t seg, size_t j, size_t nx, size_t e) const {
    size_t left = 0;
    while (j - left > seg && IsAsciiDigit(t_[j - left - 1])) ++left;
    size_t r = nx;
    while (r < e && IsAsciiDigit(t_[r])) ++r;
    size_t right = r - nx;
    if (r + 1 < e && t_[r] == '-' && IsAsciiDigit(t_[r + 1])) return true;
    if (left < j - seg) return true;  // letters before the digits: a code ("x3-9890")
    return right >= 4 && left != 4;
  }

  // Emits the word [p, q) (taking an abbreviation's period when due); returns the new position.
  size_t EmitWord(size_t p, size_t q, size_t e) {
    std::string_view w = t_.substr(p, q - p);
    bool two_dots = q + 1 < e && t_[q + 1] == '.' && !(q + 2 < e && t_[q + 2] == '.');
    if (q < e && t_[q] == '.' && (two_dots || !(q + 1 < e && (t_[q + 1] == '.' || t_[q + 1] == '?' ||
                                                              t_[q + 1] == '!')))) {
      if (TakesPeriod(w, q + 1)) {
        Emit(p, q + 1);
        out_->back().abbrev = true;
        return q + 1;
      }
    }
    if (SplitClitic(p, q)) return q;
    // Plural possessive "soldiers'" = "soldiers" + "'" (not after an opening quote).
    if (q < e && w.size() > 1 && (w.back() | 0x20) == 's' && !(p > 0 && IsApostrophe(CharAt(t_, text_internal::PrevCharStart(t_, p)).cp))) {
      CharInfo ap = CharAt(t_, q);
      if (IsApostrophe(ap.cp) && !WordAt(q + ap.len, e) &&
          !(q + ap.len < e && IsApostrophe(CharAt(t_, q + ap.len).cp))) {
        Emit(p, q);
        Emit(q, q + ap.len, true);
        return q + ap.len;
      }
    }
    if (w.size() == 4 && (w == "alot" || w == "Alot")) {  // EWT: "a" "lot"
      Emit(p, p + 1);
      Emit(p + 1, q);
      return q;
    }
    // "10am" -> "10" "am", "5:30pm" -> "5:30" "pm"
    size_t d = w.size();
    while (d > 0 && IsAsciiLetter(w[d - 1])) --d;
    if (d > 0 && d < w.size() && IsAsciiDigit(w[d - 1]) &&
        text_internal::IsNumberUnitSuffix(w.substr(d))) {
      bool number = true;
      for (size_t i = 0; i < d; ++i) number &= !IsAsciiLetter(w[i]) && static_cast<unsigned char>(w[i]) < 0x80;
      if (number) {
        Emit(p, p + d);
        Emit(p + d, q);
        return q;
      }
    }
    Emit(p, q);
    return q;
  }

  bool TakesPeriod(std::string_view w, size_t after) const {
    // Initials and dotted abbreviations: "W.", "U.S.", "e.g.", "Ph.D."
    bool letters_only = true, has_dot = false;
    size_t seg_len = 0, max_seg = 0;
    for (char c : w) {
      if (c == '.') {
        has_dot = true;
        seg_len = 0;
      } else if (IsAsciiLetter(c)) {
        max_seg = std::max(max_seg, ++seg_len);
      } else {
        letters_only = false;
        break;
      }
    }
    if (letters_only && has_dot && max_seg <= 3) return true;
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
    switch (text_internal::LookupAbbreviation(w)) {
      case text_internal::AbbrevKind::kAlways:
        return true;
      case text_internal::AbbrevKind::kBeforeNumber: {
        size_t i = after;
        while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t')) ++i;
        return i < t_.size() && IsAsciiDigit(t_[i]);
      }
      default:
        return false;
    }
  }

  // Splits clitics off the word [p, q) into joined words; false when there are none.
  bool SplitClitic(size_t p, size_t q) {
    std::string_view w = t_.substr(p, q - p);
    if (w.size() < 2) return false;
    // Find the last apostrophe (ASCII or U+2019) in the word.
    size_t ap = std::string_view::npos, ap_len = 0;
    for (size_t i = w.size(); i-- > 0;) {
      if (w[i] == '\'') {
        ap = i, ap_len = 1;
        break;
      }
      if (w[i] == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' && w[i + 2] == '\x99') {
        ap = i, ap_len = 3;
        break;
      }
    }
    if (ap != std::string_view::npos && ap > 0) {
      std::string_view tail = w.substr(ap + ap_len);
      char t0 = tail.empty() ? 0 : LowerAscii(tail[0]);
      if (tail.size() == 1 && t0 == 't' && LowerAscii(w[ap - 1]) == 'n' && ap >= 2) {
        Emit(p, p + ap - 1);
        Emit(p + ap - 1, q, true);
        return true;
      }
      bool clitic = (tail.size() == 1 && (t0 == 's' || t0 == 'm' || t0 == 'd')) ||
                    (tail.size() == 2 && ((t0 == 'r' && LowerAscii(tail[1]) == 'e') ||
                                          (t0 == 'v' && LowerAscii(tail[1]) == 'e') ||
                                          (t0 == 'l' && LowerAscii(tail[1]) == 'l')));
      bool digits = true;
      for (size_t i = 0; i < ap; ++i) digits &= IsAsciiDigit(w[i]);
      if (clitic && !(digits && t0 == 's')) {
        Emit(p, p + ap);
        Emit(p + ap, q, true);
        return true;
      }
      return false;
    }
    if (w.size() > 8) return false;
    uint64_t key = 0;  // the lower-cased word packed in an integer: no string compares
    for (size_t i = 0; i < w.size(); ++i)
      key |= uint64_t{static_cast<unsigned char>(LowerAscii(w[i]))} << (8 * i);
    const NoApostropheClitic* c = FindNoApostrophe(key);
    if (c == nullptr) return false;
    Emit(p, p + c->split);
    Emit(p + c->split, q, true);
    return true;
  }

  size_t MatchUrl(size_t p, size_t e) const {
    std::string_view s = t_.substr(p, e - p);
    bool url = StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://") ||
               StartsWithNoCase(s, "ftp://") || StartsWithNoCase(s, "www.");
    if (!url) return 0;
    size_t q = e;
    int parens = 0;
    for (size_t i = p; i < e; ++i) parens += t_[i] == '(' ? 1 : t_[i] == ')' ? -1 : 0;
    while (q > p) {
      char c = t_[q - 1];
      if (c == ')' && parens < 0) {
        ++parens;
        --q;
      } else if (std::strchr(".,;:!?'\"]>", c) != nullptr) {
        --q;
      } else {
        break;
      }
    }
    return q - p > 4 ? q : 0;
  }

  size_t MatchEmail(size_t p, size_t e) const {
    auto local = [](char c) {
      return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '.' || c == '_' || c == '%' ||
             c == '+' || c == '-';
    };
    size_t i = p;
    while (i < e && local(t_[i])) ++i;
    if (i == p || i >= e || t_[i] != '@') return 0;
    size_t d = ++i;
    while (i < e && (IsAsciiLetter(t_[i]) || IsAsciiDigit(t_[i]) || t_[i] == '.' || t_[i] == '-'))
      ++i;
    while (i > d && (t_[i - 1] == '.' || t_[i - 1] == '-')) --i;
    return i > d ? i : 0;
  }

  std::string_view t_;
  uint32_t base_;
  std::vector<WordSpan>* out_;
  const TokenizerOptions& options_;
};

}  // namespace

void TokenizeWords(std::string_view text, uint32_t base, std::vector<WordSpan>* out,
                   const TokenizerOptions& options) {
  Scanner(text, base, out, options).Run();
}

}  // namespace sitrep
