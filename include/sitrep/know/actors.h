// The actor dictionary: states' governments, militaries and police, armed groups, parties,
// international organisations, media and persons with dated roles, looked up by NameKey.
// Loaded from data/actors/ (curated blocks *.txt, converted Phoenix rows *.tsv) plus actors
// generated from the gazetteer's country table. Read-only after Index(); thread-safe then.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

class Gazetteer;

// A position held over days [from, to] (day numbers; open ends are the int64 limits).
struct ActorRole {
  std::string country;  // ISO2, "" for transnational
  std::string role;     // "prime_minister", "president", "government", ...
  int64_t from = std::numeric_limits<int64_t>::min();
  int64_t to = std::numeric_limits<int64_t>::max();
};

enum class ActorSource : uint8_t { kCurated = 0, kCountry = 1, kPhoenix = 2, kDocument = 3 };

struct Actor {
  std::string id, name, kind, country, parent;
  std::vector<std::string> aliases;
  std::vector<ActorRole> roles;
  ActorSource source = ActorSource::kCurated;
};

struct ActorHit {
  uint32_t actor;
  bool acronym;  // the matching alias is an all-capitals acronym: the text must be too
};

class ActorDictionary {
 public:
  // Curated block format ("key: value" lines, blank line between actors).
  Status LoadBlocks(const std::string& path);
  // Converted TSV: id, name, kind, country, parent, aliases (|), roles (;).
  Status LoadTsv(const std::string& path);
  // Every *.txt and *.tsv file of a folder (LoadBlocks / LoadTsv), in name order.
  Status LoadFolder(const std::string& dir);
  // <cc>_government, <cc>_military, <cc>_police for every country of the gazetteer, named
  // from the country's name and demonym ("Iraqi army", "government of Iraq").
  void AddCountryActors(const Gazetteer& gazetteer);
  // Builds the lookup index of the actors added since the last call (call after loading).
  void Index();

  // The loaded and indexed dictionary as bytes (actors and their keys, so loading needs no
  // parsing and no NameKey), stamped with `source_hash` (FolderHash of the files it came from).
  std::string Compile(uint64_t source_hash) const;
  // Adopts bytes of Compile when their stamp equals `source_hash` (else InvalidArgument:
  // stale); DataLoss when they are malformed. Only on an empty dictionary.
  Status LoadCompiled(std::string_view bytes, uint64_t source_hash);
  // XXH3 of the names and bytes of the *.txt and *.tsv files LoadFolder would read.
  static Result<uint64_t> FolderHash(const std::string& dir);

  size_t size() const { return actors_.size(); }
  const Actor& actor(uint32_t i) const { return actors_[i]; }
  uint32_t FindId(std::string_view id) const;  // kNoActor when unknown
  // Actors with an alias whose key is `key` (exact first; else the singular key).
  void LookupKey(std::string_view key, std::vector<ActorHit>* out) const;
  // Persons holding `role` in `country` on `day` (curated roles), best first.
  std::vector<uint32_t> WithRole(std::string_view country, std::string_view role,
                                 int64_t day) const;

  static constexpr uint32_t kNoActor = 0xFFFFFFFFu;

 private:
  // A read-only copy of a key map for LookupKey: open addressing over the key hashes (one
  // cache line per probe instead of a bucket and a node), hits stored one after another.
  class FlatKeys {
   public:
    void Build(const std::unordered_map<uint64_t, std::vector<ActorHit>>& keys);
    // False when `key` is absent; else true and the hits (possibly none) in `out`.
    bool Find(uint64_t key, std::vector<ActorHit>* out) const;
    void Clear();

   private:
    struct Slot {
      uint64_t key;
      uint32_t begin;  // kFree: an empty slot
      uint32_t count;
    };
    static constexpr uint32_t kFree = 0xFFFFFFFFu;
    std::vector<Slot> slots_;  // power-of-two size, at most half full
    std::vector<ActorHit> hits_;
  };

  void AddKey(const std::string& alias, uint32_t actor);
  void BuildFlatKeys();
  std::vector<Actor> actors_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<uint64_t, std::vector<ActorHit>> by_key_, by_singular_;
  FlatKeys flat_key_, flat_singular_;  // by_key_ and by_singular_ as of the last Index()
  uint32_t indexed_ = 0;  // actors_[0, indexed_) are in the key maps
};

// Parses "CC role FROM..TO" (dates ISO, either may be empty); nullopt-like Status on error.
Result<ActorRole> ParseActorRole(std::string_view text);

}  // namespace sitrep
