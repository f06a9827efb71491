#include "sitrep/know/actors.h"
#include "know/tsv.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include "know/actor_blob.h"

#include "sitrep/base/date.h"
#include "sitrep/base/file.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

constexpr uint64_t kMaxDictBytes = 64ull << 20;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

using know::Split;

bool IsAcronym(std::string_view alias) {
  int letters = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '-' && !(c >= '0' && c <= '9')) return false;
  }
  return letters > 0 && letters <= 6;
}

}  // namespace

Result<ActorRole> ParseActorRole(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::string_view p : Split(Trim(text), ' '))
    if (!p.empty()) parts.push_back(p);
  if (parts.size() < 2 || parts.size() > 3) return Status::InvalidArgument("bad role: " + std::string(text));
  ActorRole r;
  r.country = parts[0] == "--" ? "" : std::string(parts[0]);
  r.role = std::string(parts[1]);
  if (parts.size() == 3) {
    size_t dots = parts[2].find("..");
    if (dots == std::string_view::npos) return Status::InvalidArgument("bad role dates: " + std::string(text));
    std::string_view a = parts[2].substr(0, dots), b = parts[2].substr(dots + 2);
    if (!a.empty()) {
      auto d = ParseIsoDate(a);
      if (!d) return Status::InvalidArgument("bad role date: " + std::string(a));
      r.from = *d;
    }
    if (!b.empty()) {
      auto d = ParseIsoDate(b);
      if (!d) return Status::InvalidArgument("bad role date: " + std::string(b));
      r.to = *d;
    }
  }
  return r;
}

Status ActorDictionary::LoadBlocks(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFileBytes(path, kMaxDictBytes));
  Actor cur;
  bool open = false;
  auto flush = [&]() -> Status {
    if (!open) return Status::Ok();
    open = false;
    if (cur.id.empty() || cur.name.empty()) return Status::DataLoss("actor without id or name");
    cur.source = ActorSource::kCurated;
    by_id_[cur.id] = static_cast<uint32_t>(actors_.size());
    actors_.push_back(std::move(cur));
    cur = Actor();
    return Status::Ok();
  };
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    std::string_view t = Trim(line);
    if (!t.empty() && t[0] == '#') continue;
    std::string where = path + ":" + std::to_string(line_no);
    if (t.empty()) {
      RETURN_IF_ERROR(flush().WithContext(where));
      continue;
    }
    size_t colon = t.find(':');
    if (colon == std::string_view::npos) return Status::DataLoss(where + ": expected 'key: value'");
    std::string_view key = Trim(t.substr(0, colon)), value = Trim(t.substr(colon + 1));
    open = true;
    if (key == "id") cur.id = value;
    else if (key == "name") cur.name = value;
    else if (key == "kind") cur.kind = value;
    else if (key == "country") cur.country = value;
    else if (key == "parent") cur.parent = value;
    else if (key == "alias") cur.aliases.emplace_back(value);
    else if (key == "role") {
      Result<ActorRole> r = ParseActorRole(value);
      if (!r.ok()) return r.status().WithContext(where);
      cur.roles.push_back(std::move(r).value());
    } else {
      return Status::DataLoss(where + ": unknown key '" + std::string(key) + "'");
    }
  }
  return flush().WithContext(path);
}

Status ActorDictionary::LoadTsv(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFileBytes(path, kMaxDictBytes));
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 7)
      return Status::DataLoss(path + ":" + std::to_string(line_no) + ": expected 7 columns");
    Actor a;
    a.id = f[0];
    a.name = f[1];
    a.kind = f[2];
    a.country = f[3];
    a.parent = f[4];
    for (std::string_view al : Split(f[5], '|'))
      if (!al.empty()) a.aliases.emplace_back(al);
    for (std::string_view r : Split(f[6], ';')) {
      if (r.empty()) continue;
      Result<ActorRole> role = ParseActorRole(r);
      if (role.ok()) a.roles.push_back(std::move(role).value());
    }
    a.source = ActorSource::kPhoenix;
    if (by_id_.count(a.id)) a.id = "phoenix_" + a.id;
    if (by_id_.count(a.id)) continue;
    by_id_[a.id] = static_cast<uint32_t>(actors_.size());
    actors_.push_back(std::move(a));
  }
  return Status::Ok();
}

