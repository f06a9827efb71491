#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace sitrep::text_internal {

#define S CharKind::kSpace
#define L CharKind::kLetter
#define D CharKind::kDigit
#define P CharKind::kPunct
#define N CharKind::kNewline
const CharKind kAsciiKind[128] = {
    P, P, P, P, P, P, P, P, P, S, N, S, S, S, P, P,  // 0x00: \t \n \v \f \r
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,  // 0x10
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,  // 0x20: space !"#$%&'()*+,-./
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,  // 0x30: 0-9 :;<=>?
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x40: @ A-O
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,  // 0x50: P-Z [\]^_
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x60: ` a-o
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,  // 0x70: p-z {|}~ DEL
};
#undef S
#undef L
#undef D
#undef P
#undef N

CharInfo ClassifyNonAscii(std::string_view s, size_t i) {
  int32_t len = static_cast<int32_t>(s.size());
  int32_t pos = static_cast<int32_t>(i);
  UChar32 cp = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, len, cp);
  CharInfo info;
  info.len = static_cast<uint8_t>(pos - static_cast<int32_t>(i));
  if (cp < 0) {  // invalid byte: a symbol of its own
    info.cp = 0xFFFD;
    info.len = 1;
    info.kind = CharKind::kPunct;
    return info;
  }
  info.cp = static_cast<char32_t>(cp);
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
    info.kind = CharKind::kNewline;
  } else if (u_isUWhiteSpace(cp) || cp == 0x200B || cp == 0xFEFF) {
    info.kind = CharKind::kSpace;
  } else if (u_isdigit(cp)) {
    info.kind = CharKind::kDigit;
  } else if (u_isUAlphabetic(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) || cp == 0x200D) {
    info.kind = CharKind::kLetter;  // letters, marks, ZWJ: stay inside words
  } else {
    info.kind = CharKind::kPunct;
  }
  return info;
}

}  // namespace sitrep::text_internal
