// News agencies (data/wire_agencies.txt) found in text. Finding a name is not a credit by
// itself: describe.cc decides where a name credits the copy (dateline, contributor line...).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// Canonical names of the agencies named in `s` (aliases matched whole-word, case-sensitive),
// in order of first appearance, without repeats.
std::vector<std::string> FindAgencies(std::string_view s);

// The canonical name when `name` (trimmed) is exactly an agency alias, else "".
std::string CanonicalAgency(std::string_view name);

// Adds `name` to `credits` unless already there.
void AddCredit(const std::string& name, std::vector<std::string>* credits);

}  // namespace sitrep
