// The report's map: an inline SVG of event points on an equirectangular projection (longitude
// scaled by the cosine of the middle latitude) fitted to the points' bounding box with a
// margin; circle area grows with the best fatality figure; each circle has a <title> tooltip
// with the event summary; key events are labelled with their rank (one label for key events
// drawn at the same spot: "3,4"). Country outlines are drawn
// beneath when given (rings outside the view are skipped). All text escaped. Deterministic.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sitrep/extract/event.h"
#include "sitrep/show/report_model.h"
#include "sitrep/show/world_outlines.h"

namespace sitrep::show {

struct MapView {
  double min_lon = 0, max_lon = 0, min_lat = 0, max_lat = 0;  // degrees, margin included
  double width = 0, height = 0;                                // pixels
};

// The view fitted to the points (events with coordinates): a margin of 10% of the span and at
// least 0.5 degrees on each side, the aspect (height:width) kept between 0.4 and 1. Width 800 px.
MapView FitView(const std::vector<const Event*>& points);

// Radius in pixels for an event: 4 without a fatality figure, else 4 + 2.5 * sqrt(best),
// capped at 30.
double CircleRadius(const Event& e);

// The SVG element ("" when no point has coordinates). `ranks` numbers the key events.
std::string SvgMap(const std::vector<const Event*>& points, const std::map<const Event*, int>& ranks,
                   const WorldOutlines* outlines, const CountryNamer& namer);

}  // namespace sitrep::show
