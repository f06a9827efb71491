#include "sitrep/model/tagger.h"

#include <algorithm>
#include <map>
#include <set>

#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/word_features.h"

namespace sitrep {
namespace {

constexpr int kPad = 2;
constexpr int kMaxFeatures = 64;
constexpr int kDefaultLog2 = 18;
constexpr int kNoTag = 255;
constexpr int kLatestVersion = 2;  // "tagger-v<N>": 2 adds word-cluster features
constexpr uint32_t kPadCluster[2] = {0x10000, 0x10001};  // cluster id of the padding before/after

// A sentence prepared for feature extraction: padded word properties and ambiguity classes.
struct TagInput {
  std::vector<WordInfo> words;  // kPad padding entries on each side
  std::vector<uint64_t> amb;
  std::vector<uint32_t> cl[WordClusters::kLevels];  // cluster ids per level (version 2)
  int version = 1;
};

using TagDict = std::unordered_map<std::string, uint32_t>;

TagInput Prepare(const Sentence& s, const TagDict& dict, const WordClusters* clusters) {
  TagInput in;
  in.version = clusters ? 2 : 1;
  size_t n = s.tokens.size();
  in.words.reserve(n + 2 * kPad);
  in.amb.assign(n + 2 * kPad, 0);
  for (int i = 0; i < kPad; ++i) in.words.push_back(PaddingWord(true));
  for (size_t i = 0; i < n; ++i) {
    in.words.push_back(ComputeWordInfo(s.tokens[i].form));
    auto it = dict.find(AsciiLower(s.tokens[i].form));
    in.amb[i + kPad] = it == dict.end() ? 1 : (uint64_t{it->second} << 1);
  }
  for (int i = 0; i < kPad; ++i) in.words.push_back(PaddingWord(false));
  in.amb[0] = in.amb[1] = 3;
  in.amb[n + kPad] = in.amb[n + kPad + 1] = 5;
  if (clusters) {
    uint32_t ids[WordClusters::kLevels];
    for (auto& level : in.cl) level.resize(n + 2 * kPad);
    for (size_t i = 0; i < n + 2 * kPad; ++i) {
      const bool pad = i < kPad || i >= n + kPad;
      if (!pad) clusters->Lookup(in.words[i].lower, ids);
      for (int l = 0; l < WordClusters::kLevels; ++l)
        in.cl[l][i] = pad ? kPadCluster[i >= kPad] : ids[l];
    }
  }
  return in;
}

// Features of token `i` (0-based) given the two previous predicted tags.
int Features(const TagInput& in, size_t i, int t1, int t2, uint64_t* f) {
  const size_t p = i + kPad;
  const WordInfo& w = in.words[p];
  const WordInfo& wm1 = in.words[p - 1];
  const WordInfo& wm2 = in.words[p - 2];
  const WordInfo& wp1 = in.words[p + 1];
  const WordInfo& wp2 = in.words[p + 2];
  int n = 0;
  f[n++] = Feat(0, 0);
  f[n++] = Feat(1, w.form);
  f[n++] = Feat(2, w.lower);
  for (int k = 0; k < 4; ++k) f[n++] = Feat(3 + k, w.prefix[k]);
  for (int k = 0; k < 4; ++k) f[n++] = Feat(7 + k, w.suffix[k]);
  f[n++] = Feat(11, w.shape);
  f[n++] = Feat(12, in.amb[p]);
  f[n++] = Feat(13, t1);
  f[n++] = Feat(14, t1, t2 + 1000);
  f[n++] = Feat(15, t1, w.lower);
  f[n++] = Feat(16, wm1.lower);
  f[n++] = Feat(17, wm2.lower);
  f[n++] = Feat(18, wp1.lower);
  f[n++] = Feat(19, wp2.lower);
  f[n++] = Feat(20, wm1.suffix[2]);
  f[n++] = Feat(21, wp1.suffix[2]);
  f[n++] = Feat(22, in.amb[p + 1]);
  f[n++] = Feat(23, in.amb[p + 2]);
  f[n++] = Feat(24, w.lower, wp1.lower);
  f[n++] = Feat(25, wm1.lower, w.lower);
  f[n++] = Feat(26, t1, in.amb[p]);
  f[n++] = Feat(27, in.amb[p], in.amb[p + 1]);
  f[n++] = Feat(28, wp1.shape);
  f[n++] = Feat(29, wm1.shape);
  f[n++] = Feat(30, w.flags | (i == 0 ? 256u : 0u));
  f[n++] = Feat(31, t1, wp1.lower);
  f[n++] = Feat(32, in.amb[p + 1], w.lower);
  f[n++] = Feat(33, t1, in.amb[p + 1], in.amb[p]);
  f[n++] = Feat(34, w.suffix[2], wp1.lower);
  f[n++] = Feat(35, wm1.lower, w.suffix[2]);
  f[n++] = Feat(36, wp1.suffix[0]);
  f[n++] = Feat(37, w.shape, t1);
  f[n++] = Feat(38, wp1.lower, wp2.lower);
  f[n++] = Feat(39, wm1.lower, wp1.lower);
  f[n++] = Feat(40, in.amb[p - 1], in.amb[p]);
  if (in.version >= 2) {  // word clusters: 1024 / 256 / 64 classes (levels 0 / 1 / 2)
    const std::vector<uint32_t>* c = in.cl;
    f[n++] = Feat(41, c[0][p]);
    f[n++] = Feat(42, c[1][p]);
    f[n++] = Feat(43, c[2][p]);
    f[n++] = Feat(44, c[1][p - 1]);
    f[n++] = Feat(45, c[1][p + 1]);
    f[n++] = Feat(46, t1, c[1][p]);
    f[n++] = Feat(47, c[0][p], c[2][p + 1]);
    f[n++] = Feat(48, c[2][p - 1], c[0][p]);
    f[n++] = Feat(49, c[0][p + 1]);
    f[n++] = Feat(50, in.amb[p], c[1][p]);
  }
  return n;
}

template <typename Scores>
int Argmax(const Scores* s, int n) {
  int best = 0;
  for (int k = 1; k < n; ++k)
    if (s[k] > s[best]) best = k;
  return best;
}

// Greedy decoding with the given (features -> scores) function.
template <typename ScoreFn>
void Decode(const TagInput& in, size_t n, int classes, ScoreFn&& score, std::vector<int>* tags) {
  tags->assign(n, 0);
  uint64_t f[kMaxFeatures];
  int32_t s[256];
  for (size_t i = 0; i < n; ++i) {
    int t1 = i >= 1 ? (*tags)[i - 1] : kNoTag, t2 = i >= 2 ? (*tags)[i - 2] : kNoTag;
    int nf = Features(in, i, t1, t2, f);
    std::fill(s, s + classes, 0);
    score(f, nf, s);
    (*tags)[i] = Argmax(s, classes);
  }
}

}  // namespace

Result<Tagger> Tagger::FromModel(Model model) {
  if (model.kind() != ModelKind::kTagger) return Status::InvalidArgument("not a tagger model");
  Tagger t;
  ASSIGN_OR_RETURN(std::string_view labels, model.Section("labels"));
  t.labels_ = SplitLines(labels);
  ASSIGN_OR_RETURN(std::string_view w, model.Section("weights"));
  ASSIGN_OR_RETURN(t.weights_, WeightTable::FromSection(w));
  if (t.labels_.empty() || t.weights_.classes() != static_cast<int>(t.labels_.size()) ||
      t.labels_.size() > 250)
    return Status::DataLoss("tagger labels do not match its weights");
  const std::string features = model.Hyper("features", "tagger-v1");
  if (features == "tagger-v2") {
    ASSIGN_OR_RETURN(std::string_view cl, model.Section("clusters"));
    ASSIGN_OR_RETURN(t.clusters_, WordClusters::FromSection(cl, nullptr));
  } else if (features != "tagger-v1") {
    return Status::DataLoss("tagger model has unknown features '" + features +
                            "' (this build reads tagger-v1 to tagger-v" +
                            std::to_string(kLatestVersion) + ")");
  }
  ASSIGN_OR_RETURN(std::string_view dict, model.Section("tagdict"));
  for (const std::string& line : SplitLines(dict)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) return Status::DataLoss("malformed tag dictionary line");
    t.tag_dict_[line.substr(0, tab)] = static_cast<uint32_t>(std::strtoul(line.c_str() + tab + 1, nullptr, 10));
  }
  t.model_ = std::move(model);
  return t;
}

