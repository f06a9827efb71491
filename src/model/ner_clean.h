// Cleaning a noisy (draft) NER training set with jackknifed labels: each training sentence is
// labelled by a model that did not see it, and where its draft labels disagree they are made
// unknown (no update), replaced, or the sentence is dropped. Internal to src/model.
#pragma once

#include <string>
#include <vector>

#include "ner_decode.h"
#include "ner_doc.h"

namespace sitrep::ner_internal {

// What to do where a sentence's draft labels and its jackknifed labels disagree.
enum class CleanMode {
  kNone,
  kMissingUnknown,  // "missing": draft O inside a jackknifed entity -> unknown
  kAllUnknown,      // "unknown": every disagreeing token -> unknown
  kRelabel,         // "relabel": the sentence takes its jackknifed labels
  kAddMissing,      // "add": a jackknifed name over draft O tokens only is added to the labels
  kDrop,            // "drop": the sentence is left out
};
// "missing", "unknown", "relabel", "add", "drop" (or "" / "none"); false when unknown.
bool ParseCleanMode(const std::string& name, CleanMode* mode);

struct CleanCounts {
  size_t sentences = 0, disagreeing = 0, tokens_changed = 0;
};

// Applies `mode` to every untrusted input of `data` from the jackknifed labels `p1` of its
// original (case copies follow their original); dropped inputs are removed. Trusted inputs
// (data->trusted) are left as they are.
CleanCounts CleanTrainingLabels(const std::vector<std::vector<int>>& p1, CleanMode mode,
                                const LabelSet& labels, NerTrainSet* data);

}  // namespace sitrep::ner_internal
