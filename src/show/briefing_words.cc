#include "sitrep/show/briefing_words.h"

#include "sitrep/show/report_text.h"

namespace sitrep::show {
namespace {

std::string Plural(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string PeriodWords(const ReportModel& m) {
  if (!m.dated) return "no dated events";
  if (m.period_from == m.period_to) return FormatIsoDate(m.period_from);
  return FormatIsoDate(m.period_from) + " to " + FormatIsoDate(m.period_to);
}

std::string CountWords(const ReportModel& m) {
  const ReportCounts& c = m.counts;
  return Plural(c.events, "event", "events") + " from " + Plural(c.reports, "report", "reports") +
         " in " + Plural(c.documents, "document", "documents") + " (" +
         Plural(c.independent, "independent source", "independent sources") + ")";
}

std::string TotalWords(const FigureTotal& t, const std::string& noun) {
  if (t.events == 0) return "no event reports anyone " + noun;
  std::string s = "at least " + std::to_string(t.at_least) + " " + noun + " in " +
                  Plural(t.events, "event", "events");
  if (t.best != t.at_least || t.highest != t.at_least) {
    s += " (best-supported figures add up to " + std::to_string(t.best) +
         ", the highest reports to " + std::to_string(t.highest) + ")";
  }
  return s;
}

std::string RankingWords() {
  return "Key events are ranked by their best-supported fatality figure, then the number of "
         "independent sources, the number of reports, the highest fatality report, the "
         "injured, and recency.";
}

std::string TotalsRuleWords() {
  return "Totals add one figure per event, never two reports of the same event: \"at least\" "
         "adds each event's lowest report. Background-only and low-confidence items are not "
         "counted.";
}

std::string OtherReasonWords(const OtherItem& item) {
  if (item.reason == OtherReason::kBackground) return "background only (every report mentions it as past)";
  const Event& e = *item.event;
  return "no ACLED type" + (e.plover_type.empty() ? std::string() : " (PLOVER " + e.plover_type + ")") +
         ": a verbal event, told in passing by one source, or undated";
}

}  // namespace sitrep::show
