#include "sitrep/model/ner.h"

#include <cstdlib>
#include <memory>

#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "ner_decode.h"
#include "ner_doc.h"
#include "ner_features.h"
#include "ner_neural.h"

namespace sitrep {
namespace ner_internal {

LabelSet::LabelSet(std::vector<std::string> labels, bool bilou)
    : labels_(std::move(labels)), bilou_(bilou) {
  const int L = size();
  bio_.resize(L);
  can_end_.assign(L, 1);
  for (int i = 0; i < L; ++i) {
    const std::string& l = labels_[i];
    bio_[i] = l[0] == 'L' ? "I" + l.substr(1) : l[0] == 'U' ? "B" + l.substr(1) : l;
    if (bilou_ && (l[0] == 'B' || l[0] == 'I')) can_end_[i] = 0;
  }
  allowed_.assign((L + 1) * L, 0);
  for (int prev = -1; prev < L; ++prev) {
    const std::string* p = prev < 0 ? nullptr : &labels_[prev];
    const bool open = p && ((*p)[0] == 'B' || (*p)[0] == 'I');
    for (int cur = 0; cur < L; ++cur) {
      const std::string& c = labels_[cur];
      const bool inside = c[0] == 'I' || c[0] == 'L';
      const bool same = open && p->compare(1, std::string::npos, c, 1, std::string::npos) == 0;
      bool ok = inside ? same : true;
      if (bilou_ && !inside && open) ok = false;  // an open name must continue or close
      allowed_[(prev + 1) * L + cur] = ok;
    }
  }
}

int LabelSet::Id(const std::string& label) const {
  for (int i = 0; i < size(); ++i)
    if (labels_[i] == label) return i;
  return -1;
}

std::vector<int> LabelSet::FromBio(const std::vector<std::string>& bio) const {
  const size_t n = bio.size();
  std::vector<std::string> fixed(bio);
  for (size_t i = 0; i < n; ++i) {  // a stray I-X starts a name
    if (fixed[i][0] != 'I') continue;
    if (i == 0 || fixed[i - 1] == "O" || fixed[i - 1].substr(2) != fixed[i].substr(2))
      fixed[i][0] = 'B';
  }
  std::vector<int> out(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string l = fixed[i];
    if (bilou_ && l != "O") {
      const bool last = i + 1 == n || fixed[i + 1][0] != 'I' ||
                        fixed[i + 1].substr(2) != l.substr(2);
      if (last) l[0] = l[0] == 'B' ? 'U' : 'L';
    }
    const int id = Id(l);
    out[i] = id < 0 ? 0 : id;
  }
  return out;
}

}  // namespace ner_internal

using ner_internal::Decode;
using ner_internal::FeatureVersion;
using ner_internal::LabelSet;
using ner_internal::NerInput;
using ner_internal::Prepare;
using ner_internal::TransTemplates;


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
  NerTagger t;
  if (model.kind() == ModelKind::kNeuralNer) {
    ASSIGN_OR_RETURN(std::unique_ptr<ner_internal::NeuralNer> neural,
                     ner_internal::NeuralNer::FromModel(model));
    t.labels_ = neural->labels();
    t.neural_ = std::move(neural);
    t.model_ = std::move(model);  // the network's lexicon and clusters view its sections
    return t;
  }
  if (model.kind() != ModelKind::kNer) return Status::InvalidArgument("not an NER model");
  ASSIGN_OR_RETURN(std::string_view labels, model.Section("labels"));
  t.version_ = FeatureVersion(model.Hyper("features"));
  if (t.version_ == 0)
    return Status::DataLoss("NER model has features '" + model.Hyper("features") +
                            "', want ner-v2..v4 (retrain it)");
  std::vector<std::string> names = SplitLines(labels);
  bool bilou = false;
  for (const std::string& l : names) {
    if (l != "O" && (l.size() < 3 || l[1] != '-' || std::string("BILU").find(l[0]) == std::string::npos))
      return Status::DataLoss("bad NER label '" + l + "'");
    bilou = bilou || l[0] == 'L' || l[0] == 'U';
  }
  if (names.empty() || names[0] != "O") return Status::DataLoss("NER labels do not start with O");
  auto label_set = std::make_shared<LabelSet>(std::move(names), bilou);
  const std::string order = model.Hyper("order");
  if (!order.empty() && order != "1" && order != "2")
    return Status::DataLoss("NER model has decoder order '" + order + "', want 1 or 2");
  label_set->set_order2(order == "2");
  t.labels_ = std::move(label_set);
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
  if (t.weights_.classes() != t.labels_->size())
    return Status::DataLoss("NER labels do not match its weights");
  if (Result<std::string_view> w2 = model.Section("weights2"); w2.ok()) {
    if (model.Hyper("doc_features") != ner_internal::kDocFeatures)
      return Status::DataLoss("NER model has doc features '" + model.Hyper("doc_features") +
                              "', want " + ner_internal::kDocFeatures + " (retrain it)");
    ASSIGN_OR_RETURN(t.weights2_, WeightTable::FromSection(*w2));
    if (t.weights2_.classes() != t.labels_->size())
      return Status::DataLoss("NER labels do not match its second-pass weights");
    t.two_pass_ = true;
  }
  t.model_ = std::move(model);
  return t;
}

