#include "sitrep/know/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "know/gazetteer_format.h"
#include "sitrep/know/normalize.h"

namespace sitrep {

namespace fmt = gazetteer_format;

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kPoint: return "point";
    case Precision::kCity: return "city";
    case Precision::kAdmin1: return "admin1";
    case Precision::kCountry: return "country";
  }
  return "";
}

Gazetteer::~Gazetteer() {
  if (map_) munmap(map_, map_size_);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open gazetteer index");
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(fmt::Header))) {
    close(fd);
    return Status::DataLoss(path + ": gazetteer index too short");
  }
  void* map = mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return Status::IoError(path + ": mmap failed");
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->map_ = map;
  g->map_size_ = st.st_size;
  g->data_ = static_cast<const char*>(map);
  g->size_ = st.st_size;
  Status s = g->Init();
  if (!s.ok()) return s.WithContext(path);
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->owned_ = std::move(bytes);
  g->data_ = g->owned_.data();
  g->size_ = g->owned_.size();
  RETURN_IF_ERROR(g->Init());
  return g;
}

Status Gazetteer::Init() {
  if (size_ < sizeof(fmt::Header)) return Status::DataLoss("gazetteer index too short");
  fmt::Header h;
  std::memcpy(&h, data_, sizeof(h));
  if (std::memcmp(h.magic, fmt::kMagic, 8) != 0) return Status::DataLoss("not a gazetteer index");
  if (h.version != fmt::kVersion)
    return Status::DataLoss("gazetteer index version " + std::to_string(h.version) +
                            ", expected " + std::to_string(fmt::kVersion) + " (rebuild it)");
  if (XXH3_64bits(data_ + sizeof(h), size_ - sizeof(h)) != h.checksum)
    return Status::DataLoss("gazetteer index checksum mismatch");
  if (h.dir_bits > 24) return Status::DataLoss("gazetteer directory too large");
  auto section = [&](uint64_t off, uint64_t bytes) {
    return off % 8 == 0 && off >= sizeof(h) && off <= size_ && bytes <= size_ - off;
  };
  uint64_t dir_n = (uint64_t{1} << h.dir_bits) + 1;
  if (!section(h.off_places, uint64_t{h.n_places} * sizeof(PlaceRecord)) ||
      !section(h.off_hashes, uint64_t{h.n_keys} * 8) ||
      !section(h.off_values, uint64_t{h.n_keys} * 4) || !section(h.off_dir, dir_n * 4) ||
      !section(h.off_strings, h.strings_size) || h.strings_size == 0)
    return Status::DataLoss("gazetteer section out of bounds");
  if (h.off_actors != 0) {
    uint64_t n = 0;
    if (!section(h.off_actors, 8)) return Status::DataLoss("gazetteer actor section out of bounds");
    std::memcpy(&n, data_ + h.off_actors, 8);
    if (n > size_ - h.off_actors - 8) return Status::DataLoss("gazetteer actor section out of bounds");
    actors_blob_ = std::string_view(data_ + h.off_actors + 8, n);
  }
  places_ = reinterpret_cast<const PlaceRecord*>(data_ + h.off_places);
  n_places_ = h.n_places;
  key_hashes_ = reinterpret_cast<const uint64_t*>(data_ + h.off_hashes);
  key_values_ = reinterpret_cast<const uint32_t*>(data_ + h.off_values);
  n_keys_ = h.n_keys;
  dir_ = reinterpret_cast<const uint32_t*>(data_ + h.off_dir);
  dir_bits_ = h.dir_bits;
  strings_ = data_ + h.off_strings;
  strings_size_ = h.strings_size;
  if (strings_[strings_size_ - 1] != '\0') return Status::DataLoss("gazetteer strings unterminated");
  for (uint64_t i = 0; i + 1 < dir_n; ++i)
    if (dir_[i] > dir_[i + 1]) return Status::DataLoss("gazetteer directory not sorted");
  if (dir_[dir_n - 1] != n_keys_) return Status::DataLoss("gazetteer directory inconsistent");
  for (uint32_t i = 0; i < n_keys_; ++i)
    if ((key_values_[i] >> 2) >= n_places_) return Status::DataLoss("gazetteer key out of range");
  std::fill(std::begin(country_by_code_), std::end(country_by_code_), kNoIndex);
  std::fill(std::begin(capital_by_code_), std::end(capital_by_code_), kNoIndex);
  for (uint32_t i = 0; i < n_places_; ++i) {
    const PlaceRecord& p = places_[i];
    bool coded = p.country[0] >= 'A' && p.country[0] <= 'Z' && p.country[1] >= 'A' && p.country[1] <= 'Z';
    if (coded && p.feature == Feature::kCapital) {
      uint32_t& cap = capital_by_code_[(p.country[0] - 'A') * 26 + (p.country[1] - 'A')];
      if (cap == kNoIndex || p.population > places_[cap].population) cap = i;
    }
    if (p.name >= strings_size_ || p.extra >= strings_size_ ||
        (p.admin1 != kNoIndex && p.admin1 >= n_places_) ||
        static_cast<uint8_t>(p.kind) > 5 || !std::isfinite(p.lat) || !std::isfinite(p.lon))
      return Status::DataLoss("gazetteer place " + std::to_string(i) + " malformed");
    if (p.kind == PlaceKind::kCountry && p.country[0] >= 'A' && p.country[0] <= 'Z' &&
        p.country[1] >= 'A' && p.country[1] <= 'Z') {
      country_by_code_[(p.country[0] - 'A') * 26 + (p.country[1] - 'A')] = i;
      countries_.push_back(i);
    }
  }
  return Status::Ok();
}

