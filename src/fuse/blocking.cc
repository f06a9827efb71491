#include "sitrep/fuse/blocking.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "sitrep/fuse/shared_sentence.h"
#include "sitrep/fuse/undated_identity.h"

namespace sitrep {

int PlacePrecisionRank(std::string_view p) {
  if (p == "point") return 0;
  if (p == "city") return 1;
  if (p == "admin1") return 2;
  if (p == "country") return 3;
  return 1;
}

bool UsablyDated(const Event& e, const FusionOptions& options) {
  return e.date.known() && e.date.latest - e.date.earliest <= options.max_dated_window_days;
}

bool NarrowOrUndated(const Event& e, const FusionOptions& options) {
  return !UsablyDated(e, options) || e.date.precision == DatePrecision::kDay ||
         e.date.latest - e.date.earliest <= options.name_window_days;
}

bool LinksOnlyBySentence(const Report& r, const FusionOptions& options) {
  // Mirrors IdentityEvidence and UndatedIdentity: an undated report placed in a country links
  // by evidence specific to its incident; a dated one wider than options.name_window_days
  // links by nothing but a shared sentence, and so does a report placed in no country.
  const Event& e = r.event;
  if (!UsablyDated(e, options)) return !e.location || e.location->country.empty();
  return !NarrowOrUndated(e, options);
}

BlockKey BlockOf(const Report& r, const FusionOptions& options) {
  BlockKey k;
  if (r.event.location) k.country = r.event.location->country;
  if (UsablyDated(r.event, options)) {
    k.from = r.event.date.earliest - options.date_slack_days;
    k.to = r.event.date.latest + options.date_slack_days;
  } else {
    k.from = INT64_MIN / 4;
    k.to = INT64_MAX / 4;
  }
  return k;
}

bool FoundOnlyByEvidence(const Report& r, const FusionOptions& options) {
  return !UsablyDated(r.event, options) || LinksOnlyBySentence(r, options);
}

std::vector<std::pair<size_t, size_t>> CandidatePairs(const std::vector<const Report*>& reports,
                                                      const FusionOptions& options) {
  const size_t n = reports.size();
  std::vector<BlockKey> keys(n);
  std::vector<char> by_evidence(n, 0);
  std::map<std::string, std::vector<size_t>> by_country;
  for (size_t i = 0; i < n; ++i) {
    if (FoundOnlyByEvidence(*reports[i], options)) {
      by_evidence[i] = 1;
      continue;
    }
    keys[i] = BlockOf(*reports[i], options);
    by_country[keys[i].country].push_back(i);
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  auto add = [&](size_t i, size_t j) { pairs.emplace_back(std::min(i, j), std::max(i, j)); };
  // Sweep over items sorted by window start: pairs whose windows overlap.
  auto sweep = [&](std::vector<size_t> items) {
    std::sort(items.begin(), items.end(), [&](size_t x, size_t y) {
      return std::tie(keys[x].from, x) < std::tie(keys[y].from, y);
    });
    std::vector<size_t> active;
    for (size_t pos = 0; pos < items.size(); ++pos) {
      size_t i = items[pos];
      std::erase_if(active, [&](size_t j) { return keys[j].to < keys[i].from; });
      for (size_t j : active) add(i, j);
      active.push_back(i);
    }
  };
  const std::vector<size_t> none = by_country.count("") ? by_country[""] : std::vector<size_t>{};
  std::vector<bool> unknown(n, false);
  for (size_t i : none) unknown[i] = true;
  for (const auto& [country, items] : by_country) {
    if (country.empty()) continue;
    std::vector<size_t> all = items;
    all.insert(all.end(), none.begin(), none.end());
    size_t before = pairs.size();
    sweep(all);
    // Pairs of two country-less reports are produced once, below.
    pairs.erase(std::remove_if(pairs.begin() + static_cast<std::ptrdiff_t>(before), pairs.end(),
                               [&](const auto& p) { return unknown[p.first] && unknown[p.second]; }),
                pairs.end());
  }
  sweep(none);
  // A report found only by evidence meets the reports it shares an evidential sentence with...
  std::unordered_map<std::string_view, std::vector<size_t>> by_sentence;
  for (size_t i = 0; i < n; ++i) {
    for (const EventSource& s : reports[i]->event.sources) {
      if (s.sentence.empty() || !EvidentialSentence(s.sentence)) continue;
      std::vector<size_t>& list = by_sentence[s.sentence];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  for (const auto& [sentence, items] : by_sentence) {
    for (size_t x : items) {
      if (!by_evidence[x]) continue;
      for (size_t y : items) {
        if (y != x) add(x, y);
      }
    }
  }
  // ... and, when undated, the reports that store a key it queries (UndatedIdentityKeys).
  std::vector<UndatedKeys> undated_keys(n);
  std::unordered_map<int64_t, std::vector<size_t>> stored;
  for (size_t i = 0; i < n; ++i) {
    undated_keys[i] = UndatedIdentityKeys(reports[i]->event, options);
    if (!undated_keys[i].takes_part) continue;
    for (int64_t h : undated_keys[i].stored) stored[h].push_back(i);
  }
  for (size_t i = 0; i < n; ++i) {
    if (!undated_keys[i].takes_part || !undated_keys[i].undated) continue;
    for (int64_t h : undated_keys[i].queried) {
      auto it = stored.find(h);
      if (it == stored.end()) continue;
      for (size_t j : it->second) {
        if (j != i) add(i, j);
      }
    }
  }
  // Reports of one article are always compared (their places may carry different country
  // codes, see Compatible); an article has few reports, so this stays linear in articles.
  std::map<std::string_view, std::vector<size_t>> by_doc;
  for (size_t i = 0; i < n; ++i) {
    std::string_view key = reports[i]->key;
    by_doc[key.substr(0, std::min(key.rfind('#'), key.size()))].push_back(i);
  }
  for (const auto& [doc, items] : by_doc) {
    for (size_t x = 0; x < items.size(); ++x) {
      for (size_t y = x + 1; y < items.size(); ++y) add(items[x], items[y]);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace sitrep
