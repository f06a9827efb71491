// A model-file section holding sorted 64-bit keys: 8-byte magic, count, keys. The high bits of
// each key are a word hash (sorted, unique); the bits in `payload_mask` carry a value.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

// The section bytes for `keys` (already sorted by their hash bits and unique).
std::string WriteKeySection(const char (&magic)[8], const std::vector<uint64_t>& keys);

// The keys inside `bytes` (no copy: the span points into `bytes`, which must stay alive).
// DataLoss naming `what` when the magic, size, alignment or order is wrong.
Result<std::span<const uint64_t>> ReadKeySection(std::string_view bytes, const char (&magic)[8],
                                                 std::string_view what, uint64_t payload_mask);

}  // namespace sitrep
