#include "sitrep/model/tagger.h"

#include <algorithm>

#include "model/tagger_features.h"

namespace sitrep {
namespace tagger_internal {

constexpr uint32_t kPadCluster[2] = {0x10000, 0x10001};  // cluster id of the padding before/after

TagInput Prepare(const Sentence& s, const TagDict& dict, const WordClusters* clusters,
                 bool reverse) {
  TagInput in;
  in.version = clusters ? 2 : 1;
  size_t n = s.tokens.size();
  in.words.reserve(n + 2 * kPad);
  in.amb.assign(n + 2 * kPad, 0);
  for (int i = 0; i < kPad; ++i) in.words.push_back(PaddingWord(true));
  for (size_t i = 0; i < n; ++i) {
    const std::string& form = s.tokens[reverse ? n - 1 - i : i].form;
    in.words.push_back(ComputeWordInfo(form));
    auto it = dict.find(AsciiLower(form));
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

TagInput Reversed(const TagInput& in) {
  TagInput r = in;
  const size_t end = in.amb.size() - kPad;
  std::reverse(r.words.begin() + kPad, r.words.begin() + end);
  std::reverse(r.amb.begin() + kPad, r.amb.begin() + end);
  for (auto& level : r.cl)
    if (!level.empty()) std::reverse(level.begin() + kPad, level.begin() + end);
  return r;
}

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

}  // namespace tagger_internal

using namespace tagger_internal;

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
  std::string features = model.Hyper("features", "tagger-v1");
  const size_t suffix = sizeof(kBackwardSuffix) - 1;
  if (features.size() > suffix && features.compare(features.size() - suffix, suffix, kBackwardSuffix) == 0) {
    ASSIGN_OR_RETURN(std::string_view rl, model.Section("weights_rl"));
    ASSIGN_OR_RETURN(t.backward_, WeightTable::FromSection(rl));
    if (t.backward_.classes() != t.weights_.classes())
      return Status::DataLoss("tagger backward weights do not match its labels");
    t.has_backward_ = true;
    features.resize(features.size() - suffix);
  }
  if (features == "tagger-v2") {
    ASSIGN_OR_RETURN(std::string_view cl, model.Section("clusters"));
    ASSIGN_OR_RETURN(t.clusters_, WordClusters::FromSection(cl, nullptr));
  } else if (features != "tagger-v1") {
    return Status::DataLoss("tagger model has unknown features '" + model.Hyper("features") +
                            "' (this build reads tagger-v1 to tagger-v" +
                            std::to_string(kLatestVersion) + ", optionally with " +
                            kBackwardSuffix + ")");
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
  const size_t n = s->tokens.size();
  const int c = weights_.classes();
  uint64_t f[kMaxFeatures];
  int32_t sc[256];
  std::vector<float> back;  // the backward model's scores (scaled), by sentence position
  const TagInput in = Prepare(*s, tag_dict_, clusters_.get(), /*reverse=*/false);
  if (has_backward_) {
    const TagInput rin = Reversed(in);
    back.resize(n * c);
    int t1 = kNoTag, t2 = kNoTag;
    for (size_t i = 0; i < n; ++i) {
      const int nf = Features(rin, i, t1, t2, f);
      std::fill(sc, sc + c, 0);
      backward_.Score(f, nf, sc);
      float* out = &back[(n - 1 - i) * c];
      for (int k = 0; k < c; ++k) out[k] = static_cast<float>(sc[k]) * backward_.scale();
      t2 = t1;
      t1 = Argmax(sc, c);
    }
  }
  int t1 = kNoTag, t2 = kNoTag;
  float both[256];
  for (size_t i = 0; i < n; ++i) {
    const int nf = Features(in, i, t1, t2, f);
    std::fill(sc, sc + c, 0);
    weights_.Score(f, nf, sc);
    int tag;
    if (has_backward_) {
      for (int k = 0; k < c; ++k) both[k] = static_cast<float>(sc[k]) * weights_.scale() + back[i * c + k];
      tag = Argmax(both, c);
    } else {
      tag = Argmax(sc, c);
    }
    s->tokens[i].upos = labels_[tag];
    t2 = t1;
    t1 = tag;
  }
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

}  // namespace sitrep