namespace {

Result<std::vector<std::string>> FolderFiles(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string f = e.path().string();
    if (f.size() > 4 && (f.substr(f.size() - 4) == ".txt" || f.substr(f.size() - 4) == ".tsv"))
      files.push_back(f);
  }
  if (ec) return Status::NotFound(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Result<uint64_t> ActorDictionary::FolderHash(const std::string& dir) {
  ASSIGN_OR_RETURN(std::vector<std::string> files, FolderFiles(dir));
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const std::string& f : files) {
    Result<std::string> bytes = ReadFileBytes(f, kMaxDictBytes);
    if (!bytes.ok()) {
      XXH3_freeState(state);
      return bytes.status();
    }
    std::string name = std::filesystem::path(f).filename().string();
    XXH3_64bits_update(state, name.data(), name.size() + 1);
    XXH3_64bits_update(state, bytes->data(), bytes->size());
  }
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

Status ActorDictionary::LoadFolder(const std::string& dir) {
  ASSIGN_OR_RETURN(std::vector<std::string> files, FolderFiles(dir));
  // Curated blocks first so that their ids win.
  for (const std::string& f : files)
    if (f.size() > 4 && f.substr(f.size() - 4) == ".txt") RETURN_IF_ERROR(LoadBlocks(f));
  for (const std::string& f : files)
    if (f.size() > 4 && f.substr(f.size() - 4) == ".tsv") RETURN_IF_ERROR(LoadTsv(f));
  return Status::Ok();
}

void ActorDictionary::AddCountryActors(const Gazetteer& g) {
  // Most populous first: a shared demonym ("American") means the largest country.
  std::vector<uint32_t> countries(g.Countries().begin(), g.Countries().end());
  std::stable_sort(countries.begin(), countries.end(), [&](uint32_t a, uint32_t b) {
    return g.place(a).population > g.place(b).population;
  });
  for (uint32_t ci : countries) {
    const PlaceRecord& p = g.place(ci);
    std::string cc(p.country, 2), lower = cc;
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    std::string name(g.Name(ci)), dem(g.Demonym(ci));
    if (dem.empty()) dem = name;
    auto add = [&](const char* suffix, const char* kind, std::string canonical,
                   std::vector<std::string> aliases) {
      std::string id = lower + "_" + suffix;
      if (by_id_.count(id)) return;
      Actor a;
      a.id = id;
      a.name = std::move(canonical);
      a.kind = kind;
      a.country = cc;
      a.aliases = std::move(aliases);
      a.source = ActorSource::kCountry;
      by_id_[a.id] = static_cast<uint32_t>(actors_.size());
      actors_.push_back(std::move(a));
    };
    add("government", "government", "Government of " + name,
        {name + " government", dem + " government", "government of " + name,
         dem + " authorities", dem + " officials", dem + " official", name + "'s government",
         dem + " administration", dem + " cabinet"});
    add("military", "state_military", name + " armed forces",
        {dem + " military", dem + " army", dem + " armed forces", dem + " forces",
         dem + " troops", dem + " soldiers", dem + " security forces", name + "'s military",
         name + "'s army", "armed forces of " + name, dem + " defense ministry",
         dem + " defence ministry", dem + " ministry of defense", dem + " ministry of defence",
         dem + " defense official", dem + " defense officials", dem + " defence official",
         dem + " defence officials", dem + " military official", dem + " military officials",
         dem + " air force", dem + " navy", dem + " warplanes", dem + " military officials"});
    add("police", "police", name + " police",
        {dem + " police", dem + " police force", dem + " police forces", name + "'s police",
         dem + " interior ministry", dem + " ministry of interior"});
    // The same with the country's code or name as the adjective ("US military", "UK forces").
    for (const std::string& adj : {cc, name}) {
      // Skip codes that read as a word or an article ("AR", "AS").
      if (adj == dem || NameKey(adj + " forces") == NameKey("forces")) continue;
      Actor& gov = actors_[by_id_[lower + "_government"]];
      Actor& mil = actors_[by_id_[lower + "_military"]];
      Actor& pol = actors_[by_id_[lower + "_police"]];
      if (gov.source != ActorSource::kCountry) continue;
      for (const char* w : {" government", " officials", " official", " administration", " authorities"})
        gov.aliases.push_back(adj + w);
      if (mil.source == ActorSource::kCountry)
        for (const char* w : {" military", " army", " forces", " troops", " soldiers", " armed forces",
                              " defense official", " defense officials", " defence official",
                              " defence officials", " military officials", " military official",
                              " air force", " navy", " warplanes", " defense ministry", " defence ministry"})
          mil.aliases.push_back(adj + w);
      if (pol.source == ActorSource::kCountry)
        for (const char* w : {" police", " police forces"}) pol.aliases.push_back(adj + w);
    }
  }
}

void ActorDictionary::AddKey(const std::string& alias, uint32_t actor) {
  std::string key = NameKey(alias);
  if (key.empty()) return;
  bool acronym = IsAcronym(alias);
  auto& v = by_key_[KeyHash(key)];
  for (ActorHit& h : v)
    if (h.actor == actor) { h.acronym = h.acronym && acronym; return; }
  v.push_back({actor, acronym});
  std::string singular = SingularKey(key);
  auto& s = by_singular_[KeyHash(singular)];
  if (std::none_of(s.begin(), s.end(), [&](const ActorHit& h) { return h.actor == actor; }))
    s.push_back({actor, acronym});
}

void ActorDictionary::Index() {
  for (uint32_t i = indexed_; i < actors_.size(); ++i) {
    AddKey(actors_[i].name, i);
    for (const std::string& a : actors_[i].aliases) AddKey(a, i);
  }
  indexed_ = static_cast<uint32_t>(actors_.size());
  BuildFlatKeys();
}

void ActorDictionary::BuildFlatKeys() {
  flat_key_.Build(by_key_);
  flat_singular_.Build(by_singular_);
}

void ActorDictionary::FlatKeys::Build(
    const std::unordered_map<uint64_t, std::vector<ActorHit>>& keys) {
  size_t size = 16;
  while (size < 2 * keys.size()) size *= 2;
  slots_.assign(size, Slot{0, kFree, 0});
  hits_.clear();
  const size_t mask = size - 1;
  for (const auto& [key, hits] : keys) {
    size_t i = key & mask;
    while (slots_[i].begin != kFree) i = (i + 1) & mask;
    slots_[i] = Slot{key, static_cast<uint32_t>(hits_.size()), static_cast<uint32_t>(hits.size())};
    hits_.insert(hits_.end(), hits.begin(), hits.end());
  }
}

bool ActorDictionary::FlatKeys::Find(uint64_t key, std::vector<ActorHit>* out) const {
  if (slots_.empty()) return false;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.begin == kFree) return false;
    if (s.key == key) {
      out->assign(hits_.begin() + s.begin, hits_.begin() + s.begin + s.count);
      return true;
    }
  }
}

