// Articles with hand-built events for store tests, and a canonical dump of a database's events.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "../fuse/fuse_test_util.h"
#include "sitrep/store/event_codec.h"
#include "sitrep/store/event_store.h"

namespace sitrep::testing_store {

inline AnalysedArticle Article(const std::string& id, const std::string& text,
                               std::vector<Report> reports, std::vector<std::string> credits = {}) {
  AnalysedArticle a;
  a.doc.id = id;
  a.doc.raw = text;
  a.doc.text = text;
  a.doc.wire_credits = std::move(credits);
  for (Report& r : reports) {
    for (EventSource& s : r.event.sources) s.doc = id;
    a.events.push_back(std::move(r.event));
  }
  return a;
}

// Every event as its stored JSON, in id order: equal dumps = equal databases (for events).
inline std::string DumpEvents(EventStore& store) {
  Result<std::vector<Event>> events = store.Events(EventFilter{});
  EXPECT_TRUE(events.ok()) << events.status().message();
  std::vector<std::string> lines;
  for (const Event& e : *events) lines.push_back(EncodeEvent(e));
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class TempDb {
 public:
  TempDb() {
    static int n = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep_store_test_" + std::to_string(getpid()) + "_" + std::to_string(n++));
    std::filesystem::create_directories(dir_);
  }
  ~TempDb() { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name = "t.db") const { return (dir_ / name).string(); }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

}  // namespace sitrep::testing_store
