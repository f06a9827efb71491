// The time-expression case table (tests/text/time_cases.tsv): one line per case with a
// reference date, a text whose judged expression is marked [[like this]], and the expected
// interval (or ISO duration / set). Shared by the unit test, `sitrep times --cases` and bench.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/date.h"

namespace sitrep {

struct TimeCase {
  int line = 0;
  DateInterval reference;  // unknown for "-"
  std::string text;        // markers removed
  uint32_t target_begin = 0, target_end = 0;
  std::string kind, expected_earliest, expected_latest;
};

// Parses the TSV; malformed lines are skipped (their numbers go to *bad when given).
std::vector<TimeCase> ParseTimeCases(std::string_view tsv, std::vector<int>* bad = nullptr);

// Runs FindTimeExpressions on the case; `got` describes what was found ("2024-01-04 2024-01-04",
// "P3D", "?" when unresolved, "none" when nothing overlaps the target). True when right.
bool EvaluateTimeCase(const TimeCase& c, std::string* got);

}  // namespace sitrep
