// Runs the built sitrep binary: one warning line per failed input, the others still printed,
// exit status 1.
#include <gtest/gtest.h>


#include "test_files.h"

namespace sitrep {
namespace {

using testing::CommandResult;
using testing::RunCommand;

TEST(ReaderCliTest, BadInputsWarnOnceEachAndOthersArePrinted) {
  testing::TempDir dir;
  dir.Write("1_good.txt", "A headline for the good one\n\nBAGHDAD \xE2\x80\x93 A long enough paragraph follows here to be the body of it.\n");
  dir.Write("2_binary.txt", std::string("\x7f""ELF\0\0\0", 7));
  dir.Write("3_empty.txt", "");
  dir.Write("4_cut.txt.gz", testing::GzipBytes("Some words that are cut off.").substr(0, 15));
  dir.Write("5_good.txt", "Second good article body sentence, said officials.\n");
  dir.Write("6_notes.md", "# not an article");
  CommandResult out = RunCommand(std::string(SITREP_BINARY) + " docs " + dir.path() + " 2>/dev/null");
  CommandResult err = RunCommand(std::string(SITREP_BINARY) + " docs " + dir.path() + " 2>&1 >/dev/null");
  EXPECT_EQ(out.status, 1);
  EXPECT_NE(out.out.find("\"doc\":\"1_good.txt\""), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("\"doc\":\"5_good.txt\""), std::string::npos) << out.out;
  int warnings = 0;
  size_t pos = 0;
  while ((pos = err.out.find("sitrep: warning: ", pos)) != std::string::npos) ++warnings, ++pos;
  EXPECT_EQ(warnings, 4) << err.out;  // three bad inputs + one skipped-files notice
  EXPECT_NE(err.out.find("2_binary.txt: byte 4: NUL byte"), std::string::npos) << err.out;
  EXPECT_NE(err.out.find("3_empty.txt: empty file"), std::string::npos) << err.out;
  EXPECT_NE(err.out.find("4_cut.txt.gz: gzip stream truncated at byte"), std::string::npos) << err.out;
  EXPECT_NE(err.out.find("skipped 1 file(s)"), std::string::npos) << err.out;
}

}  // namespace
}  // namespace sitrep
