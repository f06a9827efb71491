#include "sitrep/model/parser.h"

#include <algorithm>
#include <cstdlib>

#include "model/parser_beam.h"
#include "model/parser_features.h"
#include "model/parser_relabel.h"
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
  // `moves2` (null = none): a second move table whose scores are added in the first's units.
  TableScorer(const WeightTable& moves, const WeightTable* moves2, const WeightTable& arcs,
              int root_label)
      : moves_(moves), moves2_(moves2), arcs_(arcs), root_label_(root_label),
        ratio_(moves2 ? static_cast<double>(moves2->scale()) / moves.scale() : 0),
        ls_(arcs.classes()) {}
  void Moves(const uint64_t* f, int n, double* s) const {
    int32_t x[kMoves] = {0, 0, 0, 0};
    moves_.Score(f, n, x);
    for (int m = 0; m < kMoves; ++m) s[m] += x[m];
    if (!moves2_) return;
    int32_t y[kMoves] = {0, 0, 0, 0};
    moves2_->Score(f, n, y);
    for (int m = 0; m < kMoves; ++m) s[m] += ratio_ * y[m];
  }
  void Prefetch(const uint64_t* f, int n) const {
    moves_.Prefetch(f, n);
    if (moves2_) moves2_->Prefetch(f, n);
  }
  int Label(const uint64_t* af, int n, int head) const {
    if (head == 0 && root_label_ >= 0) return root_label_;
    std::fill(ls_.begin(), ls_.end(), 0);
    arcs_.Score(af, n, ls_.data());
    return BestLabel(ls_.data(), arcs_.classes(), head, root_label_);
  }

 private:
  const WeightTable& moves_;
  const WeightTable* moves2_;
  const WeightTable& arcs_;
  int root_label_;
  double ratio_;
  mutable std::vector<int32_t> ls_;
};

std::string Universal(const std::string& l) { return l.substr(0, l.find(':')); }

// The second pass over the finished tree `st`: replays the derivation `hist` so that each arc
// it made gets its first-pass label scores back, adds `mix` times them to the relabeller's
// scores (both in real weight units) and names the arc by the sum; arcs the fix-up added get
// the relabeller's label alone. The root arc keeps its label.
void Relabel(const ParseInput& in, const std::vector<int>& hist, int version,
             const WeightTable& arcs, const WeightTable& relabel, double mix, int root_label,
             State* st) {
  TreeChildren kids;
  kids.Build(st->head, in.n);
  const int classes = relabel.classes();
  std::vector<int32_t> first(classes), second(classes);
  std::vector<double> sum(classes);
  uint64_t f[kMaxFeatures], af[kMaxFeatures + 1], rf[kMaxRelabelFeatures];
  auto name = [&](int d, bool has_first) {
    std::fill(second.begin(), second.end(), 0);
    relabel.Score(rf, RelabelFeatures(in, st->head, kids, d, rf), second.data());
    for (int k = 0; k < classes; ++k)
      sum[k] = second[k] * static_cast<double>(relabel.scale()) +
               (has_first ? mix * first[k] * static_cast<double>(arcs.scale()) : 0.0);
    st->label[d] = BestLabel(sum.data(), classes, st->head[d], root_label);
  };
  std::vector<char> named(in.n + 1, 0);
  State r(in.n);
  for (int step : hist) {
    const int m = StepMove(step);
    if ((m == kLeft || m == kRight) && mix != 0) {
      const int d = r.ArcOf(m).second;
      if (st->head[d] > 0) {
        std::fill(first.begin(), first.end(), 0);
        arcs.Score(af, ArcFeatures(f, Features(in, r, version, f), m, af), first.data());
        name(d, true);
        named[d] = 1;
      }
    }
    r.Apply(m, StepLabel(step));
  }
  for (int d = 1; d <= in.n; ++d)
    if (!named[d] && st->head[d] > 0) name(d, false);
}

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

namespace {

// True when every word strictly between `d` and its head is dominated by that head.
bool ArcIsProjective(const Sentence& s, int d) {
  const int n = static_cast<int>(s.tokens.size());
  const int h = s.tokens[d - 1].head;
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
    int a = k, steps = 0;
    while (a != h && a != 0 && steps++ <= n) a = s.tokens[a - 1].head;
    if (a != h) return false;
  }
  return true;
}

}  // namespace

