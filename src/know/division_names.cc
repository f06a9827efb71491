#include "know/division_names.h"

#include <cctype>

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

// Compass words that begin division names, by direction, in the forms English, French,
// Spanish and Portuguese texts write them ("North Kivu" = "Nord-Kivu", "South-West" =
// "Sud-Ouest", "Southern Kordofan" = "South Kordofan", "Far North" = "Extreme-Nord"). The
// first form of each row is the English noun; `bare` forms may name a division alone.
struct Compass {
  std::string_view forms[8];
  int bare;  // the first `bare` forms may stand alone (English and French)
};
constexpr Compass kCompass[] = {
    {{"North-East", "Northeast", "North East", "Nord-Est", "Northeastern", "Nordeste", "Noreste"}, 4},
    {{"North-West", "Northwest", "North West", "Nord-Ouest", "Northwestern", "Noroeste"}, 4},
    {{"South-East", "Southeast", "South East", "Sud-Est", "Southeastern", "Sudeste", "Sureste"}, 4},
    {{"South-West", "Southwest", "South West", "Sud-Ouest", "Southwestern", "Sudoeste", "Suroeste"}, 4},
    {{"Far North", "Extreme-Nord", "Extreme North"}, 3},
    {{"North", "Nord", "Northern", "Norte"}, 2},
    {{"South", "Sud", "Southern", "Sur", "Sul"}, 2},
    {{"East", "Est", "Eastern", "Este", "Leste"}, 2},
    {{"West", "Ouest", "Western", "Oeste"}, 2},
};

// Lower-case ASCII with hyphens as spaces, for comparing compass forms.
std::string Plain(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

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

bool IsCompassName(std::string_view name) {
  const std::string plain = Plain(name);
  for (const Compass& c : kCompass)
    for (std::string_view form : c.forms)
      if (!form.empty() && Plain(form) == plain) return true;
  return plain == "centre" || plain == "center" || plain == "central";
}

std::vector<std::string> CompassVariants(std::string_view name) {
  std::vector<std::string> out;
  const std::string plain = Plain(name);
  for (const Compass& c : kCompass) {
    for (int m = 0; m < 8 && !c.forms[m].empty(); ++m) {
      const std::string f = Plain(c.forms[m]);
      if (plain.size() < f.size() || plain.compare(0, f.size(), f) != 0) continue;
      std::string_view rest = name.substr(f.size());
      if (!rest.empty() && rest[0] != ' ' && rest[0] != '-') continue;  // "Northampton"
      bool bare = rest.empty();
      // A compass word alone names a division only in a bare form ("Northern" is no name).
      if (bare && m >= c.bare) return out;
      if (!rest.empty()) rest.remove_prefix(1);
      for (int k = 0; k < 8 && !c.forms[k].empty(); ++k) {
        if (bare && k >= c.bare) break;
        std::string v = std::string(c.forms[k]) + (bare ? "" : " " + std::string(rest));
        if (Plain(v) != plain) out.push_back(std::move(v));
      }
      return out;  // the longest direction first ("North-West" before "North")
    }
  }
  return out;
}

std::vector<std::string> DivisionKeys(std::string_view name, bool second_level) {
  std::vector<std::string> out;
  std::string base(StripDivisionWord(name));
  out.emplace_back(name);
  if (base != name) out.push_back(base);
  if (second_level) {
    for (std::string_view w : kSecond) out.push_back(base + " " + std::string(w));
  } else {
    for (std::string_view w : kFirst) out.push_back(base + " " + std::string(w));
    // The same division with its compass word in another form ("Nord-Kivu", "Sud-Ouest").
    for (const std::string& v : CompassVariants(base)) {
      out.push_back(v);
      for (std::string_view w : kFirst) out.push_back(v + " " + std::string(w));
    }
  }
  return out;
}

}  // namespace sitrep::know