void ActorDictionary::FlatKeys::Clear() {
  slots_.clear();
  hits_.clear();
}

namespace {

constexpr uint32_t kBlobMagic = 0x31544341;  // "ACT1"

void WriteKeys(const std::unordered_map<uint64_t, std::vector<ActorHit>>& keys, know::BlobWriter* w) {
  w->U32(static_cast<uint32_t>(keys.size()));
  for (const auto& [hash, hits] : keys) {
    w->U64(hash);
    w->U32(static_cast<uint32_t>(hits.size()));
    for (const ActorHit& h : hits) w->U32(h.actor << 1 | (h.acronym ? 1 : 0));
  }
}

bool ReadKeys(know::BlobReader* r, uint32_t n_actors,
              std::unordered_map<uint64_t, std::vector<ActorHit>>* keys) {
  uint32_t n = r->Count(12);
  keys->reserve(n);
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    uint64_t hash = r->U64();
    uint32_t m = r->Count(4);
    std::vector<ActorHit>& hits = (*keys)[hash];
    hits.reserve(m);
    for (uint32_t k = 0; k < m && r->ok(); ++k) {
      uint32_t v = r->U32();
      if ((v >> 1) >= n_actors) return false;
      hits.push_back({v >> 1, (v & 1) != 0});
    }
  }
  return r->ok();
}

}  // namespace