Result<Tagger> Tagger::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Model m, Model::Load(path));
  Result<Tagger> t = FromModel(std::move(m));
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

void Tagger::Tag(Sentence* s) const {
  TagInput in = Prepare(*s, tag_dict_, clusters_.get());
  std::vector<int> tags;
  Decode(in, s->tokens.size(), weights_.classes(),
         [&](const uint64_t* f, int n, int32_t* sc) { weights_.Score(f, n, sc); }, &tags);
  for (size_t i = 0; i < tags.size(); ++i) s->tokens[i].upos = labels_[tags[i]];
}

double TaggerAccuracy(const Tagger& tagger, const std::vector<Sentence>& gold) {
  size_t right = 0, total = 0;
  for (const Sentence& g : gold) {
    Sentence s = g;
    tagger.Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) right += s.tokens[i].upos == g.tokens[i].upos;
    total += s.tokens.size();
  }
  return total ? 100.0 * right / total : 0;
}

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
  AveragedPerceptron model(options.log2_buckets ? options.log2_buckets : kDefaultLog2, classes);
  std::vector<TagInput> inputs;
  std::vector<std::vector<int>> gold;
  for (const Sentence& s : train) {
    inputs.push_back(Prepare(s, dict, options.clusters));
    gold.emplace_back();
    for (const Token& t : s.tokens) gold.back().push_back(label_id[t.upos]);
  }
  std::vector<TagInput> dev_inputs;
  for (const Sentence& s : dev) dev_inputs.push_back(Prepare(s, dict, options.clusters));

  ModelWriter writer(ModelKind::kTagger);
  writer.SetHyper("features", options.clusters ? "tagger-v2" : "tagger-v1");
  if (options.clusters) writer.AddSection("clusters", options.clusters->Serialize());
  writer.AddSection("labels", JoinLines(labels));
  writer.AddSection("tagdict", dict_text);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  double best = -1;
  int best_epoch = 0;
  std::string best_weights;
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
    for (size_t d = 0; d < dev.size(); ++d) {
      Decode(dev_inputs[d], dev[d].tokens.size(), classes,
             [&](const uint64_t* ff, int n, int32_t* s) { avg.Score(ff, n, s); }, &tags);
      for (size_t i = 0; i < tags.size(); ++i) dright += labels[tags[i]] == dev[d].tokens[i].upos;
      dtotal += tags.size();
    }
    double acc = dtotal ? 100.0 * dright / dtotal : 100.0 * right / std::max<size_t>(total, 1);
    if (options.log)
      options.log("epoch " + std::to_string(epoch) + " train " + std::to_string(100.0 * right / std::max<size_t>(total, 1)) +
                  " dev " + std::to_string(acc));
    if (acc > best) {
      best = acc;
      best_epoch = epoch;
      best_weights = model.Section();
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  writer.SetHyper("epochs", std::to_string(best_epoch));
  writer.SetHyper("seed", std::to_string(options.seed));
  writer.SetHyper("dev_upos", std::to_string(best));
  writer.AddSection("weights", std::move(best_weights));
  return writer.Serialize();
}

}  // namespace sitrep
