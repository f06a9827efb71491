// The five seed articles in ../shared against gold/seeds.docs.jsonl: titles, explicit dates,
// every gold boilerplate line gone, and every body line still in the clean text verbatim.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sitrep/ingest/clean.h"
#include "sitrep/ingest/lexicon.h"
#include "sitrep/ingest/text_date.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Whitespace (and U+00A0) collapsed, as the clean text has it.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\r';
    if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      sp = true;
      ++i;
    }
    if (sp) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(s[i]);
  }
  return out;
}

// As eval/score.py compares titles: curly quotes straightened, outer quotes dropped, case folded.
std::string NormTitle(std::string t) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"\xE2\x80\x9C", "\""},
                          {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}}) {
    for (size_t at; (at = t.find(from)) != std::string::npos;) t.replace(at, from.size(), to);
  }
  t = Collapse(t);
  while (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.erase(0, 1);
  while (!t.empty() && (t.back() == '"' || t.back() == '\'')) t.pop_back();
  return NormalizeCue(t);
}

class SeedsGoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(SITREP_SHARED_DIR) / "seeds";
    gold_ = fs::path(SITREP_SHARED_DIR) / "gold" / "seeds.docs.jsonl";
    if (!fs::exists(dir_) || !fs::exists(gold_)) GTEST_SKIP() << "no shared seeds";
  }
  fs::path dir_, gold_;
};

TEST_F(SeedsGoldenTest, TitlesDatesBoilerplateAndBody) {
  std::ifstream gold(gold_);
  std::string line;
  int seeds = 0;
  while (std::getline(gold, line)) {
    if (line.empty()) continue;
    auto g = nlohmann::json::parse(line);
    std::string file = g["file"];
    SCOPED_TRACE(file);
    ++seeds;
    RawInput in;
    in.id = file;
    in.origin = (dir_ / file).string();
    in.bytes = ReadAll(dir_ / file);
    auto doc = BuildDocument(in, {});
    ASSERT_TRUE(doc.ok()) << doc.status().message();

    if (!g["title"].is_null()) EXPECT_EQ(NormTitle(doc->title), NormTitle(g["title"]));
    std::string evidence = g.value("date_evidence", "");
    if (evidence.rfind("explicit", 0) == 0) {
      ASSERT_TRUE(doc->published.known());
      EXPECT_EQ(FormatIsoDate(doc->published.earliest), g["published"].get<std::string>());
    }

    // The clean text's blocks, one per paragraph.
    std::vector<std::string> blocks;
    for (const auto& b : doc->blocks) blocks.push_back(doc->text.substr(b.begin, b.end - b.begin));
    std::vector<std::string> junk;
    for (const auto& b : g["boilerplate"]) junk.push_back(Collapse(b.get<std::string>()));
    for (const auto& j : junk) {
      for (const auto& b : blocks) EXPECT_NE(b, j) << "boilerplate kept: " << j;
    }

    std::istringstream raw(in.bytes);
    std::string seed_line;
    bool first = true;
    while (std::getline(raw, seed_line)) {
      std::string l = Collapse(seed_line);
      if (l.empty()) continue;
      bool is_title = first && NormTitle(l) == NormTitle(doc->title);
      first = false;
      if (is_title || std::find(junk.begin(), junk.end(), l) != junk.end()) continue;
      bool metadata = false;
      for (const auto& r : doc->removed) {
        if (r.text == l && r.reason == "metadata") metadata = true;
      }
      if (metadata) {
        // Only short lines with a date or a byline may be taken as metadata.
        EXPECT_TRUE(l.size() < 80 && (FindTextDate(l) || l.rfind("By ", 0) == 0)) << l;
        continue;
      }
      EXPECT_NE(doc->text.find(l), std::string::npos) << "body line lost: " << l;
    }
  }
  EXPECT_EQ(seeds, 5);
}

}  // namespace
}  // namespace sitrep
