// InferDocumentDate from the article's URL and the lines the cleaner removed (embedded-post
// credits, "Updated ..." lines), narrowing what the text alone says.
#include <algorithm>
#include <string>
#include <vector>

#include "sitrep/text/doc_date.h"
#include "sitrep/text/time_expression.h"

namespace sitrep {
namespace {

constexpr int64_t kNoBound = INT64_MIN / 4;

}  // namespace

namespace {

// All-digit `s` as a number, or -1.
int Digits(std::string_view s) {
  if (s.empty() || s.size() > 8) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool PlausibleYear(int y) { return y >= 1990 && y <= 2100; }

DateInterval DayInterval(int y, int m, int d) {
  if (!PlausibleYear(y) || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return {};
  int64_t day = DaysFromCivil(y, m, d);
  return {day, day, DatePrecision::kDay};
}

}  // namespace

DateInterval DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  url = url.substr(path);
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  std::vector<std::string_view> segs;
  for (size_t b = 0; b < url.size();) {
    size_t e = std::min(url.find('/', b), url.size());
    segs.push_back(url.substr(b, e - b));
    b = e + 1;
  }
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view s = segs[i];
    // "2016-01-22" or "20160122" as one segment.
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
      DateInterval d = DayInterval(Digits(s.substr(0, 4)), Digits(s.substr(5, 2)),
                                   Digits(s.substr(8, 2)));
      if (d.known()) return d;
    }
    if (s.size() == 8 && Digits(s) > 0) {
      DateInterval d = DayInterval(Digits(s.substr(0, 4)), Digits(s.substr(4, 2)),
                                   Digits(s.substr(6, 2)));
      if (d.known()) return d;
    }
    int y = s.size() == 4 ? Digits(s) : -1;
    if (!PlausibleYear(y)) continue;
    int m = i + 1 < segs.size() && segs[i + 1].size() <= 2 ? Digits(segs[i + 1]) : -1;
    if (m < 1 || m > 12) {
      // A year alone, followed by a slug: the year.
      if (i + 1 < segs.size() && !segs[i + 1].empty()) {
        return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), DatePrecision::kYear};
      }
      continue;
    }
    int d = i + 2 < segs.size() && segs[i + 2].size() <= 2 ? Digits(segs[i + 2]) : -1;
    DateInterval day = d > 0 ? DayInterval(y, m, d) : DateInterval();
    if (day.known()) return day;
    return {DaysFromCivil(y, m, 1), DaysFromCivil(y, m, DaysInMonth(y, m)), DatePrecision::kMonth};
  }
  return {};
}

DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               std::string_view url, const DocDateOptions& options) {
  if (given.known()) return {given, ""};
  DateInterval from_url = DateFromUrl(url);
  if (from_url.precision == DatePrecision::kDay) {
    return {from_url, "url: '" + std::string(url) + "'"};
  }
  DocumentDate out = InferDocumentDate(text, given, options);
  if (!from_url.known()) return out;
  from_url = CappedAtToday({from_url, ""}, options).interval;
  if (out.interval.known() && out.interval.earliest <= from_url.latest &&
      from_url.earliest <= out.interval.latest) {
    int64_t lo = std::max(out.interval.earliest, from_url.earliest);
    int64_t hi = std::min(out.interval.latest, from_url.latest);
    out.interval = {lo, hi, PrecisionForWidth(lo, hi)};
    out.evidence += "; within the url's " + std::string(DatePrecisionName(from_url.precision));
    return out;
  }
  return CappedAtToday({from_url, "url: '" + std::string(url) + "'"}, options);
}

DocumentDate InferDocumentDate(std::string_view text, const DateInterval& given,
                               std::string_view url,
                               const std::vector<std::string_view>& removed_lines,
                               const DocDateOptions& options) {
  DocumentDate out = InferDocumentDate(text, given, url, options);
  if (given.known() || out.interval.precision == DatePrecision::kDay ||
      options.days_after_full_date < 0)
    return out;
  const int64_t today = options.today ? options.today : TodayFromClock();
  // The latest full date the removed lines state, not after today.
  int64_t floor = kNoBound;
  std::string what;
  for (std::string_view line : removed_lines) {
    for (const TimeExpression& e : FindTimeExpressions(line, DateInterval())) {
      if (e.form != TimeForm::kCalendar || !e.year || !e.day || !e.value.known()) continue;
      if (e.value.earliest <= today && e.value.earliest > floor)
        floor = e.value.earliest, what = std::string(line.substr(e.begin, e.end - e.begin));
    }
  }
  if (floor == kNoBound) return out;
  int64_t lo = floor, hi = std::min(today, floor + options.days_after_full_date);
  std::string why = "within " + std::to_string(options.days_after_full_date) +
                    " days after a removed line's date '" + what + "'";
  if (!out.interval.known()) {
    out.interval = {lo, hi, PrecisionForWidth(lo, hi)};
    out.evidence = "inferred (" + why + ")";
    return out;
  }
  lo = std::max(lo, out.interval.earliest), hi = std::min(hi, out.interval.latest);
  if (lo > hi) return out;  // the text says otherwise
  out.interval = {lo, hi, PrecisionForWidth(lo, hi)};
  out.evidence += "; " + why;
  return out;
}

}  // namespace sitrep
