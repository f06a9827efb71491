// Fuzzes the gazetteer index loader (Gazetteer::FromBytes) and the compiled actor dictionary
// (ActorDictionary::LoadCompiled) on arbitrary bytes. The first byte is a control byte: bit 1
// sends the rest to LoadCompiled (with the stamp it holds, so parsing is reached); else bit 0
// recomputes the index checksum so that the structural checks behind it (offsets, sections,
// directory, places, strings, actor section) are reached too. Corrupt or truncated input must
// give an error, never a crash; accepted input must answer look-ups inside its bounds.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "know/gazetteer_format.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 2) {
    uint64_t stamp = 0;
    if (bytes.size() >= 12) std::memcpy(&stamp, bytes.data() + 4, 8);
    ActorDictionary dict;
    if (dict.LoadCompiled(bytes, stamp).ok()) {
      std::vector<ActorHit> hits;
      for (const char* key : {"a", "pmf", "irak"}) {
        dict.LookupKey(key, &hits);
        for (const ActorHit& h : hits)
          if (h.actor >= dict.size()) std::abort();
      }
    }
    return 0;
  }
  constexpr size_t kHeader = sizeof(gazetteer_format::Header);
  if ((data[0] & 1) && bytes.size() >= kHeader) {
    uint64_t sum = XXH3_64bits(bytes.data() + kHeader, bytes.size() - kHeader);
    std::memcpy(bytes.data() + offsetof(gazetteer_format::Header, checksum), &sum, sizeof(sum));
  }
  auto g = Gazetteer::FromBytes(std::move(bytes));
  if (!g.ok()) {
    if (g.status().message().empty()) std::abort();  // errors must say what is wrong
    return 0;
  }
  const Gazetteer& gz = **g;
  std::vector<NameHit> hits;
  for (const char* name : {"Baghdad", "a", "b", "x", "al-Qaim"}) {
    gz.Lookup(name, &hits);
    for (const NameHit& h : hits)
      if (h.place >= gz.size()) std::abort();
  }
  for (uint32_t i = 0; i < gz.size() && i < 4096; ++i) {
    const PlaceRecord& p = gz.place(i);
    if (gz.Name(i).size() > (1u << 30)) std::abort();
    (void)gz.Demonym(i);
    if (p.admin1 != kNoIndex && p.admin1 >= gz.size()) std::abort();
  }
  for (uint32_t c : gz.Countries())
    if (c >= gz.size()) std::abort();
  (void)gz.CapitalIndex("IQ");
  (void)gz.CountryIndex("US");
  if (!gz.CompiledActors().empty()) {
    ActorDictionary dict;
    (void)dict.LoadCompiled(gz.CompiledActors(), 0);
  }
  return 0;
}
