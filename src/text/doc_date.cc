// InferDocumentDate: constraints on the publication day from the article's time expressions
// (the URL and removed lines: doc_date_sources.cc).
#include "sitrep/text/doc_date.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <string>
#include <vector>

#include "sitrep/text/time_expression.h"

namespace sitrep {
namespace {

constexpr int64_t kNoBound = INT64_MIN / 4;

// Sentence number of each byte offset: breaks at ". ", "! ", "? " and newlines.
std::vector<uint32_t> SentenceStarts(std::string_view text) {
  std::vector<uint32_t> starts{0};
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c != '\n' && !((c == '.' || c == '!' || c == '?') && (text[i + 1] == ' ' || text[i + 1] == '\n')))
      continue;
    if (c == '.') {  // not after "U.S" / "Mr" / "Gen"
      size_t w = i;
      while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
      if (i - w <= 3 && i > w && std::isupper(static_cast<unsigned char>(text[w]))) continue;
    }
    starts.push_back(static_cast<uint32_t>(i + 1));
  }
  return starts;
}
size_t SentenceOf(const std::vector<uint32_t>& starts, uint32_t offset) {
  return std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin();
}

std::string Quote(std::string_view text, const TimeExpression& e) {
  return "'" + std::string(text.substr(e.begin, e.end - e.begin)) + "'";
}

std::string_view LineAround(std::string_view text, uint32_t at) {
  size_t b = text.rfind('\n', at);
  b = b == std::string_view::npos ? 0 : b + 1;
  size_t e = text.find('\n', at);
  if (e == std::string_view::npos) e = text.size();
  return text.substr(b, e - b);
}

bool PrecededBy(std::string_view text, uint32_t at, std::string_view word) {
  std::string w = " " + std::string(word) + " ";
  if (at < w.size()) return false;
  std::string before(text.substr(at - w.size(), w.size()));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return before == w;
}

struct Window {
  int64_t lo = kNoBound, hi = -kNoBound;
  void Intersect(int64_t a, int64_t b) { lo = std::max(lo, a), hi = std::min(hi, b); }
  bool empty() const { return lo > hi; }
};

}  // namespace

// A year used as an adjective names a past event ("the infamous 2004 Beslan school siege",
// "a February 2021 coup"): one of the two words before is an article and a word follows that
// is not a function word. Such a year says nothing of when the text was written.
bool AttributiveYear(std::string_view text, uint32_t begin, uint32_t end) {
  static constexpr std::string_view kFunction[] = {
      "and", "or", "to", "when", "after", "before", "following", "as", "at", "in", "on", "for",
      "with", "by", "until", "while", "that", "which", "amid", "where", "but", "of", "the", "a",
      "an", "was", "were", "is", "had", "has"};
  if (end + 1 >= text.size() || text[end] != ' ' ||
      !std::isalpha(static_cast<unsigned char>(text[end + 1])))
    return false;
  size_t next_end = end + 1;
  while (next_end < text.size() && std::isalpha(static_cast<unsigned char>(text[next_end])))
    ++next_end;
  std::string next(text.substr(end + 1, next_end - end - 1));
  for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(std::begin(kFunction), std::end(kFunction), next) != std::end(kFunction))
    return false;
  // The two words before the expression.
  size_t at = begin;
  for (int words = 0; words < 2; ++words) {
    while (at > 0 && text[at - 1] == ' ') --at;
    size_t b = at;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    if (b == at) return false;  // punctuation: the sentence or clause starts here
    std::string w(text.substr(b, at - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w == "the" || w == "a" || w == "an") return true;
    at = b;
  }
  return false;
}

