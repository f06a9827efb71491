// Inferring an article's publication date from its own text when no date is given: a
// date line near the top, weekday + month-day pairs ("Thursday, January 4") with the years
// the text mentions, anniversaries, and weekday / relative references that narrow the window.
// The result is an interval with the precision its width supports and the evidence used.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/date.h"

namespace sitrep {

struct DocumentDate {
  DateInterval interval;  // precision kNone when the text supports no date
  std::string evidence;   // e.g. "explicit: 'January 04, 2020 by …'", "inferred: …"
};

struct DocDateOptions {
  uint32_t header_bytes = 600;     // a date line must start within this many bytes
  uint32_t header_line_max = 160;  // ... on a line at most this long
  int max_years_ahead = 12;        // how far past the latest year a weekday-date may be placed
  int reporting_window_days = 6;   // past-tense weekday mentions lie this many days back at most
  int pin_before_lower_days = 62;  // a weekday-date may lie this far before the latest full date
  int days_after_full_date = 31;   // with only a full date as bound, publication within this; -1 off
  bool lower_bound_year = true;    // years mentioned alone date the text [Y, Y+1]; false: no date
  int background_year_span = -1;   // a lower bound from background years only: [Y, Y+span]
                                   // (ending today at the latest); -1: no date (such windows
                                   // of years date nothing; dev fused measured both ways)
  int64_t today = 0;               // the run's day (DaysFromCivil), 0: the system clock; no
                                   // inferred date lies after it
  bool conflict_age = false;       // "a year-long war" + a background start bounds the text
                                   // (off: its year windows kept dev reports out of fusion)
};

// Today's day number from the system clock (UTC).
int64_t TodayFromClock();

// No article is published after the run's day (options.today, else the clock): a window of
// `d` open towards the future ends today, its precision narrowed to the new width.
DocumentDate CappedAtToday(DocumentDate d, const DocDateOptions& options);

// When `given` is known (JSONL field, --published, a meta tag) it is returned unchanged.
DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               const DocDateOptions& options = {});
// As above, and the date the article's URL states (DateFromUrl): a URL day wins over the text;
// a URL month or year bounds what the text supports (or is the answer when the text has none).
DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               std::string_view url, const DocDateOptions& options = {});

// As above, with lines the cleaner removed that still date the article from below: a
// social-media embed's credit ("— Name (@handle) October 5, 2024"), an update line. The
// article lies within days_after_full_date after the latest such full date (not after today)
// where the text allows it; the text alone decides when they contradict it.
DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               std::string_view url,
                               const std::vector<std::string_view>& removed_lines,
                               const DocDateOptions& options = {});

// Background a sentence tells beside its news: the position `at` lies after "since" in its
// clause ("since X took office in 2022") or inside a relative clause (", which began in 2015").
bool InSinceOrRelativeClause(std::string_view text, uint32_t at);
// A year used as an adjective ("the infamous 2004 Beslan siege", "the 2016 peace deal"): it
// names a past event, not the time of the sentence's own events.
bool AttributiveYear(std::string_view text, uint32_t begin, uint32_t end);
// A full date that opens a paragraph followed by a dash or colon ("November 10, 2024_ A
// bombing ..."): the article's date line, not the time of the report that follows it.
bool OpensParagraphAsDateline(std::string_view text, uint32_t begin, uint32_t end);

// The date a URL path states: /2024/03/07/, /2020/5/31/, /2016-01-22/, /20240307/ (day),
// /2025/04/ (month), /2024/slug (year). Years 1990-2100 only; kNone when it states none.
DateInterval DateFromUrl(std::string_view url);

}  // namespace sitrep
