// `sitrep analyze FILE --format conllu` runs the committed tagger, parser and NER over the
// article's own sentences and tokens; an explicit --models folder without models is an error.
#include <gtest/gtest.h>

#include <filesystem>

#include "../ingest/test_files.h"

namespace sitrep {
namespace {

using testing::CommandResult;
using testing::RunCommand;

const std::string kModels = std::string(SITREP_SOURCE_DIR) + "/models";

TEST(AnalyzeConlluCliTest, FillsTagsArcsAndNames) {
  if (!std::filesystem::exists(kModels + "/pos.model")) GTEST_SKIP() << "no models";
  testing::TempDir dir;
  const std::string file = dir.Write(
      "wire.txt", "Strike in Baghdad\n\nA U.S. drone strike killed two militia commanders in "
                  "Baghdad on Thursday, officials said.\n");
  CommandResult r =
      RunCommand(std::string(SITREP_BINARY) + " analyze " + file + " --format conllu --models " + kModels);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("# newdoc id = "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tkilled\t_\tVERB\t_\t_\t0\troot\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tcommanders\t_\tNOUN\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tobj\t_\tNER=O\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tBaghdad\t_\tPROPN\t_\t_\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("NER=B-LOC"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tThursday\t_\tPROPN\t_\t_\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SpaceAfter=No|NER=O\n"), std::string::npos) << r.out;  // "Thursday,"
}

TEST(AnalyzeConlluCliTest, AMissingModelsFolderIsAnError) {
  testing::TempDir dir;
  const std::string file = dir.Write("wire.txt", "Rebels attacked the town, the army said.\n");
  CommandResult r = RunCommand(std::string(SITREP_BINARY) + " analyze " + file +
                        " --format conllu --models " + dir.path() + "/none 2>&1");
  EXPECT_NE(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("no pos.model"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sitrep
