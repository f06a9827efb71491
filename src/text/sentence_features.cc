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

const WordSpan kNone{0, 0, false};

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

void SentenceSplitter::Features(std::string_view text, const std::vector<WordSpan>& words,
                                size_t i, uint32_t since, std::vector<uint32_t>* out) {
  out->clear();
  const WordSpan& w0 = words[i];
  const WordSpan& w1 = i + 1 < words.size() ? words[i + 1] : kNone;
  const WordSpan& wm = i > 0 ? words[i - 1] : kNone;
  const WordSpan& w2 = i + 2 < words.size() ? words[i + 2] : kNone;
  unsigned char gap = 0;  // 0 none, 1 one space, 2 more spaces, 3 newline
  for (uint32_t k = w0.end; k < w1.begin; ++k) {
    if (text[k] == '\n') gap = 3;
    else if (gap < 3) gap = gap == 0 ? 1 : 2;
  }
  auto add = [&](uint32_t id, auto&&... parts) {
    Hash h(id);
    (parts(&h), ...);
    out->push_back(h.Done());
  };
  auto form = [&](const WordSpan& w) { return [&](Hash* h) { AddForm(h, text, w); }; };
  auto shape = [&](const WordSpan& w) { return [&](Hash* h) { AddShape(h, text, w); }; };
  auto byte = [](unsigned char c) { return [c](Hash* h) { h->Byte(c); }; };
  auto suffix = [&](const WordSpan& w) { return [&](Hash* h) { AddSuffix(h, text, w, 3); }; };
  unsigned char len_bucket = static_cast<unsigned char>(std::min<uint32_t>(since, 30) / 3);
  unsigned char w0_len = static_cast<unsigned char>(std::min<uint32_t>(w0.end - w0.begin, 8));
  add(0);
  add(1, form(w0));
  add(2, form(w1));
  add(3, form(wm));
  add(4, form(w2));
  add(5, shape(w0));
  add(6, shape(w1));
  add(7, form(w0), form(w1));
  add(8, shape(w0), shape(w1));
  add(9, form(wm), form(w0));
  add(10, form(w0), shape(w1));
  add(11, shape(w0), form(w1));
  add(12, form(w1), form(w2));
  add(13, byte(gap));
  add(14, shape(wm), shape(w0), shape(w1));
  add(15, suffix(w0));
  add(16, byte(len_bucket), shape(w0));
  add(17, shape(w1), shape(w2));
  add(18, byte(w0_len), shape(w1));
  add(19, byte(gap), shape(w0), shape(w1));
  add(20, suffix(w0), shape(w1));
  add(21, byte(len_bucket), form(w1));
}

}  // namespace sitrep
