// Resolution of recognised time expressions to date intervals against a reference interval.
#include <algorithm>
#include <cctype>
#include <string>

#include "sitrep/text/number_words.h"
#include "sitrep/text/time_expression.h"

namespace sitrep {
namespace {

constexpr std::string_view kAnchorEvents =
#include "../../data/lexicon/anchor_events.tsv"
    ;

struct Span {
  int64_t lo = 0, hi = -1;
  bool ok() const { return hi >= lo; }
};

int64_t MonthStart(int y, int m) { return DaysFromCivil(y, m, 1); }
int64_t MonthEnd(int y, int m) { return DaysFromCivil(y, m, DaysInMonth(y, m)); }

Span MonthSpan(int y, int m, int part) {
  if (y < 1 || y > 9999 || m < 1 || m > 12) return {};
  int last = DaysInMonth(y, m);
  switch (part) {
    case 1: return {DaysFromCivil(y, m, 1), DaysFromCivil(y, m, 10)};
    case 2: return {DaysFromCivil(y, m, 11), DaysFromCivil(y, m, 20)};
    case 3: return {DaysFromCivil(y, m, 21), DaysFromCivil(y, m, last)};
    default: return {MonthStart(y, m), MonthEnd(y, m)};
  }
}

Span YearSpan(int y, int part) {
  if (y < 1 || y > 9999) return {};
  switch (part) {
    case 1: return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 4, 30)};
    case 2: return {DaysFromCivil(y, 5, 1), DaysFromCivil(y, 8, 31)};
    case 3: return {DaysFromCivil(y, 9, 1), DaysFromCivil(y, 12, 31)};
    default: return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31)};
  }
}

Span DaySpan(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return {};
  int64_t x = DaysFromCivil(y, m, d);
  return {x, x};
}

int64_t AddMonths(int64_t day, int months) {
  CivilDate c = CivilFromDays(day);
  int total = c.year * 12 + (c.month - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  return DaysFromCivil(y, m, std::min(c.day, DaysInMonth(y, m)));
}

int64_t Shift(int64_t day, int count, char unit) {
  switch (unit) {
    case 'd': return day + count;
    case 'w': return day + 7 * count;
    case 'm': return AddMonths(day, count);
    case 'y': return AddMonths(day, 12 * count);
    case 'D': return AddMonths(day, 120 * count);
    default: return day;  // hours, minutes: same day
  }
}

// "days ago", "weeks later": how many units a plural unit with no count spans (the next
// unit up bounds it: "days" are fewer than a week); hours and minutes stay on the day.
Span VagueUnits(char unit) {
  switch (unit) {
    case 'd': return {2, 6};
    case 'w': return {2, 4};
    case 'm': return {2, 11};
    case 'y':
    case 'D': return {2, 9};
    default: return {0, 0};
  }
}

// The value of a document-relative expression for one reference day r.
Span RelativeTo(const TimeExpression& e, int64_t r) {
  CivilDate c = CivilFromDays(r);
  switch (e.form) {
    case TimeForm::kCalendar: {
      if (e.year) return {};
      auto make = [&](int y) { return e.day ? DaySpan(y, e.month, e.day) : MonthSpan(y, e.month, e.part); };
      Span s = make(c.year);
      if (!s.ok()) s = make(c.year - 1);
      if (!s.ok()) return {};
      if (e.future) {
        if (s.hi < r) s = make(c.year + 1);
      } else if (s.lo > r) {
        s = make(c.year - 1);
      }
      return s;
    }
    case TimeForm::kWeekday: {
      int w = e.weekday;
      if (e.last) {
        int64_t d = r - 1;
        while (Weekday(d) != w) --d;
        return {d, d};
      }
      if (e.future) {
        int64_t d = r + 1;
        while (Weekday(d) != w) ++d;
        return {d, d};
      }
      int64_t d = r;
      while (Weekday(d) != w) --d;
      return {d, d};
    }
    case TimeForm::kDayOffset:
    case TimeForm::kAnchorDay: return {r + e.offset, r + e.offset};
    case TimeForm::kWeekend: {
      // The Saturday and Sunday told: the latest one begun by r ("over the weekend"), the one
      // before a weekend r falls in ("last weekend"), the coming one in future context.
      constexpr int kSaturday = 5;
      int64_t sat = r;
      while (Weekday(sat) != kSaturday) --sat;
      bool in_weekend = r - sat <= 1;
      if (e.last && in_weekend) sat -= 7;
      else if (e.future && !e.last && !in_weekend) sat += 7;
      return {sat, sat + 1};
    }
    case TimeForm::kWeekOffset: {
      int64_t monday = r - Weekday(r) + 7 * e.offset;
      return {monday, monday + 6};
    }
    case TimeForm::kMonthOffset: {
      int64_t m = AddMonths(MonthStart(c.year, c.month), e.offset);
      CivilDate mc = CivilFromDays(m);
      return {m, MonthEnd(mc.year, mc.month)};
    }
    case TimeForm::kYearOffset: return YearSpan(c.year + e.offset, 0);
    case TimeForm::kPastDays: return {Shift(r, -e.offset, e.unit ? e.unit : 'd'), r};
    case TimeForm::kToDate: {
      int64_t start = e.unit == 'w'   ? r - Weekday(r)
                      : e.unit == 'm' ? MonthStart(c.year, c.month)
                                      : DaysFromCivil(c.year, 1, 1);
      return {start, r};
    }
    case TimeForm::kAgo: {
      if (e.vague) {
        Span n = VagueUnits(e.unit);
        return {Shift(r, -static_cast<int>(n.hi), e.unit), Shift(r, -static_cast<int>(n.lo), e.unit)};
      }
      int64_t d = Shift(r, -e.offset, e.unit);
      return {d, d};
    }
    default: return {};
  }
}

bool SentenceBreakBetween(std::string_view text, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i + 1 < b && i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '\n') &&
        (text[i + 1] == ' ' || text[i + 1] == '\n'))
      return true;
  }
  return false;
}

}  // namespace

