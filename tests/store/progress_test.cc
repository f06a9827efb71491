// The progress lines of `sitrep ingest`: the plain log line written off a terminal (one per
// batch, for logs and pipes) and the terminal bar, as pure functions of counts and seconds.
#include "sitrep/pipeline/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace sitrep {
namespace {

TEST(ProgressTest, LogLineTable) {
  struct Case {
    ProgressCounts c;
    double secs;
    const char* want;
  };
  const Case cases[] = {
      {{512, 1000, 500, 12, 0}, 20, "sitrep: ingest: 512/1000 articles (500 new, 12 unchanged, 0 replaced), 25.6 articles/s, ETA 0:19"},
      {{256, 0, 256, 0, 0}, 10, "sitrep: ingest: 256 articles (256 new, 0 unchanged, 0 replaced), 25.6 articles/s"},
      {{300, 200, 300, 0, 0}, 10, "sitrep: ingest: 300 articles (300 new, 0 unchanged, 0 replaced), 30.0 articles/s"},
      {{0, 100, 0, 0, 0}, 0, "sitrep: ingest: 0/100 articles (0 new, 0 unchanged, 0 replaced), 0.0 articles/s"},
      {{100, 100, 90, 5, 5}, 4, "sitrep: ingest: 100/100 articles (90 new, 5 unchanged, 5 replaced), 25.0 articles/s, ETA 0:00"},
      {{10, 100000, 10, 0, 0}, 1, "sitrep: ingest: 10/100000 articles (10 new, 0 unchanged, 0 replaced), 10.0 articles/s, ETA 2:46:39"},
  };
  for (const Case& t : cases) EXPECT_EQ(ProgressLogLine(t.c, t.secs), t.want);
}

TEST(ProgressTest, BarLineTable) {
  struct Case {
    ProgressCounts c;
    double secs;
    int width;
    const char* want;
  };
  const Case cases[] = {
      {{5, 10, 5, 0, 0}, 5, 10, "[=====     ] 5/10 articles  1.0 articles/s  ETA 0:05"},
      {{10, 10, 10, 0, 0}, 5, 4, "[====] 10/10 articles  2.0 articles/s  ETA 0:00"},
      {{3, 0, 3, 0, 0}, 1, 4, "[????] 3 articles  3.0 articles/s"},
      {{0, 10, 0, 0, 0}, 0, 4, "[    ] 0/10 articles  0.0 articles/s"},
  };
  for (const Case& t : cases) EXPECT_EQ(ProgressBarLine(t.c, t.secs, t.width), t.want);
}

TEST(ProgressTest, DurationTable) {
  const std::pair<double, const char*> cases[] = {
      {0, "0:00"}, {59.4, "0:59"}, {61, "1:01"}, {3599, "59:59"}, {3600, "1:00:00"},
      {-3, "0:00"}, {90061, "25:01:01"}};
  for (const auto& [secs, want] : cases) EXPECT_EQ(FormatDuration(secs), want) << secs;
}

// Off a terminal every update is its own line (no carriage returns, no escape codes), and
// Finish adds nothing; on a terminal updates redraw one line and Finish ends it.
TEST(ProgressTest, ReporterWritesLinesOffATerminalAndABarOnOne) {
  for (bool terminal : {false, true}) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    {
      ProgressReporter r(f, terminal, /*min_interval_s=*/0);
      r.Update({256, 512, 256, 0, 0});
      r.Update({512, 512, 512, 0, 0});
      r.Finish({512, 512, 512, 0, 0});
    }
    std::rewind(f);
    std::string text;
    char buf[512];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
    size_t lines = 0, returns = 0;
    for (char c : text) {
      lines += c == '\n';
      returns += c == '\r';
    }
    if (terminal) {
      EXPECT_EQ(lines, 1u) << text;
      EXPECT_EQ(returns, 3u) << text;
    } else {
      EXPECT_EQ(lines, 2u) << text;
      EXPECT_EQ(returns, 0u) << text;
      EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
      EXPECT_EQ(text.rfind("sitrep: ingest: 256/512 articles (256 new, 0 unchanged, 0 replaced)", 0),
                0u) << text;
    }
  }
}

}  // namespace
}  // namespace sitrep
