// The report model and its renderers on hand-built events: counts, honest totals, the
// ranking rule, records vs background/low-confidence items, timeline groups, sections,
// determinism and the empty report.
#include "sitrep/show/report_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "report_test_util.h"
#include "sitrep/show/report_html.h"
#include "sitrep/show/report_markdown.h"
#include "sitrep/show/report_text.h"

namespace sitrep::show {
namespace {

using testing_show::At;
using testing_show::Ev;
using testing_show::Src;

const EventPlace kMosul = At("Mosul", "IQ", "Nineveh", 36.34, 43.13);
const EventPlace kKharkiv = At("Kharkiv", "UA", "Kharkiv Oblast", 49.99, 36.23);
const EventPlace kNairobi = At("Nairobi", "KE", "Nairobi", -1.29, 36.82);

// A strike told by a wire story (6 dead), its copy (6) and an own report (7); a clash (4 dead);
// a protest; a background-only strike; a verbal event with no ACLED type.
std::vector<Event> Corpus() {
  std::vector<Event> v;
  Event strike = Ev("ev-strike", "Air/drone strike", "2024-03-05", kMosul, 6, 6, 7,
                    {Src("a_wire", "An air strike hit a market in Mosul, killing six.", 6, "", 0),
                     Src("b_copy", "An air strike hit a market in Mosul, killing six.", 6, "a_wire", 0),
                     Src("c_own", "Seven people died in the Mosul market strike.", 7, "", 120)},
                    2);
  strike.conflicts.push_back({"fatalities", {{"6", {"a_wire", "b_copy"}}, {"7", {"c_own"}}}});
  strike.injured = CountRange{11, 11, 11};
  strike.actor1 = EventActor{"Air Force of Examplia", "act-1", "XX", "state_military"};
  v.push_back(strike);
  v.push_back(Ev("ev-clash", "Armed clash", "2025-02-11", kKharkiv, 4, 4, 4,
                 {Src("e_clash", "Fighting near Kharkiv left four soldiers dead.", 4)}, 1));
  v.push_back(Ev("ev-protest", "Peaceful protest", "2024-05-10", kNairobi, -1, 0, 0,
                 {Src("d_protest", "Thousands protested in Nairobi.")}, 1));
  Event old = Ev("ev-old", "Air/drone strike", "2020-01-03", kMosul, 10, 10, 10,
                 {Src("c_own", "The 2020 strike killed ten.", 10)}, 1);
  old.historical = true;
  old.event_type.clear();
  old.sources[0].background = true;
  v.push_back(old);
  Event verbal = Ev("ev-accuse", "", "2024-05-11", std::nullopt, -1, 0, 0,
                    {Src("d_protest", "The minister accused the protesters.")}, 1);
  verbal.event_type.clear();
  verbal.plover_type = "ACCUSE";
  v.push_back(verbal);
  return v;
}

TEST(ReportModelTest, CountsRecordsAndLeavesOutBackgroundAndLowConfidence) {
  ReportModel m = BuildReportModel(Corpus(), {});
  EXPECT_EQ(m.counts.events, 3);
  EXPECT_EQ(m.counts.other_items, 2);
  EXPECT_EQ(m.counts.reports, 5);      // 3 + 1 + 1 records' reports
  EXPECT_EQ(m.counts.documents, 5);    // a_wire b_copy c_own e_clash d_protest
  EXPECT_EQ(m.counts.independent, 4);  // b_copy folds into a_wire
  ASSERT_EQ(m.others.size(), 2u);
  EXPECT_EQ(m.others[0].event->id, "ev-old");  // by date
  EXPECT_EQ(m.others[0].reason, OtherReason::kBackground);
  EXPECT_EQ(m.others[1].reason, OtherReason::kLowConfidence);
  EXPECT_TRUE(m.dated);
  EXPECT_EQ(FormatIsoDate(m.period_from), "2024-03-05");
  EXPECT_EQ(FormatIsoDate(m.period_to), "2025-02-11");
}

TEST(ReportModelTest, TotalsAddOneFigurePerEventNeverTwoReports) {
  ReportModel m = BuildReportModel(Corpus(), {});
  // Strike 6 (reports 6-7) + clash 4; the three strike reports are never summed (6+6+7).
  EXPECT_EQ(m.killed.at_least, 10);
  EXPECT_EQ(m.killed.best, 10);
  EXPECT_EQ(m.killed.highest, 11);
  EXPECT_EQ(m.killed.events, 2);
  EXPECT_EQ(m.injured.at_least, 11);
  const std::string md = RenderMarkdown(m);
  EXPECT_NE(md.find("at least 10 killed in 2 events (best-supported figures add up to 10, the "
                    "highest reports to 11)"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("ev-old"), std::string::npos);  // listed, but its 10 dead are not counted
  EXPECT_EQ(md.find("at least 20"), std::string::npos);
}

struct RankCase {
  const char* name;
  Event a, b;  // a ranks before b
};

TEST(ReportModelTest, KeyEventRankingRule) {
  auto ev = [](const char* id, int64_t dead, int independent, int reports, const char* day) {
    std::vector<EventSource> s;
    for (int i = 0; i < reports; ++i) s.push_back(Src("d" + std::to_string(i), "x", dead));
    return Ev(id, "Air/drone strike", day, kMosul, dead, dead, dead, s, independent);
  };
  Event wider = ev("ev-b", 3, 1, 1, "2024-01-01");
  wider.fatalities->max = 9;
  const RankCase cases[] = {
      {"more dead first", ev("ev-z", 5, 1, 1, "2024-01-01"), ev("ev-a", 4, 3, 3, "2024-01-09")},
      {"no figure last", ev("ev-z", 0, 1, 1, "2024-01-01"), ev("ev-a", -1, 3, 3, "2024-01-09")},
      {"then independent sources", ev("ev-z", 3, 2, 2, "2024-01-01"), ev("ev-a", 3, 1, 3, "2024-01-09")},
      {"then reports", ev("ev-z", 3, 1, 3, "2024-01-01"), ev("ev-a", 3, 1, 2, "2024-01-09")},
      {"then highest report", wider, ev("ev-a", 3, 1, 1, "2024-01-09")},
      {"then recency", ev("ev-z", 3, 1, 1, "2024-01-09"), ev("ev-a", 3, 1, 1, "2024-01-01")},
      {"then id", ev("ev-a", 3, 1, 1, "2024-01-01"), ev("ev-b", 3, 1, 1, "2024-01-01")},
  };
  for (const RankCase& c : cases) {
    EXPECT_TRUE(KeyEventLess(c.a, c.b)) << c.name;
    EXPECT_FALSE(KeyEventLess(c.b, c.a)) << c.name;
  }
  ReportOptions options;
  options.max_key_events = 2;
  ReportModel m = BuildReportModel(Corpus(), options);
  ASSERT_EQ(m.key_events.size(), 2u);
  EXPECT_EQ(m.key_events[0]->id, "ev-strike");
  EXPECT_EQ(m.key_events[1]->id, "ev-clash");
}

TEST(ReportModelTest, KeyEventBlockSaysEverything) {
  ReportOptions options;
  options.country_name = [](const std::string& iso2) { return iso2 == "IQ" ? "Iraq" : ""; };
  ReportModel m = BuildReportModel(Corpus(), options);
  const std::string md = RenderMarkdown(m);
  const size_t at = md.find("1. **Air/drone strike in Mosul**, 2024-03-05 (day)");
  ASSERT_NE(at, std::string::npos) << md;
  const std::string block = md.substr(at, md.find("2. **", at) - at);
  EXPECT_NE(block.find("Place: Mosul, Nineveh, Iraq (IQ) - city, 36.3400, 43.1300"), std::string::npos) << block;
  EXPECT_NE(block.find("Type: Explosions/Remote violence / Air/drone strike"), std::string::npos);
  EXPECT_NE(block.find("Actors: Air Force of Examplia"), std::string::npos);
  EXPECT_NE(block.find("Casualties: killed 6 (reports 6-7); injured 11"), std::string::npos);
  EXPECT_NE(block.find("Sources: 3 reports, 2 independent sources"), std::string::npos);
  EXPECT_NE(block.find("Disagreements: fatalities: 6 (a\\_wire, b\\_copy) vs 7 (c\\_own)"),
            std::string::npos) << block;
  // The best report states the best figure and is earliest in its article: the wire story.
  EXPECT_NE(block.find("Best report: \"An air strike hit a market in Mosul, killing six.\" "
                       "(Outlet a\\_wire (a\\_wire), 2024-03-06)"),
            std::string::npos) << block;
}

TEST(ReportModelTest, BestSourcePrefersTheBestFigureOverBackground) {
  Event e = Corpus()[0];
  e.sources[0].background = true;
  EXPECT_EQ(BestSource(e)->doc, "b_copy");
  e.sources[1].background = true;
  EXPECT_EQ(BestSource(e)->doc, "c_own");  // the only report not in the background
  Event none;
  EXPECT_EQ(BestSource(none), nullptr);
  // A whole sentence beats a headline told earlier in the article.
  Event told = Ev("ev-h", "Car bomb", "2024-03-05", kMosul, 5, 5, 5,
                  {Src("h", "Car bomb kills five at market in Mosul", 5, "", 0),
                   Src("h", "A car bomb killed five people at a market in Mosul on Sunday.", 5, "", 60),
                   Src("h", "\"Five died,\" he said.\xE2\x80\x9D", 5, "", 200)},
                  1);
  EXPECT_EQ(BestSource(told)->begin, 60u);
  told.sources.erase(told.sources.begin() + 1);
  EXPECT_EQ(BestSource(told)->begin, 200u);  // ends in a full stop inside closing quotes
}

TEST(ReportModelTest, TimelineGroupsDaysWindowsAndUndated) {
  std::vector<Event> v = Corpus();
  Event month = Ev("ev-month", "Armed clash", "", kKharkiv, 1, 1, 1, {Src("m", "x", 1)}, 1);
  month.date = {*ParseIsoDate("2024-03-01"), *ParseIsoDate("2024-03-31"), DatePrecision::kMonth};
  month.best_day = month.date.earliest;
  v.push_back(month);
  v.push_back(Ev("ev-undated", "Armed clash", "", kKharkiv, 2, 2, 2, {Src("u", "x", 2)}, 1));
  v.push_back(Ev("ev-same-day", "Armed clash", "2024-03-05", kMosul, 1, 1, 1, {Src("s", "x", 1)}, 1));
  ReportModel m = BuildReportModel(v, {});
  ASSERT_EQ(m.timeline.size(), 5u);
  EXPECT_EQ(m.timeline[0].precision, "month");  // 03-01..03-31 starts first
  EXPECT_EQ(m.timeline[1].precision, "day");
  ASSERT_EQ(m.timeline[1].events.size(), 2u);
  EXPECT_EQ(m.timeline[1].events[0]->id, "ev-strike");
  EXPECT_EQ(m.timeline[1].killed_at_least, 7);
  EXPECT_FALSE(m.timeline.back().known);
  const std::string md = RenderMarkdown(m);
  EXPECT_NE(md.find("### 2024-03-01..2024-03-31 (month window)"), std::string::npos);
  EXPECT_NE(md.find("### 2024-03-05\n"), std::string::npos);
  EXPECT_NE(md.find("### Undated"), std::string::npos);
  EXPECT_LT(md.find("### 2024-03-05\n"), md.find("### 2024-05-10\n"));
}

TEST(ReportModelTest, SectionsExistInBothFormats) {
  ReportModel m = BuildReportModel(Corpus(), {});
  const std::string md = RenderMarkdown(m);
  for (const char* s : {"# Situation report", "## Briefing", "### Key events", "## Timeline",
                        "## Areas", "## Not counted"}) {
    EXPECT_NE(md.find(s), std::string::npos) << s;
  }
  EXPECT_NE(md.find("| IQ | Nineveh | 1 | 6 | 3 |"), std::string::npos) << md;
  const std::string html = RenderHtml(m, nullptr);
  for (const char* s : {"<!DOCTYPE html>", "<section id=\"briefing\">", "<section id=\"map\">",
                        "<svg class=\"map\"", "<section id=\"timeline\">", "<svg class=\"chart\"",
                        "<section id=\"areas\">", "<section id=\"others\">", "</html>"}) {
    EXPECT_NE(html.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // One circle per record with coordinates; no link to anything outside the file.
  size_t circles = 0;
  for (size_t p = html.find("<circle"); p != std::string::npos; p = html.find("<circle", p + 1)) ++circles;
  EXPECT_EQ(circles, 3u);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
}

TEST(ReportModelTest, SameEventsInAnyOrderGiveTheSameReport) {
  std::vector<Event> v = Corpus();
  const std::string md = RenderMarkdown(BuildReportModel(v, {}));
  const std::string html = RenderHtml(BuildReportModel(v, {}), nullptr);
  std::mt19937 rng(3);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(v.begin(), v.end(), rng);
    EXPECT_EQ(RenderMarkdown(BuildReportModel(v, {})), md);
    EXPECT_EQ(RenderHtml(BuildReportModel(v, {}), nullptr), html);
  }
}

TEST(ReportModelTest, EmptyDatabaseGivesANoEventsReport) {
  ReportModel m = BuildReportModel({}, {});
  EXPECT_EQ(m.counts.events, 0);
  const std::string md = RenderMarkdown(m);
  EXPECT_NE(md.find("**No events match.**"), std::string::npos);
  EXPECT_NE(md.find("Period: no dated events"), std::string::npos);
  EXPECT_NE(md.find("Killed: no event reports anyone killed"), std::string::npos);
  EXPECT_NE(md.find("## Timeline\n\nNo events."), std::string::npos);
  const std::string html = RenderHtml(m, nullptr);
  EXPECT_NE(html.find("No events match."), std::string::npos);
  EXPECT_NE(html.find("No event has coordinates."), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::show
