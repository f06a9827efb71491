#include "know/division_names.h"


namespace sitrep::know {
namespace {

constexpr std::string_view kSuffixes[] = {
    " Province", " Governorate", " Oblast", " Region", " State", " Krai", " District",
    " Muhafazat", " Prefecture", " County", " Department", " Division", " Municipality",
    " Voivodeship", " Territory", " Parish", " Raion", " Rayon", " Municipio", " Canton",
    " Local Government Area", " LGA", " Regional Corporation", " District Municipality",
    " Metropolitan Municipality", " Local Municipality"};
constexpr std::string_view kPrefixes[] = {
    "Republic of ", "Departamento de ", "Departamento del ", "Provincia de ", "Provincia del ",
    "Province of ", "Estado de ", "State of ", "Municipio de ", "Municipality of ",
    "Distrito de ", "District of ", "Region of ", "Gouvernorat de ", "Wilaya de ",
    "Kabupaten ", "Kota ", "Ville de ", "Borough of "};

// Division words after a first-level name, and after a second-level one.
constexpr std::string_view kFirst[] = {"province", "governorate", "oblast", "region", "state",
                                       "department"};
constexpr std::string_view kSecond[] = {"district", "municipality", "county", "lga",
                                        "prefecture", "subdistrict", "tehsil", "commune",
                                        "raion", "province", "department"};
constexpr std::string_view kSettlements[] = {"town", "city", "village", "area", "township",
                                             "locality", "neighbourhood", "neighborhood",
                                             "municipality", "district", "suburb", "settlement"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}

}  // namespace

std::string_view StripDivisionWord(std::string_view name) {
  size_t cut = 0;  // the longest suffix ("District Municipality" before "Municipality")
  for (std::string_view w : kSuffixes)
    if (name.size() > w.size() && w.size() > cut && name.substr(name.size() - w.size()) == w)
      cut = w.size();
  if (cut > 0) return name.substr(0, name.size() - cut);
  for (std::string_view w : kPrefixes)
    if (name.size() > w.size() && name.substr(0, w.size()) == w) return name.substr(w.size());
  return name;
}

bool IsDivisionWord(std::string_view lower) {
  return In(kFirst, lower) || In(kSecond, lower) || lower == "lga";
}

bool IsFirstLevelWord(std::string_view lower) {
  return lower == "province" || lower == "governorate" || lower == "oblast" || lower == "state" ||
         lower == "region";
}

bool IsSettlementWord(std::string_view lower) { return In(kSettlements, lower); }

std::vector<std::string> DivisionKeys(std::string_view name, bool second_level) {
  std::vector<std::string> out;
  std::string base(StripDivisionWord(name));
  out.emplace_back(name);
  if (base != name) out.push_back(base);
  if (second_level) {
    for (std::string_view w : kSecond) out.push_back(base + " " + std::string(w));
  } else {
    for (std::string_view w : kFirst) out.push_back(base + " " + std::string(w));
  }
  return out;
}

}  // namespace sitrep::know