DatePrecision PrecisionForWidth(int64_t earliest, int64_t latest) {
  int64_t width = latest - earliest + 1;
  if (width <= 1) return DatePrecision::kDay;
  if (width <= 8) return DatePrecision::kWeek;
  if (width <= 31) return DatePrecision::kMonth;
  return DatePrecision::kYear;
}

std::optional<int64_t> KnownEventDate(std::string_view phrase) {
  static const auto* rows = new std::vector<std::vector<std::string>>(LexiconRows(kAnchorEvents));
  std::string lower(phrase);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto has_word = [&](std::string_view w) {
    for (size_t p = lower.find(w); p != std::string::npos; p = lower.find(w, p + 1)) {
      bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(lower[p - 1]));
      size_t e = p + w.size();
      bool right = e >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[e]));
      if (left && right) return true;
    }
    return false;
  };
  for (const auto& row : *rows) {
    if (row.size() < 2) continue;
    std::string_view words = row[0];
    bool all = true;
    size_t pos = 0;
    while (pos <= words.size() && all) {
      size_t sp = words.find(' ', pos);
      if (sp == std::string_view::npos) sp = words.size();
      if (!has_word(words.substr(pos, sp - pos))) all = false;
      pos = sp + 1;
    }
    if (all) return ParseIsoDate(row[1]);
  }
  return std::nullopt;
}

