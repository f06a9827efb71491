// Progress of a long run over articles. On a terminal: one bar redrawn in place with the count,
// articles/s and ETA (throttled); otherwise one plain log line per update, for logs and pipes.
// The line formats are pure functions of the counts and the elapsed seconds (tested).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace sitrep {

struct ProgressCounts {
  size_t done = 0;
  size_t total = 0;  // expected articles; 0 or < done = unknown (no ETA)
  int added = 0, unchanged = 0, replaced = 0;
};

// "[=====     ] 512/1000 articles  25.6 articles/s  ETA 0:19" (no ETA when the total is unknown).
std::string ProgressBarLine(const ProgressCounts& c, double seconds, int width = 30);
// "sitrep: ingest: 512/1000 articles (500 new, 12 unchanged, 0 replaced), 25.6 articles/s,
// ETA 0:19" ("512 articles" and no ETA when the total is unknown).
std::string ProgressLogLine(const ProgressCounts& c, double seconds);
// Seconds as "m:ss", or "h:mm:ss" from one hour.
std::string FormatDuration(double seconds);

class ProgressReporter {
 public:
  // `out` is borrowed; `terminal` chooses the bar (callers pass isatty(fileno(out))).
  ProgressReporter(std::FILE* out, bool terminal, double min_interval_s = 0.25);
  // Shows the counts (a bar at most every min_interval_s; a log line each call off a terminal).
  void Update(const ProgressCounts& c);
  // Final bar with a newline on a terminal; nothing otherwise (the caller prints its summary).
  void Finish(const ProgressCounts& c);
  bool terminal() const { return terminal_; }

 private:
  double Elapsed() const;

  std::FILE* out_;
  bool terminal_;
  double min_interval_s_;
  double last_draw_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace sitrep
