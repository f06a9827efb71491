// What goes into the situation report: the events of a query turned into a briefing (counts,
// honest fatality totals, ranked key events), a timeline, an area table and map points.
// A pure function of the events: the same events give the same model, so renderers are
// deterministic. Renderers (report_markdown.h, report_html.h) only format it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/extract/event.h"

namespace sitrep::show {

// ISO2 -> country name; "" (or no namer) keeps the code.
using CountryNamer = std::function<std::string(const std::string& iso2)>;

struct ReportOptions {
  std::string title = "Situation report";
  std::string scope;           // the filters applied, in words ("" = the whole database)
  size_t max_key_events = 10;  // key events in the briefing (the rest are in the timeline)
  size_t max_other_items = 20; // background / low-confidence items listed by name
  CountryNamer country_name;
};

// An honest total of a figure over distinct events: `at_least` sums each event's lowest
// report (never two reports of one event); `best` sums the best-supported figures, `highest`
// the highest reports. `events` = events that report the figure at all.
struct FigureTotal {
  int64_t at_least = 0, best = 0, highest = 0;
  int events = 0;
};

struct ReportCounts {
  int events = 0;        // records: ACLED-typed events that are not background-only
  int other_items = 0;   // background-only or low-confidence (no ACLED type) events
  int reports = 0;       // supporting report sentences of the records
  int documents = 0;     // distinct articles among the records' reports
  int independent = 0;   // distinct origins (wire copies and rewrites folded) among them
};

// Why an item is left out of the records.
enum class OtherReason { kBackground, kLowConfidence };

struct OtherItem {
  const Event* event;
  OtherReason reason;
};

// One group of the timeline: a day, or a window (week/month/year or a multi-day range), or
// the undated events (known = false). Events sorted by KeyEventLess.
struct TimelineGroup {
  bool known = true;
  int64_t earliest = 0, latest = 0;
  std::string precision;  // "day" for single days, else the window's precision name
  std::vector<const Event*> events;
  int64_t killed_at_least = 0;
};

struct AreaRow {
  std::string country;  // ISO2 ("" = no place)
  std::string country_name;
  std::string admin1;   // "" = no admin1
  int events = 0;
  int64_t killed_at_least = 0;
  int reports = 0;
};

// Holds pointers into its own `events`: movable (a moved vector keeps its elements), not copyable.
struct ReportModel {
  ReportModel() = default;
  ReportModel(ReportModel&&) = default;
  ReportModel& operator=(ReportModel&&) = default;
  ReportModel(const ReportModel&) = delete;
  ReportModel& operator=(const ReportModel&) = delete;

  ReportOptions options;
  std::vector<Event> events;         // every event given (owned; the pointers below point here)
  bool dated = false;                // some record has a known date
  int64_t period_from = 0, period_to = 0;  // over the records' date ranges
  ReportCounts counts;
  FigureTotal killed, injured;
  std::vector<const Event*> key_events;  // the first max_key_events records by KeyEventLess
  std::vector<const Event*> records;     // every record, by KeyEventLess
  std::vector<OtherItem> others;         // by date, then id
  std::vector<TimelineGroup> timeline;   // by (earliest, latest); undated last
  std::vector<AreaRow> areas;            // by events desc, then country, admin1
  std::vector<const Event*> mapped;      // records with coordinates, by id
};

// The ranking rule of the key events: higher best fatality figure first, then more
// independent sources, then more reports, then higher fatality report, then more injured, then the
// later date (recency), then the id. A strict weak order.
bool KeyEventLess(const Event& a, const Event& b);

// Records are events with an ACLED type that are not historical (background-only); the rest
// are listed as other items. Sorted and counted as the fields above say.
ReportModel BuildReportModel(std::vector<Event> events, const ReportOptions& options);

}  // namespace sitrep::show
