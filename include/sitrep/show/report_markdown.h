// The situation report as Markdown: briefing (counts, fatality totals, key events), timeline
// (a dated list), an area table (in place of the map) and the items left out. Every text that
// comes from articles or the command line is escaped (escape.h). Deterministic.
#pragma once

#include <string>

#include "sitrep/show/report_model.h"

namespace sitrep::show {

std::string RenderMarkdown(const ReportModel& model);

}  // namespace sitrep::show