namespace {

std::string LowerWord(std::string_view text, size_t b, size_t e) {
  std::string w(text.substr(b, e - b));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

constexpr int kClauseWords = 14;  // how far back the start of a clause is searched

}  // namespace

bool InSinceOrRelativeClause(std::string_view text, uint32_t at) {
  size_t i = std::min<size_t>(at, text.size());
  for (int words = 0; words < kClauseWords && i > 0;) {
    char c = text[i - 1];
    if (c == '.' || c == ';' || c == '\n' || c == '(' || c == '!' || c == '?') return false;
    if (c == ',') {
      // ", which ..." / ", who ..." opens a relative clause; another comma ends the search.
      size_t b = i;
      while (b < text.size() && text[b] == ' ') ++b;
      size_t e = b;
      while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
      std::string w = LowerWord(text, b, e);
      return w == "which" || w == "who" || w == "whose";
    }
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      --i;
      continue;
    }
    size_t b = i;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    if (LowerWord(text, b, i) == "since") return true;
    i = b;
    ++words;
  }
  return false;
}

bool OpensParagraphAsDateline(std::string_view text, uint32_t begin, uint32_t end) {
  if (begin > 0 && text[begin - 1] != '\n') return false;
  size_t i = end;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size()) return false;
  if (text[i] == '_' || text[i] == '-' || text[i] == ':' || text[i] == '|') return true;
  // An en or em dash.
  return text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x80\x94";
}

namespace {

// "a year-long war", "the 18-month-long conflict", "a two-year-long insurgency": how long the
// conflict the background years start has lasted, in months (0 when the text does not say).
int ConflictAgeMonths(std::string_view text, std::string* said) {
  static constexpr std::string_view kNumbers[] = {"", "one", "two", "three", "four", "five",
                                                  "six", "seven", "eight", "nine", "ten"};
  static constexpr std::string_view kConflicts[] = {"war", "conflict", "crisis", "insurgency",
                                                    "fighting", "civil", "siege", "offensive"};
  for (size_t at = text.find("-long "); at != std::string_view::npos;
       at = text.find("-long ", at + 1)) {
    size_t u = at;
    while (u > 0 && std::isalpha(static_cast<unsigned char>(text[u - 1]))) --u;
    std::string unit = LowerWord(text, u, at);
    if (unit != "year" && unit != "month") continue;
    int count = 1;
    if (u >= 2 && text[u - 1] == '-') {  // "two-year-long", "18-month-long"
      size_t n = u - 1;
      while (n > 0 && std::isalnum(static_cast<unsigned char>(text[n - 1]))) --n;
      std::string num = LowerWord(text, n, u - 1);
      count = 0;
      for (size_t k = 1; k < std::size(kNumbers); ++k) if (num == kNumbers[k]) count = int(k);
      if (!count && !num.empty() && num.size() <= 2 &&
          std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }))
        count = std::stoi(num);
      if (!count) continue;
      u = n;
    }
    size_t b = at + 6, e = b;
    while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    std::string noun = LowerWord(text, b, e);
    if (std::find(std::begin(kConflicts), std::end(kConflicts), noun) == std::end(kConflicts))
      continue;
    *said = std::string(text.substr(u, e - u));
    return unit == "year" ? 12 * count : count;
  }
  return 0;
}

