#include "sitrep/base/offset_map.h"

#include <algorithm>

namespace sitrep {

void OffsetMap::AppendCopy(uint32_t src, uint32_t length) {
  if (length == 0) return;
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.verbatim && last.src + last.src_length == src &&
        last.derived + last.src_length == derived_size_) {
      last.src_length += length;
      derived_size_ += length;
      return;
    }
  }
  pieces_.push_back({derived_size_, src, length, true});
  derived_size_ += length;
}

void OffsetMap::AppendReplaced(uint32_t src, uint32_t src_length, uint32_t length) {
  if (length == 0) return;
  pieces_.push_back({derived_size_, src, src_length, false});
  derived_size_ += length;
}

void OffsetMap::Append(const OffsetMap& other) {
  for (size_t i = 0; i < other.pieces_.size(); ++i) {
    const Piece& p = other.pieces_[i];
    uint32_t next = i + 1 < other.pieces_.size() ? other.pieces_[i + 1].derived : other.derived_size_;
    uint32_t length = next - p.derived;
    if (p.verbatim) {
      AppendCopy(p.src, length);
    } else {
      AppendReplaced(p.src, p.src_length, length);
    }
  }
}

uint32_t OffsetMap::ToSource(uint32_t offset) const {
  if (pieces_.empty()) return offset;
  if (offset >= derived_size_) {
    const Piece& last = pieces_.back();
    return last.src + last.src_length;
  }
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](uint32_t o, const Piece& p) { return o < p.derived; });
  const Piece& p = *(it - 1);
  return p.verbatim ? p.src + (offset - p.derived) : p.src;
}

void OffsetMap::ToSourceRange(uint32_t begin, uint32_t end, uint32_t* src_begin,
                              uint32_t* src_end) const {
  *src_begin = ToSource(begin);
  if (end <= begin) {
    *src_end = *src_begin;
    return;
  }
  // The end maps through the last byte inside the range, so a replaced piece is covered whole.
  if (pieces_.empty()) {
    *src_end = end;
    return;
  }
  uint32_t last = end - 1;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), last,
                             [](uint32_t o, const Piece& p) { return o < p.derived; });
  const Piece& p = *(it - 1);
  *src_end = p.verbatim ? p.src + (last - p.derived) + 1 : p.src + p.src_length;
}

}  // namespace sitrep
