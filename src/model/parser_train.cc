// Parser training: greedy (dynamic oracle with exploration) or beam search with a
// max-violation structured perceptron whose gold derivation is latent (the best-scoring
// zero-cost moves). Both train the label model locally on the arcs of gold heads.
#include <algorithm>
#include <map>
#include <set>

#include "model/parser_beam.h"
#include "model/parser_features.h"
#include "model/parser_state.h"
#include "sitrep/model/jackknife.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/parser.h"

namespace sitrep {
namespace {

using namespace parser_internal;

constexpr int kDefaultLog2Moves = 20;
constexpr int kLog2Arcs = 17;
constexpr double kExplore = 0.9;  // greedy: how often a wrong move is followed after epoch 1

struct TrainingSet {
  std::vector<ParseInput> inputs;
  std::vector<std::vector<int>> heads, labels;  // gold, index 0 unused (-1)
  int version = kDefaultFeatures;                // feature set
};

// Scores moves and names arcs with the current (not averaged) training weights.
class PerceptronScorer {
 public:
  PerceptronScorer(const AveragedPerceptron& moves, const AveragedPerceptron& arcs, int root_label)
      : moves_(moves), arcs_(arcs), root_label_(root_label), ls_(arcs.classes()) {}
  void Moves(const uint64_t* f, int n, double* s) const {
    float x[kMoves] = {0, 0, 0, 0};
    moves_.Score(f, n, x);
    for (int m = 0; m < kMoves; ++m) s[m] += x[m];
  }
  void Prefetch(const uint64_t*, int) const {}
  int Label(const uint64_t* af, int n, int head) const {
    if (head == 0 && root_label_ >= 0) return root_label_;
    std::fill(ls_.begin(), ls_.end(), 0.f);
    arcs_.Score(af, n, ls_.data());
    return BestLabel(ls_.data(), arcs_.classes(), head, root_label_);
  }