int64_t AddMonthsTo(int64_t day, int months) {
  CivilDate c = CivilFromDays(day);
  int total = c.year * 12 + (c.month - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  return DaysFromCivil(y, m, std::min(c.day, DaysInMonth(y, m)));
}

DocumentDate InferFromText(std::string_view text, const DocDateOptions& opt) {
  DocumentDate out;
  std::vector<TimeExpression> ex = FindTimeExpressions(text, DateInterval());

  // 1. A date line near the top: "January 04, 2020 by ...", "By | January 5, 2024".
  for (const auto& e : ex) {
    if (e.begin >= opt.header_bytes) break;
    if (e.form != TimeForm::kCalendar || !e.year || !e.day || !e.value.known()) continue;
    std::string_view line = LineAround(text, e.begin);
    // A date line, not a sentence: short, little besides the date, no final period; or a
    // date that opens a paragraph before a dash ("November 10, 2024_ A bombing ...").
    bool opens = OpensParagraphAsDateline(text, e.begin, e.end);
    if (opens) line = text.substr(e.begin, e.end - e.begin);
    if (!opens && (line.size() > opt.header_line_max || line.size() - (e.end - e.begin) > 60))
      continue;
    if (!opens && !line.empty() && line.back() == '.') continue;
    out.interval = e.value;
    out.evidence = "explicit: '" + std::string(line) + "'";
    return out;
  }

  // 2. Lower bound: the latest dated past expression ("in 2021", "late 2023", "May 3, 2022").
  // A year naming a past event ("the 2004 siege") is no bound (AttributiveYear).
  int64_t lower = kNoBound, latest_full = kNoBound;  // latest_full: "May 3, 2022"
  int latest_year = 0, named_year = 0;  // named_year: the latest attributive year
  // A year told as background ("since X took office in 2022", ", which began in 2015") bounds
  // the text from below only: the news may come years later (`background`).
  int64_t background = kNoBound;
  int background_year = 0;
  for (const auto& e : ex) {
    if (e.form != TimeForm::kCalendar || !e.year || !e.value.known() || e.future) continue;
    if (PrecededBy(text, e.begin, "by") || PrecededBy(text, e.begin, "until") ||
        PrecededBy(text, e.begin, "before"))
      continue;
    if (!e.day && AttributiveYear(text, e.begin, e.end)) {
      named_year = std::max(named_year, e.year);
      continue;
    }
    if (!e.day && InSinceOrRelativeClause(text, e.begin)) {
      background = std::max(background, e.value.earliest);
      background_year = std::max(background_year, e.year);
      continue;
    }
    if (e.value.earliest > lower) lower = e.value.earliest;
    if (e.day && e.value.earliest > latest_full) latest_full = e.value.earliest;
    latest_year = std::max(latest_year, e.year);
  }
  std::vector<std::string> why;
  if (latest_year) why.push_back("years up to " + std::to_string(latest_year) + " mentioned");
  const bool open_ended = background > lower;  // only background years bound the text
  if (open_ended) {
    lower = background;
    latest_year = background_year;
    why.push_back("background years up to " + std::to_string(background_year) + " mentioned");
  }

  int anniversary_year = 0;  // the year 2b places the article in, 0 when none
  // 2b. An anniversary whose event is not known, with the years the text mentions: the
  // "20th anniversary" of something in 2004 is in 2024 (the earliest such year not before
  // the latest year mentioned). Attributive years count here ("of the 2004 siege").
  if (latest_year || named_year) {
    for (const auto& e : ex) {
      if (e.form != TimeForm::kAnniversary || e.value.known() || e.offset <= 0) continue;
      int best = 0;
      for (const auto& y : ex) {
        if (y.form != TimeForm::kCalendar || !y.year || y.future) continue;
        int cand = y.year + e.offset;
        if (cand >= std::max(latest_year, named_year) && (!best || cand < best)) best = cand;
      }
      if (best > latest_year) {
        anniversary_year = best;
        latest_year = best;
        lower = std::max(lower, DaysFromCivil(best, 1, 1));
        why.push_back(Quote(text, e) + " of a year mentioned gives " + std::to_string(best));
      }
    }
  }

  // 2c. Past month-days without a year ("on March 15") fall in the current year: the year of
  // the lower bound so far, or the next one when the day would lie well before that bound.
  // After background years only, the current year is unknown.
  if (lower != kNoBound && !open_ended) {
    int64_t base = lower, raised = lower;
    std::string what;
    for (const auto& e : ex) {
      if (e.form != TimeForm::kCalendar || e.year || !e.month || !e.day || e.future || e.since ||
          e.weekday >= 0)
        continue;
      if (PrecededBy(text, e.begin, "by") || PrecededBy(text, e.begin, "until") ||
          PrecededBy(text, e.begin, "before"))
        continue;
      int y = CivilFromDays(base).year;
      if (e.day > DaysInMonth(y, e.month) ||
          DaysFromCivil(y, e.month, e.day) < base - opt.pin_before_lower_days)
        ++y;
      if (e.day > DaysInMonth(y, e.month)) continue;
      int64_t d = DaysFromCivil(y, e.month, e.day);
      // With a full date in the text, the article is written within days_after_full_date of
      // it (see below): a month-day that would fall later is an earlier year's ("Hamas' Oct. 7
      // attack" in a July 2024 article; "took office on June 12" in an October one) and does
      // not move the bound (regressions: both were placed in the next year).
      if (latest_full != kNoBound && opt.days_after_full_date >= 0 &&
          d > latest_full + opt.days_after_full_date)
        continue;
      if (d > raised) raised = d, what = Quote(text, e);
    }
    if (raised > lower) {
      lower = raised;
      latest_year = std::max(latest_year, CivilFromDays(raised).year);
      why.push_back(what + " after the dates mentioned gives " + FormatIsoDate(raised));
    }
  }

  // 3. Pinned days: weekday + month-day pairs, anniversaries of dated events.
  const int64_t today = opt.today ? opt.today : TodayFromClock();
  std::vector<uint32_t> starts = SentenceStarts(text);
  struct Pin { int64_t day; size_t sentence; };
  std::vector<Pin> pins;
  for (const auto& e : ex) {
    // A weekday-date is searched from the latest year mentioned, attributive ones included
    // (the text is written after "the 2023 floods" too; the weekday fixes the year).
    const int pin_year = std::max(latest_year, named_year);
    if (e.form == TimeForm::kCalendar && !e.year && e.day && e.weekday >= 0 && pin_year) {
      // The weekday's day may precede the latest full date by some weeks (the article can be
      // dated in its own text), but not by a year.
      for (int y = pin_year - 1; y <= pin_year + opt.max_years_ahead; ++y) {
        if (e.day > DaysInMonth(y, e.month)) continue;
        int64_t d = DaysFromCivil(y, e.month, e.day);
        if (d > today) break;  // the weekday's year is not in the future
        if (Weekday(d) == e.weekday && d >= lower - opt.pin_before_lower_days) {
          pins.push_back({d, SentenceOf(starts, e.begin)});
          why.push_back(Quote(text, e) + " gives " + FormatIsoDate(d));
          break;
        }
      }
    } else if (e.form == TimeForm::kAnniversary && e.value.known()) {
      if (e.value.precision == DatePrecision::kDay) {
        pins.push_back({e.value.earliest, SentenceOf(starts, e.begin)});
        why.push_back(Quote(text, e) + " falls on " + FormatIsoDate(e.value.earliest));
      }
      if (e.value.earliest > lower) lower = e.value.earliest, why.push_back(Quote(text, e) + " gives " +
                                                   std::to_string(CivilFromDays(e.value.earliest).year));
    }
  }

  // 4. Document-relative expressions narrow the window around the pinned days.
  Window w;
  if (lower != kNoBound) w.lo = lower;
  if (!pins.empty()) {
    int64_t latest_pin = 0;
    for (const auto& p : pins) latest_pin = std::max(latest_pin, p.day);
    w.Intersect(latest_pin, latest_pin + opt.reporting_window_days);
    for (const auto& e : ex) {
      size_t sent = SentenceOf(starts, e.begin);
      const Pin* same = nullptr;
      for (const auto& p : pins) if (p.sentence == sent) same = &p;
      if (e.form == TimeForm::kWeekday && !e.future) {
        int64_t day;
        if (same && Weekday(same->day) == e.weekday) {
          day = same->day;  // "the gathering on Wednesday ... the fourth anniversary"
        } else {
          day = latest_pin;  // the occurrence nearest the latest pinned day
          while (Weekday(day) != e.weekday) ++day;
          if (day - latest_pin > 3) day -= 7;
        }
        Window c = w;
        if (e.last) c.Intersect(day + 1, day + 7);
        else c.Intersect(day, day + opt.reporting_window_days);
        if (!c.empty() && (c.lo != w.lo || c.hi != w.hi)) {
          why.push_back(Quote(text, e) + " is " + FormatIsoDate(day));
          w = c;
        }
      } else if (same && e.anchor == TimeAnchor::kDocument &&
                 (e.form == TimeForm::kDayOffset || e.form == TimeForm::kAnchorDay)) {
        // "yesterday" / "the previous day" said of a pinned day: the story is that far after.
        int64_t story = same->day - e.offset;
        Window c = w;
        if (e.form == TimeForm::kDayOffset) c.Intersect(story, story);
        else c.Intersect(story, w.hi);
        if (!c.empty()) {
          why.push_back(Quote(text, e) + " of " + FormatIsoDate(same->day) + " places it on or after " +
                        FormatIsoDate(story));
          w = c;
        }
      }
    }
  }

  if (w.lo == kNoBound) return out;  // nothing dates the text
  std::string evidence;
  for (size_t i = 0; i < why.size(); ++i) {
    if (std::find(why.begin(), why.begin() + i, why[i]) != why.begin() + i) continue;
    evidence += (evidence.empty() ? "" : "; ") + why[i];
  }
  if (w.hi == -kNoBound) {
    // Only a lower bound: the text was written at or after it, most likely within a year.
    CivilDate c = CivilFromDays(w.lo);
    if (w.lo == latest_full && opt.days_after_full_date >= 0) {
      // The latest fully dated event bounds it; news is written within days of the event.
      int64_t hi = w.lo + opt.days_after_full_date;
      out.interval = {w.lo, hi, PrecisionForWidth(w.lo, hi)};
      out.evidence = "inferred (within " + std::to_string(opt.days_after_full_date) +
                     " days after the latest full date " + FormatIsoDate(w.lo) + "): " + evidence;
      return out;
    }
    // Years mentioned only say "on or after": background years (a siege in 2004 recalled in
    // 2024) would date the article decades early, and a wrong date keeps its events from
    // fusing with their dated reports. Only an anniversary year is the article's own.
    if (!opt.lower_bound_year && c.year != anniversary_year) return out;
    if (open_ended && c.year == background_year) {
      // "the latest atrocity in a year-long war" beside "since the conflict erupted in April
      // 2023": the text is that long after the background's start, within one more unit.
      std::string said;
      if (int months = opt.conflict_age ? ConflictAgeMonths(text, &said) : 0) {
        int unit = months % 12 == 0 ? 12 : 1;
        int64_t lo = std::max(w.lo, AddMonthsTo(background, months));
        int64_t hi = AddMonthsTo(background, months + unit) - 1;
        out.interval = {lo, hi, PrecisionForWidth(lo, hi)};
        out.evidence = "inferred ('" + said + "' after background years): " + evidence;
        return out;
      }
      if (opt.background_year_span < 0) return out;  // background alone dates nothing
      out.interval = {w.lo, DaysFromCivil(c.year + opt.background_year_span, 12, 31),
                      DatePrecision::kYear};
      out.evidence = "inferred (after background years only): " + evidence;
      return out;
    }
    out.interval = {w.lo, DaysFromCivil(c.year + 1, 12, 31), DatePrecision::kYear};
    out.evidence = "inferred (lower bound only): " + evidence;
    return out;
  }
  out.interval = {w.lo, w.hi, PrecisionForWidth(w.lo, w.hi)};
  out.evidence = "inferred: " + evidence;
  return out;
}


}  // namespace

int64_t TodayFromClock() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return now.time_since_epoch().count();
}

DocumentDate CappedAtToday(DocumentDate d, const DocDateOptions& opt) {
  if (!d.interval.known()) return d;
  int64_t today = opt.today ? opt.today : TodayFromClock();
  if (d.interval.latest <= today || d.interval.earliest > today) return d;
  d.interval.latest = today;
  if (d.interval.precision != DatePrecision::kYear ||
      PrecisionForWidth(d.interval.earliest, today) != DatePrecision::kYear)
    d.interval.precision = PrecisionForWidth(d.interval.earliest, today);
  d.evidence += "; not after today " + FormatIsoDate(today);
  return d;
}

DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               const DocDateOptions& opt) {
  if (given.known()) return {given, ""};
  return CappedAtToday(InferFromText(text, opt), opt);
}

}  // namespace sitrep
