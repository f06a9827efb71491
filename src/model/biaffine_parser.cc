#include "sitrep/model/biaffine_parser.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "model/biaffine_batch.h"
#include "model/biaffine_decode.h"
#include "model/biaffine_io.h"
#include "model/biaffine_net.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/word_features.h"

namespace sitrep {

int BiaffineVocab::Row(uint64_t h) const {
  auto it = std::lower_bound(hashes.begin(), hashes.end(), h);
  return it != hashes.end() && *it == h ? 2 + static_cast<int>(it - hashes.begin()) : 0;
}

struct BiaffineParser::Vocab : BiaffineVocab {};

BiaffineInput MakeBiaffineInput(const Sentence& s, const BiaffineVocab& vocab,
                                const std::map<std::string, int>& tag_id,
                                const WordClusters* clusters, const BiaffineDims& d) {
  const int n = static_cast<int>(s.tokens.size());
  BiaffineInput in;
  in.word.assign(n + 1, 1);
  in.tag.assign(n + 1, d.tags + 1);
  in.cl0.assign(n + 1, kCl0Rows - 1);
  in.cl1.assign(n + 1, kCl1Rows - 1);
  in.suf.assign(n + 1, d.suf_buckets);
  in.pre.assign(n + 1, d.pre_buckets);
  in.shape.assign(n + 1, d.shape_buckets);
  for (int i = 1; i <= n; ++i) {
    const Token& t = s.tokens[i - 1];
    const std::string lower = AsciiLower(t.form);
    const uint64_t h = HashString(lower);
    in.word[i] = vocab.Row(h);
    auto it = tag_id.find(t.upos);
    in.tag[i] = it == tag_id.end() ? d.tags : it->second;
    uint32_t ids[WordClusters::kLevels] = {WordClusters::kNone, WordClusters::kNone, WordClusters::kNone};
    if (clusters) clusters->Lookup(h, ids);
    in.cl0[i] = ids[0] < kCl0Rows - 2 ? static_cast<int>(ids[0]) : kCl0Rows - 2;
    in.cl1[i] = ids[1] < kCl1Rows - 2 ? static_cast<int>(ids[1]) : kCl1Rows - 2;
    const size_t k = std::min<size_t>(3, lower.size());
    in.suf[i] = static_cast<int>(HashString(std::string_view(lower).substr(lower.size() - k)) % d.suf_buckets);
    in.pre[i] = static_cast<int>(HashString(std::string_view(lower).substr(0, k)) % d.pre_buckets);
    in.shape[i] = static_cast<int>(HashString(WordShape(t.form)) % d.shape_buckets);
  }
  return in;
}

namespace {

struct DimField {
  const char* key;
  int BiaffineDims::*field;
  int lo, hi;
};
constexpr DimField kDimFields[] = {
    {"word_dim", &BiaffineDims::word_dim, 1, 1024},   {"tag_dim", &BiaffineDims::tag_dim, 1, 256},
    {"cl0_dim", &BiaffineDims::cl0_dim, 1, 256},      {"cl1_dim", &BiaffineDims::cl1_dim, 1, 256},
    {"suf_dim", &BiaffineDims::suf_dim, 1, 256},      {"pre_dim", &BiaffineDims::pre_dim, 1, 256},
    {"shape_dim", &BiaffineDims::shape_dim, 1, 256},  {"suf_buckets", &BiaffineDims::suf_buckets, 1, 1 << 20},
    {"pre_buckets", &BiaffineDims::pre_buckets, 1, 1 << 20},
    {"shape_buckets", &BiaffineDims::shape_buckets, 1, 1 << 20},
    {"hidden", &BiaffineDims::hidden, 1, 1024},       {"layers", &BiaffineDims::layers, 1, 4},
    {"arc_dim", &BiaffineDims::arc_dim, 1, 1024},     {"label_dim", &BiaffineDims::label_dim, 1, 1024},
};

}  // namespace

std::string SerializeBiaffine(const BiaffineNet& net, const BiaffineVocab& vocab,
                              const std::vector<std::string>& tags,
                              const std::vector<std::string>& labels,
                              const std::string& clusters_section,
                              const std::map<std::string, std::string>& extra_hyper) {
  ModelWriter w(ModelKind::kBiaffineParser);
  w.SetHyper("arch", kBiaffineArch);
  for (const DimField& f : kDimFields) w.SetHyper(f.key, std::to_string(net.dims().*f.field));
  for (const auto& [k, v] : extra_hyper) w.SetHyper(k, v);
  w.AddSection("tags", JoinLines(tags));
  w.AddSection("labels", JoinLines(labels));
  w.AddSection("vocab", std::string(reinterpret_cast<const char*>(vocab.hashes.data()),
                                    vocab.hashes.size() * sizeof(uint64_t)));
  if (!clusters_section.empty()) w.AddSection("clusters", clusters_section);
  for (const nn::Param& p : net.params())
    w.AddSection(p.name, std::string(reinterpret_cast<const char*>(p.w.data()), p.w.size() * sizeof(float)));
  return w.Serialize();
}

BiaffineParser::BiaffineParser() = default;
BiaffineParser::~BiaffineParser() = default;
BiaffineParser::BiaffineParser(BiaffineParser&&) noexcept = default;
BiaffineParser& BiaffineParser::operator=(BiaffineParser&&) noexcept = default;

Result<BiaffineParser> BiaffineParser::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Model m, Model::Load(path));
  return FromModel(std::move(m));
}

