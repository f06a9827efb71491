// Jackknifed POS tagging: each of k folds of a gold-tagged training set is tagged by a tagger
// trained on the other k-1 folds, so models trained on the output see test-like POS errors.
#pragma once

#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/model/train_options.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

class Tagger;

// Copies of `gold` (gold UPOS) with UPOS predicted by fold taggers (sentence i is in fold
// i % folds; taggers use seed options.seed + fold, 10 epochs, options.clusters, `dev` for
// early stopping).
Result<std::vector<Sentence>> JackknifeTag(const std::vector<Sentence>& gold,
                                           const std::vector<Sentence>& dev, int folds,
                                           const TrainOptions& options);

// The training copies a parser learns from: `train` tagged by `tagger`, or jackknifed as above
// when options.jackknife > 1 (so training sees test-like tagging errors).
Result<std::vector<Sentence>> TagForTraining(const std::vector<Sentence>& train,
                                             const std::vector<Sentence>& dev,
                                             const Tagger& tagger, const TrainOptions& options);

}  // namespace sitrep
