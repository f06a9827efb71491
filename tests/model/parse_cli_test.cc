// `sitrep parse --input conllu`: our UPOS, HEAD, DEPREL and NER= replace the input's columns;
// documents ("# newdoc") are analysed one at a time, so a file gives what its documents give
// alone; malformed input is an error naming the line.
#include <gtest/gtest.h>

#include <filesystem>

#include "../ingest/test_files.h"

namespace sitrep {
namespace {

using testing::CommandResult;
using testing::RunCommand;

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";

// Tokens of `words` (space-separated) as a CoNLL-U sentence with wrong annotations to replace.
std::string Sentence(const std::string& id, const std::string& words) {
  std::string out = "# sent_id = " + id + "\n";
  size_t pos = 0;
  int n = 0;
  while (pos < words.size()) {
    size_t sp = words.find(' ', pos);
    if (sp == std::string::npos) sp = words.size();
    out += std::to_string(++n) + "\t" + words.substr(pos, sp - pos) + "\t_\tSYM\t_\t_\t0\tdep\t_\t_\n";
    pos = sp + 1;
  }
  return out + "\n";
}

TEST(ParseCliTest, DocumentsGiveWhatTheyGiveAlone) {
  if (!std::filesystem::exists(kModels + "/pos.model")) GTEST_SKIP() << "no models";
  testing::TempDir dir;
  const std::string a = "# newdoc id = a\n" +
                        Sentence("a-1", "Rebels attacked the town of Gao on Monday .") +
                        Sentence("a-2", "The army said two soldiers died .");
  const std::string b = "# newdoc id = b\n" + Sentence("b-1", "Police arrested 12 protesters in Nairobi .");
  const std::string cmd = std::string(SITREP_BINARY) + " parse --input conllu --models " + kModels + " ";
  CommandResult both = RunCommand(cmd + dir.Write("ab.conllu", a + b));
  CommandResult only_a = RunCommand(cmd + dir.Write("a.conllu", a));
  CommandResult only_b = RunCommand(cmd + dir.Write("b.conllu", b));
  ASSERT_EQ(both.status, 0) << both.out;
  EXPECT_EQ(both.out, only_a.out + only_b.out);
  EXPECT_EQ(both.out.find("\tSYM\t"), std::string::npos) << both.out;  // input columns replaced
  EXPECT_NE(both.out.find("\tattacked\t_\tVERB\t_\t_\t0\troot\t_\tNER=O\n"), std::string::npos)
      << both.out;
  EXPECT_NE(both.out.find("\tNairobi\t_\tPROPN\t_\t_\t"), std::string::npos) << both.out;
  EXPECT_NE(both.out.find("NER=B-LOC"), std::string::npos) << both.out;
}

TEST(ParseCliTest, MalformedLineIsAnErrorNamingIt) {
  testing::TempDir dir;
  const std::string path = dir.Write("bad.conllu", "1\tRebels\t_\n\n");
  CommandResult r = RunCommand(std::string(SITREP_BINARY) + " parse --input conllu --models " +
                               kModels + " " + path + " 2>&1");
  EXPECT_NE(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("bad.conllu:1"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sitrep
