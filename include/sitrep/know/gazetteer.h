// The compiled gazetteer: GeoNames cities500 places, first- and second-level divisions,
// countries and our own supplement (data/places.tsv), looked up by NameKey. Our own binary
// format (see gazetteer_format.h): versioned, checksummed, bounds-checked, read through mmap.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

// kDistrict: a district or street of a city (our supplement); kAdmin2: a second-level division
// (GeoNames admin2, located at the mean of its cities500 places; admin1 = its parent).
enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2, kSite = 3, kDistrict = 4,
                                 kAdmin2 = 5 };
enum class Precision : uint8_t { kPoint = 0, kCity = 1, kAdmin1 = 2, kCountry = 3 };
std::string_view PrecisionName(Precision p);  // "point" | "city" | "admin1" | "country"

// Feature detail for cities: capital, seat of a division, ordinary populated place, section;
// kWater: a sea, gulf or lake of our supplement (a site of no country).
enum class Feature : uint8_t { kPlace = 0, kCapital = 1, kAdmin1Seat = 2, kAdminSeat = 3,
                               kSection = 4, kOther = 5, kWater = 6 };

inline constexpr uint32_t kNoIndex = 0xFFFFFFFFu;
// Towns this large keep their alternate spellings as written (Gazetteer::SpelledAlternate).
inline constexpr uint32_t kExonymPopulation = 50000;
// The key under which a spelled alternate is stored: never a NameKey (those have no '=').
std::string SpelledKey(std::string_view folded);

// One place as stored (32 bytes, little-endian on disk).
struct PlaceRecord {
  uint32_t geonameid;    // 0 for our own sites without a GeoNames id
  float lat, lon;
  uint32_t population;
  uint32_t name;         // offset of a NUL-terminated UTF-8 string in the string pool
  uint32_t admin1;       // index of the admin1 place, kNoIndex when unknown
  char country[2];       // ISO 3166-1 alpha-2
  PlaceKind kind;
  Feature feature;
  uint32_t extra;        // countries: offset of the demonym string; others: 0
};
static_assert(sizeof(PlaceRecord) == 32);

// How a key names a place.
enum class NameRole : uint8_t { kPrimary = 0, kAlternate = 1, kDemonym = 2, kCode = 3 };

struct NameHit {
  uint32_t place;
  NameRole role;
};

class Gazetteer {
 public:
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Maps and checks the index file (magic, version, checksum, every offset in bounds).
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // Checks and adopts index bytes held in memory (for tests and the builder).
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);

  size_t size() const { return n_places_; }
  const PlaceRecord& place(uint32_t i) const { return places_[i]; }
  std::string_view Name(uint32_t i) const { return String(places_[i].name); }
  std::string_view Demonym(uint32_t i) const;  // countries only, else ""
  std::string_view String(uint32_t offset) const;

  // Places whose key (NameKey) equals `key`; appends to `out` (cleared first).
  void LookupKey(std::string_view key, std::vector<NameHit>* out) const;
  // LookupKey(NameKey(name)).
  void Lookup(std::string_view name, std::vector<NameHit>* out) const;
  // True when `folded` (FoldName of a text) is one of the place's own alternate spellings as
  // written, not merely a normalised key ("Geneva" for Genève; "Kiro" is only Kiel's key).
  // Stored for towns of at least kExonymPopulation people.
  bool SpelledAlternate(uint32_t place, std::string_view folded) const;
  // The country place for an ISO2 code, kNoIndex when unknown.
  uint32_t CountryIndex(std::string_view iso2) const;
  // The capital of a country (ISO2): its most populous place marked capital, kNoIndex when
  // unknown. A table built at load: O(1).
  uint32_t CapitalIndex(std::string_view iso2) const;
  // The compiled actor dictionary stored in the index ("" when the index has none).
  std::string_view CompiledActors() const { return actors_blob_; }
  // Every country place index.
  std::span<const uint32_t> Countries() const { return countries_; }

 private:
  Gazetteer() = default;
  Status Init();

  std::string owned_;             // FromBytes
  void* map_ = nullptr;           // Load (mmap)
  size_t map_size_ = 0;
  const char* data_ = nullptr;
  size_t size_ = 0;
  const PlaceRecord* places_ = nullptr;
  uint32_t n_places_ = 0;
  const uint64_t* key_hashes_ = nullptr;
  const uint32_t* key_values_ = nullptr;  // place index << 2 | role
  uint32_t n_keys_ = 0;
  const uint32_t* dir_ = nullptr;
  uint32_t dir_bits_ = 0;
  const char* strings_ = nullptr;
  uint32_t strings_size_ = 0;
  std::vector<uint32_t> countries_;
  uint32_t country_by_code_[26 * 26];
  uint32_t capital_by_code_[26 * 26];
  std::string_view actors_blob_;
};

// Great-circle distance in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sitrep
