#include "sitrep/fuse/undated_identity.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sitrep/fuse/blocking.h"
#include "sitrep/fuse/identity.h"
#include "sitrep/fuse/report_features.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

// Both name one armed actor the dictionary knows (a rebel group, a militia, a state's forces),
// kinds that take part in violence; a news agency, a body like the United Nations, a country
// read as an actor, a government or a person met in every story of a country are not counted.
std::string ArmedActorKey(const std::optional<EventActor>& actor) {
  if (!actor || actor->id.empty() || actor->id.rfind("new:", 0) == 0) return "";
  static constexpr std::string_view kArmed[] = {"rebel_group", "militia", "state_military",
                                                "police", "intelligence"};
  for (std::string_view k : kArmed) {
    if (actor->kind == k) return actor->id;
  }
  return "";
}

bool SharesArmedActor(const Event& a, const Event& b) {
  auto key = ArmedActorKey;
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

std::string LowerAscii(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Grid cells (of an Earth-centred cube grid of kUndatedCellKm) of a point, or of every point
// within `km` of it when km > 0: a chord is never longer than its arc, so two places within
// km share a cell of one's ball and the other's own cell.
std::vector<std::string> Cells(const EventPlace& p, double km) {
  constexpr double kRadiusKm = 6371.0, kDeg = 3.14159265358979323846 / 180;
  const double lat = p.lat * kDeg, lon = p.lon * kDeg;
  const double xyz[3] = {kRadiusKm * std::cos(lat) * std::cos(lon),
                         kRadiusKm * std::cos(lat) * std::sin(lon), kRadiusKm * std::sin(lat)};
  int64_t lo[3], hi[3];
  for (int d = 0; d < 3; ++d) {
    lo[d] = static_cast<int64_t>(std::floor((xyz[d] - km) / kUndatedCellKm));
    hi[d] = static_cast<int64_t>(std::floor((xyz[d] + km) / kUndatedCellKm));
  }
  std::vector<std::string> out;
  for (int64_t x = lo[0]; x <= hi[0]; ++x) {
    for (int64_t y = lo[1]; y <= hi[1]; ++y) {
      for (int64_t z = lo[2]; z <= hi[2]; ++z) {
        out.push_back(std::to_string(x) + "," + std::to_string(y) + "," + std::to_string(z));
      }
    }
  }
  return out;
}

int64_t Hash(const std::string& key) {
  return static_cast<int64_t>(XXH3_64bits(key.data(), key.size()));
}

void SortUnique(std::vector<int64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

UndatedKeys UndatedIdentityKeys(const Event& e, const FusionOptions& options) {
  UndatedKeys k;
  k.takes_part = NarrowOrUndated(e, options) && !Placeless(e);
  if (!k.takes_part) return k;
  k.undated = !UsablyDated(e, options);
  // The items UndatedIdentity compares: names (own: a word of the report's town or
  // province), tolls, armed actors; towns and cells only for a specific place.
  std::set<std::string> own;
  for (const std::string* name : {&e.location->name, &e.location->admin1}) {
    for (std::string_view w : NameWords(*name)) own.insert(NameKey(w));
  }
  std::vector<std::string> figures, actors, towns;
  if (e.fatalities && e.fatalities->best >= options.min_shared_figure) {
    figures.push_back("f" + std::to_string(e.fatalities->best));
  }
  if (e.injured && e.injured->best >= options.min_shared_figure) {
    figures.push_back("i" + std::to_string(e.injured->best));
  }
  for (const std::string& a : {ArmedActorKey(e.actor1), ArmedActorKey(e.actor2)}) {
    if (!a.empty()) actors.push_back(a);
  }
  const EventPlace& p = *e.location;
  const bool specific = PlacePrecisionRank(p.precision) <= 1;
  if (specific && p.geonameid != 0) towns.push_back("g" + std::to_string(p.geonameid));
  if (specific && !p.name.empty()) towns.push_back("n" + LowerAscii(p.name));
  auto both = [&](const std::string& key) {
    k.stored.push_back(Hash(key));
    k.queried.push_back(Hash(key));
  };
  // A shared name: plain for names beyond the report's own place; a name of its own place
  // (shared by every incident there) only with a toll or armed actor, as the coarse rule asks.
  for (const std::string& x : *CachedDistinctiveNames(e)) {
    k.queried.push_back(Hash("n|" + x));
    if (!own.count(x)) k.stored.push_back(Hash("n|" + x));
    for (const std::vector<std::string>* items : {&figures, &actors}) {
      for (const std::string& y : *items) {
        (own.count(x) ? k.stored : k.queried).push_back(Hash("p|" + x + "|" + y));
      }
    }
  }
  for (const std::string& f : figures) {
    for (const std::string& a : actors) both("fa|" + f + "|" + a);
  }
  // At one specific place: a toll, or an armed actor with deaths told by both.
  std::vector<std::string> here = figures;
  if (e.fatalities && e.fatalities->best > 0) {
    for (const std::string& a : actors) here.push_back("a" + a);
  }
  for (const std::string& item : specific ? here : std::vector<std::string>{}) {
    for (const std::string& t : towns) both("t|" + item + "|" + t);
    if (!p.has_coords) continue;
    for (const std::string& c : Cells(p, 0)) k.stored.push_back(Hash("c|" + item + "|" + c));
    for (const std::string& c : Cells(p, options.near_km)) {
      k.queried.push_back(Hash("c|" + item + "|" + c));
    }
  }
  SortUnique(&k.stored);
  SortUnique(&k.queried);
  return k;
}

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
