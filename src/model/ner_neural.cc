// The neural NER model's inputs, file layout, loading (every bound checked) and decoding.
#include "model/ner_neural.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include "sitrep/model/linear.h"
#include "sitrep/model/word_features.h"

namespace sitrep::ner_internal {

int NerVocab::Row(uint64_t h) const {
  auto it = std::lower_bound(hashes.begin(), hashes.end(), h);
  return it != hashes.end() && *it == h ? 1 + static_cast<int>(it - hashes.begin()) : 0;
}

namespace {

bool Capitalised(const std::string& form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

}  // namespace

NerNetInput MakeNerNetInput(const Sentence& s, const NerVocab& vocab, const WordClusters* clusters,
                            const NerLexicon* lexicon, const NerNetDims& d) {
  const int n = static_cast<int>(s.tokens.size());
  NerNetInput in;
  in.word.assign(n, 0);
  for (int b = 0; b < kNerBags; ++b) {
    in.start[b].assign(1, 0);
    in.ids[b].reserve(static_cast<size_t>(n) * 8);
  }
  NerInput linear;
  const bool use_linear = d.bag_dim[kBagLinear] > 0;
  if (use_linear) linear = Prepare(s, lexicon, clusters, /*use_pos=*/false, kFeatureVersion);
  // The lexicon's rows (Prepare keeps them as they are, at most kMaxExtra >= its own limit).
  std::vector<std::vector<uint64_t>> own;
  if (lexicon && !use_linear) lexicon->SentenceFeatures(s, &own);
  const std::vector<std::vector<uint64_t>>& lex = use_linear ? linear.extra : own;
  uint64_t feats[kMaxFeatures];
  // Sentence casing: how many words that start with a letter are capitalised, all caps.
  int letters = 0, caps = 0, upper = 0;
  for (const Token& t : s.tokens) {
    if (t.form.empty() || !std::isalpha(static_cast<unsigned char>(t.form[0]))) continue;
    ++letters;
    caps += Capitalised(t.form);
    upper += std::all_of(t.form.begin(), t.form.end(), [](char c) { return !(c >= 'a' && c <= 'z'); });
  }
  const int casing = letters == 0 ? 0 : caps == 0 ? 1 : upper * 10 >= letters * 8 ? 2
                     : caps * 10 >= letters * 6 ? 3 : 4;
  auto bucket = [&](int b, uint64_t h) { return static_cast<int>(h % static_cast<uint64_t>(d.bag_rows[b])); };
  for (int i = 0; i < n; ++i) {
    const Token& t = s.tokens[i];
    const WordInfo w = ComputeWordInfo(t.form);
    in.word[i] = vocab.Row(w.lower);
    auto& affix = in.ids[kBagAffix];
    for (int k = 0; k < 4; ++k) {
      affix.push_back(bucket(kBagAffix, Feat(1, k, w.prefix[k])));
      affix.push_back(bucket(kBagAffix, Feat(2, k, w.suffix[k])));
    }
    auto& shape = in.ids[kBagShape];
    shape.push_back(bucket(kBagShape, Feat(10, w.shape)));
    for (int f = 0; f < 6; ++f)
      if (w.flags & (1u << f)) shape.push_back(bucket(kBagShape, Feat(11, f)));
    shape.push_back(bucket(kBagShape, Feat(12, casing, i == 0, Capitalised(t.form))));
    shape.push_back(bucket(kBagShape, Feat(13, std::min<size_t>(t.form.size(), 12))));
    auto& cl = in.ids[kBagCluster];
    uint32_t ids[WordClusters::kLevels] = {WordClusters::kNone, WordClusters::kNone, WordClusters::kNone};
    if (clusters) clusters->Lookup(w.lower, ids);
    int base = 0;
    for (int l = 0; l < WordClusters::kLevels; ++l) {
      const int limit = static_cast<int>(WordClusters::kLevelLimit[l]);
      cl.push_back(base + (ids[l] < WordClusters::kLevelLimit[l] ? static_cast<int>(ids[l]) : limit));
      base += limit + 1;
    }
    if (lexicon)
      for (uint64_t h : lex[i]) in.ids[kBagLexicon].push_back(bucket(kBagLexicon, h));
    if (use_linear) {
      const int k = StaticFeatures(linear, static_cast<size_t>(i), feats);
      for (int j = 0; j < k; ++j) in.ids[kBagLinear].push_back(bucket(kBagLinear, feats[j]));
    }
    for (int b = 0; b < kNerBags; ++b) in.start[b].push_back(static_cast<int>(in.ids[b].size()));
  }
  return in;
}

nn::CrfConstraints ConstraintsOf(const LabelSet& labels) {
  nn::CrfConstraints c;
  const int L = labels.size();
  c.labels = L;
  c.allowed.assign(static_cast<size_t>(L + 1) * L, 0);
  c.can_end.assign(L, 0);
  for (int p = -1; p < L; ++p)
    for (int j = 0; j < L; ++j) c.allowed[(p + 1) * L + j] = labels.Allowed(p, j);
  for (int j = 0; j < L; ++j) c.can_end[j] = labels.CanEnd(j);
  return c;
}

namespace {

struct DimField {
  const char* key;
  int lo, hi;
  int* (*field)(NerNetDims*);
};
constexpr DimField kDimFields[] = {
    {"word_dim", 1, 1024, [](NerNetDims* d) { return &d->word_dim; }},
    {"hidden", 1, 1024, [](NerNetDims* d) { return &d->hidden; }},
    {"affix_dim", 1, 256, [](NerNetDims* d) { return &d->bag_dim[kBagAffix]; }},
    {"shape_dim", 1, 256, [](NerNetDims* d) { return &d->bag_dim[kBagShape]; }},
    {"cluster_dim", 1, 256, [](NerNetDims* d) { return &d->bag_dim[kBagCluster]; }},
    {"lexicon_dim", 1, 256, [](NerNetDims* d) { return &d->bag_dim[kBagLexicon]; }},
    {"affix_rows", 1, 1 << 22, [](NerNetDims* d) { return &d->bag_rows[kBagAffix]; }},
    {"shape_rows", 1, 1 << 22, [](NerNetDims* d) { return &d->bag_rows[kBagShape]; }},
    {"lexicon_rows", 1, 1 << 22, [](NerNetDims* d) { return &d->bag_rows[kBagLexicon]; }},
    {"linear_dim", 0, 256, [](NerNetDims* d) { return &d->bag_dim[kBagLinear]; }},
    {"linear_rows", 1, 1 << 22, [](NerNetDims* d) { return &d->bag_rows[kBagLinear]; }},
};

// Embedding tables ("emb.*") are stored as bfloat16 (hyper emb_storage=bf16): the high 16 bits
// of the float, rounded to nearest even; the other weights as float32.
bool StoredAsBf16(const std::string& name) { return name.rfind("emb.", 0) == 0; }

std::string ToBf16(const std::vector<float>& v) {
  std::string out(v.size() * 2, '\0');
  for (size_t k = 0; k < v.size(); ++k) {
    uint32_t bits;
    std::memcpy(&bits, &v[k], 4);
    bits += 0x7FFF + ((bits >> 16) & 1);
    const uint16_t half = static_cast<uint16_t>(bits >> 16);
    std::memcpy(&out[2 * k], &half, 2);
  }
  return out;
}

void FromBf16(std::string_view bytes, std::vector<float>* v) {
  for (size_t k = 0; k < v->size(); ++k) {
    uint16_t half;
    std::memcpy(&half, bytes.data() + 2 * k, 2);
    const uint32_t bits = static_cast<uint32_t>(half) << 16;
    std::memcpy(&(*v)[k], &bits, 4);
  }
}

}  // namespace

std::string SerializeNeuralNer(const NerNet& net, const NerVocab& vocab,
                               const std::vector<std::string>& labels,
                               const std::string& lexicon_section, const std::string& clusters_section,
                               const std::map<std::string, std::string>& extra_hyper) {
  ModelWriter w(ModelKind::kNeuralNer);
  w.SetHyper("arch", kNeuralNerArch);
  NerNetDims d = net.dims();
  for (const DimField& f : kDimFields) w.SetHyper(f.key, std::to_string(*f.field(&d)));
  for (const auto& [k, v] : extra_hyper) w.SetHyper(k, v);
  w.AddSection("labels", JoinLines(labels));
  w.AddSection("vocab", std::string(reinterpret_cast<const char*>(vocab.hashes.data()),
                                    vocab.hashes.size() * sizeof(uint64_t)));
  if (!lexicon_section.empty()) w.AddSection("lexicon", lexicon_section);
  if (!clusters_section.empty()) w.AddSection("clusters", clusters_section);
  w.SetHyper("emb_storage", "bf16");
  for (const nn::Param& p : net.params())
    w.AddSection(p.name, StoredAsBf16(p.name) ? ToBf16(p.w.v)
                                              : std::string(reinterpret_cast<const char*>(p.w.data()),
                                                            p.w.size() * sizeof(float)));
  return w.Serialize();
}

Result<std::unique_ptr<NeuralNer>> NeuralNer::FromModel(const Model& model) {
  if (model.kind() != ModelKind::kNeuralNer || model.Hyper("arch") != kNeuralNerArch)
    return Status::InvalidArgument("not a neural NER model (kind " +
                                   std::to_string(static_cast<uint32_t>(model.kind())) + ", arch '" +
                                   model.Hyper("arch") + "')");
  auto bad = [](const std::string& why) { return Status::DataLoss("neural NER model: " + why); };
  auto m = std::make_unique<NeuralNer>();
  NerNetDims d;
  for (const DimField& f : kDimFields) {
    const std::string v = model.Hyper(f.key);
    int x = -1;
    try {
      size_t used = 0;
      x = v.empty() ? -1 : std::stoi(v, &used);
      if (used != v.size()) x = -1;
    } catch (...) {
      x = -1;
    }
    if (x < f.lo || x > f.hi) return bad(std::string("bad hyperparameter ") + f.key + "='" + v + "'");
    *f.field(&d) = x;
  }
  ASSIGN_OR_RETURN(std::string_view label_text, model.Section("labels"));
  std::vector<std::string> names = SplitLines(label_text);
  bool bilou = false;
  for (const std::string& l : names) {
    if (l != "O" && (l.size() < 3 || l[1] != '-' || std::string("BILU").find(l[0]) == std::string::npos))
      return bad("bad label '" + l + "'");
    bilou = bilou || l[0] == 'L' || l[0] == 'U';
  }
  if (names.empty() || names[0] != "O") return bad("labels do not start with O");
  if (names.size() > 256) return bad("too many labels");
  d.labels = static_cast<int>(names.size());
  m->labels_ = std::make_shared<LabelSet>(std::move(names), bilou);
  m->constraints_ = ConstraintsOf(*m->labels_);
  ASSIGN_OR_RETURN(std::string_view vocab, model.Section("vocab"));
  if (vocab.size() % sizeof(uint64_t) != 0 || vocab.size() / 8 > (1u << 24)) return bad("bad vocab section size");
  m->vocab_.hashes.resize(vocab.size() / 8);
  std::memcpy(m->vocab_.hashes.data(), vocab.data(), vocab.size());
  if (!std::is_sorted(m->vocab_.hashes.begin(), m->vocab_.hashes.end())) return bad("vocab not sorted");
  d.words = 1 + static_cast<int>(m->vocab_.hashes.size());
  if (Result<std::string_view> lex = model.Section("lexicon"); lex.ok()) {
    ASSIGN_OR_RETURN(m->lexicon_, NerLexicon::FromSection(*lex, nullptr));
  }
  if (Result<std::string_view> cl = model.Section("clusters"); cl.ok()) {
    ASSIGN_OR_RETURN(m->clusters_, WordClusters::FromSection(*cl, nullptr));
  }
  const std::string storage = model.Hyper("emb_storage", "f32");
  if (storage != "f32" && storage != "bf16") return bad("bad emb_storage '" + storage + "'");
  const bool bf16 = storage == "bf16";
  m->net_.Init(d, 0, /*for_loading=*/true);
  for (nn::Param& param : m->net_.params()) {
    Result<std::string_view> bytes = model.Section(param.name);
    if (!bytes.ok()) return bad("missing section '" + param.name + "'");
    const bool half = bf16 && StoredAsBf16(param.name);
    const size_t want = param.w.size() * (half ? 2 : sizeof(float));
    if (bytes->size() != want)
      return bad("section '" + param.name + "' has " + std::to_string(bytes->size()) + " bytes, expected " +
                 std::to_string(want));
    if (half) FromBf16(*bytes, &param.w.v);
    else std::memcpy(param.w.data(), bytes->data(), bytes->size());
    for (float x : param.w.v)
      if (!std::isfinite(x)) return bad("non-finite weight in '" + param.name + "'");
  }
  return m;
}

std::vector<int> NeuralNer::Decode(const Sentence& s) const {
  if (s.tokens.empty()) return {};
  const NerNetInput in = MakeNerNetInput(s, vocab_, clusters_.get(), lexicon_.get(), net_.dims());
  nn::Mat emit;
  net_.Emissions(in, &emit);
  return nn::CrfViterbi(emit, net_.transitions(), constraints_);
}

}  // namespace sitrep::ner_internal
