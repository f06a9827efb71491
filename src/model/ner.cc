#include "sitrep/model/ner.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <map>
#include <set>

#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/model/word_features.h"
#include "ner_features.h"

namespace sitrep {
namespace {

using ner_internal::FeatureVersion;
using ner_internal::kDefaultLog2;
using ner_internal::kFeatureVersion;
using ner_internal::kMaxExtra;
using ner_internal::kMaxStatic;
using ner_internal::kTrans;
using ner_internal::NerInput;
using ner_internal::Prepare;
using ner_internal::StaticFeatures;
using ner_internal::TransFeatures;
using ner_internal::TransTemplates;

// Labels are "O" (index 0) then B-X, I-X per type; I-X may only follow B-X or I-X.
bool Allowed(const std::vector<std::string>& labels, int prev, int cur) {
  const std::string& c = labels[cur];
  if (c[0] != 'I') return true;
  if (prev < 0) return false;
  const std::string& p = labels[prev];
  return p != "O" && p.compare(1, std::string::npos, c, 1, std::string::npos) == 0;
}

// Viterbi over BIO labels with valid transitions only. `score(feats, n, scores)` adds the
// rows of `feats` into scores[0..L). The previous label of the first token is L (start).
template <typename T, typename ScoreFn>
void Decode(const NerInput& in, size_t n, const std::vector<std::string>& labels, ScoreFn&& score,
            T o_penalty, std::vector<int>* out) {
  const int L = static_cast<int>(labels.size());
  out->assign(n, 0);
  if (n == 0) return;
  uint64_t f[kMaxStatic + kMaxExtra], tf[kTrans];
  std::vector<T> base(L), sc(L), best(L), next(L);
  std::vector<int> back(n * L, 0);
  for (size_t i = 0; i < n; ++i) {
    std::fill(base.begin(), base.end(), T(0));
    score(f, StaticFeatures(in, i, f), base.data());
    base[0] -= o_penalty;  // label 0 is "O"; a penalty trades precision for recall
    const int prevs = i == 0 ? 1 : L;
    bool any[64] = {};
    for (int pi = 0; pi < prevs; ++pi) {
      const int prev = i == 0 ? -1 : pi;
      TransFeatures(in, i, i == 0 ? L : prev, tf);
      std::fill(sc.begin(), sc.end(), T(0));
      score(tf, in.trans, sc.data());
      const T from = i == 0 ? T(0) : best[pi];
      for (int c = 0; c < L; ++c) {
        if (!Allowed(labels, prev, c)) continue;
        T v = from + base[c] + sc[c];
        if (!any[c] || v > next[c]) next[c] = v, back[i * L + c] = pi, any[c] = true;
      }
    }
    for (int c = 0; c < L; ++c)
      if (!any[c]) next[c] = std::numeric_limits<T>::lowest() / 4;
    best.swap(next);
  }
  int c = 0;
  for (int k = 1; k < L; ++k)
    if (best[k] > best[c]) c = k;
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = c;
    c = back[i * L + c];
  }
}

bool HasUpos(const Sentence& s) {
  for (const Token& t : s.tokens)
    if (t.upos.empty()) return false;
  return !s.tokens.empty();
}

}  // namespace

void NerFeatureSource::SentenceFeatures(const Sentence& s,
                                        std::vector<std::vector<uint64_t>>* out) const {
  out->assign(s.tokens.size(), {});
  std::vector<std::string> feats;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    feats.clear();
    Features(s, i, &feats);
    for (const std::string& f : feats) (*out)[i].push_back(Feat(500, HashString(f)));
  }
}

