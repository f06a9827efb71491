// Byte-level reading and writing of the compiled actor dictionary (a section of the gazetteer
// index): little-endian integers and length-prefixed strings; the reader checks every length
// against the bytes left and remembers the first failure. Internal to src/know.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sitrep::know {

class BlobWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), 4); }
  void U64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), 8); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class BlobReader {
 public:
  explicit BlobReader(std::string_view bytes) : in_(bytes) {}
  bool ok() const { return ok_; }
  size_t left() const { return in_.size(); }
  uint8_t U8() {
    if (!Need(1)) return 0;
    uint8_t v = static_cast<uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  uint32_t U32() {
    uint32_t v = 0;
    if (Need(4)) std::memcpy(&v, in_.data(), 4), in_.remove_prefix(4);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    if (Need(8)) std::memcpy(&v, in_.data(), 8), in_.remove_prefix(8);
    return v;
  }
  std::string_view Str() {
    uint32_t n = U32();
    if (!Need(n)) return {};
    std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  // A count of items of at least `min_bytes` each: fails when the bytes left cannot hold them.
  uint32_t Count(size_t min_bytes) {
    uint32_t n = U32();
    if (ok_ && uint64_t{n} * min_bytes > in_.size()) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() < n) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace sitrep::know
