// NER training: a structured averaged perceptron over BIO labels, early-stopped on dev; with
// several seeds the runs' averaged weights are averaged again; optionally a document-level
// second pass over jackknifed first-pass labels (--doc-folds); then the "O" penalty is tuned.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <set>

#include "sitrep/model/ner.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/model/word_features.h"
#include "ner_decode.h"
#include "ner_clean.h"
#include "ner_doc.h"
#include "ner_features.h"

namespace sitrep {
namespace {

using ner_internal::Decode;
using ner_internal::kDefaultLog2;
using ner_internal::kFeatureVersion;
using ner_internal::kMaxFeatures;
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

// `s` with every ASCII letter replaced by a random letter of the same case (an unseen name
// of the same shape); returns `s` unchanged when it holds no capital letter.
std::string ScrambleCapitalised(const std::string& s, SplitMix* rng) {
  if (std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return s;
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + rng->Next() % 26);
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>('A' + rng->Next() % 26);
  }
  return out;
}

bool HasUpos(const Sentence& s) {
  for (const Token& t : s.tokens)
    if (t.upos.empty()) return false;
  return !s.tokens.empty();
}

using TrainSet = ner_internal::NerTrainSet;

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
  uint64_t f[kMaxFeatures], tg[kTrans], tp[kTrans], sg[ner_internal::kSecond], sp[ner_internal::kSecond];
  std::vector<int> pred, want, cost_gold;
  auto score = [&](const uint64_t* fs, int n, float* sc) { model.Score(fs, n, sc); };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t idx : order) {
      const NerInput& in = data.inputs[idx];
      const size_t n = data.gold[idx].size();
      // Structured perceptron update; tokens whose draft label was lost take the prediction.
      want = data.gold[idx];
      if (options.ner_margin > 0 || options.ner_margin_name > 0) {
        cost_gold = want;  // a lost draft label (-1) gives every label the same cost
        for (size_t i = 0; i < n; ++i)
          if (data.unknown[idx][i]) cost_gold[i] = -1;
        Decode<float>(in, n, *labels, score, 0.f, &pred, cost_gold.data(),
                      static_cast<float>(options.ner_margin), static_cast<float>(options.ner_margin_name));
      } else {
        Decode<float>(in, n, *labels, score, 0.f, &pred);
      }
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
        if (labels->order2()) {
          const int gpp = i >= 2 ? want[i - 2] : classes, ppp = i >= 2 ? pred[i - 2] : classes;
          if (want[i] != pred[i] || gp != pp || gpp != ppp) {
            ner_internal::SecondFeatures(in, i, gpp, gp, sg);
            ner_internal::SecondFeatures(in, i, ppp, pp, sp);
            model.Adjust(sg, ner_internal::kSecond, want[i], 1);
            model.Adjust(sp, ner_internal::kSecond, pred[i], -1);
          }
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

// Jackknifed labels of every untrusted original input: each is labelled by a model trained for
// `epochs` epochs on the other k - 1 folds of documents (document d is in fold d mod k) plus
// the trusted inputs; case copies and trusted inputs get their original's / no labels.
Result<std::vector<std::vector<int>>> JackknifeLabels(const TrainSet& data,
                                                      const std::shared_ptr<const LabelSet>& labels,
                                                      const TrainOptions& options, size_t k, int epochs) {
  const size_t n = data.inputs.size();
  TrainOptions fold_options = options;
  fold_options.epochs = epochs;
  fold_options.log = nullptr;
  std::vector<std::vector<int>> p1(n);
  auto held_out = [&](size_t i, size_t fold) { return !data.trusted[i] && data.doc[i] % k == fold; };
  for (size_t fold = 0; fold < k; ++fold) {
    TrainSet part;
    for (size_t i = 0; i < n; ++i) {
      if (held_out(i, fold)) continue;
      part.inputs.push_back(data.inputs[i]);
      part.gold.push_back(data.gold[i]);
      part.unknown.push_back(data.unknown[i]);
    }
    SeedRun run = RunSeed(part, labels, false, fold_options, options.seed, [](WeightTable) { return 0.0; });
    ASSIGN_OR_RETURN(std::string section, ConvertWeightSection(run.weights, WeightFormat::kCodebook8));
    ASSIGN_OR_RETURN(WeightTable table, WeightTable::FromSection(section));
    auto score = [&](const uint64_t* f, int m, int32_t* sc) { table.Score(f, m, sc); };
    for (size_t i = 0; i < n; ++i)
      if (held_out(i, fold)) Decode<int32_t>(data.inputs[i], data.gold[i].size(), *labels, score, 0, &p1[i]);
    if (options.log)
      options.log("jackknife fold " + std::to_string(fold + 1) + " of " + std::to_string(k) +
                  ": trained on " + std::to_string(part.inputs.size()) + " sentences");
  }
  size_t agree = 0, all = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t t = 0; t < p1[i].size(); ++t)
      if (data.original[i] == i && (p1[i][t] != 0 || data.gold[i][t] != 0)) {
        ++all;
        agree += p1[i][t] == data.gold[i][t];
      }
  if (options.log)
    options.log("jackknifed labels: " + std::to_string(100.0 * agree / std::max<size_t>(all, 1)) +
                "% of non-O tokens agree with gold");
  return p1;
}

// The second pass: each training input's first-pass labels are jackknifed (the first pass's
// epochs, options.doc_folds folds), so the second pass learns how far to trust them; then a
// full model is trained on the inputs with their document features (`run_pass2`).
template <typename RunPass2>
Result<SeedRun> TrainDocPass(TrainSet* data, const std::shared_ptr<const LabelSet>& labels,
                             const TrainOptions& options, int epochs, RunPass2&& run_pass2) {
  ASSIGN_OR_RETURN(std::vector<std::vector<int>> p1,
                   JackknifeLabels(*data, labels, options, static_cast<size_t>(options.doc_folds), epochs));
  for (size_t i = 0; i < p1.size(); ++i)
    if (p1[i].empty()) p1[i] = data->trusted[i] ? data->gold[i] : p1[data->original[i]];
  ner_internal::SetTrainingDocFeatures(p1, *labels, data);
  return run_pass2(*data);
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
  auto label_set = std::make_shared<LabelSet>(names, kTrainBilou);
  // Second-order decoding is experimental (bench/results/ner.md, session 7): on only when asked.
  const bool order2 = std::getenv("SITREP_NER_ORDER2") != nullptr;
  label_set->set_order2(order2);
  std::shared_ptr<const LabelSet> labels = label_set;

  // UPOS features only when the training sentences have UPOS (given or from `tagger`).
  bool use_pos = tagger != nullptr;
  for (const Sentence& s : train) use_pos = use_pos || HasUpos(s);
  TrainSet data;
  std::vector<std::string> bio;
  size_t doc = 0, next_doc = 0, original = 0;
  bool trusted = false;
  auto add = [&](const Sentence& g) {
    data.doc.push_back(doc);
    data.trusted.push_back(trusted);
    data.original.push_back(original);
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
  SplitMix pick(options.seed ^ 0x5EEDCA5Eu), unk(options.seed ^ 0x0C0FFEE5u);
  const std::vector<size_t>& starts = options.ner_train_docs;
  for (size_t k = 0; k < train.size(); ++k) {
    const Sentence& g = train[k];
    while (next_doc < starts.size() && starts[next_doc] <= k) doc = ++next_doc;
    if (starts.empty()) doc = k;
    trusted = k >= options.ner_trusted_from;
    original = data.inputs.size();
    add(g);
    if (options.unk_copies > 0 && unk.Uniform() < options.unk_copies) {
      Sentence c = g;
      for (Token& t : c.tokens)
        if (unk.Uniform() < options.unk_rate) t.form = ScrambleCapitalised(t.form, &unk);
      add(c);
    }
    if (options.case_copies <= 0) continue;
    const double u = pick.Uniform();
    if (u >= options.case_copies * 1.25) continue;
    Sentence c = g;
    for (Token& t : c.tokens) t.form = u < options.case_copies ? AsciiLower(t.form) : AsciiUpper(t.form);
    add(c);
  }
  ner_internal::CleanMode clean_mode;
  if (!ner_internal::ParseCleanMode(options.clean_mode, &clean_mode))
    return Status::InvalidArgument("unknown NER clean mode '" + options.clean_mode + "'");
  if (options.clean_folds >= 2 && clean_mode != ner_internal::CleanMode::kNone) {
    ASSIGN_OR_RETURN(std::vector<std::vector<int>> p1,
                     JackknifeLabels(data, labels, options, static_cast<size_t>(options.clean_folds),
                                     options.clean_epochs));
    const ner_internal::CleanCounts c = ner_internal::CleanTrainingLabels(p1, clean_mode, *labels, &data);
    if (options.log)
      options.log("cleaning (" + options.clean_mode + "): " + std::to_string(c.disagreeing) + " of " +
                  std::to_string(c.sentences) + " draft sentences disagree, " +
                  std::to_string(c.tokens_changed) + " tokens changed; " +
                  std::to_string(data.inputs.size()) + " training inputs");
  }
  std::vector<Sentence> dev_tagged = dev;
  if (tagger)
    for (Sentence& s : dev_tagged) tagger->Tag(&s);

  ModelWriter writer(ModelKind::kNer);
  writer.SetHyper("features", "ner-v" + std::to_string(kFeatureVersion));
  writer.SetHyper("decoder", "viterbi");
  if (order2) writer.SetHyper("order", "2");
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
  ASSIGN_OR_RETURN(probe.weights_, WeightTable::FromSection(weights));
  std::string weights2;
  if (options.doc_folds >= 2) {
    if (k > 1) return Status::InvalidArgument("a second NER pass needs one seed (no --average-seeds)");
    auto dev_f1 = [&](WeightTable w) {
      probe.weights2_ = std::move(w);
      probe.two_pass_ = true;
      return ScoreNer(probe, nullptr, dev_tagged, options.ner_dev_docs).f1;
    };
    TrainOptions pass2 = options;
    if (options.doc_epochs > 0) pass2.epochs = options.doc_epochs;
    auto run_pass2 = [&](const TrainSet& with_docs) {
      return RunSeed(with_docs, labels, !dev.empty(), pass2, options.seed + 1, dev_f1);
    };
    ASSIGN_OR_RETURN(SeedRun second, TrainDocPass(&data, labels, options, runs[0].epoch, run_pass2));
    if (options.log && !dev.empty())
      options.log("second pass best epoch " + std::to_string(second.epoch) + " dev F1 " +
                  std::to_string(second.f1));
    const int epoch2 = second.epoch;
    ASSIGN_OR_RETURN(weights2, ConvertWeightSection(second.weights, WeightFormat::kCodebook8));
    ASSIGN_OR_RETURN(probe.weights2_, WeightTable::FromSection(weights2));
    probe.two_pass_ = true;
    writer.SetHyper("doc_epochs", std::to_string(epoch2));
    writer.SetHyper("doc_features", ner_internal::kDocFeatures);
    writer.SetHyper("doc_folds", std::to_string(options.doc_folds));
  }
  writer.SetHyper("epochs", epochs);
  writer.SetHyper("seed", std::to_string(options.seed));
  if (k > 1) writer.SetHyper("average_seeds", std::to_string(k));
  if (options.case_copies > 0) writer.SetHyper("case_copies", std::to_string(options.case_copies));
  if (options.ner_margin > 0 || options.ner_margin_name > 0)
    writer.SetHyper("margin", std::to_string(options.ner_margin) + "," + std::to_string(options.ner_margin_name));
  if (options.unk_copies > 0)
    writer.SetHyper("unk_copies", std::to_string(options.unk_copies) + "," + std::to_string(options.unk_rate));
  if (clean_mode != ner_internal::CleanMode::kNone && options.clean_folds >= 2) {
    writer.SetHyper("clean", options.clean_mode + "," + std::to_string(options.clean_folds) + "," +
                                 std::to_string(options.clean_epochs));
  }

  // The penalty on "O" (in weight units) that maximises dev F1: recall lags precision.
  const std::vector<size_t>& dev_docs = options.ner_dev_docs;
  double best = dev.empty() ? 0 : ScoreNer(probe, nullptr, dev_tagged, dev_docs).f1;
  if (options.log && k > 1) options.log("averaged dev F1 " + std::to_string(best));
  int32_t best_penalty = 0;
  if (!dev.empty()) {
    for (double p : {0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0}) {
      probe.o_penalty_ = static_cast<int32_t>(std::lround(p / probe.weights_.scale()));
      double f1 = ScoreNer(probe, nullptr, dev_tagged, dev_docs).f1;
      if (options.log) options.log("O penalty " + std::to_string(p) + " dev F1 " + std::to_string(f1));
      if (f1 > best) best = f1, best_penalty = probe.o_penalty_;
    }
  }
  writer.SetHyper("o_penalty", std::to_string(best_penalty));
  if (!dev.empty()) writer.SetHyper("dev_f1", std::to_string(best));
  writer.AddSection("weights", std::move(weights));
  if (!weights2.empty()) writer.AddSection("weights2", std::move(weights2));
  return writer.Serialize();
}

}  // namespace sitrep
