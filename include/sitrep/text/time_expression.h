// Time expressions in plain text ("January 04, 2020", "last Saturday", "the previous day",
// "since October 7", "the fourth anniversary of X", "for three days", "every Friday"),
// normalised to a date interval with a precision relative to a reference date (the document's
// date: a day, an interval, or unknown). Each value says what it was anchored to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/date.h"

namespace sitrep {

enum class TimeKind { kPoint, kDuration, kSet };
enum class TimeAnchor { kNone, kAbsolute, kDocument, kExpression, kEvent };
std::string_view TimeKindName(TimeKind k);      // "point" | "duration" | "set"
std::string_view TimeAnchorName(TimeAnchor a);  // "" | "absolute" | "document" | ...

// How the text states the time; decides how it is resolved.
enum class TimeForm {
  kCalendar,     // year / month / day fields, possibly partial ("Jan. 5", "late 2023")
  kDecade,       // "the 1990s"
  kWeekday,      // "on Thursday", "last Saturday", "next Monday"
  kDayOffset,    // "yesterday", "today" (offset days from the reference)
  kWeekOffset,   // "last week"
  kMonthOffset,  // "last month"
  kYearOffset,   // "this year"
  kPastDays,     // "the past week" (offset days up to the reference)
  kToDate,       // "earlier this year" (unit start up to the reference)
  kAnchorDay,    // "the previous day" (offset days from the previous expression)
  kAgo,          // "three days ago"
  kLater,        // "two days later" (from the previous expression)
  kEventOffset,  // "a day after X", "hours after X" (from the event X)
  kAnniversary,  // "the fourth anniversary of X"
  kDuration,     // "for three days"
  kSet,          // "every Friday"
  kWeekend,      // "over the weekend", "last weekend" (a Saturday and Sunday)
};

struct TimeExpression {
  uint32_t begin = 0, end = 0;  // byte span in the text
  TimeKind kind = TimeKind::kPoint;
  TimeForm form = TimeForm::kCalendar;
  DateInterval value;           // precision kNone when it cannot be resolved
  TimeAnchor anchor = TimeAnchor::kNone;
  int anchor_index = -1;        // kExpression: index of the expression it is anchored to
  uint32_t event_begin = 0, event_end = 0;  // kEvent / anniversaries: the event phrase
  bool since = false;           // "since X": X starts an open interval
  bool future = false;          // future-tense context ("will ... on Monday", "next week")
  bool last = false;            // "last Saturday" (strictly before the reference)
  bool vague = false;           // a plural unit with no count ("days ago", "weeks later"):
                                // kAgo / kLater span 2-6 units (hours: the same day); `offset`
                                // holds only the direction (+1 later, -1 earlier, 0 ago)
  // What the text states, whatever the reference (0 / -1 when absent).
  int year = 0, month = 0, day = 0, weekday = -1;
  int part = 0;                 // 1 early, 2 mid, 3 late (of a month or year)
  int offset = 0;               // days / weeks / months / years / ordinal, by form
  char unit = 0;                // 'd' 'w' 'm' 'y' 'h' 'n' 'D' for offsets and durations
  std::string duration;         // kDuration: ISO 8601, e.g. "P3D"; kSet: the period
  std::string set;              // kSet: e.g. "XXXX-WXX-5" for "every Friday"
};

struct TimeOptions {
  size_t max_expressions = 100000;
  int max_event_tokens = 24;  // tokens of the event phrase after "after" / "anniversary of"
};

// Finds and resolves the time expressions of `text`. `reference` may be unknown.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const DateInterval& reference,
                                                const TimeOptions& options = {});

// The same over tokens already scanned from `text` with ScanText (number_words.h).
struct ScanToken;
std::vector<TimeExpression> FindTimeExpressionsInTokens(std::string_view text,
                                                        const std::vector<ScanToken>& toks,
                                                        const DateInterval& reference,
                                                        const TimeOptions& options = {});

// Resolves (again) the values of `exprs` found in `text` against `reference`.
void ResolveTimeExpressions(std::string_view text, const DateInterval& reference,
                            std::vector<TimeExpression>* exprs);

// The date of a widely reported event named in `phrase` (data/lexicon/anchor_events.tsv).
std::optional<int64_t> KnownEventDate(std::string_view phrase);

// Precision that an interval of this width supports: day, week (<= 7), month (<= 31), year.
DatePrecision PrecisionForWidth(int64_t earliest, int64_t latest);

}  // namespace sitrep