std::string_view Gazetteer::String(uint32_t offset) const {
  if (offset >= strings_size_) return {};
  return std::string_view(strings_ + offset);
}

std::string_view Gazetteer::Demonym(uint32_t i) const {
  return places_[i].kind == PlaceKind::kCountry ? String(places_[i].extra) : std::string_view();
}

void Gazetteer::LookupKey(std::string_view key, std::vector<NameHit>* out) const {
  out->clear();
  if (key.empty() || n_keys_ == 0) return;
  uint64_t h = KeyHash(key);
  uint64_t bucket = dir_bits_ == 0 ? 0 : h >> (64 - dir_bits_);
  uint32_t lo = dir_[bucket], hi = dir_[bucket + 1];
  const uint64_t* first = std::lower_bound(key_hashes_ + lo, key_hashes_ + hi, h);
  for (const uint64_t* it = first; it != key_hashes_ + hi && *it == h; ++it) {
    uint32_t v = key_values_[it - key_hashes_];
    out->push_back({v >> 2, static_cast<NameRole>(v & 3)});
  }
}

void Gazetteer::Lookup(std::string_view name, std::vector<NameHit>* out) const {
  LookupKey(NameKey(name), out);
}

std::string SpelledKey(std::string_view folded) { return "=" + std::string(folded); }

bool Gazetteer::SpelledAlternate(uint32_t place, std::string_view folded) const {
  if (folded.empty()) return false;
  std::vector<NameHit> hits;
  LookupKey(SpelledKey(folded), &hits);
  for (const NameHit& h : hits)
    if (h.place == place) return true;
  return false;
}

uint32_t Gazetteer::CountryIndex(std::string_view iso2) const {
  if (iso2.size() != 2) return kNoIndex;
  char a = iso2[0] & ~0x20, b = iso2[1] & ~0x20;
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return kNoIndex;
  return country_by_code_[(a - 'A') * 26 + (b - 'A')];
}

uint32_t Gazetteer::CapitalIndex(std::string_view iso2) const {
  uint32_t country = CountryIndex(iso2);
  if (country == kNoIndex) return kNoIndex;
  return capital_by_code_[(places_[country].country[0] - 'A') * 26 + (places_[country].country[1] - 'A')];
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace sitrep
