#include "sitrep/show/timeline_chart.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "sitrep/show/escape.h"
#include "sitrep/show/report_text.h"

namespace sitrep::show {
namespace {

constexpr double kWidth = 800, kLeft = 20, kPlot = 760, kBarsH = 70, kTop = 14;
constexpr int64_t kMaxBins = 180;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Text(double x, double y, const std::string& anchor, const std::string& text) {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor + "\">" +
         EscapeHtml(text) + "</text>\n";
}

struct Bin {
  int events = 0;
  int64_t killed = 0;
};

}  // namespace

std::string TimelineChartSvg(const std::vector<TimelineGroup>& groups) {
  int64_t first = 0, last = 0;
  bool any = false;
  for (const TimelineGroup& g : groups) {
    if (!g.known) continue;
    first = any ? std::min(first, g.earliest) : g.earliest;
    last = any ? std::max(last, g.latest) : g.latest;
    any = true;
  }
  if (!any) return "";
  const int64_t span = last - first + 1;
  const int64_t bin_days = (span + kMaxBins - 1) / kMaxBins;
  const int64_t bins = (span + bin_days - 1) / bin_days;
  const double day_px = kPlot / static_cast<double>(bins * bin_days);
  std::map<int64_t, Bin> day_bins;  // bin index -> day-dated events
  std::vector<const TimelineGroup*> windows;
  int max_events = 1;
  for (const TimelineGroup& g : groups) {
    if (!g.known) continue;
    if (g.precision != "day") {
      windows.push_back(&g);
      continue;
    }
    Bin& b = day_bins[(g.earliest - first) / bin_days];
    b.events += static_cast<int>(g.events.size());
    b.killed += g.killed_at_least;
    max_events = std::max(max_events, b.events);
  }
  const double window_row = 7;
  const double windows_h = windows.empty() ? 0 : 6 + window_row * static_cast<double>(std::min<size_t>(windows.size(), 8));
  const double axis_y = kTop + kBarsH;
  const double height = axis_y + windows_h + 16;
  const std::string unit = bin_days == 1 ? "day" : std::to_string(bin_days) + " days";
  std::string s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                  Num(kWidth) + " " + Num(height) + "\" width=\"" + Num(kWidth) + "\" height=\"" +
                  Num(height) + "\" role=\"img\" aria-label=\"Events per " + unit + "\">\n";
  s += "<g font-size=\"10\" font-family=\"sans-serif\" fill=\"#333\">\n";
  s += Text(kLeft, 10, "start", "events per " + unit + " (highest bar: " + std::to_string(max_events) +
                                    ")" + (windows.empty() ? "" : "; light spans: events dated only to a window"));
  s += "</g>\n";
  const double bar_w = std::max(1.0, day_px * static_cast<double>(bin_days) - (day_px * bin_days >= 6 ? 1 : 0));
  for (const auto& [index, b] : day_bins) {
    const double h = kBarsH * b.events / max_events;
    const int64_t from = first + index * bin_days, to = std::min(last, from + bin_days - 1);
    const std::string tip = WindowWords(from, to) + ": " + std::to_string(b.events) +
                            (b.events == 1 ? " event" : " events") + ", at least " +
                            std::to_string(b.killed) + " killed";
    s += "<rect x=\"" + Num(kLeft + day_px * static_cast<double>(index * bin_days)) + "\" y=\"" +
         Num(axis_y - h) + "\" width=\"" + Num(bar_w) + "\" height=\"" + Num(h) +
         "\" fill=\"#2c6e91\"><title>" + EscapeHtml(tip) + "</title></rect>\n";
  }
  // Window-dated events: one light span per window, stacked in up to 8 rows.
  for (size_t i = 0; i < windows.size(); ++i) {
    const TimelineGroup& g = *windows[i];
    const double y = axis_y + 4 + window_row * static_cast<double>(i % 8);
    const std::string tip = WindowWords(g.earliest, g.latest) + " (" + g.precision + " window): " +
                            std::to_string(g.events.size()) +
                            (g.events.size() == 1 ? " event" : " events");
    s += "<rect x=\"" + Num(kLeft + day_px * static_cast<double>(g.earliest - first)) + "\" y=\"" +
         Num(y) + "\" width=\"" + Num(std::max(1.0, day_px * static_cast<double>(g.latest - g.earliest + 1))) +
         "\" height=\"5\" fill=\"#9fb8c8\"><title>" + EscapeHtml(tip) + "</title></rect>\n";
  }
  s += "<line x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kLeft + kPlot) + "\" y1=\"" + Num(axis_y) +
       "\" y2=\"" + Num(axis_y) + "\" stroke=\"#444\"/>\n";
  s += "<g font-size=\"10\" font-family=\"sans-serif\" fill=\"#333\">\n";
  s += Text(kLeft, height - 3, "start", FormatIsoDate(first));
  if (last != first) s += Text(kLeft + kPlot, height - 3, "end", FormatIsoDate(last));
  s += "</g>\n</svg>";
  return s;
}

std::string GroupBarSvg(const TimelineGroup& g, int max_events, int64_t max_killed) {
  const double ew = 120.0 * static_cast<double>(g.events.size()) / std::max(1, max_events);
  const double kw = max_killed > 0 ? 120.0 * static_cast<double>(g.killed_at_least) /
                                         static_cast<double>(max_killed)
                                   : 0;
  return "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"124\" height=\"12\" "
         "viewBox=\"0 0 124 12\" aria-hidden=\"true\"><rect x=\"0\" y=\"0\" width=\"" + Num(ew) +
         "\" height=\"5\" fill=\"#2c6e91\"/><rect x=\"0\" y=\"7\" width=\"" + Num(kw) +
         "\" height=\"5\" fill=\"#c0392b\"/></svg>";
}

}  // namespace sitrep::show
