// Name lists as NER features: place names, countries, demonyms, first names, actor names,
// organisation and title words, stored inside ner.model as sorted 64-bit phrase keys so the
// model always runs with exactly the lists it was trained with (no data files at run time).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/model/ner.h"

namespace sitrep {

// Classes of a lexicon phrase (one bit each in a key's low 16 bits).
enum NerLexClass : int {
  kLexCity = 0, kLexBigCity, kLexAdmin1, kLexCountry, kLexDemonym, kLexFirstName,
  kLexLastName, kLexPerson, kLexOrg, kLexOrgWord, kLexTitle, kLexLocWord,
  // Case classes of single words from unlabelled text (LearnCaseWords): mostly capitalised
  // inside sentences, often capitalised, and known words almost never capitalised.
  kLexCapAlways, kLexCapOften, kLexLowerWord, kLexClassCount
};
static_assert(kLexClassCount <= 15, "a class is one bit below the prefix bit");
// "city", "big_city", ... as written in lexicon text files; kLexClassCount when unknown.
int NerLexClassByName(std::string_view name);
const char* NerLexClassName(int cls);

// The words of a name as our tokenizer splits them (lowercase ASCII; ',', '(', ')', '"' and
// a final "'s" split off): "Washington, D.C." -> {"washington", ",", "d.c."}.
std::vector<std::string> NerLexWords(std::string_view name);

struct CaseWordOptions {
  int min_count = 5;            // occurrences inside a sentence needed for any class
  double always = 0.8;          // capitalised share for cap_always
  double often = 0.3;           // ... for cap_often
  double lower = 0.02;          // at most this share (and min_count) for lower_word
};

// Lexicon lines "class<TAB>word" (cap_always, cap_often, lower_word) for the words (starting
// with a letter) of `sentences`, from how often each is capitalised when it is not the first
// word; sequences with more capitalised than lowercase words (headlines, all caps) are skipped.
// Deterministic: sorted by word.
std::string LearnCaseWords(const std::vector<std::vector<std::string>>& sentences,
                           const CaseWordOptions& options);

class NerLexicon : public NerFeatureSource {
 public:
  static constexpr size_t kMaxWords = 6;  // longest phrase matched
  NerLexicon() = default;

  // Builder: adds `name` (tokenised by NerLexWords; at most kMaxWords words) to class `cls`.
  void Add(std::string_view name, int cls);
  // Reads "class<TAB>name" lines ('#' comments); InvalidArgument on an unknown class.
  Status AddText(std::string_view text);
  // The section stored in the model: magic, count, sorted keys (hash high bits | class mask).
  std::string Serialize() const;
  // Views a serialised section in place (validated); `owner` keeps its bytes alive.
  static Result<std::unique_ptr<NerLexicon>> FromSection(std::string_view bytes,
                                                         std::shared_ptr<const void> owner);
  size_t size() const { return n_; }
  // Class mask of a phrase of lowercase words joined by spaces; 0 when absent.
  uint16_t Classes(std::string_view phrase) const;

  std::string name() const override { return "lexicon-v1"; }
  void Features(const Sentence& s, size_t i, std::vector<std::string>* out) const override;
  void SentenceFeatures(const Sentence& s,
                        std::vector<std::vector<uint64_t>>* out) const override;

 private:
  // Finds the key of phrase hash `h`: its mask, with kPrefixBit when it starts a longer one.
  uint32_t Find(uint64_t h) const;
  std::vector<uint64_t> build_;  // builder keys (unsorted, duplicates merged on Serialize)
  const uint64_t* keys_ = nullptr;
  size_t n_ = 0;
  std::shared_ptr<const void> owner_;
};

}  // namespace sitrep
