#include "sitrep/pipeline/progress.h"

#include <algorithm>
#include <cmath>

namespace sitrep {
namespace {

double Rate(const ProgressCounts& c, double seconds) {
  return seconds > 0 ? static_cast<double>(c.done) / seconds : 0;
}

bool TotalKnown(const ProgressCounts& c) { return c.total > 0 && c.total >= c.done; }

std::string Format(const char* fmt, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

// " ETA m:ss" when the total is known and a rate measured; "" otherwise.
std::string Eta(const ProgressCounts& c, double seconds) {
  double rate = Rate(c, seconds);
  if (!TotalKnown(c) || rate <= 0) return "";
  return FormatDuration(static_cast<double>(c.total - c.done) / rate);
}

}  // namespace

std::string FormatDuration(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  if (s >= 3600) return Format("%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return Format("%ld:%02ld", s / 60, s % 60);
}

std::string ProgressBarLine(const ProgressCounts& c, double seconds, int width) {
  width = std::max(width, 1);
  std::string line = "[";
  if (TotalKnown(c)) {
    int filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(c.done) /
                                  static_cast<double>(c.total));
    line += std::string(filled, '=') + std::string(width - filled, ' ');
    line += Format("] %zu/%zu articles", c.done, c.total);
  } else {
    line += std::string(width, '?') + Format("] %zu articles", c.done);
  }
  line += Format("  %.1f articles/s", Rate(c, seconds));
  std::string eta = Eta(c, seconds);
  if (!eta.empty()) line += "  ETA " + eta;
  return line;
}

std::string ProgressLogLine(const ProgressCounts& c, double seconds) {
  std::string line = TotalKnown(c) ? Format("sitrep: ingest: %zu/%zu articles", c.done, c.total)
                                   : Format("sitrep: ingest: %zu articles", c.done);
  line += Format(" (%d new, %d unchanged, %d replaced), %.1f articles/s", c.added, c.unchanged,
                 c.replaced, Rate(c, seconds));
  std::string eta = Eta(c, seconds);
  if (!eta.empty()) line += ", ETA " + eta;
  return line;
}

ProgressReporter::ProgressReporter(std::FILE* out, bool terminal, double min_interval_s)
    : out_(out), terminal_(terminal), min_interval_s_(min_interval_s),
      start_(std::chrono::steady_clock::now()) {}

double ProgressReporter::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressReporter::Update(const ProgressCounts& c) {
  double now = Elapsed();
  if (terminal_) {
    if (last_draw_ >= 0 && now - last_draw_ < min_interval_s_) return;
    last_draw_ = now;
    // \r to the line start, \x1b[K clears what a longer previous line left.
    std::fprintf(out_, "\r%s\x1b[K", ProgressBarLine(c, now).c_str());
  } else {
    std::fprintf(out_, "%s\n", ProgressLogLine(c, now).c_str());
  }
  std::fflush(out_);
}

void ProgressReporter::Finish(const ProgressCounts& c) {
  if (!terminal_) return;
  std::fprintf(out_, "\r%s\x1b[K\n", ProgressBarLine(c, Elapsed()).c_str());
  std::fflush(out_);
}

}  // namespace sitrep
