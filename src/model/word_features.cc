#include "sitrep/model/word_features.h"

#include "sitrep/model/linear.h"

namespace sitrep {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string WordShape(std::string_view s) {
  std::string out;
  char last = 0;
  for (unsigned char c : s) {
    char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (k != last) out.push_back(k);
    last = k;
    if (out.size() >= 12) break;
  }
  return out;
}

WordInfo ComputeWordInfo(std::string_view form) {
  WordInfo w;
  std::string lower = AsciiLower(form);
  w.form = HashString(form);
  w.lower = HashString(lower);
  w.shape = HashString(WordShape(form));
  for (size_t k = 1; k <= 4; ++k) {
    size_t n = std::min(k, lower.size());
    w.prefix[k - 1] = HashString(std::string_view(lower).substr(0, n)) + k;
    w.suffix[k - 1] = HashString(std::string_view(lower).substr(lower.size() - n)) + 7 * k;
  }
  bool all_upper = !form.empty(), any_alpha = false, digit_punct = !form.empty();
  for (unsigned char c : form) {
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    if (c >= '0' && c <= '9') w.flags |= kHasDigit;
    if (c == '-') w.flags |= kHasHyphen;
    if (c == '.') w.flags |= kHasPeriod;
    if (lo) all_upper = false;
    if (up || lo || c >= 0x80) any_alpha = true, digit_punct = false;
  }
  if (all_upper && any_alpha) w.flags |= kAllUpper;
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') w.flags |= kInitUpper;
  if (digit_punct) w.flags |= kAllDigitPunct;
  return w;
}

const WordInfo& PaddingWord(bool before) {
  static const WordInfo kBefore = [] {
    WordInfo w = ComputeWordInfo("<s>");
    w.form = w.lower = w.shape = 0x5151;
    return w;
  }();
  static const WordInfo kAfter = [] {
    WordInfo w = ComputeWordInfo("</s>");
    w.form = w.lower = w.shape = 0x7373;
    return w;
  }();
  return before ? kBefore : kAfter;
}

}  // namespace sitrep
