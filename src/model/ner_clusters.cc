// Exchange word clustering over a class-bigram model, nested levels by clustering the
// classes again, and the compact hashed section the NER model carries.
#include "sitrep/model/ner_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>

#include "sitrep/model/linear.h"
#include "sitrep/model/word_features.h"
#include "key_section.h"

namespace sitrep {
namespace {

constexpr char kMagic[8] = {'N', 'E', 'R', 'C', 'L', 'U', '0', '1'};
constexpr uint64_t kIdBits = 0xFFFFFF;
constexpr int kShift[WordClusters::kLevels] = {0, 10, 18};
constexpr uint32_t kFieldMask[WordClusters::kLevels] = {0x3FF, 0xFF, 0x3F};

// Bigram counts between nodes (words or classes); self-loops are kept apart.
struct BigramGraph {
  std::vector<std::vector<std::pair<int, int64_t>>> succ, pred;
  std::vector<int64_t> self, left, right;  // left: as first word of a bigram; right: second
  size_t size() const { return self.size(); }
};

BigramGraph BuildGraph(size_t nodes, const std::map<std::pair<int, int>, int64_t>& bigrams) {
  BigramGraph g;
  g.succ.resize(nodes);
  g.pred.resize(nodes);
  g.self.assign(nodes, 0);
  g.left.assign(nodes, 0);
  g.right.assign(nodes, 0);
  for (const auto& [key, c] : bigrams) {
    const auto [u, v] = key;
    g.left[u] += c;
    g.right[v] += c;
    if (u == v) {
      g.self[u] += c;
    } else {
      g.succ[u].emplace_back(v, c);
      g.pred[v].emplace_back(u, c);
    }
  }
  return g;
}

// Hard clustering of the nodes into `classes` classes maximising the class-bigram
// likelihood by moving one node at a time to its best class. Classes are renumbered by
// decreasing count. Nodes should come most frequent first.
std::vector<int> Exchange(const BigramGraph& g, int classes, int iterations,
                          const std::function<void(const std::string&)>& log) {
  const size_t n = g.size();
  const int C = static_cast<int>(std::min<size_t>(classes, n));
  std::vector<int> cls(n);
  if (C <= 0) return cls;
  int64_t total = 0;
  for (size_t w = 0; w < n; ++w) total += g.left[w];
  std::vector<double> flog(static_cast<size_t>(total) + 2, 0.0);
  for (size_t x = 1; x < flog.size(); ++x) flog[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  auto F = [&](int64_t x) { return flog[static_cast<size_t>(x)]; };

  std::vector<int64_t> M(static_cast<size_t>(C) * C, 0), NL(C, 0), NR(C, 0);
  // Martin et al.: the C-1 most frequent nodes start alone, all others share the last class.
  for (size_t w = 0; w < n; ++w) cls[w] = static_cast<int>(std::min<size_t>(w, C - 1));
  for (size_t w = 0; w < n; ++w) {
    for (const auto& [v, c] : g.succ[w]) M[cls[w] * C + cls[v]] += c;
    M[cls[w] * C + cls[w]] += g.self[w];
    NL[cls[w]] += g.left[w];
    NR[cls[w]] += g.right[w];
  }
  std::vector<int64_t> S(C, 0), P(C, 0);
  std::vector<int> st, pt;
  for (int it = 1; it <= iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < n; ++w) {
      const int a = cls[w];
      for (const auto& [v, c] : g.succ[w]) {
        if (S[cls[v]] == 0) st.push_back(cls[v]);
        S[cls[v]] += c;
      }
      for (const auto& [u, c] : g.pred[w]) {
        if (P[cls[u]] == 0) pt.push_back(cls[u]);
        P[cls[u]] += c;
      }
      std::sort(st.begin(), st.end());
      std::sort(pt.begin(), pt.end());
      const int64_t self = g.self[w], nl = g.left[w], nr = g.right[w];
      for (int c : st) M[a * C + c] -= S[c];
      for (int c : pt) M[c * C + a] -= P[c];
      M[a * C + a] -= self;
      NL[a] -= nl;
      NR[a] -= nr;
      auto gain = [&](int k) {
        double d = 0;
        const int64_t* row = &M[static_cast<size_t>(k) * C];
        for (int c : st)
          if (c != k) d += F(row[c] + S[c]) - F(row[c]);
        for (int c : pt)
          if (c != k) d += F(M[c * C + k] + P[c]) - F(M[c * C + k]);
        d += F(row[k] + S[k] + P[k] + self) - F(row[k]);
        d -= F(NL[k] + nl) - F(NL[k]) + F(NR[k] + nr) - F(NR[k]);
        return d;
      };
      int best = a;
      double best_gain = gain(a);
      for (int k = 0; k < C; ++k) {
        if (k == a) continue;
        const double d = gain(k);
        if (d > best_gain + 1e-7) best = k, best_gain = d;
      }
      for (int c : st) M[best * C + c] += S[c];
      for (int c : pt) M[c * C + best] += P[c];
      M[best * C + best] += self;
      NL[best] += nl;
      NR[best] += nr;
      cls[w] = best;
      moved += best != a;
      for (int c : st) S[c] = 0;
      for (int c : pt) P[c] = 0;
      st.clear();
      pt.clear();
    }
    if (log) log("exchange C=" + std::to_string(C) + " pass " + std::to_string(it) + ": " +
                 std::to_string(moved) + " of " + std::to_string(n) + " moved");
    if (moved * 1000 < n) break;
  }
  // Renumber by decreasing class count (ties: lower old id) so ids are stable and meaningful.
  std::vector<int> order(C);
  for (int k = 0; k < C; ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return NL[x] + NR[x] > NL[y] + NR[y]; });
  std::vector<int> rank(C);
  for (int r = 0; r < C; ++r) rank[order[r]] = r;
  for (int& c : cls) c = rank[c];
  return cls;
}

// The graph whose nodes are the classes of `cls` (numbered by decreasing count).
BigramGraph ClassGraph(const BigramGraph& g, const std::vector<int>& cls) {
  int classes = 0;
  for (int c : cls) classes = std::max(classes, c + 1);
  std::map<std::pair<int, int>, int64_t> bigrams;
  for (size_t w = 0; w < g.size(); ++w) {
    for (const auto& [v, c] : g.succ[w]) bigrams[{cls[w], cls[v]}] += c;
    if (g.self[w]) bigrams[{cls[w], cls[w]}] += g.self[w];
  }
  return BuildGraph(classes, bigrams);
}

}  // namespace

