// Sentence boundaries over tokenized text. A blank line ("\n\n") always ends a sentence;
// elsewhere an averaged-perceptron classifier (trained on UD English EWT, see
// `sitrep tokenize --train-splitter`) scores each gap between words, left to right. Without a
// model, rules decide: . ? ! (and closing quotes/brackets after them) before a non-lowercase word.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/text/tokenizer.h"

namespace sitrep {

struct SplitterOptions {
  uint32_t max_sentence_words = 250;  // a longer run is cut (defensive; real sentences are shorter)
};

class SentenceSplitter {
 public:
  // Rule-based splitter (no model).
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  // Loads a model written by TrainSentenceSplitter. DataLoss on a malformed file.
  static Result<SentenceSplitter> Load(const std::string& path);
  // The model in models/ (found via $SITREP_MODELS, next to the executable, or the source
  // tree), loaded once; the rule-based splitter when none is found.
  static const SentenceSplitter& Default();

  // Appends to *ends the index of the last word of each sentence (the last word always ends
  // one). Words are those of TokenizeWords over `text` (spans relative to `text`).
  void Split(std::string_view text, const std::vector<WordSpan>& words,
             std::vector<uint32_t>* ends) const;

  bool has_model() const { return !blocks_.empty(); }
  const SplitterOptions& options() const { return options_; }
  void set_options(const SplitterOptions& o) { options_ = o; }

  // Feature hashing (shared with training): the features of the gap after words[i].
  static constexpr int kTableBits = 20;
  struct WordKeys {  // per-word hashes, computed once
    uint32_t form, shape, suffix;
    uint8_t len;
  };
  static constexpr int kNumFeatures = 22;
  static void Keys(std::string_view text, const std::vector<WordSpan>& words,
                   std::vector<WordKeys>* keys);
  static void WordKey(std::string_view text, const WordSpan& w, WordKeys* out);  // one of Keys
  static constexpr uint8_t kNoKey = 0xFF;  // WordKeys::len of a key not computed yet
  static void Features(std::string_view text, const std::vector<WordSpan>& words,
                       const std::vector<WordKeys>& keys, size_t i, uint32_t words_since_break,
                       uint32_t* out);
  static bool IsCandidate(std::string_view text, const std::vector<WordSpan>& words, size_t i);
  static bool IsHardBreak(std::string_view text, const std::vector<WordSpan>& words, size_t i);

 private:
  friend Status TrainSentenceSplitter(const std::string&, const std::string&, int, std::string*);
  bool RuleBoundary(std::string_view text, const std::vector<WordSpan>& words, size_t i) const;

  // The weight table (1 << kTableBits entries, mostly zero) stored compactly so that it stays in
  // cache: one bit per entry, each 64-entry block with the rank of its first non-zero weight.
  struct Block {
    uint64_t nonzero = 0;
    uint32_t rank = 0;
  };
  float Weight(uint32_t f) const {
    const Block& b = blocks_[f >> 6];
    uint64_t bit = uint64_t{1} << (f & 63);
    if (!(b.nonzero & bit)) return 0.0f;
    return packed_[b.rank + PopCount(b.nonzero & (bit - 1))];
  }
  static uint32_t PopCount(uint64_t x) {  // inline SWAR: no libgcc call without -mpopcnt
#if defined(__POPCNT__)
    return static_cast<uint32_t>(__builtin_popcountll(x));
#else
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
#endif
  }
  std::vector<Block> blocks_;  // empty when no model is loaded
  std::vector<float> packed_;  // the non-zero weights in index order
  SplitterOptions options_;
};

// Trains on a CoNLL-U file (text rebuilt from "# text" lines, our tokenizer's words labelled
// by the gold sentence ends) and writes the model to `out_path`. *report gets a summary.
Status TrainSentenceSplitter(const std::string& conllu_path, const std::string& out_path,
                             int epochs, std::string* report);

}  // namespace sitrep