int LiftToProjective(Sentence* s) {
  const int n = static_cast<int>(s->tokens.size());
  int roots = 0;
  for (const Token& t : s->tokens) roots += t.head == 0;
  if (roots != 1) return -1;
  for (int d = 1; d <= n; ++d) {  // a tree: heads in range, every word reaches the root
    int a = d, steps = 0;
    while (a > 0 && a <= n && steps++ <= n) a = s->tokens[a - 1].head;
    if (a != 0) return -1;
  }
  // Each lift moves one dependent a step up its (finite) path to the root, so at most n * n.
  int lifts = 0;
  for (; lifts <= n * n; ++lifts) {
    int best = 0, best_span = n + 1;
    for (int d = 1; d <= n; ++d) {
      int h = s->tokens[d - 1].head;
      if (h == 0 || std::abs(h - d) >= best_span || ArcIsProjective(*s, d)) continue;
      best = d;
      best_span = std::abs(h - d);
    }
    if (best == 0) return lifts;
    Token& t = s->tokens[best - 1];
    t.head = s->tokens[t.head - 1].head;
  }
  return -1;
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
  const std::string tables = model.Hyper("move_tables", "1");
  if (tables == "2") {  // an ensemble: the move scores of a second, independently trained model
    ASSIGN_OR_RETURN(std::string_view mw2, model.Section("moves.2"));
    ASSIGN_OR_RETURN(p.moves2_, WeightTable::FromSection(mw2));
    if (p.moves2_.classes() != kMoves) return Status::DataLoss("parser section moves.2 does not match");
  } else if (tables != "1") {
    return Status::DataLoss("parser model has a bad move_tables '" + tables + "' (1 or 2)");
  }
  const std::string relabel = model.Hyper("relabel");
  if (!relabel.empty()) {
    if (relabel != "relabel-v" + std::to_string(kRelabelVersion))
      return Status::DataLoss("parser model has an unknown second-pass labeller '" + relabel +
                              "' (this build reads relabel-v" + std::to_string(kRelabelVersion) + ")");
    ASSIGN_OR_RETURN(std::string_view rw, model.Section("relabel"));
    ASSIGN_OR_RETURN(p.relabel_, WeightTable::FromSection(rw));
    if (p.relabel_.classes() != static_cast<int>(p.labels_.size()))
      return Status::DataLoss("parser relabel section does not match the labels");
    if (!WeightTable::SimdCodebook()) p.relabel_ = p.relabel_.Unpacked();
    p.relabel_version_ = kRelabelVersion;
    const std::string mix = model.Hyper("relabel_mix", "0");
    char* mend = nullptr;
    p.relabel_mix_ = std::strtod(mix.c_str(), &mend);
    if (mend == mix.c_str() || *mend != '\0' || !(p.relabel_mix_ >= 0 && p.relabel_mix_ <= 1e6))
      return Status::DataLoss("parser model has a bad relabel_mix '" + mix + "'");
  }
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
  const TableScorer scorer(moves_, moves2_.classes() ? &moves2_ : nullptr, arcs_, root_label_);
  Beam<TableScorer> beam(in, feature_version_, beam_, scorer, nullptr, relabel_version_ > 0);
  while (!beam.Done()) beam.Step();
  State st = beam.items()[0].st;
  Finish(&st, root_label_, punct_label_, dep_label_, in, punct_tag_);
  if (relabel_version_ > 0)
    Relabel(in, beam.items()[0].hist, feature_version_, arcs_, relabel_, relabel_mix_, root_label_,
            &st);
  for (int i = 1; i <= in.n; ++i) {
    Token& t = s->tokens[i - 1];
    t.head = st.head[i];
    int l = st.label[i];
    t.deprel = l >= 0 && l < static_cast<int>(labels_.size()) ? labels_[l] : "dep";
  }
}

AttachmentScores ScoreParses(const std::function<void(Sentence*)>& parse, const Tagger* tagger,
                             const std::vector<Sentence>& gold) {
  AttachmentScores r;
  size_t u = 0, l = 0, lu = 0;
  for (const Sentence& g : gold) {
    Sentence s = g;
    if (tagger) tagger->Tag(&s);
    parse(&s);
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

AttachmentScores ScoreParser(const Parser& parser, const Tagger* tagger,
                             const std::vector<Sentence>& gold) {
  return ScoreParses([&parser](Sentence* s) { parser.Parse(s); }, tagger, gold);
}

}  // namespace sitrep