Result<std::string> LearnWordClusters(const std::vector<std::vector<std::string>>& sentences,
                                      const ClusterOptions& options) {
  if (options.classes < 16 || options.classes > static_cast<int>(WordClusters::kLevelLimit[0]))
    return Status::InvalidArgument("clusters: classes must be in 16..1024");
  std::unordered_map<std::string, int64_t> counts;
  for (const auto& s : sentences)
    for (const std::string& w : s) ++counts[AsciiLower(w)];
  std::vector<std::pair<std::string, int64_t>> vocab;
  for (const auto& [w, c] : counts)
    if (c >= options.min_count) vocab.emplace_back(w, c);
  std::sort(vocab.begin(), vocab.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (vocab.size() > options.max_words) vocab.resize(options.max_words);
  if (vocab.size() < static_cast<size_t>(options.classes))
    return Status::InvalidArgument("clusters: fewer words than classes");
  std::unordered_map<std::string, int> id;
  for (size_t i = 0; i < vocab.size(); ++i) id[vocab[i].first] = static_cast<int>(i);
  const int boundary = static_cast<int>(vocab.size()), unknown = boundary + 1;
  std::map<std::pair<int, int>, int64_t> bigrams;
  for (const auto& s : sentences) {
    int prev = boundary;
    for (const std::string& w : s) {
      auto it = id.find(AsciiLower(w));
      const int cur = it == id.end() ? unknown : it->second;
      ++bigrams[{prev, cur}];
      prev = cur;
    }
    ++bigrams[{prev, boundary}];
  }
  BigramGraph words = BuildGraph(vocab.size() + 2, bigrams);
  if (options.log)
    options.log("clusters: " + std::to_string(vocab.size()) + " words, " +
                std::to_string(bigrams.size()) + " distinct bigrams");
  std::vector<int> level[WordClusters::kLevels];
  level[0] = Exchange(words, options.classes, options.iterations, options.log);
  BigramGraph g = ClassGraph(words, level[0]);
  std::vector<int> up = Exchange(g, std::max(4, options.classes / 4), options.iterations, options.log);
  level[1].resize(level[0].size());
  for (size_t w = 0; w < level[0].size(); ++w) level[1][w] = up[level[0][w]];
  BigramGraph g2 = ClassGraph(g, up);
  std::vector<int> up2 = Exchange(g2, std::max(2, options.classes / 16), options.iterations, options.log);
  level[2].resize(level[0].size());
  for (size_t w = 0; w < level[0].size(); ++w) level[2][w] = up2[level[1][w]];
  std::string out;
  for (size_t w = 0; w < vocab.size(); ++w) {
    out += vocab[w].first;
    out += '\t';
    for (int l = 0; l < WordClusters::kLevels; ++l) {
      if (l) out += ' ';
      out += std::to_string(level[l][w]);
    }
    out += '\t' + std::to_string(vocab[w].second) + '\n';
  }
  return out;
}

Status WordClusters::AddText(std::string_view text) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string where = "clusters line " + std::to_string(line_no);
    if (tab == 0 || tab == std::string_view::npos) return Status::InvalidArgument(where + ": no word");
    std::string_view rest = line.substr(tab + 1);
    rest = rest.substr(0, rest.find('\t'));
    uint64_t key = HashString(AsciiLower(line.substr(0, tab))) & ~kIdBits;
    for (int l = 0; l < kLevels; ++l) {
      size_t digits = 0;
      uint32_t v = 0;
      while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9' && digits < 6)
        v = v * 10 + static_cast<uint32_t>(rest[digits++] - '0');
      if (digits == 0 || v >= kLevelLimit[l])
        return Status::InvalidArgument(where + ": bad cluster id at level " + std::to_string(l));
      key |= static_cast<uint64_t>(v) << kShift[l];
      rest.remove_prefix(digits);
      if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    }
    build_.push_back(key);
  }
  return Status::Ok();
}