 private:
  const AveragedPerceptron& moves_;
  const AveragedPerceptron& arcs_;
  int root_label_;
  mutable std::vector<float> ls_;
};

template <typename T>
int BestValid(const State& st, const T* s) {
  int best = -1;
  for (int m = 0; m < kMoves; ++m)
    if (st.Valid(m) && (best < 0 || s[m] > s[best])) best = m;
  return best;
}

// Names the arc `move` makes from `st` and trains the label model when the head is gold;
// returns the label to apply (the gold one when the head is right).
int TrainLabel(const State& st, int move, const uint64_t* f, int nf, const TrainingSet& data,
               size_t idx, int root_label, AveragedPerceptron* arcs) {
  uint64_t af[kMaxFeatures + 1];
  std::vector<float> ls(arcs->classes());
  auto [h, d] = st.ArcOf(move);
  int naf = ArcFeatures(f, nf, move, af);
  arcs->Score(af, naf, ls.data());
  int label = BestLabel(ls.data(), arcs->classes(), h, root_label);
  if (data.heads[idx][d] != h) return label;
  const int gold = data.labels[idx][d];
  if (label != gold) arcs->Update(af, naf, gold, label);
  arcs->Tick();
  return gold;
}

// One greedy pass over sentence `idx` with dynamic-oracle updates and exploration.
void GreedySentence(const TrainingSet& data, size_t idx, int epoch, int root_label, SplitMix* rng,
                    AveragedPerceptron* moves, AveragedPerceptron* arcs) {
  const int version = data.version;
  const ParseInput& in = data.inputs[idx];
  const std::vector<int>& gh = data.heads[idx];
  uint64_t f[kMaxFeatures];
  State st(in.n);
  while (!st.Terminal()) {
    int nf = Features(in, st, version, f);
    float s[kMoves] = {0, 0, 0, 0};
    moves->Score(f, nf, s);
    int cost[kMoves];
    Costs(st, gh, cost);
    int pred = BestValid(st, s);
    int min_cost = *std::min_element(cost, cost + kMoves);
    int gold = -1;
    for (int m = 0; m < kMoves; ++m)
      if (cost[m] == min_cost && (gold < 0 || s[m] > s[gold])) gold = m;
    if (cost[pred] > min_cost) moves->Update(f, nf, gold, pred);
    moves->Tick();
    int follow = cost[pred] == min_cost || (epoch > 1 && rng->Uniform() < kExplore) ? pred : gold;
    int label = kNoLabel;
    if (follow == kLeft || follow == kRight)
      label = TrainLabel(st, follow, f, nf, data, idx, root_label, arcs);
    st.Apply(follow, label);
  }
}

// Adds `delta` to the move weights of steps [from, end) of the derivation `hist`.
void Reinforce(const ParseInput& in, int version, const std::vector<int>& hist, size_t from,
               float delta, AveragedPerceptron* moves) {
  State st(in.n);
  uint64_t f[kMaxFeatures];
  for (size_t t = 0; t < hist.size(); ++t) {
    const int m = StepMove(hist[t]);
    if (t >= from) moves->Adjust(f, Features(in, st, version, f), m, delta);
    st.Apply(m, StepLabel(hist[t]));
  }
}

// Beam search over sentence `idx` next to the latent gold derivation; updates the move model
// at the step where the best wrong item beats the gold prefix by the most (max violation).
void BeamSentence(const TrainingSet& data, size_t idx, int width, int root_label,
                  AveragedPerceptron* moves, AveragedPerceptron* arcs) {
  const int version = data.version;
  const ParseInput& in = data.inputs[idx];
  const std::vector<int>& gh = data.heads[idx];
  const PerceptronScorer scorer(*moves, *arcs, root_label);
  Beam<PerceptronScorer> beam(in, version, width, scorer, &gh);
  State gold(in.n);
  double gold_score = 0, max_violation = -1;  // ties count: zero weights must still learn
  std::vector<int> gold_hist, viol_gold, viol_pred;
  uint64_t f[kMaxFeatures];
  while (!beam.Done() || !gold.Terminal()) {
    beam.Step();
    if (!gold.Terminal()) {
      int nf = Features(in, gold, version, f);
      double s[kMoves] = {0, 0, 0, 0};
      scorer.Moves(f, nf, s);
      int cost[kMoves];
      Costs(gold, gh, cost);
      int min_cost = *std::min_element(cost, cost + kMoves);
      int m = -1;
      for (int k = 0; k < kMoves; ++k)
        if (cost[k] == min_cost && (m < 0 || s[k] > s[m])) m = k;
      int label = kNoLabel;
      if (m == kLeft || m == kRight)
        label = TrainLabel(gold, m, f, nf, data, idx, root_label, arcs);
      gold_score += s[m];
      gold.Apply(m, label);
      gold_hist.push_back(PackStep(m, label));
    }
    const BeamItem& top = beam.items()[0];
    if (!top.correct && top.score - gold_score >= 0 && top.score - gold_score > max_violation) {
      max_violation = top.score - gold_score;
      viol_gold = gold_hist;
      viol_pred = top.hist;
    }
  }
  if (max_violation >= 0) {
    size_t from = 0;
    while (from < viol_gold.size() && from < viol_pred.size() && viol_gold[from] == viol_pred[from])
      ++from;
    Reinforce(in, version, viol_gold, from, 1.f, moves);
    Reinforce(in, version, viol_pred, from, -1.f, moves);
  }
  moves->Tick();
}

int IndexOf(const std::vector<std::string>& v, const std::string& x) {
  auto it = std::find(v.begin(), v.end(), x);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

}  // namespace

Result<std::string> TrainParser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                const Tagger& tagger, const TrainOptions& options) {
  std::vector<std::string> tags = tagger.labels();
  std::set<std::string> label_set;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens)
      if (!t.deprel.empty()) label_set.insert(t.deprel);
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  if (labels.empty() || labels.size() >= kNoLabel) return Status::InvalidArgument("bad label set");
  if (options.beam < 1 || options.beam > 64)
    return Status::InvalidArgument("beam width must be 1..64");
  if (options.decode_beam < 0 || options.decode_beam > 64)
    return Status::InvalidArgument("decoding beam width must be 0..64");
  if (options.features < 0 || options.features > kLatestFeatures)
    return Status::InvalidArgument("parser feature set must be 0.." + std::to_string(kLatestFeatures));
  const int version =
      options.features ? options.features : options.clusters ? kLatestFeatures : kDefaultFeatures;
  if (version >= 5 && !options.clusters)
    return Status::InvalidArgument("parser feature set 5 needs word clusters");
  const WordClusters* clusters = version >= 5 ? options.clusters : nullptr;
  std::map<std::string, int> tag_id, label_id;
  for (size_t i = 0; i < tags.size(); ++i) tag_id[tags[i]] = static_cast<int>(i);
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<int>(i);
  const int root_label = IndexOf(labels, "root");
  const int classes = static_cast<int>(labels.size());

