#include "sitrep/know/place_resolver.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sitrep {
namespace {

// Weights of the evidence; the population term is log10(population + 10).
constexpr double kCountryBonus = 8.0;
constexpr double kAdmin1Bonus = 1.5;
// A division named like its own city (Baghdad, Kerman) means the city unless qualified.
constexpr double kAdmin1OwnCityPenalty = -3.0;
constexpr double kAdmin2Bonus = 1.0;
constexpr double kSiteBonus = 6.0;
constexpr double kDistrictBonus = 4.0;
constexpr double kCapitalBonus = 2.5;
constexpr double kAdmin1SeatBonus = 1.5;
constexpr double kAdminSeatBonus = 0.7;
constexpr double kSectionPenalty = -1.5;
constexpr double kPrimaryNameBonus = 0.8;
constexpr double kDocCountryBonus = 4.0;
constexpr double kForeignPenalty = -1.0;
constexpr double kDocAdmin1Bonus = 3.0;
constexpr double kNearbyBonus = 2.0;
constexpr double kNearbyKm = 200.0;
// A division or town named like a sea, when the text does not ask for a division.
constexpr double kWaterHomonymPenalty = -6.0;

}  // namespace

Precision Coarser(Precision p) {
  switch (p) {
    case Precision::kPoint: return Precision::kCity;
    case Precision::kCity: return Precision::kAdmin1;
    default: return p;
  }
}

std::vector<ScoredPlace> PlaceResolver::Score(const std::vector<NameHit>& hits,
                                              const PlaceContext& ctx) const {
  std::vector<ScoredPlace> out;
  // A name shared by a sea and a division ("the Red Sea", Sudan's Red Sea state) is the sea
  // unless the text asks for the division ("Red Sea state").
  bool water = std::any_of(hits.begin(), hits.end(), [&](const NameHit& h) {
    return g_.place(h.place).feature == Feature::kWater;
  });
  for (const NameHit& h : hits) {
    const PlaceRecord& p = g_.place(h.place);
    std::string_view cc(p.country, 2);
    if (ctx.want_capital && (p.feature != Feature::kCapital || cc != ctx.qualifier_country))
      continue;
    if (ctx.want_admin1 && p.kind != PlaceKind::kAdmin1) continue;
    if (ctx.want_admin2 && p.kind != PlaceKind::kAdmin2) continue;
    double s = std::log10(static_cast<double>(p.population) + 10.0);
    switch (p.kind) {
      case PlaceKind::kCountry: s += kCountryBonus; break;
      case PlaceKind::kAdmin1:
        s += kAdmin1Bonus;
        if (!ctx.want_admin1)
          for (const NameHit& o : hits)
            if (g_.place(o.place).kind == PlaceKind::kCity && g_.place(o.place).admin1 == h.place) {
              s += kAdmin1OwnCityPenalty;
              break;
            }
        break;
      case PlaceKind::kAdmin2:
        // Named like a town of its own first-level division: the town, unless qualified.
        s += kAdmin2Bonus;
        if (!ctx.want_admin2)
          for (const NameHit& o : hits)
            if (g_.place(o.place).kind == PlaceKind::kCity && g_.place(o.place).admin1 == p.admin1) {
              s += kAdmin1OwnCityPenalty;
              break;
            }
        break;
      case PlaceKind::kSite: s += kSiteBonus; break;
      case PlaceKind::kDistrict: s += kDistrictBonus; break;
      case PlaceKind::kCity: break;
    }
    if (water && p.feature != Feature::kWater && !ctx.want_admin1 && !ctx.want_admin2)
      s += kWaterHomonymPenalty;
    switch (p.feature) {
      case Feature::kCapital: s += kCapitalBonus; break;
      case Feature::kAdmin1Seat: s += kAdmin1SeatBonus; break;
      case Feature::kAdminSeat: s += kAdminSeatBonus; break;
      case Feature::kSection: s += kSectionPenalty; break;
      default: break;
    }
    if (h.role == NameRole::kPrimary || h.role == NameRole::kDemonym) s += kPrimaryNameBonus;
    if (!ctx.countries.empty() && p.kind != PlaceKind::kCountry) {
      bool in_doc = std::find(ctx.countries.begin(), ctx.countries.end(), cc) != ctx.countries.end();
      s += in_doc ? kDocCountryBonus : kForeignPenalty;
    }
    if (p.admin1 != kNoIndex && p.kind != PlaceKind::kAdmin1 &&
        std::find(ctx.admin1.begin(), ctx.admin1.end(), p.admin1) != ctx.admin1.end())
      s += kDocAdmin1Bonus;
    if (p.kind != PlaceKind::kCountry)
      for (const auto& [lat, lon] : ctx.points)
        if (DistanceKm(lat, lon, p.lat, p.lon) < kNearbyKm) { s += kNearbyBonus; break; }
    out.push_back({h.place, s});
  }
  std::sort(out.begin(), out.end(), [](const ScoredPlace& a, const ScoredPlace& b) {
    return a.score != b.score ? a.score > b.score : a.place < b.place;
  });
  return out;
}

std::optional<Geo> PlaceResolver::Resolve(std::string_view name, const PlaceContext& ctx) const {
  g_.Lookup(name, &hits_);
  std::vector<ScoredPlace> scored = Score(hits_, ctx);
  if (scored.empty()) return std::nullopt;
  return MakeGeo(scored[0].place);
}

Geo PlaceResolver::MakeGeo(uint32_t i) const {
  const PlaceRecord& p = g_.place(i);
  Geo geo;
  geo.place = i;
  geo.geonameid = p.geonameid;
  geo.lat = std::round(static_cast<double>(p.lat) * 1e5) / 1e5;
  geo.lon = std::round(static_cast<double>(p.lon) * 1e5) / 1e5;
  geo.name = g_.Name(i);
  geo.country = std::isupper(static_cast<unsigned char>(p.country[0])) ? std::string(p.country, 2) : "";
  if (p.admin1 != kNoIndex) geo.admin1 = g_.Name(p.admin1);
  switch (p.kind) {
    case PlaceKind::kCountry: geo.precision = Precision::kCountry; break;
    case PlaceKind::kAdmin1:
    case PlaceKind::kAdmin2: geo.precision = Precision::kAdmin1; break;
    case PlaceKind::kCity: geo.precision = Precision::kCity; break;
    case PlaceKind::kSite:
    case PlaceKind::kDistrict: geo.precision = Precision::kPoint; break;
  }
  return geo;
}

uint32_t PlaceResolver::Capital(std::string_view iso2) const { return g_.CapitalIndex(iso2); }

}  // namespace sitrep
