// NER training: a structured averaged perceptron over BIO labels, early-stopped on dev; with
// several seeds the runs' averaged weights are averaged again; then the "O" penalty is tuned.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <set>

#include "sitrep/model/ner.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/model/word_features.h"
#include "ner_decode.h"
#include "ner_features.h"

namespace sitrep {
namespace {

using ner_internal::Decode;
using ner_internal::kDefaultLog2;
using ner_internal::kFeatureVersion;
using ner_internal::kMaxExtra;
using ner_internal::kMaxStatic;
using ner_internal::kTrans;
using ner_internal::LabelSet;
using ner_internal::NerInput;
using ner_internal::Prepare;
using ner_internal::StaticFeatures;
using ner_internal::TransFeatures;

constexpr size_t kHeaderBytes = 16;  // of a weight section: log2 u32, classes u32, scale f32, format u32
// BILOU labels decode (models with L-/U- labels load) but are not trained: on UNER EWT dev they
// scored 72.94 against BIO's 73.02 with a 1.7x larger, slower model (bench/results/ner.md).
constexpr bool kTrainBilou = false;

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool HasUpos(const Sentence& s) {
  for (const Token& t : s.tokens)
    if (t.upos.empty()) return false;
  return !s.tokens.empty();
}

struct TrainSet {
  std::vector<NerInput> inputs;
  std::vector<std::vector<int>> gold;
  std::vector<std::vector<char>> unknown;  // draft tokens whose label was lost
};

// What one seed's run keeps: its best epoch's averaged weights (int16 section) on dev.
struct SeedRun {
  std::string weights;
  int epoch = 0;
  double f1 = -1;
};

// Trains with shuffling seed `seed`; `dev_f1(weights)` scores a weight table (dev set empty:
// the last epoch is kept).
template <typename DevF1>
SeedRun RunSeed(const TrainSet& data, const std::shared_ptr<const LabelSet>& labels, bool has_dev,
                const TrainOptions& options, uint64_t seed, DevF1&& dev_f1) {
  const int classes = labels->size();
  AveragedPerceptron model(options.log2_buckets ? options.log2_buckets : kDefaultLog2, classes);
  std::vector<size_t> order(data.inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(seed);
  SeedRun run;
  uint64_t f[kMaxStatic + kMaxExtra], tg[kTrans], tp[kTrans];
  std::vector<int> pred, want;
  auto score = [&](const uint64_t* fs, int n, float* sc) { model.Score(fs, n, sc); };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t idx : order) {
      const NerInput& in = data.inputs[idx];
      const size_t n = data.gold[idx].size();
      Decode<float>(in, n, *labels, score, 0.f, &pred);
      // Structured perceptron update; tokens whose draft label was lost take the prediction.
      want = data.gold[idx];
      for (size_t i = 0; i < n; ++i)
        if (data.unknown[idx][i] && labels->Allowed(i ? want[i - 1] : -1, pred[i])) want[i] = pred[i];
      for (size_t i = 0; i < n; ++i) {
        const int gp = i ? want[i - 1] : classes, pp = i ? pred[i - 1] : classes;
        if (want[i] != pred[i]) model.Update(f, StaticFeatures(in, i, f), want[i], pred[i]);
        if (want[i] != pred[i] || gp != pp) {
          TransFeatures(in, i, gp, tg);
          TransFeatures(in, i, pp, tp);
          model.Adjust(tg, in.trans, want[i], 1);
          model.Adjust(tp, in.trans, pred[i], -1);
        }
        model.Tick();
      }
    }
    const double f1 = has_dev ? dev_f1(model.Averaged()) : epoch;
    if (options.log)
      options.log("seed " + std::to_string(seed) + " epoch " + std::to_string(epoch) +
                  (has_dev ? " dev F1 " + std::to_string(f1) : " (no dev set)"));
    if (f1 > run.f1) {
      run.f1 = f1;
      run.epoch = epoch;
      run.weights = model.Section(WeightFormat::kInt16);
    } else if (epoch - run.epoch >= options.patience) {
      break;
    }
  }
  return run;
}

// The mean of int16 weight sections of equal shape, as an int16 section with a new scale.
std::string AverageSections(const std::vector<SeedRun>& runs) {
  const std::string& first = runs[0].weights;
  const size_t n = (first.size() - kHeaderBytes) / 2;
  std::vector<float> sum(n, 0.f);
  for (const SeedRun& r : runs) {
    float scale;
    std::memcpy(&scale, r.weights.data() + 8, 4);
    const char* q = r.weights.data() + kHeaderBytes;
    for (size_t i = 0; i < n; ++i) {
      int16_t v;
      std::memcpy(&v, q + 2 * i, 2);
      sum[i] += v * scale;
    }
  }
  float max_abs = 0;
  for (float& v : sum) max_abs = std::max(max_abs, std::fabs(v /= runs.size()));
  const float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  std::string out = first.substr(0, kHeaderBytes);
  std::memcpy(out.data() + 8, &scale, 4);
  out.resize(kHeaderBytes + 2 * n);
  for (size_t i = 0; i < n; ++i) {
    const int16_t v = static_cast<int16_t>(std::lround(sum[i] / scale));
    std::memcpy(out.data() + kHeaderBytes + 2 * i, &v, 2);
  }
  return out;
}

}  // namespace