Result<BiaffineParser> BiaffineParser::FromModel(Model model) {
  if (model.kind() != ModelKind::kBiaffineParser || model.Hyper("arch") != kBiaffineArch)
    return Status::InvalidArgument("not a biaffine parser model (kind " +
                                   std::to_string(static_cast<uint32_t>(model.kind())) + ", arch '" +
                                   model.Hyper("arch") + "')");
  auto bad = [](const std::string& why) { return Status::DataLoss("biaffine parser model: " + why); };
  BiaffineParser p;
  BiaffineDims d;
  for (const DimField& f : kDimFields) {
    const std::string v = model.Hyper(f.key);
    int x = 0;
    try {
      x = v.empty() ? -1 : std::stoi(v);
    } catch (...) {
      x = -1;
    }
    if (x < f.lo || x > f.hi) return bad(std::string("bad hyperparameter ") + f.key + "='" + v + "'");
    d.*f.field = x;
  }
  ASSIGN_OR_RETURN(std::string_view tags, model.Section("tags"));
  ASSIGN_OR_RETURN(std::string_view labels, model.Section("labels"));
  ASSIGN_OR_RETURN(std::string_view vocab, model.Section("vocab"));
  p.tags_ = SplitLines(tags);
  p.labels_ = SplitLines(labels);
  if (p.labels_.empty()) return bad("no labels");
  if (vocab.size() % sizeof(uint64_t) != 0 || vocab.size() / 8 > (1u << 24)) return bad("bad vocab section size");
  p.vocab_ = std::make_unique<Vocab>();
  p.vocab_->hashes.resize(vocab.size() / 8);
  std::memcpy(p.vocab_->hashes.data(), vocab.data(), vocab.size());
  if (!std::is_sorted(p.vocab_->hashes.begin(), p.vocab_->hashes.end())) return bad("vocab not sorted");
  d.words = 2 + static_cast<int>(p.vocab_->hashes.size());
  d.tags = static_cast<int>(p.tags_.size());
  d.labels = static_cast<int>(p.labels_.size());
  if (model.Section("clusters").ok()) {
    ASSIGN_OR_RETURN(p.clusters_, WordClusters::FromSection(*model.Section("clusters"), nullptr));
  }
  p.net_ = std::make_unique<BiaffineNet>();
  p.net_->Init(d, 0);
  for (nn::Param& param : p.net_->params()) {
    Result<std::string_view> bytes = model.Section(param.name);
    if (!bytes.ok()) return bad("missing section '" + param.name + "'");
    if (bytes->size() != param.w.size() * sizeof(float))
      return bad("section '" + param.name + "' has " + std::to_string(bytes->size()) + " bytes, expected " +
                 std::to_string(param.w.size() * sizeof(float)));
    std::memcpy(param.w.data(), bytes->data(), bytes->size());
    for (float x : param.w.v)
      if (!std::isfinite(x)) return bad("non-finite weight in '" + param.name + "'");
    param.g = nn::Mat();  // no gradients at inference
  }
  for (size_t i = 0; i < p.tags_.size(); ++i) p.tag_id_[p.tags_[i]] = static_cast<int>(i);
  for (size_t i = 0; i < p.labels_.size(); ++i)
    if (p.labels_[i] == "root") p.root_label_ = static_cast<int>(i);
  p.batch_ = std::make_unique<BiaffineBatch>(*p.net_);
  p.model_ = std::move(model);
  return p;
}


