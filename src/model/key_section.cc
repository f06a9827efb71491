#include "key_section.h"

#include <cstring>

namespace sitrep {

std::string WriteKeySection(const char (&magic)[8], const std::vector<uint64_t>& keys) {
  std::string out(magic, sizeof(magic));
  const uint64_t n = keys.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof(n));
  out.append(reinterpret_cast<const char*>(keys.data()), keys.size() * sizeof(uint64_t));
  return out;
}

Result<std::span<const uint64_t>> ReadKeySection(std::string_view bytes, const char (&magic)[8],
                                                 std::string_view what, uint64_t payload_mask) {
  auto loss = [&](const char* why) { return Status::DataLoss(std::string(what) + ": " + why); };
  if (bytes.size() < 16 || std::memcmp(bytes.data(), magic, sizeof(magic)) != 0) {
    return loss("bad magic");
  }
  uint64_t n;
  std::memcpy(&n, bytes.data() + 8, sizeof(n));
  if (n > (bytes.size() - 16) / 8 || bytes.size() != 16 + n * 8) {
    return loss("size does not match its key count");
  }
  if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(uint64_t) != 0) {
    return loss("section is not 8-byte aligned");
  }
  const auto* keys = reinterpret_cast<const uint64_t*>(bytes.data() + 16);
  for (size_t i = 1; i < n; ++i) {
    if ((keys[i - 1] & ~payload_mask) >= (keys[i] & ~payload_mask)) return loss("keys not sorted");
  }
  return std::span<const uint64_t>(keys, n);
}

}  // namespace sitrep
