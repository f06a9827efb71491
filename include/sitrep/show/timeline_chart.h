// The timeline as small inline SVG bar charts: one chart on a true time axis (bins of one day,
// or of N days when the period is longer than 180 days) whose bars count the day-dated events,
// with the window-dated events drawn beneath as light spans over their windows; a <title>
// tooltip on each bar and span. And a tiny bar for one group, beside its heading.
// Deterministic; text escaped.
#pragma once

#include <string>
#include <vector>

#include "sitrep/show/report_model.h"

namespace sitrep::show {

// "" when no group is dated. 800 px wide.
std::string TimelineChartSvg(const std::vector<TimelineGroup>& groups);

// A bar of `events` (out of `max_events`) and a second of killed (out of `max_killed`).
std::string GroupBarSvg(const TimelineGroup& g, int max_events, int64_t max_killed);

}  // namespace sitrep::show
