// Span integrity, differential against a naive whitespace reference on random strings built
// from tricky pieces: the words of each whitespace chunk concatenate back to the chunk, spans
// strictly increase, joined words touch, and no sentence crosses a blank line.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "sitrep/text/segment.h"

namespace sitrep {
namespace {

const char* kPieces[] = {
    "word", "Word", "U.S.", "Gen.", "e.g.", "don't", "I'm", "John's", "soldiers'", "cannot",
    "3,500", "1.2", "22,000", "713-853-3989", "13-17", "al-Sudani", "e-mail", "Iranian-backed",
    "http://x.org/a?b=(c).", "www.a.com", "a@b.com", "\"", "'", "''", "“", "”", "(", ")", "[",
    "]", "...", "…", "!!", "?!", ".", ",", ";", ":", ":)", ":-(", "--", "-", "/", "&", "$",
    "%", "#tag", "10am", "5:30pm", "Zürich", "Київ", "\xE2\x80\x99s", "\xF0\x9F\x98\x80",
    "\xC3", "\xFF", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\xC2\xA0", "etc.", "No.", "12's",
    "w/", "b/c", "ld2d-#69366-1.DOC", ".doc", "_", "__init__", "'s", "n't", "x", "\x01"};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

TEST(TokenizerSpansTest, RandomStringsKeepSpanIntegrity) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1), len(0, 40);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    for (size_t n = len(rng), i = 0; i < n; ++i) text += kPieces[pick(rng)];
    TokenizedText seg;
    Segment(text, &seg);
    const auto& w = seg.words;
    // Naive reference: the non-space bytes (ASCII spaces, NBSP) each belong to exactly one word.
    std::vector<int> owner(text.size(), -1);
    for (size_t i = 0; i < w.size(); ++i) {
      ASSERT_LT(w[i].begin, w[i].end) << text;
      ASSERT_LE(w[i].end, text.size()) << text;
      if (i > 0) ASSERT_LE(w[i - 1].end, w[i].begin) << text;
      if (w[i].joined) ASSERT_TRUE(i > 0 && w[i - 1].end == w[i].begin) << text;
      for (uint32_t k = w[i].begin; k < w[i].end; ++k) {
        ASSERT_FALSE(IsAsciiSpace(text[k])) << "space inside a word: " << text;
        owner[k] = static_cast<int>(i);
      }
    }
    for (size_t k = 0; k < text.size(); ++k) {
      bool nbsp = k + 1 < text.size() && text.compare(k, 2, "\xC2\xA0") == 0;
      bool nbsp2 = k > 0 && text.compare(k - 1, 2, "\xC2\xA0") == 0;
      if (!IsAsciiSpace(text[k]) && !nbsp && !nbsp2)
        ASSERT_GE(owner[k], 0) << "byte " << k << " lost in: " << text;
    }
    // Sentences: ascending ends, the last word ends the last one, no "\n\n" inside.
    if (w.empty()) {
      ASSERT_TRUE(seg.sentence_ends.empty());
      continue;
    }
    ASSERT_EQ(seg.sentence_ends.back(), w.size() - 1);
    size_t first = 0;
    for (size_t s = 0; s < seg.sentence_ends.size(); ++s) {
      uint32_t last = seg.sentence_ends[s];
      if (s > 0) ASSERT_LT(seg.sentence_ends[s - 1], last);
      std::string_view inside(text.data() + w[first].begin, w[last].end - w[first].begin);
      ASSERT_EQ(inside.find("\n\n"), std::string_view::npos) << text;
      ASSERT_FALSE(w[first].joined) << "sentence starts inside a multi-word token: " << text;
      first = last + 1;
    }
    // Sentence objects: forms equal their spans.
    for (const Sentence& s : SplitAndTokenize(text))
      for (const Token& t : s.tokens) ASSERT_EQ(t.form, text.substr(t.begin, t.end - t.begin));
  }
}

}  // namespace
}  // namespace sitrep
