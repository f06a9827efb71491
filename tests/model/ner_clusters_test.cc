// Word clusters on a corpus we generate: words with disjoint contexts never share a class,
// the output is deterministic, the section round-trips against a naive map, corrupt sections
// and malformed lines are refused, and a model trained with clusters carries them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model_test_support.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/ner_clusters.h"

namespace sitrep {
namespace {

// "the <noun> runs ." and "we <verb> it ." with 20 nouns and 20 verbs.
std::vector<std::vector<std::string>> Corpus() {
  std::vector<std::vector<std::string>> out;
  for (int round = 0; round < 6; ++round)
    for (int i = 0; i < 20; ++i) {
      out.push_back({"the", "noun" + std::to_string((i + round) % 20), "runs", "."});
      out.push_back({"we", "verb" + std::to_string((i * 7 + round) % 20), "it", "."});
    }
  return out;
}

std::map<std::string, std::vector<int>> Parse(const std::string& text) {
  std::map<std::string, std::vector<int>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t tab = line.find('\t');
    int a, b, c;
    EXPECT_EQ(std::sscanf(line.c_str() + tab + 1, "%d %d %d", &a, &b, &c), 3) << line;
    out[line.substr(0, tab)] = {a, b, c};
  }
  return out;
}

TEST(WordClusters, DisjointContextsNeverShareAClassAndOutputIsDeterministic) {
  ClusterOptions o;
  o.classes = 16;
  Result<std::string> a = LearnWordClusters(Corpus(), o);
  ASSERT_TRUE(a.ok()) << a.status().message();
  Result<std::string> b = LearnWordClusters(Corpus(), o);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*a, *b);
  std::map<std::string, std::vector<int>> words = Parse(*a);
  ASSERT_EQ(words.size(), 45u);  // 40 + the, we, runs, it, "."
  std::map<int, std::set<char>> kinds;  // level-0 class -> 'n' / 'v'
  for (const auto& [w, ids] : words) {
    EXPECT_LT(ids[0], 16);
    EXPECT_LT(ids[1], 4);
    EXPECT_LT(ids[2], 2);
    if (w.rfind("noun", 0) == 0 || w.rfind("verb", 0) == 0) kinds[ids[0]].insert(w[0]);
  }
  for (const auto& [cls, k] : kinds) EXPECT_EQ(k.size(), 1u) << "class " << cls;
}

TEST(WordClusters, RefusesBadOptions) {
  ClusterOptions o;
  o.classes = 2000;
  EXPECT_FALSE(LearnWordClusters(Corpus(), o).ok());
  o.classes = 64;  // more classes than words
  EXPECT_FALSE(LearnWordClusters(Corpus(), o).ok());
}

TEST(WordClusters, SectionLookupsMatchANaiveMap) {
  const char text[] = "the\t5 1 0\t100\nbaghdad\t1023 255 63\t7\nkabul\t3 2 1\t2\n# comment\n";
  WordClusters b;
  ASSERT_TRUE(b.AddText(text).ok());
  auto bytes = std::make_shared<std::string>(b.Serialize());
  Result<std::unique_ptr<WordClusters>> c = WordClusters::FromSection(*bytes, bytes);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ((*c)->size(), 3u);
  const std::pair<const char*, std::vector<uint32_t>> cases[] = {
      {"the", {5, 1, 0}},
      {"baghdad", {1023, 255, 63}},
      {"kabul", {3, 2, 1}},
      {"Kabul", {WordClusters::kNone, WordClusters::kNone, WordClusters::kNone}},  // keys are lowercase
      {"mosul", {WordClusters::kNone, WordClusters::kNone, WordClusters::kNone}},
  };
  for (const auto& [word, want] : cases) {
    uint32_t ids[WordClusters::kLevels];
    (*c)->Lookup(HashString(word), ids);
    EXPECT_EQ(std::vector<uint32_t>(ids, ids + 3), want) << word;
  }
}

TEST(WordClusters, RefusesMalformedLinesAndSections) {
  for (const char* bad : {"the\n", "\t1 2 3\n", "the\t1024 0 0\n", "the\t1 256 0\n", "the\t1 2\n",
                          "the\tx y z\n"}) {
    WordClusters b;
    EXPECT_FALSE(b.AddText(bad).ok()) << bad;
  }
  WordClusters b;
  ASSERT_TRUE(b.AddText("a\t1 1 1\nb\t2 2 2\n").ok());
  std::string good = b.Serialize();
  for (size_t cut : {0ul, 8ul, 15ul, good.size() - 1}) {
    auto bytes = std::make_shared<std::string>(good.substr(0, cut));
    EXPECT_FALSE(WordClusters::FromSection(*bytes, bytes).ok()) << cut;
  }
  auto swapped = std::make_shared<std::string>(good);  // two keys in the wrong order
  std::swap_ranges(swapped->begin() + 16, swapped->begin() + 24, swapped->begin() + 24);
  EXPECT_FALSE(WordClusters::FromSection(*swapped, swapped).ok());
}

TEST(WordClusters, TravelInsideTheNerModel) {
  WordClusters b;
  ASSERT_TRUE(b.AddText("smith\t1 1 1\njones\t1 1 1\nkabul\t2 2 2\n").ok());
  auto bytes = std::make_shared<std::string>(b.Serialize());
  std::unique_ptr<WordClusters> c = WordClusters::FromSection(*bytes, bytes).value();
  std::vector<Sentence> train;
  for (const char* text : {"Smith went to Kabul", "Jones left Kabul", "Smith and Jones"}) {
    train.push_back(testing::Words(text));
    for (Token& t : train.back().tokens)
      SetNerLabel(&t, t.form == "Kabul" ? "B-LOC" : t.form == "Smith" || t.form == "Jones" ? "B-PER" : "O");
  }
  TrainOptions o;
  o.epochs = 3;
  o.log2_buckets = 10;
  Result<std::string> model = TrainNer(train, {}, nullptr, o, nullptr, c.get());
  ASSERT_TRUE(model.ok()) << model.status().message();
  Model m = Model::FromBytes(*model).value();
  EXPECT_EQ(m.Hyper("features"), "ner-v4");
  ASSERT_TRUE(m.Section("clusters").ok());
  EXPECT_EQ(std::string(*m.Section("clusters")), *bytes);
  Result<NerTagger> ner = NerTagger::FromModel(std::move(m));
  ASSERT_TRUE(ner.ok()) << ner.status().message();
  EXPECT_EQ(ner->Labels(testing::Words("Jones went to Kabul"))[3], "B-LOC");
}

}  // namespace
}  // namespace sitrep
