#include "sitrep/show/report_html.h"

#include <algorithm>
#include <map>

#include "sitrep/show/briefing_words.h"
#include "sitrep/show/escape.h"
#include "sitrep/show/report_text.h"
#include "sitrep/show/svg_map.h"
#include "sitrep/show/timeline_chart.h"

namespace sitrep::show {
namespace {

std::string H(const std::string& s) { return EscapeHtml(s); }

constexpr const char* kStyle = R"(<style>
body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
.scope{color:#555}.summary li{margin:.2em 0}
.event{border:1px solid #ddd;border-radius:6px;padding:.6em .9em;margin:.8em 0;background:#fafafa}
.event h3{margin:.1em 0 .4em;font-size:1.05em}.event dl{display:grid;grid-template-columns:9em 1fr;gap:.15em .6em;margin:0}
.event dt{color:#666}.event dd{margin:0}.quote{font-style:italic}.id{font-family:monospace;color:#777;font-size:.85em}
.flag{background:#fde7c2;border-radius:3px;padding:0 .3em;font-size:.85em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em}td.n{text-align:right}
.day{margin:.8em 0 .2em;font-weight:600}.day svg{vertical-align:middle;margin-left:.6em}
.legend{color:#555;font-size:.9em}.others li{color:#555}
</style>
)";

void KeyEvent(const ReportModel& m, size_t rank, const Event& e, std::string* out) {
  std::string& o = *out;
  o += "<div class=\"event\" id=\"" + H(e.id) + "\">\n<h3>" + std::to_string(rank) + ". " +
       H(Headline(e)) + ", " + H(DateWords(e));
  const std::string modality = ModalityWords(e);
  if (!modality.empty()) o += " <span class=\"flag\">" + H(modality) + "</span>";
  o += "</h3>\n<dl>\n";
  auto row = [&o](const char* name, const std::string& value) {
    o += "<dt>" + std::string(name) + "</dt><dd>" + value + "</dd>\n";
  };
  row("Place", H(PlaceWords(e, m.options.country_name)));
  row("Type", H(TypeWords(e)));
  row("Actors", H(ActorWords(e)));
  row("Casualties", H(CasualtyWords(e)));
  row("Sources", H(SourceWords(e)));
  const std::string disagreements = DisagreementWords(e);
  row("Disagreements", disagreements.empty() ? "none" : H(disagreements));
  if (const EventSource* s = BestSource(e)) {
    row("Best report", "<span class=\"quote\">&ldquo;" + H(s->sentence) + "&rdquo;</span> (" +
                           H(SourceName(*s)) + ")");
  }
  o += "</dl>\n<div class=\"id\">" + H(e.id) + "</div>\n</div>\n";
}

void Briefing(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "<section id=\"briefing\">\n<h2>Briefing</h2>\n<ul class=\"summary\">\n";
  o += "<li>Period: " + H(PeriodWords(m)) + "</li>\n";
  o += "<li>Events: " + H(CountWords(m)) + "</li>\n";
  if (m.counts.other_items > 0) {
    o += "<li>Not counted: " + std::to_string(m.counts.other_items) +
         " background-only or low-confidence items (listed at the end)</li>\n";
  }
  o += "<li>Killed: " + H(TotalWords(m.killed, "killed")) + "</li>\n";
  o += "<li>Injured: " + H(TotalWords(m.injured, "injured")) + "</li>\n</ul>\n";
  o += "<p class=\"legend\">" + H(TotalsRuleWords()) + "</p>\n<h2>Key events</h2>\n";
  if (m.key_events.empty()) {
    o += "<p>No events.</p>\n</section>\n";
    return;
  }
  o += "<p class=\"legend\">" + H(RankingWords()) + "</p>\n";
  for (size_t i = 0; i < m.key_events.size(); ++i) KeyEvent(m, i + 1, *m.key_events[i], out);
  o += "</section>\n";
}

void Map(const ReportModel& m, const WorldOutlines* outlines, std::string* out) {
  std::string& o = *out;
  o += "<section id=\"map\">\n<h2>Map</h2>\n";
  std::map<const Event*, int> ranks;
  for (size_t i = 0; i < m.key_events.size(); ++i) ranks[m.key_events[i]] = static_cast<int>(i + 1);
  const std::string svg = SvgMap(m.mapped, ranks, outlines, m.options.country_name);
  if (svg.empty()) {
    o += "<p>No event has coordinates.</p>\n</section>\n";
    return;
  }
  o += svg + "\n<p class=\"legend\">" + std::to_string(m.mapped.size()) + " of " +
       std::to_string(m.records.size()) +
       " events have coordinates. Circle area grows with the best fatality figure (grey: none "
       "reported); numbers are the key events' ranks; hover a circle for its summary." +
       (outlines ? " Country outlines: Natural Earth (public domain) via world-atlas." : "") +
       "</p>\n</section>\n";
}

void Timeline(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "<section id=\"timeline\">\n<h2>Timeline</h2>\n";
  if (m.timeline.empty()) {
    o += "<p>No events.</p>\n</section>\n";
    return;
  }
  o += TimelineChartSvg(m.timeline) + "\n";
  int max_events = 1;
  int64_t max_killed = 0;
  for (const TimelineGroup& g : m.timeline) {
    max_events = std::max(max_events, static_cast<int>(g.events.size()));
    max_killed = std::max(max_killed, g.killed_at_least);
  }
  for (const TimelineGroup& g : m.timeline) {
    o += "<div class=\"day\">";
    if (!g.known) o += "Undated";
    else if (g.precision == "day") o += H(WindowWords(g.earliest, g.latest));
    else o += H(WindowWords(g.earliest, g.latest)) + " (" + H(g.precision) + " window)";
    o += GroupBarSvg(g, max_events, max_killed) + "</div>\n<ul>\n";
    for (const Event* e : g.events) {
      o += "<li>" + H(Headline(*e)) + ": " + H(TypeWords(*e)) + "; " + H(CasualtyWords(*e)) + "; " +
           H(SourceWords(*e)) + " <span class=\"id\">" + H(e->id) + "</span></li>\n";
    }
    o += "</ul>\n";
  }
  o += "<p class=\"legend\">Bars: events (blue) and at least killed (red), relative to the "
       "busiest day.</p>\n</section>\n";
}

void Areas(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "<section id=\"areas\">\n<h2>Areas</h2>\n";
  if (m.areas.empty()) {
    o += "<p>No events.</p>\n</section>\n";
    return;
  }
  o += "<table>\n<tr><th>country</th><th>admin1</th><th>events</th><th>killed (at least)</th>"
       "<th>reports</th></tr>\n";
  for (const AreaRow& r : m.areas) {
    std::string country = r.country.empty() ? "(no place)"
                          : r.country_name.empty() ? r.country
                                                   : r.country_name + " (" + r.country + ")";
    o += "<tr><td>" + H(country) + "</td><td>" + (r.admin1.empty() ? "-" : H(r.admin1)) +
         "</td><td class=\"n\">" + std::to_string(r.events) + "</td><td class=\"n\">" +
         std::to_string(r.killed_at_least) + "</td><td class=\"n\">" + std::to_string(r.reports) +
         "</td></tr>\n";
  }
  o += "</table>\n</section>\n";
}

void Others(const ReportModel& m, std::string* out) {
  if (m.others.empty()) return;
  std::string& o = *out;
  o += "<section id=\"others\">\n<h2>Not counted: background and low-confidence items</h2>\n"
       "<ul class=\"others\">\n";
  const size_t shown = std::min(m.others.size(), m.options.max_other_items);
  for (size_t i = 0; i < shown; ++i) {
    const Event& e = *m.others[i].event;
    o += "<li>" + H(DateWords(e)) + ", " + H(Headline(e)) + ": " + H(OtherReasonWords(m.others[i])) +
         "; " + H(SourceWords(e)) + " <span class=\"id\">" + H(e.id) + "</span></li>\n";
  }
  if (shown < m.others.size()) {
    o += "<li>and " + std::to_string(m.others.size() - shown) + " more</li>\n";
  }
  o += "</ul>\n</section>\n";
}

}  // namespace

std::string RenderHtml(const ReportModel& m, const WorldOutlines* outlines) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<title>" + H(m.options.title) + "</title>\n" + kStyle + "</head>\n<body>\n";
  o += "<h1>" + H(m.options.title) + "</h1>\n<p class=\"scope\">Scope: " +
       (m.options.scope.empty() ? std::string("the whole database") : H(m.options.scope)) +
       ". Period: " + H(PeriodWords(m)) + ".</p>\n";
  if (m.records.empty() && m.others.empty()) o += "<p><strong>No events match.</strong></p>\n";
  Briefing(m, &o);
  Map(m, outlines, &o);
  Timeline(m, &o);
  Areas(m, &o);
  Others(m, &o);
  o += "<footer class=\"legend\"><p>Made by sitrep from the event database. Figures are as "
       "reported; <code>sitrep show EVENT_ID</code> gives every report of an event.</p></footer>\n"
       "</body>\n</html>\n";
  return o;
}

}  // namespace sitrep::show
