// Chooses the place a name means in a document: candidates from the gazetteer scored by
// population and feature type, by the countries and divisions the document mentions, by
// distance to its other places and by qualifiers ("X province", "the Syrian capital").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/know/gazetteer.h"

namespace sitrep {

// A resolved place, as printed in `geo`.
struct Geo {
  uint32_t place = kNoIndex;  // gazetteer index
  uint32_t geonameid = 0;     // 0 for our own sites and for countries
  double lat = 0, lon = 0;
  std::string name, admin1, country;
  Precision precision = Precision::kCity;
};

// What the document says around the name.
struct PlaceContext {
  std::vector<std::string> countries;       // ISO2 codes the document mentions
  std::vector<uint32_t> admin1;             // admin1 places the document mentions
  std::vector<std::pair<float, float>> points;  // lat/lon of places already resolved
  std::string qualifier_country;            // "the Syrian capital" -> "SY"
  bool want_capital = false;
  bool want_admin1 = false;                 // "X province"
  bool want_admin2 = false;                 // "X district", "X LGA"
};

struct ScoredPlace {
  uint32_t place;
  double score;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : g_(gazetteer) {}

  // Candidates for gazetteer hits, best first (empty when none is acceptable).
  std::vector<ScoredPlace> Score(const std::vector<NameHit>& hits, const PlaceContext& ctx) const;
  // The best place for `name`, or nullopt.
  std::optional<Geo> Resolve(std::string_view name, const PlaceContext& ctx) const;
  // The Geo of a gazetteer place (precision from its kind).
  Geo MakeGeo(uint32_t place) const;
  // The capital of a country (ISO2), kNoIndex when unknown.
  uint32_t Capital(std::string_view iso2) const;

 private:
  const Gazetteer& g_;
  mutable std::vector<NameHit> hits_;
};

// Lowers a precision one step for relative phrases: point -> city -> admin1.
Precision Coarser(Precision p);

}  // namespace sitrep
