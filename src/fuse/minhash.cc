#include "sitrep/fuse/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sitrep {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Lower-cased words of `text` (ASCII folding only; other bytes kept as they are).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      cur.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// Mixes a shingle hash with the i-th seed (a 64-bit multiply-xorshift; cheap and well spread).
uint32_t Permute(uint64_t h, uint64_t seed) {
  uint64_t x = h ^ (seed * 0x9E3779B97F4A7C15ull);
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return static_cast<uint32_t>(x);
}

}  // namespace

MinHashSignature ComputeMinHash(std::string_view text, const MinHashOptions& options) {
  MinHashSignature sig(options.num_hashes, 0xFFFFFFFFu);
  std::vector<std::string> words = Words(text);
  const size_t k = std::max(1, options.shingle_words);
  if (words.empty()) return sig;
  const size_t n = words.size() >= k ? words.size() - k + 1 : 1;
  std::string shingle;
  for (size_t i = 0; i < n; ++i) {
    shingle.clear();
    for (size_t j = i; j < std::min(words.size(), i + k); ++j) {
      shingle += words[j];
      shingle.push_back(' ');
    }
    uint64_t h = XXH3_64bits(shingle.data(), shingle.size());
    for (int s = 0; s < options.num_hashes; ++s) {
      sig[s] = std::min(sig[s], Permute(h, static_cast<uint64_t>(s) + 1));
    }
  }
  return sig;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<uint64_t> BandKeys(const MinHashSignature& sig, const MinHashOptions& options) {
  std::vector<uint64_t> keys;
  for (int b = 0; b < options.bands; ++b) {
    size_t begin = static_cast<size_t>(b) * options.rows;
    if (begin + options.rows > sig.size()) break;
    uint64_t h = XXH3_64bits_withSeed(sig.data() + begin, options.rows * sizeof(uint32_t),
                                      static_cast<uint64_t>(b));
    keys.push_back(h);
  }
  return keys;
}

std::vector<uint32_t> LshIndex::Add(uint32_t id, const MinHashSignature& sig) {
  std::vector<uint32_t> out;
  for (uint64_t key : BandKeys(sig, options_)) {
    auto& bucket = buckets_[key];
    out.insert(out.end(), bucket.begin(), bucket.end());
    bucket.push_back(id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> NearDuplicatePairs(
    const std::vector<MinHashSignature>& sigs, const MinHashOptions& options) {
  LshIndex index(options);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t j = 0; j < sigs.size(); ++j) {
    for (uint32_t i : index.Add(j, sigs[j])) {
      if (EstimateJaccard(sigs[i], sigs[j]) >= options.near_duplicate) pairs.emplace_back(i, j);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::string EncodeSignature(const MinHashSignature& sig) {
  std::string out;
  out.reserve(sig.size() * 8);
  char buf[9];
  for (uint32_t v : sig) {
    std::snprintf(buf, sizeof buf, "%08x", v);
    out += buf;
  }
  return out;
}

MinHashSignature DecodeSignature(std::string_view hex) {
  MinHashSignature sig;
  if (hex.size() % 8 != 0) return sig;
  for (size_t i = 0; i < hex.size(); i += 8) {
    uint32_t v = 0;
    for (size_t j = i; j < i + 8; ++j) {
      char c = hex[j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) return {};
      v = v << 4 | static_cast<uint32_t>(d);
    }
    sig.push_back(v);
  }
  return sig;
}

}  // namespace sitrep
