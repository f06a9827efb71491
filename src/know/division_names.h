// Names of administrative divisions: the words that say a name is a division ("Shopian
// district", "Ocotepeque Department"), and a division's short name for lookup keys.
// Internal to src/know.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::know {

// "Maidan Wardak Province" -> "Maidan Wardak", "Republic of Dagestan" -> "Dagestan",
// "Departamento de Rivera" -> "Rivera"; otherwise the name itself.
std::string_view StripDivisionWord(std::string_view name);

// Lower-case words that, after a name, say it is a division ("district", "lga", "province").
bool IsDivisionWord(std::string_view lower);

// Lower-case words that say a name is a first-level division ("state", "province",
// "governorate", "oblast", "region"): "Kaduna state" is the state, not its capital.
bool IsFirstLevelWord(std::string_view lower);

// Lower-case words that, after a name, say what kind of place it is without naming a
// division level ("town", "village", "city", "area", "neighbourhood").
bool IsSettlementWord(std::string_view lower);

// The other forms of a division name that begins with a compass word, in English, French,
// Spanish and Portuguese: "North Kivu" -> "Nord-Kivu", "Northern Kivu", "Norte Kivu"...;
// "South-West" -> "Sud-Ouest", "Southwest"...; empty when the name has no compass word.
std::vector<std::string> CompassVariants(std::string_view name);

// True when the name is a compass word alone ("East", "North-West", "Sud", "Centre"): such a
// division's name is also an ordinary word of the text ("the Middle East war").
bool IsCompassName(std::string_view name);

// The lookup names of a division: its name, its short name, and the short name followed by
// each division word a text may use for its level ("Anbar province"; "Shopian district",
// "Gujba LGA"); first-level names add their CompassVariants.
std::vector<std::string> DivisionKeys(std::string_view name, bool second_level);

}  // namespace sitrep::know