std::string WordClusters::Serialize() const {
  std::vector<uint64_t> keys(build_);
  keys.insert(keys.end(), keys_, keys_ + n_);
  std::stable_sort(keys.begin(), keys.end(),
                   [](uint64_t x, uint64_t y) { return (x & ~kIdBits) < (y & ~kIdBits); });
  std::vector<uint64_t> unique;
  for (uint64_t k : keys)  // the first (most frequent) word of a hash collision wins
    if (unique.empty() || (unique.back() & ~kIdBits) != (k & ~kIdBits)) unique.push_back(k);
  return WriteKeySection(kMagic, unique);
}

Result<std::unique_ptr<WordClusters>> WordClusters::FromSection(std::string_view bytes,
                                                                std::shared_ptr<const void> owner) {
  ASSIGN_OR_RETURN(std::span<const uint64_t> keys,
                   ReadKeySection(bytes, kMagic, "NER clusters", kIdBits));
  auto c = std::make_unique<WordClusters>();
  c->keys_ = keys.data();
  c->n_ = keys.size();
  c->owner_ = std::move(owner);
  const size_t n = keys.size();
  for (size_t i = 0; i < n; ++i)
    for (int l = 0; l < kLevels; ++l)
      if (((c->keys_[i] >> kShift[l]) & kFieldMask[l]) >= kLevelLimit[l])
        return Status::DataLoss("NER clusters: cluster id out of range");
  return c;
}

void WordClusters::Lookup(uint64_t lower_hash, uint32_t ids[kLevels]) const {
  const uint64_t h = lower_hash & ~kIdBits;
  const uint64_t* end = keys_ + n_;
  const uint64_t* it = std::lower_bound(keys_, end, h, [](uint64_t k, uint64_t v) { return (k & ~kIdBits) < v; });
  const bool found = it != end && (*it & ~kIdBits) == h;
  for (int l = 0; l < kLevels; ++l)
    ids[l] = found ? static_cast<uint32_t>((*it >> kShift[l]) & kFieldMask[l]) : kNone;
}

}  // namespace sitrep
