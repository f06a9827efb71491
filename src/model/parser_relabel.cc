// The second-pass labeller: features of an arc in a complete tree, and its training on gold
// trees (local averaged perceptron, early-stopped on the dev LAS of the whole parser).
#include "model/parser_relabel.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "sitrep/model/jackknife.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/parser.h"

namespace sitrep {
namespace parser_internal {
namespace {

int DistBucket(int d) { return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7; }
uint64_t Cap3(int k) { return k < 3 ? k : 3; }

// How many of the tokens strictly between a and b (either order) are counted by `run`, 0..2.
uint64_t Between(const std::vector<uint16_t>& run, int a, int b) {
  if (a > b) std::swap(a, b);
  if (a < 0 || b - a < 2) return 0;
  const int c = run[b - 1] - run[a];
  return c < 2 ? c : 2;
}

}  // namespace

void TreeChildren::Build(const std::vector<int>& head, int n) {
  start_.assign(n + 2, 0);
  for (int d = 1; d <= n; ++d)
    if (head[d] >= 0 && head[d] <= n) ++start_[head[d] + 1];
  for (int h = 0; h <= n; ++h) start_[h + 1] += start_[h];
  kids_.assign(start_[n + 1], 0);
  std::vector<int> fill(start_.begin(), start_.end() - 1);
  for (int d = 1; d <= n; ++d)  // in order: each child list ascends
    if (head[d] >= 0 && head[d] <= n) kids_[fill[head[d]]++] = d;
}

int RelabelFeatures(const ParseInput& in, const std::vector<int>& head, const TreeChildren& kids,
                    int d, uint64_t* f) {
  auto W = [&](int i) -> uint64_t { return i < 0 || i > in.n ? kNone : in.word[i]; };
  auto P = [&](int i) -> uint64_t { return i < 0 || i > in.n ? kNoTag : in.tag[i]; };
  const int h = head[d];
  const int g = h > 0 ? head[h] : -1;
  const uint64_t dir = d < h ? 1 : 2, dist = DistBucket(d < h ? h - d : d - h);
  const uint64_t dw = W(d), dp = P(d), hw = W(h), hp = P(h);
  const uint64_t dpd = Feat(40, dp, dir), dphd = Feat(41, dp, hp, dir);
  int n = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    f[n] = Feat(n + 1, a, b, c);
    ++n;
  };
  // The arc: words, POS, direction and distance.
  add(dw, dp); add(dw); add(dp); add(hw, hp); add(hw); add(dphd); add(dw, hp, dir);
  add(dp, hw, dir); add(dw, hw, dir); add(dphd, dist); add(in.suffix[d], dp, hp);
  // The head's head and the head's side of it.
  add(P(g), hp, dpd); add(W(g), hp, dp); add(g <= 0 ? 0 : h < g ? 1 : 2, hp, dpd);
  // Neighbours of the dependent and what lies between it and its head.
  add(P(d - 1), dp, P(d + 1)); add(W(d - 1), dpd); add(W(d + 1), dpd);
  add(Between(in.verbs, h, d) * 9 + Between(in.puncts, h, d) * 3 + Between(in.conjs, h, d), dphd);
  // The dependent's children, nearest first on each side (case markers, auxiliaries, subjects).
  int nl = 0, nr = 0;
  for (const int* c = kids.begin(d); c != kids.end(d); ++c) (*c < d ? nl : nr)++;
  add(Cap3(nl), Cap3(nr), dpd);
  auto child = [&](int c, uint64_t side) {
    add(W(c), side, dp); add(P(c), side, dphd); add(W(c), hp, dir);
  };
  for (int k = 0; k < nl && k < kMaxRelabelChildren / 2; ++k) child(kids.begin(d)[nl - 1 - k], 1);
  for (int k = 0; k < nr && k < kMaxRelabelChildren / 2; ++k) child(kids.begin(d)[nl + k], 2);
  // Siblings (the head's other children), nearest first on each side of the dependent, and
  // how many lie between the head and the dependent (first or second object).
  const int* hk = kids.begin(h);
  const int hn = kids.count(h);
  const int at = static_cast<int>(std::lower_bound(hk, hk + hn, d) - hk);  // hk[at] == d
  int inner = 0;
  for (int k = 0; k < hn; ++k) inner += (hk[k] > std::min(h, d) && hk[k] < std::max(h, d));
  add(Cap3(inner), dphd);
  auto sibling = [&](int s, uint64_t side) {
    add(P(s), side, dpd); add(W(s), side, dpd); add(P(s), side, dphd);
  };
  for (int k = 1; k <= kMaxRelabelChildren / 2 && at - k >= 0; ++k) sibling(hk[at - k], 1);
  for (int k = 1; k <= kMaxRelabelChildren / 2 && at + k < hn; ++k) sibling(hk[at + k], 2);
  if (!in.cl[0].empty()) {  // word clusters at 1024 / 256 / 64 classes
    add(in.cl[1][d], hp, dir); add(dp, in.cl[1][h], dir); add(in.cl[0][d], dp);
    add(in.cl[0][h], in.cl[2][d], dir);
  }
  return n;
}

}  // namespace parser_internal

using namespace parser_internal;

