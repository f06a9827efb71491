// Golden: the seeds through the extractor, scored by ../shared/eval/score.py against
// gold/seeds.events.jsonl (skipped when ../shared or python3 is absent). Prints the figures.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "sitrep/extract/event_json.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/pipeline/corpus.h"

namespace sitrep {
namespace {

TEST(SeedsGoldenTest, ScorerFigures) {
  const std::string shared = SITREP_SHARED_DIR;
  if (!std::filesystem::exists(shared + "/seeds") || std::system("python3 --version >/dev/null 2>&1")) {
    GTEST_SKIP() << "../shared or python3 absent";
  }
  auto ex = EventExtractor::Create({SITREP_SOURCE_DIR "/data", ""});
  ASSERT_TRUE(ex.ok()) << ex.status().message();
  std::string out = testing::TempDir() + "/seeds_events.jsonl";
  {
    std::ofstream f(out);
    Status st = ForEachDocument({shared + "/seeds"}, {}, [&](Result<Document> doc) {
      ASSERT_TRUE(doc.ok());
      for (const Event& e : (*ex)->Extract(*doc)) f << EventJson(e).dump() << "\n";
    });
    ASSERT_TRUE(st.ok()) << st.message();
  }
  std::string cmd = "python3 " + shared + "/eval/score.py --json --system " + out + " --gold " +
                    shared + "/gold/seeds.events.jsonl";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  pclose(p);
  auto j = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << text;
  std::printf("seeds: %s\n", j.dump().c_str());
  // Issue 6 targets that are met are asserted; for the others (date_exact >= 0.8, subtype_ok
  // >= 0.85: not yet met, see bench/results/extract.md) the floor measured in session 3.
  EXPECT_GE(j.value("core_recall", 0.0), 0.85);
  EXPECT_GE(j.value("fatalities_ok", 0.0), 0.85);
  EXPECT_GE(j.value("injured_ok", 0.0), 0.85);
  EXPECT_GE(j.value("date_exact", 0.0), 0.7);
  EXPECT_GE(j.value("subtype_ok", 0.0), 0.75);
  // No event dated to 2024 that the gold dates to 2020: S1 (2020-01-03) is told in 2024
  // articles only as background; its pair is dated 2020.
  ASSERT_TRUE(j.contains("matches") && j["matches"].contains("S1")) << text;
  std::string s1 = j["matches"]["S1"].get<std::string>();
  std::ifstream in(out);
  bool found = false;
  for (std::string line; std::getline(in, line);) {
    auto e = nlohmann::json::parse(line, nullptr, false);
    if (e.is_discarded() || e.value("id", "") != s1) continue;
    found = true;
    EXPECT_EQ(e.value("date", "").substr(0, 4), "2020") << line;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace sitrep
