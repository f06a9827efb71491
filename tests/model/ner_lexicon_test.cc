// The NER name lexicon on lists we wrote: name splitting, lookups against a naive set,
// corrupt sections refused, features on spans, and the lexicon travelling inside the model.
#include <gtest/gtest.h>

#include <set>

#include "model_test_support.h"
#include "sitrep/model/ner_lexicon.h"

namespace sitrep {
namespace {

using testing::Words;

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

TEST(NerLexWords, SplitsLikeOurTokens) {
  const std::pair<const char*, const char*> cases[] = {
      {"Washington, D.C.", "washington|,|d.c."},
      {"McDonald's", "mcdonald|'s"},
      {"al-Qaeda", "al|-|qaeda"},
      {"  New   York ", "new|york"},
      {"Bank (of) America", "bank|(|of|)|america"},
      {"", ""},
  };
  for (const auto& [name, want] : cases) EXPECT_EQ(Joined(NerLexWords(name)), want) << name;
}

std::unique_ptr<NerLexicon> Build(const std::string& text, std::shared_ptr<std::string>* bytes) {
  NerLexicon b;
  EXPECT_TRUE(b.AddText(text).ok());
  *bytes = std::make_shared<std::string>(b.Serialize());
  Result<std::unique_ptr<NerLexicon>> l = NerLexicon::FromSection(**bytes, *bytes);
  EXPECT_TRUE(l.ok()) << l.status().message();
  return l.ok() ? std::move(l).value() : nullptr;
}

const char kLists[] =
    "# test lists\n"
    "city\tNew York\ncity\tBaghdad\nbig_city\tNew York\ncountry\tIraq\n"
    "first_name\tMary\norg\tUnited Nations\norg_word\tinc.\nperson\tJohn Smith\n";

TEST(NerLexicon, LookupsMatchANaiveSet) {
  std::shared_ptr<std::string> bytes;
  std::unique_ptr<NerLexicon> lex = Build(kLists, &bytes);
  ASSERT_TRUE(lex);
  const std::pair<const char*, uint16_t> cases[] = {
      {"new york", (1 << kLexCity) | (1 << kLexBigCity)},
      {"baghdad", 1 << kLexCity},
      {"iraq", 1 << kLexCountry},
      {"mary", 1 << kLexFirstName},
      {"united nations", 1 << kLexOrg},
      {"new", 0},  // a prefix only
      {"united", 0},
      {"york", 0},
      {"john smith", 1 << kLexPerson},
      {"nowhere", 0},
  };
  for (const auto& [phrase, want] : cases) EXPECT_EQ(lex->Classes(phrase), want) << phrase;
}

TEST(NerLexicon, RefusesCorruptSections) {
  std::shared_ptr<std::string> bytes;
  ASSERT_TRUE(Build(kLists, &bytes));
  std::string truncated = bytes->substr(0, bytes->size() - 3);
  std::string bad_magic = *bytes;
  bad_magic[0] = 'X';
  std::string unsorted = *bytes;
  std::swap_ranges(unsorted.begin() + 16, unsorted.begin() + 24, unsorted.begin() + 24);
  for (const std::string* b : {&truncated, &bad_magic, &unsorted}) {
    auto copy = std::make_shared<std::string>(*b);
    EXPECT_FALSE(NerLexicon::FromSection(*copy, copy).ok());
  }
  NerLexicon b;
  EXPECT_FALSE(b.AddText("planet\tMars\n").ok());
  EXPECT_FALSE(b.AddText("no tab here\n").ok());
}

TEST(NerLexicon, FeaturesFireOnListedSpansOnly) {
  std::shared_ptr<std::string> bytes;
  std::unique_ptr<NerLexicon> lex = Build(kLists, &bytes);
  ASSERT_TRUE(lex);
  Sentence s = Words("Mary flew from New York to the dog park");
  std::vector<std::vector<uint64_t>> f;
  lex->SentenceFeatures(s, &f);
  ASSERT_EQ(f.size(), s.tokens.size());
  EXPECT_FALSE(f[0].empty());  // Mary: first name
  EXPECT_FALSE(f[3].empty());  // New York
  EXPECT_FALSE(f[4].empty());
  EXPECT_TRUE(f[7].empty());   // dog: nothing listed near it
  // The span features of "New" and "York" differ (first vs last word of the phrase).
  EXPECT_NE(std::set<uint64_t>(f[3].begin(), f[3].end()), std::set<uint64_t>(f[4].begin(), f[4].end()));
  Sentence empty;
  lex->SentenceFeatures(empty, &f);
  EXPECT_TRUE(f.empty());
}

TEST(NerLexicon, TravelsInsideTheModel) {
  std::shared_ptr<std::string> bytes;
  std::unique_ptr<NerLexicon> lex = Build(kLists, &bytes);
  ASSERT_TRUE(lex);
  std::vector<Sentence> train;
  for (const char* text : {"Mary visited Baghdad", "John Smith left Iraq", "the United Nations met"}) {
    train.push_back(Words(text));
  }
  const char* gold[][4] = {{"B-PER", "O", "B-LOC"}, {"B-PER", "I-PER", "O", "B-LOC"}, {"O", "B-ORG", "I-ORG", "O"}};
  for (size_t i = 0; i < train.size(); ++i)
    for (size_t k = 0; k < train[i].tokens.size(); ++k) SetNerLabel(&train[i].tokens[k], gold[i][k]);
  TrainOptions o;
  o.epochs = 4;
  o.log2_buckets = 12;
  Result<std::string> model = TrainNer(train, train, nullptr, o, lex.get());
  ASSERT_TRUE(model.ok()) << model.status().message();
  Result<NerTagger> ner = NerTagger::FromModel(Model::FromBytes(*model).value());
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_EQ(ner->feature_source_name(), "lexicon-v1");
  // Same labels from the embedded lexicon as from the one it was trained with.
  NerTagger external = *ner;
  external.SetFeatureSource(lex.get());
  for (const char* text : {"Mary met John Smith in New York", "Baghdad and Iraq", "x"}) {
    Sentence s = Words(text);
    EXPECT_EQ(ner->Labels(s), external.Labels(s)) << text;
  }
}

}  // namespace
}  // namespace sitrep
