// Case classes of words learned from unlabelled text (LearnCaseWords): a table of sentences we
// wrote, the thresholds, headline lines skipped, and the classes read back by the lexicon.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/model/ner_lexicon.h"

namespace sitrep {
namespace {

std::vector<std::string> Split(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The class written for `word` ("" when none).
std::string ClassOf(const std::string& lines, const std::string& word) {
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos && line.substr(tab + 1) == word) return line.substr(0, tab);
  }
  return "";
}

TEST(CaseWords, ClassesFromCasingInsideSentences) {
  std::vector<std::vector<std::string>> text;
  for (int k = 0; k < 6; ++k) {
    text.push_back(Split("we met the Mayor of Springfield at the depot today"));
    text.push_back(Split("the depot in Springfield was closed and the mayor left"));
    text.push_back(Split("Depot workers said the mayor would come back"));  // first word: ignored
  }
  CaseWordOptions options;
  const std::string lines = LearnCaseWords(text, options);
  const std::pair<const char*, const char*> cases[] = {
      {"springfield", "cap_always"},  // capitalised every time it is not first
      {"mayor", "cap_often"},         // 6 of 18
      {"depot", "lower_word"},        // the sentence-initial "Depot" does not count
      {"the", "lower_word"},
      {"we", ""},                     // only ever first
      {"of", "lower_word"},
  };
  for (const auto& [word, want] : cases) EXPECT_EQ(ClassOf(lines, word), want) << word;
}

TEST(CaseWords, RareWordsAndHeadlinesGiveNothing) {
  std::vector<std::vector<std::string>> text = {
      Split("a visit to Acme today"), Split("a visit to Acme today"),
      Split("THE VISIT TO ACME TODAY IS OFF"),        // all caps: skipped
      Split("Big Visit To Acme Planned For Monday"),  // headline casing: skipped
  };
  CaseWordOptions options;  // min_count 5
  EXPECT_EQ(LearnCaseWords(text, options), "");
  options.min_count = 2;
  const std::string lines = LearnCaseWords(text, options);
  EXPECT_EQ(ClassOf(lines, "acme"), "cap_always");
  EXPECT_EQ(ClassOf(lines, "visit"), "lower_word");  // the headline's "Visit" did not count
}

TEST(CaseWords, LinesAreLexiconLines) {
  std::vector<std::vector<std::string>> text(5, Split("they flew to Chicago on monday"));
  CaseWordOptions options;
  const std::string lines = LearnCaseWords(text, options);
  NerLexicon lex;
  ASSERT_TRUE(lex.AddText(lines).ok());
  auto bytes = std::make_shared<std::string>(lex.Serialize());
  Result<std::unique_ptr<NerLexicon>> l = NerLexicon::FromSection(*bytes, bytes);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ((*l)->Classes("chicago"), 1u << kLexCapAlways);
  EXPECT_EQ((*l)->Classes("monday"), 1u << kLexLowerWord);
  EXPECT_EQ(LearnCaseWords(text, options), lines);  // deterministic
}

// `sitrep clusters --text FILE --case-words OUT` reads plain text a line at a time.
TEST(CaseWords, CommandReadsPlainText) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("sitrep-casewords-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream text(dir / "text.txt");
    for (int k = 0; k < 5; ++k) text << "They flew to Chicago on monday.\n\nPRICES FELL IN CHICAGO\n";
  }
  const std::string cmd = std::string(SITREP_BINARY) + " clusters --text " + (dir / "text.txt").string() +
                          " --case-words " + (dir / "case.tsv").string() + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(dir / "case.tsv");
  std::stringstream lines;
  lines << in.rdbuf();
  EXPECT_EQ(ClassOf(lines.str(), "chicago"), "cap_always");  // the all-caps lines do not count
  EXPECT_EQ(ClassOf(lines.str(), "monday"), "lower_word");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