void ResolveTimeExpressions(std::string_view text, const DateInterval& ref,
                            std::vector<TimeExpression>* exprs) {
  auto& v = *exprs;
  // Event-relative forms look at later expressions, so they are resolved in a second pass.
  for (int pass = 0; pass < 2; ++pass)
  for (size_t i = 0; i < v.size(); ++i) {
    TimeExpression& e = v[i];
    bool late = e.form == TimeForm::kEventOffset || e.form == TimeForm::kAnniversary;
    if (late != (pass == 1)) continue;
    e.value = DateInterval();
    e.anchor = TimeAnchor::kNone;
    e.anchor_index = -1;
    Span s;
    DatePrecision floor = DatePrecision::kDay;
    switch (e.form) {
      case TimeForm::kCalendar:
        if (e.year) {
          s = e.day ? DaySpan(e.year, e.month, e.day)
                    : e.month ? MonthSpan(e.year, e.month, e.part) : YearSpan(e.year, e.part);
          e.anchor = TimeAnchor::kAbsolute;
          floor = e.day ? DatePrecision::kDay : e.month ? DatePrecision::kMonth : DatePrecision::kYear;
          if (e.part) floor = DatePrecision::kDay;
        }
        break;
      case TimeForm::kDecade:
        s = {DaysFromCivil(e.year, 1, 1), DaysFromCivil(e.year + 9, 12, 31)};
        e.anchor = TimeAnchor::kAbsolute;
        break;
      case TimeForm::kAnchorDay:
      case TimeForm::kLater: {
        // From the nearest earlier point with a value, else (anchor days) the reference.
        for (size_t j = i; j-- > 0;) {
          const TimeExpression& p = v[j];
          if (p.kind != TimeKind::kPoint || !p.value.known() || p.since) continue;
          if (p.value.precision != DatePrecision::kDay && p.value.latest - p.value.earliest > 6)
            continue;
          char unit = e.form == TimeForm::kLater ? e.unit : 'd';
          s = {Shift(p.value.earliest, e.offset, unit), Shift(p.value.latest, e.offset, unit)};
          if (e.form == TimeForm::kLater && e.vague) {  // "days later": 2-6 days on
            Span n = VagueUnits(unit);
            int lo = static_cast<int>(n.lo), hi = static_cast<int>(n.hi);
            s = e.offset < 0 ? Span{Shift(p.value.earliest, -hi, unit), Shift(p.value.latest, -lo, unit)}
                             : Span{Shift(p.value.earliest, lo, unit), Shift(p.value.latest, hi, unit)};
          }
          e.anchor = TimeAnchor::kExpression;
          e.anchor_index = static_cast<int>(j);
          break;
        }
        break;
      }
      case TimeForm::kEventOffset: {
        e.anchor = TimeAnchor::kEvent;
        for (size_t j = i + 1; j < v.size() && v[j].begin < e.event_end; ++j) {
          if (v[j].kind != TimeKind::kPoint || !v[j].value.known()) continue;
          int days = e.unit == 'd' || e.unit == 'w' ? e.offset : 0;
          s = {Shift(v[j].value.earliest, days, e.unit == 'w' ? 'w' : 'd'),
               Shift(v[j].value.latest, days, e.unit == 'w' ? 'w' : 'd')};
          if (e.unit == 'h') s.hi += 1;  // "hours after": the same or the next day
          e.anchor = TimeAnchor::kExpression;
          e.anchor_index = static_cast<int>(j);
          break;
        }
        break;
      }
      case TimeForm::kAnniversary: {
        e.anchor = TimeAnchor::kEvent;
        std::string_view phrase = text.substr(e.event_begin, e.event_end - e.event_begin);
        if (auto d = e.event_end > e.event_begin ? KnownEventDate(phrase) : std::nullopt) {
          int64_t x = Shift(*d, e.offset, 'y');
          s = {x, x};
          break;
        }
        for (size_t j = i + 1; j < v.size(); ++j) {  // "... who was killed in 2020"
          if (SentenceBreakBetween(text, e.end, v[j].begin)) break;
          if (v[j].form != TimeForm::kCalendar || !v[j].year) continue;
          if (v[j].day) {
            int64_t x = Shift(DaysFromCivil(v[j].year, v[j].month, v[j].day), e.offset, 'y');
            s = {x, x};
          } else {
            s = YearSpan(v[j].year + e.offset, 0);
          }
          e.anchor = TimeAnchor::kExpression;
          e.anchor_index = static_cast<int>(j);
          break;
        }
        break;
      }
      default:
        break;
    }
    bool relative = !s.ok() && e.kind == TimeKind::kPoint && e.anchor == TimeAnchor::kNone;
    if (relative) {
      e.anchor = TimeAnchor::kDocument;
      if (ref.known()) {
        Span a = RelativeTo(e, ref.earliest), b = RelativeTo(e, ref.latest);
        if (a.ok() && b.ok()) s = {std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
      }
    }
    if (s.ok()) {
      DatePrecision p = PrecisionForWidth(s.lo, s.hi);
      e.value = {s.lo, s.hi, std::max(p, floor)};
    }
  }
}

}  // namespace sitrep