Result<NerTagger> NerTagger::FromModel(Model model) {
  if (model.kind() != ModelKind::kNer) return Status::InvalidArgument("not an NER model");
  NerTagger t;
  ASSIGN_OR_RETURN(std::string_view labels, model.Section("labels"));
  t.version_ = FeatureVersion(model.Hyper("features"));
  if (t.version_ == 0)
    return Status::DataLoss("NER model has features '" + model.Hyper("features") +
                            "', want ner-v2..v4 (retrain it)");
  t.labels_ = SplitLines(labels);
  t.trans_ = TransTemplates(t.version_);
  t.use_pos_ = model.Hyper("pos") != "none";
  const std::string penalty = model.Hyper("o_penalty");
  if (!penalty.empty()) {
    char* end = nullptr;
    long v = std::strtol(penalty.c_str(), &end, 10);
    if (*end != '\0' || v < 0 || v > (1L << 30)) return Status::DataLoss("bad NER o_penalty");
    t.o_penalty_ = static_cast<int32_t>(v);
  }
  ASSIGN_OR_RETURN(std::string_view w, model.Section("weights"));
  ASSIGN_OR_RETURN(t.weights_, WeightTable::FromSection(w));
  if (Result<std::string_view> lex = model.Section("lexicon"); lex.ok()) {
    ASSIGN_OR_RETURN(std::unique_ptr<NerLexicon> l, NerLexicon::FromSection(*lex, nullptr));
    if (model.Hyper("feature_source") != l->name())
      return Status::DataLoss("NER model embeds a lexicon but names feature source '" +
                              model.Hyper("feature_source") + "'");
    t.embedded_ = std::move(l);
    t.source_ = t.embedded_.get();
  }
  if (Result<std::string_view> cl = model.Section("clusters"); cl.ok()) {
    ASSIGN_OR_RETURN(t.clusters_, WordClusters::FromSection(*cl, nullptr));
  }
  if (t.labels_.empty() || t.labels_[0] != "O" ||
      t.weights_.classes() != static_cast<int>(t.labels_.size()))
    return Status::DataLoss("NER labels do not match its weights");
  for (const std::string& l : t.labels_)
    if (l != "O" && (l.size() < 3 || (l[0] != 'B' && l[0] != 'I') || l[1] != '-'))
      return Status::DataLoss("bad NER label '" + l + "'");
  t.model_ = std::move(model);
  return t;
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Model m, Model::Load(path));
  Result<NerTagger> t = FromModel(std::move(m));
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

std::vector<std::string> NerTagger::Labels(const Sentence& s) const {
  NerInput in = Prepare(s, source_, clusters_.get(), use_pos_, version_);
  std::vector<int> ids;
  Decode<int32_t>(in, s.tokens.size(), labels_,
         [&](const uint64_t* f, int n, int32_t* sc) { weights_.Score(f, n, sc); }, o_penalty_, &ids);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(labels_[id]);
  return out;
}

void NerTagger::Tag(Sentence* s) const {
  std::vector<std::string> labels = Labels(*s);
  for (size_t i = 0; i < labels.size(); ++i) SetNerLabel(&s->tokens[i], labels[i]);
}

