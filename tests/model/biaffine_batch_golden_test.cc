// The committed biaffine parser on UD EWT test (predicted POS): ParseAll over groups of
// sentences gives every sentence the heads and labels Parse gives it alone, and the heads are
// those of Eisner decoding over BiaffineNet::Forward's scores (the one-sentence network).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "model/biaffine_decode.h"
#include "model/nn/layers.h"
#include "sitrep/model/analyzer.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";
const std::string kUd = std::string(SITREP_SHARED_DIR) + "/data/ud/en_ewt-ud-test.conllu";

// Heads from the unbatched network's arc scores, decoded as Parse decodes them.
std::vector<int> ReferenceHeads(const BiaffineParser& parser, const Sentence& s) {
  std::vector<float> arcs = parser.ArcScores(s);
  const int n = static_cast<int>(s.tokens.size()), m = n + 1;
  std::vector<float> scores(arcs.size(), 0.f);
  for (int d = 1; d <= n; ++d) {
    float* r = arcs.data() + static_cast<size_t>(d) * m;
    r[d] = -std::numeric_limits<float>::infinity();
    nn::LogSoftmax(r, m);
    for (int h = 0; h < m; ++h) scores[static_cast<size_t>(d) * m + h] = h == d ? -1e9f : r[h];
  }
  return EisnerDecode(scores, n);
}

TEST(BiaffineBatchOnEwt, ParseAllEqualsParseAndTheUnbatchedNetwork) {
  if (!std::filesystem::exists(kUd)) GTEST_SKIP() << "no shared data";
  Result<Analyzer> a = Analyzer::Load(kModels);
  ASSERT_TRUE(a.ok()) << a.status().message();
  if (!a->biaffine()) GTEST_SKIP() << "parse.model is not a biaffine parser";
  const BiaffineParser& parser = *a->biaffine();
  std::vector<Sentence> tagged = ReadConlluFile(kUd).value();
  for (Sentence& s : tagged) a->tagger().Tag(&s);
  std::vector<Sentence> single = tagged, groups = tagged, whole = tagged;
  for (Sentence& s : single) parser.Parse(&s);
  for (size_t i = 0; i < groups.size(); i += 16)
    parser.ParseAll(
        std::span<Sentence>(groups).subspan(i, std::min<size_t>(16, groups.size() - i)));
  parser.ParseAll(whole);
  size_t words = 0, differ = 0, differ_reference = 0;
  for (size_t i = 0; i < tagged.size(); ++i) {
    const std::vector<int> reference = ReferenceHeads(parser, tagged[i]);
    for (size_t t = 0; t < tagged[i].tokens.size(); ++t) {
      const Token &a1 = single[i].tokens[t], &b = groups[i].tokens[t], &c = whole[i].tokens[t];
      ++words;
      differ +=
          a1.head != b.head || a1.deprel != b.deprel || a1.head != c.head || a1.deprel != c.deprel;
      differ_reference += a1.head != reference[t + 1];
    }
  }
  EXPECT_GT(words, 20000u);
  EXPECT_EQ(differ, 0u) << "words parsed differently in a batch";
  EXPECT_EQ(differ_reference, 0u) << "heads differing from the unbatched network";
}

}  // namespace
}  // namespace sitrep
