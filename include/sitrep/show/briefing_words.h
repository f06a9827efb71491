// The briefing's summary sentences (counts, fatality totals, ranking rule), as plain text
// shared by the Markdown and HTML reports. Pure functions of the model.
#pragma once

#include <string>

#include "sitrep/show/report_model.h"

namespace sitrep::show {

// "2024-03-05 to 2025-02-11" over the records' date ranges; "no dated events".
std::string PeriodWords(const ReportModel& m);
// "3 events from 7 reports in 5 documents (4 independent sources)".
std::string CountWords(const ReportModel& m);
// "at least 10 killed in 2 events (best-supported figures add up to 10, highest reports to
// 12)"; noun is "killed" or "injured"; "no event reports anyone killed".
std::string TotalWords(const FigureTotal& t, const std::string& noun);
// The ranking rule of the key events, in one sentence.
std::string RankingWords();
// How the figures are added, in one sentence.
std::string TotalsRuleWords();
// "background only (...)" / "no ACLED type (PLOVER ACCUSE): a verbal event, ...".
std::string OtherReasonWords(const OtherItem& item);

}  // namespace sitrep::show
