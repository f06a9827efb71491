// Civil (proleptic Gregorian) dates as day numbers, and dates with a precision.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// Days since 1970-01-01 (negative before). Valid for years 1..9999.
int64_t DaysFromCivil(int year, int month, int day);
struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool operator==(const CivilDate&) const = default;
};
CivilDate CivilFromDays(int64_t days);
int DaysInMonth(int year, int month);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days);
// "2024-01-05" for the day number.
std::string FormatIsoDate(int64_t days);
// Parses "YYYY-MM-DD" (and "YYYY-MM-DDThh:mm..." ignoring the time); nullopt otherwise.
std::optional<int64_t> ParseIsoDate(std::string_view s);

enum class DatePrecision { kNone, kDay, kWeek, kMonth, kYear };
std::string_view DatePrecisionName(DatePrecision p);  // "day" | "week" | "month" | "year" | ""

// A date known to lie in [earliest, latest] (day numbers, inclusive). `point` is the single
// best day when the precision allows one (for month/year precision: the interval's start).
struct DateInterval {
  int64_t earliest = 0;
  int64_t latest = 0;
  DatePrecision precision = DatePrecision::kNone;
  bool known() const { return precision != DatePrecision::kNone; }
};

}  // namespace sitrep
