// On-disk layout of the gazetteer index (little-endian): a header, then 8-byte aligned
// sections: places (PlaceRecord[n_places]), key hashes (u64[n_keys], sorted), key values
// (u32[n_keys]: place << 2 | NameRole), directory (u32[2^dir_bits + 1]: first key whose
// hash has those top bits), string pool (NUL-terminated UTF-8, ends with NUL), and optionally
// the compiled actor dictionary (at off_actors when not 0: u64 byte length, then the bytes of
// ActorDictionary::Compile, see actor_blob.h).
#pragma once

#include <cstdint>

namespace sitrep::gazetteer_format {

inline constexpr char kMagic[8] = {'S', 'R', 'G', 'A', 'Z', 'I', 'D', 'X'};
inline constexpr uint32_t kVersion = 1;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t n_places;
  uint32_t n_keys;
  uint32_t dir_bits;
  uint32_t strings_size;
  uint32_t off_actors;  // 0 = no compiled actor dictionary (indexes built before it existed)
  uint64_t checksum;  // XXH3-64 of every byte after the header
  uint64_t off_places, off_hashes, off_values, off_dir, off_strings;
};
static_assert(sizeof(Header) == 80);

}  // namespace sitrep::gazetteer_format
