#include "sitrep/model/jackknife.h"

#include <string>

#include "sitrep/model/tagger.h"

namespace sitrep {

Result<std::vector<Sentence>> JackknifeTag(const std::vector<Sentence>& gold,
                                           const std::vector<Sentence>& dev, int folds,
                                           const TrainOptions& options) {
  if (folds < 2) return Status::InvalidArgument("jackknifing needs at least 2 folds");
  std::vector<Sentence> tagged = gold;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<Sentence> rest;
    for (size_t i = 0; i < gold.size(); ++i)
      if (static_cast<int>(i % folds) != fold) rest.push_back(gold[i]);
    TrainOptions topt;
    topt.seed = options.seed + fold;
    topt.epochs = 10;
    topt.clusters = options.clusters;  // the fold taggers use the same features as the final one
    topt.backward = options.backward;
    ASSIGN_OR_RETURN(std::string bytes, TrainTagger(rest, dev, topt));
    ASSIGN_OR_RETURN(Model m, Model::FromBytes(std::move(bytes)));
    ASSIGN_OR_RETURN(Tagger t, Tagger::FromModel(std::move(m)));
    for (size_t i = fold; i < gold.size(); i += folds) t.Tag(&tagged[i]);
    if (options.log) options.log("jackknife fold " + std::to_string(fold + 1) + " tagged");
  }
  return tagged;
}

Result<std::vector<Sentence>> TagForTraining(const std::vector<Sentence>& train,
                                             const std::vector<Sentence>& dev,
                                             const Tagger& tagger, const TrainOptions& options) {
  if (options.jackknife > 1) return JackknifeTag(train, dev, options.jackknife, options);
  std::vector<Sentence> tagged = train;
  for (Sentence& s : tagged) tagger.Tag(&s);
  return tagged;
}

}  // namespace sitrep
