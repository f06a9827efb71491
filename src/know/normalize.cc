#include "sitrep/know/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xxhash.h>

#include <array>
#include <cctype>
#include <mutex>

namespace sitrep {
namespace {

// Decodes one UTF-8 code point at s[i]; returns U+FFFD and length 1 for invalid bytes.
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c < 0x80) { *len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) { *len = 1; return 0xFFFD; }
  char32_t cp = c & (0x7F >> (n + 1));
  for (int k = 1; k < n; ++k) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) { *len = 1; return 0xFFFD; }
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = n;
  return cp;
}

// Fold strings for Latin code points U+00C0..U+024F and U+1E00..U+1EFF: "" = not a letter.
struct FoldTable {
  std::array<std::string, 0x250 - 0xC0> latin;
  std::array<std::string, 0x100> extended;
  FoldTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    auto fold = [&](char32_t cp) -> std::string {
      switch (cp) {
        case 0xDF: return "ss";
        case 0xC6: case 0xE6: return "ae";
        case 0x152: case 0x153: return "oe";
        case 0xD8: case 0xF8: return "o";
        case 0x110: case 0x111: case 0xD0: case 0xF0: return "d";
        case 0x141: case 0x142: case 0x13F: case 0x140: return "l";
        case 0x131: return "i";
        case 0xDE: case 0xFE: return "th";
        case 0x126: case 0x127: return "h";
        default: break;
      }
      if (U_FAILURE(err) || !u_isalpha(cp)) return "";
      icu::UnicodeString out;
      UErrorCode e = U_ZERO_ERROR;
      nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), out, e);
      if (U_FAILURE(e) || out.length() == 0) return "";
      UChar32 base = out.char32At(0);
      if (base < 0x80 && u_isalpha(base)) return std::string(1, static_cast<char>(u_tolower(base)));
      return "";
    };
    for (char32_t cp = 0xC0; cp < 0x250; ++cp) latin[cp - 0xC0] = fold(cp);
    for (char32_t cp = 0x1E00; cp < 0x1F00; ++cp) extended[cp - 0x1E00] = fold(cp);
  }
};

const FoldTable& Table() {
  static const FoldTable* table = new FoldTable();
  return *table;
}

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case '\'': case '`': case 0xB4: case 0x2018: case 0x2019: case 0x2032: case 0x02BB:
    case 0x02BC: case 0x02BE: case 0x02BF: case 0x02B9: case 0x02C8:
      return true;
    default:
      return false;
  }
}

bool IsArticle(std::string_view w) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ad", "ar", "as", "ash", "at",
                                                   "ath", "az", "an", "ed", "ud", "ul", "adh"};
  for (std::string_view a : kArticles)
    if (w == a) return true;
  return false;
}

// Appends the key of one folded word to `out`.
void AppendWordKey(std::string_view w, std::string* out) {
  if (w == "abdul" || w == "abdel" || w == "abdal" || w == "abdil") w = "abd";
  if (w == "ibn" || w == "ben" || w == "bin") w = "bin";
  if (w.size() <= 3) {  // short words and codes as written: "on" is not "un"
    out->append(w);
    return;
  }
  size_t start = out->size();
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    char next = i + 1 < w.size() ? w[i + 1] : '\0';
    char m = c;
    switch (c) {
      case 'e': m = 'a'; break;
      case 'y': m = 'i'; break;
      case 'o': m = 'u'; break;
      case 'z': m = 's'; break;
      case 'q': m = 'k'; break;
      case 'c': m = next == 'h' ? 'c' : 'k'; break;
      case 'g': if (next == 'h') { out->push_back('g'); ++i; continue; } break;
      case 'p': if (next == 'h') { out->push_back('f'); ++i; continue; } break;
      case 'h':
        // Final "h" after a vowel (Fallujah = Falluja).
        if (i + 1 == w.size() && i > 0 && std::string_view("aeiouy").find(w[i - 1]) !=
                                               std::string_view::npos) continue;
        break;
      default: break;
    }
    if (out->size() > start && out->back() == m) continue;  // doubled letters
    out->push_back(m);
  }
}

}  // namespace

bool IsWordCodePoint(std::string_view s, size_t i, size_t* len) {
  char32_t cp = Decode(s, i, len);
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                        (cp >= '0' && cp <= '9');
  return cp != 0xFFFD && (u_isalpha(cp) || u_isdigit(cp) || u_getCombiningClass(cp) > 0);
}

std::string FoldName(std::string_view s) {
  const FoldTable& table = Table();
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t cp = Decode(s, i, &len);
    i += len;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
      } else if (c == '.' && i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) &&
                 !out.empty() && (out.size() == 1 || out[out.size() - 2] == ' ') && !pending_space) {
        // "U.S.", "U.N.": a period between single letters joins them.
      } else if (!IsApostrophe(cp)) {
        pending_space = true;
      }
      continue;
    }
    if (IsApostrophe(cp) || u_getCombiningClass(cp) > 0) continue;
    const std::string* folded = nullptr;
    if (cp >= 0xC0 && cp < 0x250) folded = &table.latin[cp - 0xC0];
    else if (cp >= 0x1E00 && cp < 0x1F00) folded = &table.extended[cp - 0x1E00];
    if (folded && !folded->empty()) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out += *folded;
      continue;
    }
    if (u_isalpha(cp) || u_isdigit(cp)) return "";  // another script
    pending_space = true;
  }
  return out;
}

std::string KeyFromFolded(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    std::string_view w = folded.substr(i, j - i);
    bool last = j >= folded.size();
    i = j + 1;
    if (w.empty() || (!last && IsArticle(w))) continue;
    if (!out.empty()) out.push_back(' ');
    AppendWordKey(w, &out);
  }
  return out;
}

std::string NameKey(std::string_view utf8) { return KeyFromFolded(FoldName(utf8)); }

std::string SingularKey(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  size_t i = 0;
  while (i <= key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    std::string_view w = key.substr(i, j - i);
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
    if (!out.empty()) out.push_back(' ');
    out.append(w);
    i = j + 1;
  }
  return out;
}

uint64_t KeyHash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

}  // namespace sitrep
