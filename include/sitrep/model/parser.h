// Transition-based dependency parser: arc-eager, Zhang & Nivre (2011) features (valency,
// third-order, label sets) over words and predicted UPOS, greedy (dynamic oracle, Goldberg &
// Nivre 2012) or beam search (max-violation structured perceptron, Huang et al. 2012). An
// unlabelled transition model picks the move; a label model names each arc when it is made;
// an optional second-pass labeller (hyper "relabel") renames the arcs of the finished tree.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/model/linear.h"
#include "sitrep/model/model_file.h"
#include "sitrep/model/tagger.h"
#include "sitrep/model/train_options.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

class WordClusters;

class Parser {
 public:
  static Result<Parser> FromModel(Model model);
  static Result<Parser> Load(const std::string& path);

  // Sets head and deprel of every token from forms and upos (tag first). The output is
  // always a tree: exactly one token has head 0, no cycles, heads within [0, n].
  void Parse(Sentence* sentence) const;
  const std::vector<std::string>& labels() const { return labels_; }
  // Beam width used by Parse (the model's "beam" hyper, 1 = greedy); changeable for speed.
  int beam() const { return beam_; }
  void set_beam(int width) { beam_ = width < 1 ? 1 : width; }

 private:
  friend Result<std::string> TrainParser(const std::vector<Sentence>&, const std::vector<Sentence>&,
                                         const Tagger&, const TrainOptions&);
  friend Result<std::string> AddMoveTable(const Parser&, const Parser&, bool);
  friend Result<std::string> TrainRelabeller(const Parser&, const std::vector<Sentence>&,
                                             const std::vector<Sentence>&, const Tagger&,
                                             const TrainOptions&);
  void Index();  // fills tag_id_ and root_label_ from tags_ and labels_
  Model model_;
  WeightTable moves_, arcs_, relabel_;
  WeightTable moves2_;  // hyper move_tables 2: a second move model summed with moves_ (else empty)
  int relabel_version_ = 0;  // "relabel-v<N>" of the model file; 0 = no second pass
  double relabel_mix_ = 0;   // weight of the first-pass label scores summed into the second's
  std::vector<std::string> tags_, labels_;
  int feature_version_ = 2;  // "parser-zn-v<N>" of the model file
  int beam_ = 1;
  int root_label_ = -1, punct_label_ = 0, dep_label_ = 0, punct_tag_ = -1;
  std::map<std::string, int> tag_id_;
  std::shared_ptr<const WordClusters> clusters_;  // feature set 5: views model_'s bytes
};

// Trains on `train` (gold trees; POS predicted by `tagger` or jackknifed; non-projective trees
// skipped), early-stopping on dev LAS (empty dev: every epoch runs, the last is kept); options.beam > 1 trains for beam search of that width
// (src/model/parser_train.cc); options.clusters selects feature set 5 and is embedded.
// Returns the model file bytes.
Result<std::string> TrainParser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                const Tagger& tagger, const TrainOptions& options);

// Trains a second-pass labeller over the complete gold trees of `train` (POS predicted by
// `tagger` or jackknifed as options.jackknife says; non-projective trees included), early-
// stopped on the dev LAS of `base` with it. Returns `base`'s model file with it added.
Result<std::string> TrainRelabeller(const Parser& base, const std::vector<Sentence>& train,
                                    const std::vector<Sentence>& dev, const Tagger& tagger,
                                    const TrainOptions& options);

// The parser model `base` with the move weights of `other` added as a second move table
// (an ensemble: both are scored, their sums decide); both must read the same features, tags
// and labels. Returns the model file bytes.
// `merge`: the two tables are summed into one int16 table (SumWeightSections; an 8-bit
// codebook loses the ensemble's gain): the same scores at one look-up per feature.
Result<std::string> AddMoveTable(const Parser& base, const Parser& other, bool merge = false);

struct AttachmentScores {
  double uas = 0, las = 0;  // percent of words; LAS compares full labels (with subtypes)
  double clas_universal = 0;  // LAS comparing only the universal part ("obl" for "obl:tmod")
  size_t words = 0;
};
// Tags (when `tagger` is set) and parses copies of `gold` with `parse` and scores them against
// it: what every parser kind's score function runs.
AttachmentScores ScoreParses(const std::function<void(Sentence*)>& parse, const Tagger* tagger,
                             const std::vector<Sentence>& gold);
// ScoreParses with the linear parser.
AttachmentScores ScoreParser(const Parser& parser, const Tagger* tagger,
                             const std::vector<Sentence>& gold);

// True when the gold tree of `s` has no crossing arcs.
bool IsProjective(const Sentence& s);

// Makes the gold tree of `s` projective by lifting (Kahane et al. 1998; Nivre and Nilsson
// 2005 without label encoding): the shortest non-projective arc moves to its head's head until
// none is left; labels are kept. Returns the number of lifts; false trees (cycles, bad heads)
// are left alone and return -1.
int LiftToProjective(Sentence* s);

}  // namespace sitrep
