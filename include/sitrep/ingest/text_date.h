// Explicit calendar dates written in text: "January 04, 2020", "Nov. 19, 2019", "5 January
// 2024", "2024-01-05". Only complete dates with a year; relative expressions are not read here.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitrep {

struct TextDate {
  int64_t day = 0;              // days since 1970-01-01
  size_t begin = 0, end = 0;    // bytes of the match in the searched text
};

// The first explicit date in `s`, or nullopt. Invalid days ("February 30, 2024") are skipped.
std::optional<TextDate> FindTextDate(std::string_view s);

// Month number 1..12 for an English month name or abbreviation ("Sept", "nov"), else 0.
int MonthFromName(std::string_view word);

}  // namespace sitrep