Result<std::string> TrainNer(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                             const Tagger* tagger, const TrainOptions& options,
                             const NerFeatureSource* source, const WordClusters* clusters) {
  std::set<std::string> types;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      std::string l = NerLabelOf(t);
      if (l != "O") types.insert(l.substr(2));
    }
  std::vector<std::string> names = {"O"};
  for (const std::string& type : types)
    for (const char* p : {"B-", "I-", "L-", "U-"})
      if (kTrainBilou || p[0] == 'B' || p[0] == 'I') names.push_back(p + type);
  auto labels = std::make_shared<const LabelSet>(names, kTrainBilou);

  // UPOS features only when the training sentences have UPOS (given or from `tagger`).
  bool use_pos = tagger != nullptr;
  for (const Sentence& s : train) use_pos = use_pos || HasUpos(s);
  TrainSet data;
  std::vector<std::string> bio;
  auto add = [&](const Sentence& g) {
    Sentence s = g;
    if (tagger && !HasUpos(s)) tagger->Tag(&s);
    data.inputs.push_back(Prepare(s, source, clusters, use_pos, kFeatureVersion));
    bio.clear();
    data.unknown.emplace_back();
    for (const Token& t : g.tokens) {
      bio.push_back(NerLabelOf(t));
      data.unknown.back().push_back(t.misc.find(kNerDraftUnknown) != std::string::npos);
    }
    data.gold.push_back(labels->FromBio(bio));
  };
  // Casing-robust training: some sentences again in lowercase (web text) or uppercase.
  SplitMix pick(options.seed ^ 0x5EEDCA5Eu);
  for (const Sentence& g : train) {
    add(g);
    if (options.case_copies <= 0) continue;
    const double u = pick.Uniform();
    if (u >= options.case_copies * 1.25) continue;
    Sentence c = g;
    for (Token& t : c.tokens) t.form = u < options.case_copies ? AsciiLower(t.form) : AsciiUpper(t.form);
    add(c);
  }
  std::vector<Sentence> dev_tagged = dev;
  if (tagger)
    for (Sentence& s : dev_tagged) tagger->Tag(&s);

  ModelWriter writer(ModelKind::kNer);
  writer.SetHyper("features", "ner-v" + std::to_string(kFeatureVersion));
  writer.SetHyper("decoder", "viterbi");
  writer.SetHyper("pos", use_pos ? "upos" : "none");
  writer.SetHyper("feature_source", source ? source->name() : "");
  if (const auto* lex = dynamic_cast<const NerLexicon*>(source)) writer.AddSection("lexicon", lex->Serialize());
  if (clusters) writer.AddSection("clusters", clusters->Serialize());
  std::string label_text;
  for (const std::string& l : names) label_text += l + "\n";
  writer.AddSection("labels", label_text);

  // A probe tagger for dev scores; the trainer's clusters outlive it (non-owning view).
  NerTagger probe;
  probe.labels_ = labels;
  probe.source_ = source;
  probe.clusters_ = std::shared_ptr<const WordClusters>(clusters, [](const WordClusters*) {});
  probe.use_pos_ = use_pos;
  std::vector<SeedRun> runs;
  std::string epochs;
  const int k = std::max(1, options.average_seeds);
  for (int r = 0; r < k; ++r) {
    runs.push_back(RunSeed(data, labels, !dev.empty(), options, options.seed + r,
                           [&](WeightTable w) {
                             probe.weights_ = std::move(w);
                             return ScoreNer(probe, nullptr, dev_tagged).f1;
                           }));
    epochs += (r ? "," : "") + std::to_string(runs.back().epoch);
    if (options.log && !dev.empty())
      options.log("seed " + std::to_string(options.seed + r) + " best epoch " +
                  std::to_string(runs.back().epoch) + " dev F1 " + std::to_string(runs.back().f1));
  }
  const std::string averaged = k == 1 ? runs[0].weights : AverageSections(runs);
  ASSIGN_OR_RETURN(std::string weights, ConvertWeightSection(averaged, WeightFormat::kCodebook8));
  writer.SetHyper("epochs", epochs);
  writer.SetHyper("seed", std::to_string(options.seed));
  if (k > 1) writer.SetHyper("average_seeds", std::to_string(k));
  if (options.case_copies > 0) writer.SetHyper("case_copies", std::to_string(options.case_copies));

  // The penalty on "O" (in weight units) that maximises dev F1: recall lags precision.
  ASSIGN_OR_RETURN(probe.weights_, WeightTable::FromSection(weights));
  double best = dev.empty() ? 0 : ScoreNer(probe, nullptr, dev_tagged).f1;
  if (options.log && k > 1) options.log("averaged dev F1 " + std::to_string(best));
  int32_t best_penalty = 0;
  if (!dev.empty()) {
    for (double p : {0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0}) {
      probe.o_penalty_ = static_cast<int32_t>(std::lround(p / probe.weights_.scale()));
      double f1 = ScoreNer(probe, nullptr, dev_tagged).f1;
      if (options.log) options.log("O penalty " + std::to_string(p) + " dev F1 " + std::to_string(f1));
      if (f1 > best) best = f1, best_penalty = probe.o_penalty_;
    }
  }
  writer.SetHyper("o_penalty", std::to_string(best_penalty));
  if (!dev.empty()) writer.SetHyper("dev_f1", std::to_string(best));
  writer.AddSection("weights", std::move(weights));
  return writer.Serialize();
}

}  // namespace sitrep