Result<NerTagger> NerTagger::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Model m, Model::Load(path));
  Result<NerTagger> t = FromModel(std::move(m));
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

std::vector<std::vector<int>> NerTagger::LabelIds(const std::vector<const Sentence*>& doc) const {
  std::vector<std::vector<int>> ids(doc.size());
  if (neural_) {
    for (size_t k = 0; k < doc.size(); ++k) ids[k] = neural_->Decode(*doc[k]);
    return ids;
  }
  std::vector<NerInput> in;
  in.reserve(doc.size());
  for (const Sentence* s : doc) in.push_back(Prepare(*s, source_, clusters_.get(), use_pos_, version_));
  auto decode = [&](const WeightTable& w, int32_t penalty) {
    for (size_t k = 0; k < doc.size(); ++k)
      Decode<int32_t>(in[k], doc[k]->tokens.size(), *labels_,
                      [&](const uint64_t* f, int n, int32_t* sc) { w.Score(f, n, sc); }, penalty,
                      &ids[k]);
  };
  if (!two_pass_) {
    decode(weights_, o_penalty_);
    return ids;
  }
  // Two passes: the first pass's labels of the whole document feed the second pass's features.
  decode(weights_, 0);
  std::vector<NerInput*> ptrs;
  for (NerInput& x : in) ptrs.push_back(&x);
  ner_internal::SetDocumentFeatures(ptrs, ids, *labels_);
  decode(weights2_, o_penalty_);
  return ids;
}

std::vector<std::string> NerTagger::Labels(const Sentence& s) const {
  std::vector<int> ids = std::move(LabelIds({&s})[0]);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids) out.push_back(labels_->Bio(id));
  return out;
}

std::vector<std::vector<std::string>> NerTagger::DocumentLabels(const std::vector<Sentence>& doc) const {
  std::vector<const Sentence*> ptrs;
  for (const Sentence& s : doc) ptrs.push_back(&s);
  std::vector<std::vector<int>> ids = LabelIds(ptrs);
  std::vector<std::vector<std::string>> out(ids.size());
  for (size_t k = 0; k < ids.size(); ++k)
    for (int id : ids[k]) out[k].push_back(labels_->Bio(id));
  return out;
}

void NerTagger::Tag(Sentence* s) const {
  std::vector<std::string> labels = Labels(*s);
  for (size_t i = 0; i < labels.size(); ++i) SetNerLabel(&s->tokens[i], labels[i]);
}

void NerTagger::TagDocument(std::vector<Sentence>* doc) const {
  std::vector<std::vector<std::string>> labels = DocumentLabels(*doc);
  for (size_t k = 0; k < labels.size(); ++k)
    for (size_t i = 0; i < labels[k].size(); ++i) SetNerLabel(&(*doc)[k].tokens[i], labels[k][i]);
}

}  // namespace sitrep