  // Predicted POS for the training set: from `tagger`, or jackknifed (each fold tagged by a
  // tagger trained on the other folds) so training sees test-like tagging errors.
  ASSIGN_OR_RETURN(std::vector<Sentence> tagged, TagForTraining(train, dev, tagger, options));
  // Training inputs: predicted POS, projective single-rooted gold trees only.
  TrainingSet data;
  data.version = version;
  size_t skipped = 0, lifted = 0;
  for (const Sentence& original : train) {
    const Sentence* tree = &original;
    Sentence projective;
    int roots = 0;
    bool ok = !original.tokens.empty();
    for (const Token& t : original.tokens) {
      roots += t.head == 0;
      ok = ok && t.head >= 0 && label_id.count(t.deprel);
    }
    if (ok && roots == 1 && options.lift_nonprojective && !IsProjective(original)) {
      projective = original;
      ok = LiftToProjective(&projective) > 0;
      tree = &projective;
      lifted += ok;
    }
    if (!ok || roots != 1 || !IsProjective(*tree)) {
      ++skipped;
      continue;
    }
    const Sentence& g = *tree;
    data.inputs.push_back(Prepare(tagged[&original - train.data()], tag_id, clusters));
    data.heads.emplace_back(1, -1);
    data.labels.emplace_back(1, -1);
    for (const Token& t : g.tokens) {
      data.heads.back().push_back(t.head);
      data.labels.back().push_back(label_id[t.deprel]);
    }
  }
  std::vector<Sentence> dev_tagged = dev;
  for (Sentence& s : dev_tagged) tagger.Tag(&s);
  if (options.log)
    options.log("parser: " + std::to_string(data.inputs.size()) + " training trees, " +
                std::to_string(skipped) + " skipped (non-projective or malformed), " +
                std::to_string(lifted) + " lifted to projective");

  const int log2 = options.log2_buckets ? options.log2_buckets : kDefaultLog2Moves;
  AveragedPerceptron moves(log2, kMoves),
      arcs(options.log2_label_buckets ? options.log2_label_buckets : kLog2Arcs, classes);
  ModelWriter writer(ModelKind::kParser);
  writer.SetHyper("features", "parser-zn-v" + std::to_string(version));
  writer.SetHyper("system", "arc-eager");
  const int decode = options.decode_beam > 0 ? options.decode_beam : options.beam;
  if (decode > 1) writer.SetHyper("beam", std::to_string(decode));
  if (options.beam > 1) writer.SetHyper("train_beam", std::to_string(options.beam));
  writer.AddSection("tags", JoinLines(tags));
  writer.AddSection("labels", JoinLines(labels));
  if (clusters) writer.AddSection("clusters", clusters->Serialize());
  // A non-owning view for the dev-set parsers: the caller's clusters outlive this function.
  std::shared_ptr<const WordClusters> cluster_view(clusters, [](const WordClusters*) {});

  std::vector<size_t> order(data.inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  double best = -1;
  int best_epoch = 0;
  std::string best_moves, best_arcs;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t idx : order) {
      if (options.beam > 1) BeamSentence(data, idx, options.beam, root_label, &moves, &arcs);
      else GreedySentence(data, idx, epoch, root_label, &rng, &moves, &arcs);
    }
    Parser p;
    p.moves_ = moves.Averaged();
    p.arcs_ = arcs.Averaged().Unpacked();
    p.tags_ = tags;
    p.labels_ = labels;
    p.feature_version_ = version;
    if (clusters) p.clusters_ = cluster_view;
    p.beam_ = options.beam;
    p.Index();
    AttachmentScores sc = ScoreParser(p, nullptr, dev_tagged);
    if (options.log)
      options.log("epoch " + std::to_string(epoch) + " dev UAS " + std::to_string(sc.uas) +
                  " LAS " + std::to_string(sc.las));
    // Without a dev set (training on train + dev with a dev-chosen epoch count) the last
    // epoch is kept.
    const double score = dev.empty() ? epoch : sc.las;
    if (score > best) {
      best = score;
      best_epoch = epoch;
      best_moves = moves.Section();
      best_arcs = arcs.Section();
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  writer.SetHyper("epochs", std::to_string(best_epoch));
  writer.SetHyper("seed", std::to_string(options.seed));
  writer.SetHyper("dev_las", dev.empty() ? "none" : std::to_string(best));
  writer.AddSection("moves", std::move(best_moves));
  writer.AddSection("arcs", std::move(best_arcs));
  return writer.Serialize();
}

}  // namespace sitrep