std::string ActorDictionary::Compile(uint64_t source_hash) const {
  know::BlobWriter w;
  w.U32(kBlobMagic);
  w.U64(source_hash);
  w.U32(indexed_);
  for (uint32_t i = 0; i < indexed_; ++i) {
    const Actor& a = actors_[i];
    for (const std::string* f : {&a.id, &a.name, &a.kind, &a.country, &a.parent}) w.Str(*f);
    w.U8(static_cast<uint8_t>(a.source));
    w.U32(static_cast<uint32_t>(a.aliases.size()));
    for (const std::string& al : a.aliases) w.Str(al);
    w.U32(static_cast<uint32_t>(a.roles.size()));
    for (const ActorRole& r : a.roles) {
      w.Str(r.country);
      w.Str(r.role);
      w.U64(static_cast<uint64_t>(r.from));
      w.U64(static_cast<uint64_t>(r.to));
    }
  }
  WriteKeys(by_key_, &w);
  WriteKeys(by_singular_, &w);
  return std::move(w.bytes());
}

Status ActorDictionary::LoadCompiled(std::string_view bytes, uint64_t source_hash) {
  if (!actors_.empty()) return Status::InvalidArgument("LoadCompiled on a non-empty dictionary");
  know::BlobReader r(bytes);
  if (r.U32() != kBlobMagic || !r.ok()) return Status::DataLoss("compiled actors: bad magic");
  if (r.U64() != source_hash) return Status::InvalidArgument("compiled actors: stale (data/actors changed)");
  uint32_t n = r.Count(4 * 5 + 1 + 8);
  actors_.resize(n);
  by_id_.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    Actor& a = actors_[i];
    for (std::string* f : {&a.id, &a.name, &a.kind, &a.country, &a.parent}) *f = r.Str();
    uint8_t source = r.U8();
    a.source = static_cast<ActorSource>(source > 3 ? 0 : source);
    uint32_t na = r.Count(4);
    a.aliases.reserve(na);
    for (uint32_t k = 0; k < na && r.ok(); ++k) a.aliases.emplace_back(r.Str());
    uint32_t nr = r.Count(24);
    for (uint32_t k = 0; k < nr && r.ok(); ++k) {
      ActorRole role;
      role.country = r.Str();
      role.role = r.Str();
      role.from = static_cast<int64_t>(r.U64());
      role.to = static_cast<int64_t>(r.U64());
      a.roles.push_back(std::move(role));
    }
    by_id_[a.id] = i;
  }
  bool ok = r.ok() && ReadKeys(&r, n, &by_key_) && ReadKeys(&r, n, &by_singular_) && r.left() == 0;
  if (!ok) {
    actors_.clear();
    by_id_.clear();
    by_key_.clear();
    by_singular_.clear();
    flat_key_.Clear();
    flat_singular_.Clear();
    return Status::DataLoss("compiled actors: truncated or malformed");
  }
  indexed_ = n;
  BuildFlatKeys();
  return Status::Ok();
}

uint32_t ActorDictionary::FindId(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? kNoActor : it->second;
}

void ActorDictionary::LookupKey(std::string_view key, std::vector<ActorHit>* out) const {
  out->clear();
  if (key.empty()) return;
  if (flat_key_.Find(KeyHash(key), out)) return;
  flat_singular_.Find(KeyHash(SingularKey(key)), out);
}

std::vector<uint32_t> ActorDictionary::WithRole(std::string_view country, std::string_view role,
                                                int64_t day) const {
  std::vector<std::pair<int64_t, uint32_t>> found;
  for (uint32_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].source != ActorSource::kCurated) continue;
    for (const ActorRole& r : actors_[i].roles)
      if (r.role == role && r.country == country && r.from <= day && day <= r.to)
        found.push_back({r.from, i});
  }
  std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<uint32_t> out;
  for (auto& f : found) out.push_back(f.second);
  return out;
}

}  // namespace sitrep
