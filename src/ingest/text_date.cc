#include "sitrep/ingest/text_date.h"

#include <cctype>
#include <string>
#include <vector>

#include "sitrep/base/date.h"

namespace sitrep {
namespace {

struct Word {
  std::string_view text;
  size_t begin, end;
  bool digits;
};

// Alphanumeric runs with their offsets; ordinal suffixes stay attached ("4th").
std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!std::isalnum(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    bool digits = true;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) {
      if (!std::isdigit(static_cast<unsigned char>(s[j]))) digits = false;
      ++j;
    }
    out.push_back({s.substr(i, j - i), i, j, digits});
    i = j;
  }
  return out;
}

int DayNumber(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int d = std::stoi(std::string(w.substr(0, n)));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearNumber(const Word& w) {
  if (!w.digits || w.text.size() != 4) return 0;
  int y = std::stoi(std::string(w.text));
  return y >= 1900 && y <= 2199 ? y : 0;
}

std::optional<int64_t> MakeDay(int y, int m, int d) {
  if (y == 0 || m == 0 || d == 0 || d > DaysInMonth(y, m)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

// True when only spaces, commas and dots separate the two words (no sentence in between).
bool Adjacent(std::string_view s, const Word& a, const Word& b) {
  if (b.begin - a.end > 3) return false;
  for (size_t i = a.end; i < b.begin; ++i) {
    char c = s[i];
    if (c != ' ' && c != ',' && c != '.') return false;
  }
  return true;
}

}  // namespace

int MonthFromName(std::string_view word) {
  static const char* kNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
  std::string w;
  for (char c : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kNames[m];
    if (w == name) return m + 1;
    if (w.size() <= 4 && name.substr(0, w.size()) == w && (w.size() == 3 || w == "sept")) return m + 1;
  }
  return 0;
}

std::optional<TextDate> FindTextDate(std::string_view s) {
  std::vector<Word> w = Words(s);
  for (size_t i = 0; i < w.size(); ++i) {
    // ISO: 2024-01-05
    if (w[i].digits && w[i].text.size() == 4 && i + 2 < w.size() && w[i + 1].digits &&
        std::isdigit(static_cast<unsigned char>(w[i + 2].text[0])) && w[i + 1].begin == w[i].end + 1 && s[w[i].end] == '-' &&
        w[i + 2].begin == w[i + 1].end + 1 && s[w[i + 1].end] == '-' &&
        w[i + 1].text.size() <= 2) {
      std::string_view day = w[i + 2].text;
      if (day.size() > 2 && (day[2] == 'T' || day[2] == 't')) day = day.substr(0, 2);  // "05T08"
      if (auto d = MakeDay(YearNumber(w[i]), std::stoi(std::string(w[i + 1].text)), DayNumber(day))) {
        return TextDate{*d, w[i].begin, w[i + 2].end};
      }
    }
    int m = MonthFromName(w[i].text);
    // Month Day, Year
    if (m && i + 2 < w.size() && Adjacent(s, w[i], w[i + 1]) && Adjacent(s, w[i + 1], w[i + 2])) {
      if (auto d = MakeDay(YearNumber(w[i + 2]), m, DayNumber(w[i + 1].text))) {
        return TextDate{*d, w[i].begin, w[i + 2].end};
      }
    }
    // Day Month Year
    if (i + 2 < w.size() && DayNumber(w[i].text) && Adjacent(s, w[i], w[i + 1]) &&
        Adjacent(s, w[i + 1], w[i + 2])) {
      int m2 = MonthFromName(w[i + 1].text);
      if (auto d = MakeDay(YearNumber(w[i + 2]), m2, DayNumber(w[i].text))) {
        return TextDate{*d, w[i].begin, w[i + 2].end};
      }
    }
  }
  return std::nullopt;
}

}  // namespace sitrep
