#include "sitrep/show/report_markdown.h"

#include "sitrep/show/briefing_words.h"
#include "sitrep/show/escape.h"
#include "sitrep/show/report_text.h"

namespace sitrep::show {
namespace {

std::string Md(const std::string& s) { return EscapeMarkdown(s); }

void KeyEvent(const ReportModel& m, size_t rank, const Event& e, std::string* out) {
  std::string& o = *out;
  o += std::to_string(rank) + ". **" + Md(Headline(e)) + "**, " + Md(DateWords(e));
  const std::string modality = ModalityWords(e);
  if (!modality.empty()) o += " (" + Md(modality) + ")";
  o += "\n";
  o += "   - Place: " + Md(PlaceWords(e, m.options.country_name)) + "\n";
  o += "   - Type: " + Md(TypeWords(e)) + "\n";
  o += "   - Actors: " + Md(ActorWords(e)) + "\n";
  o += "   - Casualties: " + Md(CasualtyWords(e)) + "\n";
  o += "   - Sources: " + Md(SourceWords(e)) + "\n";
  const std::string disagreements = DisagreementWords(e);
  o += "   - Disagreements: " + (disagreements.empty() ? "none" : Md(disagreements)) + "\n";
  if (const EventSource* s = BestSource(e)) {
    o += "   - Best report: \"" + Md(s->sentence) + "\" (" + Md(SourceName(*s)) + ")\n";
  }
  o += "   - Event id: " + Md(e.id) + "\n";
}

void Briefing(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "## Briefing\n\n";
  o += "- Period: " + Md(PeriodWords(m)) + "\n";
  o += "- Events: " + Md(CountWords(m)) + "\n";
  if (m.counts.other_items > 0) {
    o += "- Not counted: " + std::to_string(m.counts.other_items) +
         " background-only or low-confidence items (listed at the end)\n";
  }
  o += "- Killed: " + Md(TotalWords(m.killed, "killed")) + "\n";
  o += "- Injured: " + Md(TotalWords(m.injured, "injured")) + "\n\n";
  o += Md(TotalsRuleWords()) + "\n\n";
  o += "### Key events\n\n";
  if (m.key_events.empty()) {
    o += "No events.\n\n";
    return;
  }
  o += Md(RankingWords()) + "\n\n";
  for (size_t i = 0; i < m.key_events.size(); ++i) KeyEvent(m, i + 1, *m.key_events[i], out);
  o += "\n";
}

void Timeline(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "## Timeline\n\n";
  if (m.timeline.empty()) {
    o += "No events.\n\n";
    return;
  }
  for (const TimelineGroup& g : m.timeline) {
    o += "### ";
    if (!g.known) o += "Undated";
    else if (g.precision == "day") o += WindowWords(g.earliest, g.latest);
    else o += WindowWords(g.earliest, g.latest) + " (" + Md(g.precision) + " window)";
    o += "\n\n";
    for (const Event* e : g.events) {
      o += "- " + Md(Headline(*e)) + ": " + Md(TypeWords(*e)) + "; " + Md(CasualtyWords(*e)) +
           "; " + Md(SourceWords(*e)) + " (id " + Md(e->id) + ")\n";
    }
    o += "\n";
  }
}

void Areas(const ReportModel& m, std::string* out) {
  std::string& o = *out;
  o += "## Areas\n\n";
  if (m.areas.empty()) {
    o += "No events.\n\n";
    return;
  }
  o += "| country | admin1 | events | killed (at least) | reports |\n";
  o += "|---|---|---:|---:|---:|\n";
  for (const AreaRow& r : m.areas) {
    std::string country = r.country.empty() ? "(no place)"
                          : r.country_name.empty() ? r.country
                                                   : r.country_name + " (" + r.country + ")";
    o += "| " + Md(country) + " | " + (r.admin1.empty() ? "-" : Md(r.admin1)) + " | " +
         std::to_string(r.events) + " | " + std::to_string(r.killed_at_least) + " | " +
         std::to_string(r.reports) + " |\n";
  }
  o += "\n";
}

void Others(const ReportModel& m, std::string* out) {
  if (m.others.empty()) return;
  std::string& o = *out;
  o += "## Not counted: background and low-confidence items\n\n";
  const size_t shown = std::min(m.others.size(), m.options.max_other_items);
  for (size_t i = 0; i < shown; ++i) {
    const Event& e = *m.others[i].event;
    o += "- " + Md(DateWords(e)) + ", " + Md(Headline(e)) + ": " + Md(OtherReasonWords(m.others[i])) +
         "; " + Md(SourceWords(e)) + " (id " + Md(e.id) + ")\n";
  }
  if (shown < m.others.size()) {
    o += "- and " + std::to_string(m.others.size() - shown) + " more\n";
  }
  o += "\n";
}

}  // namespace

std::string RenderMarkdown(const ReportModel& m) {
  std::string o = "# " + Md(m.options.title) + "\n\n";
  o += "Scope: " + (m.options.scope.empty() ? std::string("the whole database") : Md(m.options.scope)) +
       ". Period: " + Md(PeriodWords(m)) + ".\n\n";
  if (m.records.empty() && m.others.empty()) o += "**No events match.**\n\n";
  Briefing(m, &o);
  Timeline(m, &o);
  Areas(m, &o);
  Others(m, &o);
  o += "---\nMade by sitrep from the event database. Figures are as reported; "
       "`sitrep show EVENT_ID` gives every report of an event.\n";
  return o;
}

}  // namespace sitrep::show
