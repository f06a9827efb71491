// Limits that protect the reader from hostile or broken input. Each is a command-line option
// with the default given here; exceeding one is an error for that input only.
#pragma once

#include <cstdint>

namespace sitrep {

struct ReadLimits {
  uint64_t max_bytes = 16ull << 20;       // --max-bytes: bytes per document (after gunzip)
  uint32_t max_depth = 512;               // --max-depth: HTML element nesting
  uint64_t max_jsonl_line = 32ull << 20;  // bytes of one JSONL record
};

}  // namespace sitrep
