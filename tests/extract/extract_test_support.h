// Test helper: one event extractor per test process over the repository's data/ (actors and
// lexicons; no compiled gazetteer), so extraction tests do not depend on the set-up step.
#pragma once

#include <cstdlib>
#include <memory>

#include <gtest/gtest.h>

#include "sitrep/extract/extractor.h"

namespace sitrep::testing {

inline const EventExtractor& TestExtractor() {
  static std::unique_ptr<EventExtractor> ex = [] {
    setenv("SITREP_DATA_DIR", SITREP_SOURCE_DIR "/data", 1);
    ExtractorConfig config;
    config.data_dir = SITREP_SOURCE_DIR "/data";
    auto r = EventExtractor::Create(config);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(*r) : nullptr;
  }();
  return *ex;
}

}  // namespace sitrep::testing
