#include "sitrep/fuse/undated_identity.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/fuse/blocking.h"
#include "sitrep/fuse/identity.h"
#include "sitrep/fuse/report_features.h"
#include "sitrep/know/gazetteer.h"

namespace sitrep {
namespace {

// Both name one armed actor the dictionary knows (a rebel group, a militia, a state's forces),
// kinds that take part in violence; a news agency, a body like the United Nations, a country
// read as an actor, a government or a person met in every story of a country are not counted.
bool SharesArmedActor(const Event& a, const Event& b) {
  auto key = [](const std::optional<EventActor>& actor) -> std::string {
    if (!actor || actor->id.empty() || actor->id.rfind("new:", 0) == 0) return "";
    static constexpr std::string_view kArmed[] = {"rebel_group", "militia", "state_military",
                                                  "police", "intelligence"};
    for (std::string_view k : kArmed) {
      if (actor->kind == k) return actor->id;
    }
    return "";
  };
  std::string a1 = key(a.actor1), a2 = key(a.actor2), b1 = key(b.actor1), b2 = key(b.actor2);
  return (!a1.empty() && (a1 == b1 || a1 == b2)) || (!a2.empty() && (a2 == b1 || a2 == b2));
}

bool BothTellDeaths(const Event& a, const Event& b) {
  return a.fatalities && b.fatalities && a.fatalities->best > 0 && b.fatalities->best > 0;
}

// Two reports at one specific place: both a town or site, named alike or within near_km.
bool SameSpecificPlace(const Event& a, const Event& b, const FusionOptions& options) {
  if (!a.location || !b.location) return false;
  const EventPlace& p = *a.location;
  const EventPlace& q = *b.location;
  if (PlacePrecisionRank(p.precision) > 1 || PlacePrecisionRank(q.precision) > 1) return false;
  if (SamePlaceName(p, q)) return true;
  return p.has_coords && q.has_coords &&
         DistanceKm(p.lat, p.lon, q.lat, q.lon) <= options.near_km;
}

}  // namespace

bool UndatedIdentity(const Event& a, const Event& b, const FusionOptions& options) {
  if (UsablyDated(a, options) && UsablyDated(b, options)) return false;
  // A window wider than name_window_days (a year's summary) links by sentence only, and a
  // report placed in no country is compared with every country: neither links here.
  if (!NarrowOrUndated(a, options) || !NarrowOrUndated(b, options)) return false;
  if (Placeless(a) || Placeless(b)) return false;
  // Strong: what one incident's reports share and another incident's rarely do. Weak: what
  // every incident of one perpetrator or with deaths shares.
  const bool same_place = SameSpecificPlace(a, b, options);
  const bool figure = SameFigure(a, b, options.min_shared_figure);
  if (std::getenv("SITREP_AB_OLD")) {  // TEMP A/B
    const int strong = (CachedSharedNames(a, b) > 0) + figure;
    const int weak = SharesArmedActor(a, b) + (same_place && BothTellDeaths(a, b));
    if (same_place) return strong >= 1 || weak >= 2;
    return strong >= 1 && strong + weak >= 2;
  }
  if (same_place) {
    // At one town its own name is shared by every incident there (regression: an undated
    // report naming its town joined any event of that town, bench/results/fusion.md s8).
    return SharedNamesBeyondPlaces(a, b) > 0 || figure ||
           (SharesArmedActor(a, b) && BothTellDeaths(a, b));
  }
  const int strong = (CachedSharedNames(a, b) > 0) + figure;
  return strong >= 1 && strong + SharesArmedActor(a, b) >= 2;
}

}  // namespace sitrep
