// Test helper: one event extractor per test process over the repository's data/ (actors and
// lexicons; no compiled gazetteer), so extraction tests do not depend on the set-up step.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/base/date.h"
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

// The events of `text` read as one article "t.txt" published on 12 March 2021 (the note
// sentences of the type tests say "On 11 March 2021").
inline std::vector<Event> ExtractText(const std::string& text) {
  Document d;
  d.id = "t.txt";
  d.text = text;
  d.published = DateInterval{DaysFromCivil(2021, 3, 12), DaysFromCivil(2021, 3, 12),
                             DatePrecision::kDay};
  return TestExtractor().Extract(d);
}

// Typed events of the text that are news of the day (not background).
inline std::vector<Event> News(const std::string& text) {
  std::vector<Event> out;
  for (auto& e : ExtractText(text)) {
    if (!e.event_type.empty() && !e.historical) out.push_back(std::move(e));
  }
  return out;
}

// A table row of the counting tests: a text and how many typed events of the day it tells.
struct CountCase {
  const char* text;
  size_t news;
};

// A table row of the type tests: a text and the ACLED types wanted for it.
struct TypeCase {
  const char* text;
  const char* event_type;
  const char* sub_event_type;
};

// "type / sub-type" of the text's first typed event (the one its first trigger opens), or
// "(none)".
inline std::string FirstTyped(const std::string& text) {
  for (const Event& e : ExtractText(text)) {
    if (!e.event_type.empty()) return e.event_type + " / " + e.sub_event_type;
  }
  return "(none)";
}

// Expects the row's types for the first typed event of its text.
inline void ExpectFirst(const TypeCase& c) {
  EXPECT_EQ(FirstTyped(c.text), std::string(c.event_type) + " / " + c.sub_event_type) << c.text;
}

}  // namespace sitrep::testing
