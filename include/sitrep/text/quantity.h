// Numbers and quantities in plain text: "six members", "at least four people",
// "more than 3,500 troops", "dozens of civilians", "one of their fighters", "fourth anniversary".
// Each is normalised to a value range with the head noun it counts and byte spans. Years,
// dates and clock times are not quantities; money and percentages are flagged by kind.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace sitrep {

enum class QuantityKind { kCardinal, kVague, kOrdinal, kMoney, kPercent };
std::string_view QuantityKindName(QuantityKind k);  // "cardinal" | "vague" | ...

struct Quantity {
  QuantityKind kind = QuantityKind::kCardinal;
  double value = 0;  // the stated number (vague amounts: their minimum)
  double min = 0;
  double max = 0;    // infinity when unbounded
  bool min_open = false, max_open = false;
  uint32_t begin = 0, end = 0;                 // qualifier + number
  uint32_t number_begin = 0, number_end = 0;   // the number alone
  uint32_t head_begin = 0, head_end = 0;       // the counted noun; empty when none
  std::string_view qualifier;                  // "at least", "more than", ... or empty
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

struct QuantityOptions {
  size_t max_quantities = 100000;  // stop after this many
  int max_head_words = 3;          // words scanned after the number for the head noun
};

std::vector<Quantity> FindQuantities(std::string_view text, const QuantityOptions& options = {});
// The same over tokens already scanned from `text` with ScanText (number_words.h).
struct ScanToken;
std::vector<Quantity> FindQuantitiesInTokens(std::string_view text, const std::vector<ScanToken>& toks,
                                             const QuantityOptions& options = {});

}  // namespace sitrep