std::vector<float> BiaffineParser::ArcScores(const Sentence& s) const {
  const BiaffineInput in = MakeBiaffineInput(s, *vocab_, tag_id_, clusters_.get(), net_->dims());
  BiaffineNet::Output out;
  net_->Forward(in, &out);
  return out.arcs.v;
}

namespace {

// A batch's rows (sum of sentence lengths + 1) are capped so its buffers stay in cache.
constexpr int kMaxBatchRows = 1024;

struct ParseScratch {
  BiaffineBatchScratch net;
  std::vector<BiaffineInput> inputs;
  std::vector<Sentence*> sentences;
  std::vector<nn::Mat> arcs;
  std::vector<float> scores;
  std::vector<int> deps, heads;
  nn::Mat label_scores;
};

}  // namespace

void BiaffineParser::Parse(Sentence* s) const { ParseAll(std::span<Sentence>(s, 1)); }

void BiaffineParser::ParseAll(std::span<Sentence> sentences) const {
  thread_local ParseScratch sc;
  size_t next = 0;
  while (next < sentences.size()) {
    sc.sentences.clear();
    sc.inputs.clear();
    int rows = 0;
    for (; next < sentences.size(); ++next) {
      Sentence& s = sentences[next];
      if (s.tokens.empty()) continue;
      const int m = static_cast<int>(s.tokens.size()) + 1;
      if (!sc.sentences.empty() && rows + m > kMaxBatchRows) break;
      rows += m;
      sc.sentences.push_back(&s);
      sc.inputs.push_back(MakeBiaffineInput(s, *vocab_, tag_id_, clusters_.get(), net_->dims()));
    }
    if (sc.sentences.empty()) break;
    batch_->Forward(sc.inputs, &sc.arcs, &sc.net);
    // Heads: per sentence, Eisner over the log-softmax of each word's head scores.
    sc.deps.clear();
    sc.heads.clear();
    for (size_t i = 0; i < sc.sentences.size(); ++i) {
      const int n = static_cast<int>(sc.sentences[i]->tokens.size()), m = n + 1;
      nn::Mat& arcs = sc.arcs[i];
      sc.scores.assign(static_cast<size_t>(m) * m, 0.f);
      for (int d = 1; d <= n; ++d) {
        float* r = arcs.row(d);
        r[d] = -std::numeric_limits<float>::infinity();
        nn::LogSoftmax(r, m);
        for (int h = 0; h < m; ++h)
          sc.scores[static_cast<size_t>(d) * m + h] = h == d ? -1e9f : r[h];
      }
      const std::vector<int> heads = EisnerDecode(sc.scores, n);
      const int first = sc.net.starts[i];
      for (int d = 1; d <= n; ++d) {
        sc.sentences[i]->tokens[d - 1].head = heads[d];
        sc.deps.push_back(first + d);
        sc.heads.push_back(first + heads[d]);
      }
    }
    // Labels: the best at each chosen head ("root" exactly for the root's dependent).
    batch_->LabelScores(sc.deps, sc.heads, &sc.net, &sc.label_scores);
    int k = 0;
    for (Sentence* s : sc.sentences)
      for (Token& t : s->tokens) {
        const float* ls = sc.label_scores.row(k++);
        int best = -1;
        for (int j = 0; j < static_cast<int>(labels_.size()); ++j) {
          if ((j == root_label_) != (t.head == 0) && root_label_ >= 0) continue;
          if (best < 0 || ls[j] > ls[best]) best = j;
        }
        if (best < 0) best = 0;
        t.deprel = labels_[best];
      }
  }
}

AttachmentScores ScoreBiaffineParser(const BiaffineParser& parser, const Tagger* tagger,
                                     const std::vector<Sentence>& gold) {
  return ScoreParses([&parser](Sentence* s) { parser.Parse(s); }, tagger, gold);
}

}  // namespace sitrep
