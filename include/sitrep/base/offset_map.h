// Maps byte offsets in a derived text (clean text, normalised text) back to byte offsets in
// the text it was made from. Built by appending pieces in derived-text order.
// Not thread-safe while being built; const methods are safe to share.
#pragma once

#include <cstdint>
#include <vector>

namespace sitrep {

class OffsetMap {
 public:
  // The next `length` derived bytes are a verbatim copy of source bytes [src, src+length).
  void AppendCopy(uint32_t src, uint32_t length);
  // The next `length` derived bytes replace source bytes [src, src+src_length) as a whole
  // (an HTML entity, a normalised character, an inserted separator with src_length 0).
  void AppendReplaced(uint32_t src, uint32_t src_length, uint32_t length);

  // Appends every piece of `other` (a map of the next other.derived_size() derived bytes).
  void Append(const OffsetMap& other);

  // Source offset of derived byte `offset`; offsets inside a replaced piece map to its start,
  // the end offset (== derived size) maps to the end of the last piece.
  uint32_t ToSource(uint32_t offset) const;
  // Source byte range covering the derived range [begin, end).
  void ToSourceRange(uint32_t begin, uint32_t end, uint32_t* src_begin, uint32_t* src_end) const;
  uint32_t derived_size() const { return derived_size_; }

 private:
  struct Piece {
    uint32_t derived;     // first derived byte of the piece
    uint32_t src;         // first source byte
    uint32_t src_length;  // source bytes covered
    bool verbatim;        // derived bytes correspond one to one to source bytes
  };
  std::vector<Piece> pieces_;
  uint32_t derived_size_ = 0;
};

}  // namespace sitrep