Result<std::string> TrainNer(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                             const Tagger* tagger, const TrainOptions& options,
                             const NerFeatureSource* source, const WordClusters* clusters) {
  std::set<std::string> types;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) {
      std::string l = NerLabelOf(t);
      if (l != "O") types.insert(l.substr(2));
    }
  std::vector<std::string> labels = {"O"};
  for (const std::string& type : types) {
    labels.push_back("B-" + type);
    labels.push_back("I-" + type);
  }
  std::map<std::string, int> label_id;
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<int>(i);
  const int classes = static_cast<int>(labels.size());

  // UPOS features only when the training sentences have UPOS (given or from `tagger`).
  bool use_pos = tagger != nullptr;
  for (const Sentence& s : train) use_pos = use_pos || HasUpos(s);
  std::vector<NerInput> inputs;
  std::vector<std::vector<int>> gold;
  std::vector<std::vector<char>> unknown;
  for (const Sentence& g : train) {
    Sentence s = g;
    if (tagger && !HasUpos(s)) tagger->Tag(&s);
    inputs.push_back(Prepare(s, source, clusters, use_pos, kFeatureVersion));
    gold.emplace_back();
    unknown.emplace_back();
    int prev = -1;
    for (const Token& t : g.tokens) {
      int id = label_id[NerLabelOf(t)];
      if (!Allowed(labels, prev, id)) id = label_id["B-" + labels[id].substr(2)];
      gold.back().push_back(id);
      unknown.back().push_back(t.misc.find(kNerDraftUnknown) != std::string::npos);
      prev = id;
    }
  }
  std::vector<Sentence> dev_tagged = dev;
  if (tagger)
    for (Sentence& s : dev_tagged) tagger->Tag(&s);

  AveragedPerceptron model(options.log2_buckets ? options.log2_buckets : kDefaultLog2, classes);
  ModelWriter writer(ModelKind::kNer);
  writer.SetHyper("features", "ner-v" + std::to_string(kFeatureVersion));
  writer.SetHyper("decoder", "viterbi");
  writer.SetHyper("pos", use_pos ? "upos" : "none");
  writer.SetHyper("feature_source", source ? source->name() : "");
  if (const auto* lex = dynamic_cast<const NerLexicon*>(source)) writer.AddSection("lexicon", lex->Serialize());
  if (clusters) writer.AddSection("clusters", clusters->Serialize());
  // A non-owning view: the trainer's clusters outlive every dev-set tagger built below.
  std::shared_ptr<const WordClusters> cluster_view(clusters, [](const WordClusters*) {});
  std::string label_text;
  for (const std::string& l : labels) label_text += l + "\n";
  writer.AddSection("labels", label_text);

  std::vector<size_t> order(inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  double best = -1;
  int best_epoch = 0;
  std::string best_weights;
  uint64_t f[kMaxStatic + kMaxExtra], tg[kTrans], tp[kTrans];
  std::vector<int> pred, want;
  auto score = [&](const uint64_t* fs, int n, float* sc) { model.Score(fs, n, sc); };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t idx : order) {
      const NerInput& in = inputs[idx];
      const size_t n = gold[idx].size();
      Decode<float>(in, n, labels, score, 0.f, &pred);
      // Structured perceptron update; tokens whose draft label was lost take the prediction.
      want = gold[idx];
      for (size_t i = 0; i < n; ++i)
        if (unknown[idx][i] && Allowed(labels, i ? want[i - 1] : -1, pred[i])) want[i] = pred[i];
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
    NerTagger t;
    t.weights_ = model.Averaged();
    t.labels_ = labels;
    t.source_ = source;
    t.clusters_ = cluster_view;
    t.use_pos_ = use_pos;
    double f1 = dev.empty() ? epoch : ScoreNer(t, nullptr, dev_tagged).f1;
    if (options.log) options.log("epoch " + std::to_string(epoch) + " dev F1 " + std::to_string(f1));
    if (f1 > best) {
      best = f1;
      best_epoch = epoch;
      best_weights = model.Section();
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  writer.SetHyper("epochs", std::to_string(best_epoch));
  writer.SetHyper("seed", std::to_string(options.seed));
  // The penalty on "O" (in weight units) that maximises dev F1: recall lags precision.
  int32_t best_penalty = 0;
  if (!dev.empty() && !best_weights.empty()) {
    NerTagger t;
    auto bytes = std::make_shared<std::string>(best_weights);
    ASSIGN_OR_RETURN(t.weights_, WeightTable::FromSection(*bytes));
    t.weights_.KeepAlive(bytes);
    t.labels_ = labels;
    t.source_ = source;
    t.clusters_ = cluster_view;
    t.use_pos_ = use_pos;
    for (double p : {0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0}) {
      t.o_penalty_ = static_cast<int32_t>(std::lround(p / t.weights_.scale()));
      double f1 = ScoreNer(t, nullptr, dev_tagged).f1;
      if (options.log) options.log("O penalty " + std::to_string(p) + " dev F1 " + std::to_string(f1));
      if (f1 > best) best = f1, best_penalty = t.o_penalty_;
    }
  }
  writer.SetHyper("o_penalty", std::to_string(best_penalty));
  writer.SetHyper("dev_f1", std::to_string(best));
  writer.AddSection("weights", std::move(best_weights));
  return writer.Serialize();
}

}  // namespace sitrep
