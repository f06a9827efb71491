// Cleaning draft NER training labels with jackknifed labels (see ner_clean.h).
#include "ner_clean.h"

#include <utility>

namespace sitrep::ner_internal {

bool ParseCleanMode(const std::string& name, CleanMode* mode) {
  static const std::pair<const char*, CleanMode> kModes[] = {
      {"", CleanMode::kNone},           {"none", CleanMode::kNone},
      {"missing", CleanMode::kMissingUnknown}, {"unknown", CleanMode::kAllUnknown},
      {"relabel", CleanMode::kRelabel}, {"add", CleanMode::kAddMissing},
      {"drop", CleanMode::kDrop}};
  for (const auto& [n, m] : kModes)
    if (name == n) {
      *mode = m;
      return true;
    }
  return false;
}

// Adds to `gold` each name of `pred` whose tokens are all O (and known) in `gold`.
size_t AddMissingNames(const std::vector<int>& pred, const LabelSet& labels,
                       const std::vector<char>& unknown, std::vector<int>* gold) {
  size_t added = 0;
  for (size_t t = 0; t < pred.size();) {
    if (pred[t] == 0) {
      ++t;
      continue;
    }
    size_t end = t + 1;
    while (end < pred.size() && pred[end] != 0 && labels.Bio(pred[end])[0] == 'I') ++end;
    bool free = true;
    for (size_t k = t; k < end; ++k) free = free && (*gold)[k] == 0 && !unknown[k];
    if (free)
      for (size_t k = t; k < end; ++k) (*gold)[k] = pred[k], ++added;
    t = end;
  }
  return added;
}

CleanCounts CleanTrainingLabels(const std::vector<std::vector<int>>& p1, CleanMode mode,
                                const LabelSet& labels, NerTrainSet* data) {
  CleanCounts counts;
  if (mode == CleanMode::kNone) return counts;
  const size_t n = data->inputs.size();
  std::vector<char> keep(n, 1);
  for (size_t i = 0; i < n; ++i) {
    if (data->trusted[i]) continue;
    const std::vector<int>& pred = p1[data->original[i]];
    std::vector<int>& gold = data->gold[i];
    std::vector<char>& unknown = data->unknown[i];
    bool differs = false;
    size_t changed = 0;
    for (size_t t = 0; t < gold.size() && t < pred.size(); ++t) {
      if (unknown[t] || gold[t] == pred[t]) continue;
      differs = true;
      switch (mode) {
        case CleanMode::kMissingUnknown:
          if (gold[t] == 0) unknown[t] = 1, ++changed;
          break;
        case CleanMode::kAllUnknown:
          unknown[t] = 1, ++changed;
          break;
        default:
          ++changed;
      }
    }
    if (mode == CleanMode::kRelabel && differs) gold = pred;
    if (mode == CleanMode::kAddMissing && differs && pred.size() == gold.size())
      changed = AddMissingNames(pred, labels, unknown, &gold);
    if (mode == CleanMode::kDrop && differs) keep[i] = 0;
    if (data->original[i] == i) {
      ++counts.sentences;
      counts.disagreeing += differs;
      counts.tokens_changed += changed;
    }
  }
  if (mode != CleanMode::kDrop) return counts;
  // Remove dropped inputs, renumbering `original` (a copy goes with its original).
  std::vector<size_t> new_index(n, 0);
  NerTrainSet kept;
  for (size_t i = 0; i < n; ++i) {
    if (!keep[data->original[i]]) continue;
    new_index[i] = kept.inputs.size();
    kept.inputs.push_back(std::move(data->inputs[i]));
    kept.gold.push_back(std::move(data->gold[i]));
    kept.unknown.push_back(std::move(data->unknown[i]));
    kept.doc.push_back(data->doc[i]);
    kept.original.push_back(new_index[data->original[i]]);
    kept.trusted.push_back(data->trusted[i]);
  }
  *data = std::move(kept);
  return counts;
}

}  // namespace sitrep::ner_internal