namespace {

constexpr int kLog2Relabel = 17;
constexpr double kMixes[] = {0, 0.5, 1, 1.5, 2, 3, 4};
constexpr double kDefaultMix = 1;

// The features of every non-root arc of the training trees, flattened.
struct RelabelData {
  std::vector<uint64_t> feats;
  std::vector<size_t> start;  // arc a has feats[start[a], start[a + 1])
  std::vector<int> gold;
  std::vector<size_t> sentence_start;  // first arc of each sentence; one past the end last
};

}  // namespace

Result<std::string> TrainRelabeller(const Parser& base, const std::vector<Sentence>& train,
                                    const std::vector<Sentence>& dev, const Tagger& tagger,
                                    const TrainOptions& options) {
  std::map<std::string, int> label_id;
  for (size_t i = 0; i < base.labels_.size(); ++i) label_id[base.labels_[i]] = static_cast<int>(i);
  ASSIGN_OR_RETURN(std::vector<Sentence> tagged, TagForTraining(train, dev, tagger, options));
  RelabelData data;
  data.start.push_back(0);
  size_t skipped = 0;
  uint64_t f[kMaxRelabelFeatures];
  TreeChildren kids;
  for (size_t i = 0; i < train.size(); ++i) {
    const Sentence& g = train[i];
    const int n = static_cast<int>(g.tokens.size());
    std::vector<int> head(n + 1, 0);
    bool ok = n > 0;
    for (int d = 1; d <= n && ok; ++d) {
      head[d] = g.tokens[d - 1].head;
      ok = head[d] >= 0 && head[d] <= n && head[d] != d && label_id.count(g.tokens[d - 1].deprel);
    }
    if (!ok) {
      ++skipped;
      continue;
    }
    const ParseInput in = Prepare(tagged[i], base.tag_id_, base.clusters_.get());
    kids.Build(head, n);
    data.sentence_start.push_back(data.gold.size());
    for (int d = 1; d <= n; ++d) {
      if (head[d] == 0) continue;
      const int nf = RelabelFeatures(in, head, kids, d, f);
      data.feats.insert(data.feats.end(), f, f + nf);
      data.start.push_back(data.feats.size());
      data.gold.push_back(label_id[g.tokens[d - 1].deprel]);
    }
  }
  data.sentence_start.push_back(data.gold.size());
  std::vector<Sentence> dev_tagged = dev;
  for (Sentence& s : dev_tagged) tagger.Tag(&s);
  if (options.log)
    options.log("relabel: " + std::to_string(data.gold.size()) + " training arcs, " +
                std::to_string(skipped) + " sentences skipped (malformed)");

  const int classes = static_cast<int>(base.labels_.size());
  AveragedPerceptron model(options.log2_label_buckets ? options.log2_label_buckets : kLog2Relabel,
                           classes);
  std::vector<size_t> order(data.sentence_start.size() - 1);
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  std::vector<float> scores(classes);
  double best = -1, best_mix = kDefaultMix;
  int best_epoch = 0;
  std::string best_section;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t s : order) {
      for (size_t a = data.sentence_start[s]; a < data.sentence_start[s + 1]; ++a) {
        const uint64_t* af = &data.feats[data.start[a]];
        const size_t nf = data.start[a + 1] - data.start[a];
        std::fill(scores.begin(), scores.end(), 0.f);
        model.Score(af, nf, scores.data());
        const int pred = BestLabel(scores.data(), classes, 1, base.root_label_);
        if (pred != data.gold[a]) model.Update(af, nf, data.gold[a], pred);
        model.Tick();
      }
    }
    Parser p = base;
    p.relabel_ = model.Averaged();
    if (!WeightTable::SimdCodebook()) p.relabel_ = p.relabel_.Unpacked();
    p.relabel_version_ = kRelabelVersion;
    // The weight of the first pass's label scores in the sum is chosen on dev with the epoch
    // (0 = the second pass alone); without dev, kDefaultMix.
    double epoch_best = -1, epoch_mix = kDefaultMix;
    for (double mix : kMixes) {
      if (dev.empty()) break;
      p.relabel_mix_ = mix;
      const AttachmentScores sc = ScoreParser(p, nullptr, dev_tagged);
      if (options.log)
        options.log("relabel epoch " + std::to_string(epoch) + " mix " + std::to_string(mix) +
                    " dev UAS " + std::to_string(sc.uas) + " LAS " + std::to_string(sc.las));
      if (sc.las > epoch_best) epoch_best = sc.las, epoch_mix = mix;
    }
    const double score = dev.empty() ? epoch : epoch_best;
    if (score > best) {
      best = score;
      best_epoch = epoch;
      best_mix = epoch_mix;
      best_section = model.Section();
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  ModelWriter writer = CopyParserModel(base.model_);
  writer.SetHyper("relabel", "relabel-v" + std::to_string(kRelabelVersion));
  writer.SetHyper("relabel_epochs", std::to_string(best_epoch));
  writer.SetHyper("relabel_seed", std::to_string(options.seed));
  char mix[32];
  std::snprintf(mix, sizeof(mix), "%g", best_mix);
  writer.SetHyper("relabel_mix", mix);
  writer.SetHyper("relabel_dev_las", dev.empty() ? "none" : std::to_string(best));
  writer.AddSection("relabel", std::move(best_section));
  return writer.Serialize();
}

}  // namespace sitrep
