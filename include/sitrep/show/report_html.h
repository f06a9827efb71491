// The situation report as one self-contained HTML page (inline CSS and SVG, no script, no
// network): briefing with the key events, a map (svg_map.h), the timeline with bar charts
// (timeline_chart.h), an area table and the items left out. Every text from articles or the
// command line is escaped (escape.h). Deterministic for the same model and outlines.
#pragma once

#include <string>

#include "sitrep/show/report_model.h"
#include "sitrep/show/world_outlines.h"

namespace sitrep::show {

// `outlines` may be null: the map then shows the points only.
std::string RenderHtml(const ReportModel& model, const WorldOutlines* outlines);

}  // namespace sitrep::show
