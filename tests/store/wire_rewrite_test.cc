// Our own articles (examples/wire-rewrite): one wire story, two sites' light rewrites of it and
// one independent report of the same bombing -> one event with 2 independent sources, not 4.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "store_test_util.h"

namespace sitrep {
namespace {

TEST(WireRewriteTest, CopiesCountAsOneOrigin) {
  const std::string bin = SITREP_BINARY;
  if (!std::filesystem::exists(bin)) GTEST_SKIP() << "build the sitrep target first: " << bin;
  testing_store::TempDb tmp;
  const std::string db = tmp.path();
  const std::string examples = std::string(SITREP_SOURCE_DIR) + "/examples/wire-rewrite";
  ASSERT_EQ(std::system((bin + " ingest " + examples + " --db " + db + " >/dev/null 2>&1").c_str()), 0);
  const std::string out = tmp.path("ev.jsonl");
  ASSERT_EQ(std::system((bin + " events --format jsonl --db " + db + " > " + out).c_str()), 0);
  std::ifstream in(out);
  std::string line;
  int found = 0;
  while (std::getline(in, line)) {
    nlohmann::json e = nlohmann::json::parse(line);
    std::set<std::string> docs;
    for (const auto& s : e["sources"]) docs.insert(s["doc"].get<std::string>());
    if (!docs.count("01_wire-ap.txt")) continue;
    ++found;
    EXPECT_EQ(docs.size(), 4u) << line;  // every article reports it
    EXPECT_EQ(e["independent_sources"].get<int>(), 2) << line;
  }
  EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace sitrep
