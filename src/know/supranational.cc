// Regions that span several countries ("the Sahel", "the Maghreb", "the Horn of Africa") and
// share their names with one country's division (Burkina Faso's Sahel region): in a text
// naming other countries of the region, "the Sahel region" is the region, not the division.
#include <algorithm>
#include <string>
#include <string_view>

#include "know/division_names.h"
#include "know/entity_linking.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

// Our list: a supranational region's name (folded) and its countries (ISO2), as commonly
// meant in news writing.
struct Region {
  std::string_view name;
  std::string_view countries;  // ISO2 codes separated by spaces
};
constexpr Region kRegions[] = {
    {"sahel", "SN MR ML BF NE NG TD SD ER CM GM"},
    {"maghreb", "MA DZ TN LY MR EH"},
    {"horn of africa", "ET ER DJ SO"},
    {"balkans", "AL BA BG HR XK ME MK RS SI GR RO"},
    {"caucasus", "GE AM AZ RU"},
    {"levant", "SY LB JO IL PS CY"},
    {"middle east", "IQ IR SY LB JO IL PS SA YE OM AE QA BH KW EG TR"},
    {"great lakes", "CD RW BI UG TZ KE"},
    {"lake chad", "NG NE TD CM"},
};

bool Member(std::string_view countries, std::string_view cc) {
  for (size_t i = 0; i + 2 <= countries.size(); i += 3)
    if (countries.substr(i, 2) == cc) return true;
  return false;
}

}  // namespace

void Linker::DropSupranationalDivisions() {
  if (!kb_.gazetteer) return;
  const Gazetteer& g = *kb_.gazetteer;
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex || c.w0 == 0 ||
        c.w1 <= c.w0 || c.w1 > words_.size() || words_[c.w0 - 1].lower != "the")
      continue;
    // The name without a trailing division word ("Sahel region" -> "sahel").
    uint32_t w1 = c.w1;
    if (w1 - c.w0 > 1 && IsFirstLevelWord(words_[w1 - 1].lower)) --w1;
    std::string name = FoldName(SpanText(c.w0, w1));
    const Region* region = nullptr;
    for (const Region& r : kRegions)
      if (r.name == name) region = &r;
    if (region == nullptr) continue;
    auto other_member = [&](std::string_view own) {
      return std::any_of(doc_countries_.begin(), doc_countries_.end(), [&](const std::string& cc) {
        return cc != own && Member(region->countries, cc);
      });
    };
    c.place_hits.erase(std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                                      [&](const NameHit& h) {
                                        const PlaceRecord& p = g.place(h.place);
                                        return (p.kind == PlaceKind::kAdmin1 ||
                                                p.kind == PlaceKind::kAdmin2) &&
                                               other_member(std::string_view(p.country, 2));
                                      }),
                       c.place_hits.end());
    if (c.place_hits.empty()) c.dropped = true;
  }
}

}  // namespace sitrep::know
