#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sitrep::text_internal {
namespace {

// Sorted at first use; lookups are binary searches over short strings.
template <size_t N>
bool Contains(const std::array<std::string_view, N>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

template <size_t N>
constexpr std::array<std::string_view, N> Sorted(std::array<std::string_view, N> a) {
  std::sort(a.begin(), a.end());
  return a;
}

// Case-sensitive: titles, months, weekdays, company forms, street types.
constexpr auto kAlways = Sorted(std::array<std::string_view, 96>{
    "Mr", "Mrs", "Ms", "Dr", "Drs", "St", "Ste", "Jr", "Sr", "Prof", "Gen", "Maj", "Col",
    "Lt", "Sgt", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Gov", "Sen", "Rep", "Reps", "Rev",
    "Hon", "Pres", "Supt", "Insp", "Det", "Cpl", "Pvt", "Brig", "Lieut", "Messrs", "Mme",
    "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Intl", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
    "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Ave", "Blvd", "Rd", "Mt", "Ft",
    "Hwy", "Fig", "Vol", "Ed", "Eds", "Esq", "Calif", "Mass", "Conn", "Wash", "Penn", "Ariz",
    "Colo", "Fla", "Ill", "Ind", "Mich", "Minn", "Tenn", "Va", "Wis", "La"});

// Case-insensitive (given lower-case).
constexpr auto kAlwaysLower = Sorted(std::array<std::string_view, 18>{
    "etc", "vs", "approx", "dept", "est", "cf", "viz", "ibid", "incl", "govt", "misc", "ca",
    "pvt", "ltd", "sts", "ext", "ect", "inc"});

constexpr auto kBeforeNumber = Sorted(std::array<std::string_view, 10>{
    "No", "no", "Nos", "nos", "Art", "art", "p", "pp", "Ch", "ch"});

constexpr auto kPrefixes = Sorted(std::array<std::string_view, 36>{
    "e",      "non",   "pre",   "anti",  "mid",  "re",    "post",  "co",   "over",
    "pro",    "multi", "ex",    "semi",  "cross", "neo",  "psycho", "socio", "counter",
    "intra",  "inter", "un",    "micro", "mega",  "macro", "quasi", "ultra", "trans",
    "bi",     "tri",   "extra", "sub",   "super", "hyper", "pseudo", "mis",  "de"});

constexpr auto kUnits = Sorted(std::array<std::string_view, 42>{
    "am",  "pm",   "k",    "m",     "b",    "bn",      "mm",   "cm",   "km",  "ft",  "x",
    "kg",  "lb",   "lbs",  "oz",    "kb",   "mb",      "gb",   "tb",   "hz",  "khz", "mhz",
    "ghz", "kw",   "mw",   "w",     "mi",   "ml",      "hh",   "f",    "t",   "sq",  "p",
    "min", "mins", "hr",   "hrs",   "yrs",  "minutes", "days", "percent", "mph"});

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 8) return AbbrevKind::kNone;
  if (Contains(kAlways, word)) return AbbrevKind::kAlways;
  if (word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string cap = Lower(word);  // "CORP" -> "Corp"
    cap[0] = word[0];
    if (Contains(kAlways, cap)) return AbbrevKind::kAlways;
  }
  if (Contains(kAlwaysLower, Lower(word))) return AbbrevKind::kAlways;
  if (Contains(kBeforeNumber, word)) return AbbrevKind::kBeforeNumber;
  return AbbrevKind::kNone;
}

bool IsHyphenPrefix(std::string_view word) {
  return word.size() <= 7 && Contains(kPrefixes, Lower(word));
}

bool IsNumberUnitSuffix(std::string_view letters) {
  return letters.size() <= 7 && Contains(kUnits, Lower(letters));
}

}  // namespace sitrep::text_internal
