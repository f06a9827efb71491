// Features of the gap after a word, hashed into the splitter's weight table.
#include <algorithm>

#include "sitrep/text/sentence_splitter.h"

namespace sitrep {
namespace {

constexpr uint32_t kMask = (1u << SentenceSplitter::kTableBits) - 1;
constexpr size_t kMaxFeatureBytes = 24;

struct Hash {
  uint32_t h;
  explicit Hash(uint32_t template_id) : h(2166136261u ^ (template_id * 0x9E3779B1u)) {}
  void Byte(unsigned char c) { h = (h ^ c) * 16777619u; }
  void Sep() { Byte(0xFF); }
  uint32_t Done() const {
    uint32_t x = h;
    x ^= x >> 16;
    x *= 0x7feb352d;
    x ^= x >> 15;
    return x & kMask;
  }
};

// Lower-cased form (first bytes only).
void AddForm(Hash* h, std::string_view text, const WordSpan& w) {
  size_t n = std::min<size_t>(w.end - w.begin, kMaxFeatureBytes);
  for (size_t k = 0; k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(text[w.begin + k]);
    if (c >= 'A' && c <= 'Z') c += 32;
    h->Byte(c);
  }
  h->Sep();
}

// Shape: X x d per character class (non-ASCII 'u'), ASCII punctuation as itself, runs collapsed.
void AddShape(Hash* h, std::string_view text, const WordSpan& w) {
  char last = 0;
  int n = 0;
  for (uint32_t k = w.begin; k < w.end && n < 6; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0x80) { if ((c & 0xC0) == 0x80) continue; s = 'u'; }
    else s = static_cast<char>(c);
    if (s == last) continue;
    last = s;
    h->Byte(static_cast<unsigned char>(s));
    ++n;
  }
  h->Sep();
}

void AddSuffix(Hash* h, std::string_view text, const WordSpan& w, size_t n) {
  uint32_t b = w.end - w.begin > n ? w.end - static_cast<uint32_t>(n) : w.begin;
  for (uint32_t k = b; k < w.end; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    if (c >= 'A' && c <= 'Z') c += 32;
    h->Byte(c);
  }
  h->Sep();
}


}  // namespace

bool SentenceSplitter::IsHardBreak(std::string_view text, const std::vector<WordSpan>& words,
                                   size_t i) {
  if (i + 1 >= words.size()) return true;
  int newlines = 0;
  for (uint32_t k = words[i].end; k < words[i + 1].begin; ++k) newlines += text[k] == '\n';
  return newlines >= 2;
}

bool SentenceSplitter::IsCandidate(std::string_view text, const std::vector<WordSpan>& words,
                                   size_t i) {
  return i + 1 < words.size() && !words[i + 1].joined;
}

void SentenceSplitter::Keys(std::string_view text, const std::vector<WordSpan>& words,
                            std::vector<WordKeys>* keys) {
  keys->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) WordKey(text, words[i], &(*keys)[i]);
}

void SentenceSplitter::WordKey(std::string_view text, const WordSpan& w, WordKeys* out) {
  const char* t = text.data();
  WordKeys& k = *out;
  Hash f(1), sh(2), su(3);
  uint32_t len = w.end - w.begin;
  if (len <= kMaxFeatureBytes) {
    // One pass for the form and the shape (the same bytes as AddForm and AddShape; the
    // independent hash chains overlap in the pipeline).
    char last = 0;
    int n = 0;
    for (uint32_t p = w.begin; p < w.end; ++p) {
      unsigned char c = static_cast<unsigned char>(t[p]);
      unsigned char lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
      f.Byte(lower);
      if (n >= 6) continue;
      char s;
      if (c >= 'A' && c <= 'Z') s = 'X';
      else if (c >= 'a' && c <= 'z') s = 'x';
      else if (c >= '0' && c <= '9') s = 'd';
      else if (c >= 0x80) { if ((c & 0xC0) == 0x80) continue; s = 'u'; }
      else s = static_cast<char>(c);
      if (s == last) continue;
      last = s;
      sh.Byte(static_cast<unsigned char>(s));
      ++n;
    }
    f.Sep();
    sh.Sep();
  } else {
    AddForm(&f, text, w);
    AddShape(&sh, text, w);
  }
  AddSuffix(&su, text, w, 3);
  k.form = f.h;
  k.shape = sh.h;
  k.suffix = su.h;
  k.len = static_cast<uint8_t>(std::min<uint32_t>(len, 8));
}

namespace {

inline uint32_t Mix(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> 32);
}

}  // namespace

void SentenceSplitter::Features(std::string_view text, const std::vector<WordSpan>& words,
                                const std::vector<WordKeys>& keys, size_t i, uint32_t since,
                                uint32_t* out) {
  static const WordKeys kNoKeys{0x1234567u, 0x89abcdefu, 0x2468aceu, 0};
  const WordKeys& k0 = keys[i];
  const WordKeys& k1 = i + 1 < keys.size() ? keys[i + 1] : kNoKeys;
  const WordKeys& km = i > 0 ? keys[i - 1] : kNoKeys;
  const WordKeys& k2 = i + 2 < keys.size() ? keys[i + 2] : kNoKeys;
  uint32_t gap = 0;  // 0 none, 1 one space, 2 more spaces, 3 newline
  uint32_t e0 = words[i].end, b1 = i + 1 < words.size() ? words[i + 1].begin : e0;
  for (uint32_t k = e0; k < b1; ++k) {
    if (text[k] == '\n') gap = 3;
    else if (gap < 3) gap = gap == 0 ? 1 : 2;
  }
  uint32_t len_bucket = std::min<uint32_t>(since, 30) / 3;
  auto f = [](uint64_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    return Mix(Mix(Mix(t * 0xD6E8FEB86659FD93ull, a), b), c) & kMask;
  };
  int n = 0;
  out[n++] = f(0, 0);
  out[n++] = f(1, k0.form);
  out[n++] = f(2, k1.form);
  out[n++] = f(3, km.form);
  out[n++] = f(4, k2.form);
  out[n++] = f(5, k0.shape);
  out[n++] = f(6, k1.shape);
  out[n++] = f(7, k0.form, k1.form);
  out[n++] = f(8, k0.shape, k1.shape);
  out[n++] = f(9, km.form, k0.form);
  out[n++] = f(10, k0.form, k1.shape);
  out[n++] = f(11, k0.shape, k1.form);
  out[n++] = f(12, k1.form, k2.form);
  out[n++] = f(13, gap);
  out[n++] = f(14, km.shape, k0.shape, k1.shape);
  out[n++] = f(15, k0.suffix);
  out[n++] = f(16, len_bucket, k0.shape);
  out[n++] = f(17, k1.shape, k2.shape);
  out[n++] = f(18, k0.len, k1.shape);
  out[n++] = f(19, gap, k0.shape, k1.shape);
  out[n++] = f(20, k0.suffix, k1.shape);
  out[n++] = f(21, len_bucket, k1.form);
}

}  // namespace sitrep
