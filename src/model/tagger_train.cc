// Training of the POS tagger: a tag dictionary, then one averaged perceptron per reading
// direction (left to right; with options.backward also right to left), each early-stopped on
// its own dev accuracy.
#include <algorithm>
#include <map>
#include <set>

#include "model/tagger_features.h"
#include "sitrep/model/tagger.h"

namespace sitrep {
namespace {

using namespace tagger_internal;

constexpr int kDefaultLog2 = 18;

struct Direction {
  std::string weights;  // the best epoch's averaged weights section
  double dev = -1;      // its dev accuracy (training accuracy without dev)
  int epoch = 0;
};

// Greedy decoding of one prepared sentence with the averaged table `w`.
void Decode(const TagInput& in, size_t n, const WeightTable& w, std::vector<int>* tags) {
  tags->assign(n, 0);
  uint64_t f[kMaxFeatures];
  int32_t s[256];
  for (size_t i = 0; i < n; ++i) {
    int t1 = i >= 1 ? (*tags)[i - 1] : kNoTag, t2 = i >= 2 ? (*tags)[i - 2] : kNoTag;
    int nf = Features(in, i, t1, t2, f);
    std::fill(s, s + w.classes(), 0);
    w.Score(f, nf, s);
    (*tags)[i] = Argmax(s, w.classes());
  }
}

// Trains one direction's model on prepared sentences and gold tag ids (in the same reading
// order; dev ids may be -1 for tags unseen in training).
Direction TrainDirection(const std::vector<TagInput>& inputs, const std::vector<std::vector<int>>& gold,
                         const std::vector<TagInput>& dev_inputs,
                         const std::vector<std::vector<int>>& dev_gold, int classes,
                         const TrainOptions& options, const std::string& name) {
  AveragedPerceptron model(options.log2_buckets ? options.log2_buckets : kDefaultLog2, classes);
  std::vector<size_t> order(inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  Direction best;
  uint64_t f[kMaxFeatures];
  float sc[256];
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    size_t right = 0, total = 0;
    for (size_t idx : order) {
      const TagInput& in = inputs[idx];
      const std::vector<int>& g = gold[idx];
      int t1 = kNoTag, t2 = kNoTag;
      for (size_t i = 0; i < g.size(); ++i) {
        int nf = Features(in, i, t1, t2, f);
        std::fill(sc, sc + classes, 0.f);
        model.Score(f, nf, sc);
        int pred = Argmax(sc, classes);
        model.Update(f, nf, g[i], pred);
        model.Tick();
        right += pred == g[i];
        ++total;
        t2 = t1;
        t1 = pred;
      }
    }
    WeightTable avg = model.Averaged();
    size_t dright = 0, dtotal = 0;
    std::vector<int> tags;
    for (size_t d = 0; d < dev_inputs.size(); ++d) {
      Decode(dev_inputs[d], dev_gold[d].size(), avg, &tags);
      for (size_t i = 0; i < tags.size(); ++i) dright += tags[i] == dev_gold[d][i];
      dtotal += tags.size();
    }
    const double train_acc = 100.0 * right / std::max<size_t>(total, 1);
    const double acc = dtotal ? 100.0 * dright / dtotal : train_acc;
    if (options.log)
      options.log(name + "epoch " + std::to_string(epoch) + " train " + std::to_string(train_acc) +
                  " dev " + std::to_string(acc));
    if (acc > best.dev) {
      best.dev = acc;
      best.epoch = epoch;
      best.weights = model.Section();
    } else if (epoch - best.epoch >= options.patience) {
      break;
    }
  }
  return best;
}

}  // namespace

Result<std::string> TrainTagger(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                const TrainOptions& options) {
  std::set<std::string> label_set;
  std::map<std::string, std::map<std::string, int>> counts;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      if (t.upos.empty()) return Status::InvalidArgument("training token without UPOS: " + t.form);
      label_set.insert(t.upos);
      ++counts[AsciiLower(t.form)][t.upos];
    }
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  if (labels.size() > 250) return Status::InvalidArgument("too many tags");
  std::map<std::string, int> label_id;
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<int>(i);
  // Tag dictionary: words seen at least twice, with the tags making up >= 5% of their uses.
  TagDict dict;
  std::string dict_text;
  for (const auto& [word, tags] : counts) {
    int total = 0;
    for (const auto& [tag, c] : tags) total += c;
    if (total < 2 || word.find_first_of("\t\n") != std::string::npos) continue;
    uint32_t mask = 0;
    for (const auto& [tag, c] : tags)
      if (c * 20 >= total) mask |= 1u << (label_id[tag] % 31);
    dict[word] = mask;
    dict_text += word + "\t" + std::to_string(mask) + "\n";
  }

  const int classes = static_cast<int>(labels.size());
  auto ids = [&](const Sentence& s, bool reverse) {
    std::vector<int> g;
    for (const Token& t : s.tokens) {
      auto it = label_id.find(t.upos);
      g.push_back(it == label_id.end() ? -1 : it->second);
    }
    if (reverse) std::reverse(g.begin(), g.end());
    return g;
  };
  auto train_direction = [&](bool reverse) {
    std::vector<TagInput> inputs, dev_inputs;
    std::vector<std::vector<int>> gold, dev_gold;
    for (const Sentence& s : train) {
      inputs.push_back(Prepare(s, dict, options.clusters, reverse));
      gold.push_back(ids(s, reverse));
    }
    for (const Sentence& s : dev) {
      dev_inputs.push_back(Prepare(s, dict, options.clusters, reverse));
      dev_gold.push_back(ids(s, reverse));
    }
    return TrainDirection(inputs, gold, dev_inputs, dev_gold, classes, options,
                          reverse ? "backward " : "");
  };

  ModelWriter writer(ModelKind::kTagger);
  const std::string features = options.clusters ? "tagger-v2" : "tagger-v1";
  writer.SetHyper("features", options.backward ? features + kBackwardSuffix : features);
  if (options.clusters) writer.AddSection("clusters", options.clusters->Serialize());
  writer.AddSection("labels", JoinLines(labels));
  writer.AddSection("tagdict", dict_text);
  Direction forward = train_direction(false);
  writer.SetHyper("epochs", std::to_string(forward.epoch));
  writer.SetHyper("seed", std::to_string(options.seed));
  writer.SetHyper("dev_upos", std::to_string(forward.dev));
  writer.AddSection("weights", std::move(forward.weights));
  if (!options.backward) return writer.Serialize();

  Direction backward = train_direction(true);
  writer.SetHyper("epochs_rl", std::to_string(backward.epoch));
  writer.SetHyper("dev_upos_lr", std::to_string(forward.dev));
  writer.SetHyper("dev_upos_rl", std::to_string(backward.dev));
  writer.AddSection("weights_rl", std::move(backward.weights));
  if (dev.empty()) return writer.Serialize();
  ASSIGN_OR_RETURN(Model both, Model::FromBytes(writer.Serialize()));
  ASSIGN_OR_RETURN(Tagger tagger, Tagger::FromModel(std::move(both)));
  const double acc = TaggerAccuracy(tagger, dev);
  if (options.log) options.log("both directions: dev " + std::to_string(acc));
  writer.SetHyper("dev_upos", std::to_string(acc));
  return writer.Serialize();
}

}  // namespace sitrep
