#include "sitrep/model/parser.h"

#include <algorithm>
#include <cstdlib>

#include "model/parser_beam.h"
#include "model/parser_features.h"
#include "model/parser_state.h"
#include "sitrep/model/ner_clusters.h"

namespace sitrep {
namespace {

using namespace parser_internal;

constexpr int kMaxBeam = 64;

int IndexOf(const std::vector<std::string>& v, const std::string& x) {
  auto it = std::find(v.begin(), v.end(), x);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

// Scores moves and names arcs with the saved (quantised, averaged) weight tables.
class TableScorer {
 public:
  TableScorer(const WeightTable& moves, const WeightTable& arcs, int root_label)
      : moves_(moves), arcs_(arcs), root_label_(root_label), ls_(arcs.classes()) {}
  void Moves(const uint64_t* f, int n, double* s) const {
    int32_t x[kMoves] = {0, 0, 0, 0};
    moves_.Score(f, n, x);
    for (int m = 0; m < kMoves; ++m) s[m] += x[m];
  }
  void Prefetch(const uint64_t* f, int n) const { moves_.Prefetch(f, n); }
  int Label(const uint64_t* af, int n, int head) const {
    if (head == 0 && root_label_ >= 0) return root_label_;
    std::fill(ls_.begin(), ls_.end(), 0);
    arcs_.Score(af, n, ls_.data());
    return BestLabel(ls_.data(), arcs_.classes(), head, root_label_);
  }

 private:
  const WeightTable& moves_;
  const WeightTable& arcs_;
  int root_label_;
  mutable std::vector<int32_t> ls_;
};

std::string Universal(const std::string& l) { return l.substr(0, l.find(':')); }

}  // namespace

bool IsProjective(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  auto head = [&](int i) { return s.tokens[i - 1].head; };
  for (int d = 1; d <= n; ++d) {
    int h = head(d);
    if (h < 0 || h > n) return false;
    int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      int a = k, steps = 0;
      while (a != h && a != 0 && steps++ <= n) a = head(a);
      if (a != h) return false;
    }
  }
  return true;
}

Result<Parser> Parser::FromModel(Model model) {
  if (model.kind() != ModelKind::kParser) return Status::InvalidArgument("not a parser model");
  Parser p;
  ASSIGN_OR_RETURN(std::string_view tags, model.Section("tags"));
  ASSIGN_OR_RETURN(std::string_view labels, model.Section("labels"));
  p.tags_ = SplitLines(tags);
  p.labels_ = SplitLines(labels);
  ASSIGN_OR_RETURN(std::string_view mw, model.Section("moves"));
  ASSIGN_OR_RETURN(std::string_view aw, model.Section("arcs"));
  ASSIGN_OR_RETURN(p.moves_, WeightTable::FromSection(mw));
  ASSIGN_OR_RETURN(p.arcs_, WeightTable::FromSection(aw));
  // 51 labels: without AVX-512 codebook scoring, SIMD int16 rows pay for their doubled memory.
  if (!WeightTable::SimdCodebook()) p.arcs_ = p.arcs_.Unpacked();
  if (p.moves_.classes() != kMoves || p.labels_.empty() ||
      p.arcs_.classes() != static_cast<int>(p.labels_.size()) || p.tags_.size() >= kNoTag ||
      p.labels_.size() >= kNoLabel)
    return Status::DataLoss("parser sections do not match");
  const std::string features = model.Hyper("features");
  p.feature_version_ = 0;
  for (int v = 1; v <= kLatestFeatures; ++v)
    if (features == "parser-zn-v" + std::to_string(v)) p.feature_version_ = v;
  if (p.feature_version_ == 0)
    return Status::DataLoss("parser model has unknown features '" + features +
                            "' (this build reads parser-zn-v1 to parser-zn-v" +
                            std::to_string(kLatestFeatures) + ")");
  if (p.feature_version_ >= 5) {
    ASSIGN_OR_RETURN(std::string_view cl, model.Section("clusters"));
    ASSIGN_OR_RETURN(p.clusters_, WordClusters::FromSection(cl, nullptr));
  }
  const std::string beam = model.Hyper("beam", "1");
  char* end = nullptr;
  long width = std::strtol(beam.c_str(), &end, 10);
  if (end == beam.c_str() || *end != '\0' || width < 1 || width > kMaxBeam)
    return Status::DataLoss("parser model has a bad beam width '" + beam + "'");
  p.beam_ = static_cast<int>(width);
  p.Index();
  p.model_ = std::move(model);
  return p;
}

Result<Parser> Parser::Load(const std::string& path) {
  ASSIGN_OR_RETURN(Model m, Model::Load(path));
  Result<Parser> p = FromModel(std::move(m));
  if (!p.ok()) return p.status().WithContext(path);
  return p;
}

void Parser::Index() {
  tag_id_.clear();
  for (size_t i = 0; i < tags_.size(); ++i) tag_id_[tags_[i]] = static_cast<int>(i);
  root_label_ = IndexOf(labels_, "root");
  punct_label_ = std::max(0, IndexOf(labels_, "punct"));
  dep_label_ = std::max(0, IndexOf(labels_, "dep"));
  punct_tag_ = IndexOf(tags_, "PUNCT");
}

void Parser::Parse(Sentence* s) const {
  if (s->tokens.empty()) return;
  const ParseInput in = Prepare(*s, tag_id_, clusters_.get());
  const TableScorer scorer(moves_, arcs_, root_label_);
  Beam<TableScorer> beam(in, feature_version_, beam_, scorer);
  while (!beam.Done()) beam.Step();
  State st = beam.items()[0].st;
  Finish(&st, root_label_, punct_label_, dep_label_, in, punct_tag_);
  for (int i = 1; i <= in.n; ++i) {
    Token& t = s->tokens[i - 1];
    t.head = st.head[i];
    int l = st.label[i];
    t.deprel = l >= 0 && l < static_cast<int>(labels_.size()) ? labels_[l] : "dep";
  }
}

AttachmentScores ScoreParser(const Parser& parser, const Tagger* tagger,
                             const std::vector<Sentence>& gold) {
  AttachmentScores r;
  size_t u = 0, l = 0, lu = 0;
  for (const Sentence& g : gold) {
    Sentence s = g;
    if (tagger) tagger->Tag(&s);
    parser.Parse(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      bool head_ok = s.tokens[i].head == g.tokens[i].head;
      u += head_ok;
      l += head_ok && s.tokens[i].deprel == g.tokens[i].deprel;
      lu += head_ok && Universal(s.tokens[i].deprel) == Universal(g.tokens[i].deprel);
    }
    r.words += s.tokens.size();
  }
  if (r.words) {
    r.uas = 100.0 * u / r.words;
    r.las = 100.0 * l / r.words;
    r.clas_universal = 100.0 * lu / r.words;
  }
  return r;
}

}  // namespace sitrep
