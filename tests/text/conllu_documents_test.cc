// ParseConllu's document boundaries: "# newdoc" starts a document at the next sentence kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/text/conllu.h"

namespace sitrep {
namespace {

constexpr const char* kTwoDocs =
    "# newdoc id = a\n"
    "# sent_id = a-1\n"
    "1\tRebels\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n"
    "# sent_id = a-2\n"
    "1\tTroops\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n"
    "# newdoc id = b\n"
    "\n"
    "# sent_id = b-1\n"
    "1\tPolice\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n";

TEST(ConlluDocumentsTest, NewdocStartsTheNextSentence) {
  std::vector<size_t> starts = {99};  // cleared first
  Result<std::vector<Sentence>> s = ParseConllu(kTwoDocs, "two", &starts);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ(starts, (std::vector<size_t>{0, 2}));
  EXPECT_EQ((*s)[2].id, "b-1");
}

TEST(ConlluDocumentsTest, WithoutNewdocOneDocument) {
  std::vector<size_t> starts;
  Result<std::vector<Sentence>> s =
      ParseConllu("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\n1\tB\t_\t_\t_\t_\t_\t_\t_\t_\n", "plain", &starts);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->size(), 2u);
  EXPECT_EQ(starts, (std::vector<size_t>{0}));
  Result<std::vector<Sentence>> empty = ParseConllu("", "empty", &starts);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(starts.empty());
}

}  // namespace
}  // namespace sitrep
