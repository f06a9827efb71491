#include "sitrep/model/parser.h"

#include <algorithm>
#include <map>
#include <set>

#include "sitrep/model/jackknife.h"
#include "sitrep/model/word_features.h"

namespace sitrep {
namespace {

enum Move { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3, kMoves = 4 };
constexpr int kMaxFeatures = 128;
constexpr int kTrainVersion = 3;  // feature set of newly trained models (see Features)
constexpr int kDefaultLog2Moves = 20;
constexpr int kLog2Arcs = 17;
constexpr uint64_t kNone = 0x4E4F4E45, kRootWord = 0x524F4F54;
constexpr int kNoTag = 250, kRootTag = 251, kNoLabel = 252;

// Per-sentence inputs: word hashes and tag ids, index 0 = root.
struct ParseInput {
  std::vector<uint64_t> word;
  std::vector<uint64_t> suffix;  // hash of the last 3 bytes of the lowercase form
  std::vector<int> tag;
  int n = 0;
};

// An arc-eager configuration with the bookkeeping the features need.
struct State {
  explicit State(int n)
      : n(n), head(n + 1, -1), label(n + 1, kNoLabel), lc1(n + 1, -1), lc2(n + 1, -1),
        rc1(n + 1, -1), rc2(n + 1, -1), nl(n + 1, 0), nr(n + 1, 0), lset(n + 1, 0),
        rset(n + 1, 0), in_stack(n + 1, 0) {
    stack.reserve(n + 1);
    stack.push_back(0);
    in_stack[0] = 1;
  }
  int n;
  std::vector<int> stack;
  int b = 1;
  bool root_used = false;
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;
  std::vector<char> in_stack;

  int s0() const { return stack.back(); }
  bool Terminal() const { return b > n; }
  bool Valid(int m) const {
    switch (m) {
      case kShift: return b <= n;
      case kReduce: return s0() != 0 && head[s0()] >= 0;
      case kLeft: return b <= n && s0() != 0 && head[s0()] < 0;
      case kRight: return b <= n && !(s0() == 0 && root_used);
    }
    return false;
  }
  void AddArc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (h == 0) root_used = true;
    uint64_t bit = uint64_t{1} << (l & 63);
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) lc2[h] = lc1[h], lc1[h] = d;
      else if (lc2[h] < 0 || d < lc2[h]) lc2[h] = d;
      ++nl[h];
      lset[h] |= bit;
    } else {
      if (rc1[h] < 0 || d > rc1[h]) rc2[h] = rc1[h], rc1[h] = d;
      else if (rc2[h] < 0 || d > rc2[h]) rc2[h] = d;
      ++nr[h];
      rset[h] |= bit;
    }
  }
  // Applies move `m` (valid); `l` is the label of the arc it makes.
  void Apply(int m, int l) {
    switch (m) {
      case kShift:
        stack.push_back(b);
        in_stack[b++] = 1;
        break;
      case kReduce:
        in_stack[s0()] = 0;
        stack.pop_back();
        break;
      case kLeft:
        AddArc(b, s0(), l);
        in_stack[s0()] = 0;
        stack.pop_back();
        break;
      case kRight:
        AddArc(s0(), b, l);
        stack.push_back(b);
        in_stack[b++] = 1;
        break;
    }
  }
  // The arc move `m` would make, as (head, dependent).
  std::pair<int, int> ArcOf(int m) const {
    return m == kLeft ? std::make_pair(b, s0()) : std::make_pair(s0(), b);
  }
};

int DistBucket(int d) { return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7; }

// `version` 2 adds lexicalised attachment features (the preposition or case marker n0l with
// s0, its head and n0: PP attachment) and n0/n1 pairs; 3 adds 3-byte suffixes (rare words).
int Features(const ParseInput& in, const State& st, int version, uint64_t* f) {
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : i == 0 ? kRootWord : in.word[i]; };
  auto P = [&](int i) -> uint64_t { return i < 0 ? kNoTag : i == 0 ? kRootTag : in.tag[i]; };
  auto L = [&](int i) -> uint64_t { return i < 0 ? kNoLabel + 1 : st.label[i]; };
  const int s0 = st.s0();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= st.n ? st.b : -1;
  const int n1 = n0 >= 0 && n0 + 1 <= st.n ? n0 + 1 : -1;
  const int n2 = n1 >= 0 && n1 + 1 <= st.n ? n1 + 1 : -1;
  const int s0h = s0 > 0 ? st.head[s0] : -1;
  const int s0h2 = s0h > 0 ? st.head[s0h] : -1;
  const int s0l = s0 >= 0 ? st.lc1[s0] : -1, s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
  const int s0r = s0 >= 0 ? st.rc1[s0] : -1, s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
  const int n0l = n0 >= 0 ? st.lc1[n0] : -1, n0l2 = n0 >= 0 ? st.lc2[n0] : -1;
  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1),
                 n2w = W(n2), n2p = P(n2);
  const uint64_t d = n0 >= 0 ? DistBucket(n0 - s0) : 99;
  const uint64_t s0vl = st.nl[s0], s0vr = st.nr[s0], n0vl = n0 >= 0 ? st.nl[n0] : 99;
  const uint64_t s0sl = st.lset[s0], s0sr = st.rset[s0], n0sl = n0 >= 0 ? st.lset[n0] : 99;
  int n = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    f[n] = Feat(n + 1, a, b, c);
    ++n;
  };
  // Single words.
  add(s0w, s0p); add(s0w); add(s0p);
  add(n0w, n0p); add(n0w); add(n0p);
  add(n1w, n1p); add(n1w); add(n1p);
  add(n2w, n2p); add(n2w); add(n2p);
  // Word pairs.
  add(Feat(90, s0w, s0p), n0w, n0p); add(Feat(91, s0w, s0p), n0w); add(s0w, Feat(92, n0w, n0p));
  add(Feat(93, s0w, s0p), n0p); add(s0p, Feat(94, n0w, n0p)); add(s0w, n0w); add(s0p, n0p);
  add(n0p, n1p);
  // Three words.
  add(n0p, n1p, n2p); add(s0p, n0p, n1p); add(P(s0h), s0p, n0p); add(s0p, P(s0l), n0p);
  add(s0p, P(s0r), n0p); add(s0p, n0p, P(n0l));
  // Distance.
  add(s0w, d); add(s0p, d); add(n0w, d); add(n0p, d); add(s0w, n0w, d); add(s0p, n0p, d);
  // Valency.
  add(s0w, s0vr); add(s0p, s0vr); add(s0w, s0vl); add(s0p, s0vl); add(n0w, n0vl); add(n0p, n0vl);
  // Unigrams of the neighbourhood.
  add(W(s0h)); add(P(s0h)); add(L(s0)); add(W(s0l)); add(P(s0l)); add(L(s0l));
  add(W(s0r)); add(P(s0r)); add(L(s0r)); add(W(n0l)); add(P(n0l)); add(L(n0l));
  // Third order.
  add(W(s0h2)); add(P(s0h2)); add(L(s0h)); add(W(s0l2)); add(P(s0l2)); add(L(s0l2));
  add(W(s0r2)); add(P(s0r2)); add(L(s0r2)); add(W(n0l2)); add(P(n0l2)); add(L(n0l2));
  add(s0p, P(s0l), P(s0l2)); add(s0p, P(s0r), P(s0r2)); add(s0p, P(s0h), P(s0h2));
  add(n0p, P(n0l), P(n0l2));
  // Label sets.
  add(s0w, s0sr); add(s0p, s0sr); add(s0w, s0sl); add(s0p, s0sl); add(n0w, n0sl); add(n0p, n0sl);
  // Second stack item and a few extras.
  add(W(s1), P(s1)); add(P(s1)); add(P(s1), s0p, n0p); add(P(s1), s0p);
  add(s0p, L(s0), n0p); add(s0w, L(s0)); add(st.head[s0] >= 0 ? 1 : 0, s0p, n0p);
  if (version >= 2) {
    const uint64_t n0lw = W(n0l), s0hw = W(s0h);
    add(n0lw, s0w); add(n0lw, s0hw); add(n0lw, n0w); add(n0lw, s0p, n0p);
    add(n0lw, s0w, n0w); add(n0lw, s0hw, n0w); add(n0lw, P(s0h), s0p);
    add(s0hw, n0w); add(L(s0), n0w); add(W(s1), n0w); add(P(s1), s0p, n0w);
    add(n0w, n1w); add(n0p, n1w); add(n0w, n1p); add(s0w, n1w);
  }
  if (version >= 3) {
    auto S = [&](int i) -> uint64_t { return i < 0 ? kNone : in.suffix[i]; };
    add(S(s0), s0p); add(S(n0), n0p); add(S(s0), n0p); add(s0p, S(n0)); add(S(s0), S(n0));
    add(S(n1), n1p); add(S(n0l), n0p);
  }
  return n;
}

// The label-model features: the move features re-hashed with the arc direction.
int ArcFeatures(const uint64_t* f, int n, int move, uint64_t* out) {
  for (int i = 0; i < n; ++i) out[i] = Mix64(f[i] ^ (move == kLeft ? 0x1234567ULL : 0x7654321ULL));
  out[n] = Feat(200, move);
  return n + 1;
}

// Dynamic-oracle cost of each move (Goldberg & Nivre 2012): gold arcs it makes unreachable.
void Costs(const State& st, const std::vector<int>& gold, int* cost) {
  const int s = st.s0(), b = st.b, n = st.n;
  for (int m = 0; m < kMoves; ++m) cost[m] = 1 << 20;
  if (st.Valid(kShift)) {
    int c = gold[b] >= 0 && st.in_stack[gold[b]] ? 1 : 0;
    for (int k : st.stack) c += k > 0 && st.head[k] < 0 && gold[k] == b;
    cost[kShift] = c;
  }
  if (st.Valid(kReduce)) {
    int c = 0;
    for (int k = b; k <= n; ++k) c += gold[k] == s;
    cost[kReduce] = c;
  }
  if (st.Valid(kLeft)) {
    int c = gold[s] > b ? 1 : 0;
    for (int k = b; k <= n; ++k) c += gold[k] == s;
    cost[kLeft] = c;
  }
  if (st.Valid(kRight)) {
    int c = (gold[b] != s && (st.in_stack[gold[b]] || gold[b] > b)) ? 1 : 0;
    for (int k : st.stack) c += k > 0 && st.head[k] < 0 && gold[k] == b;
    cost[kRight] = c;
  }
}

template <typename T>
int BestValid(const State& st, const T* s) {
  int best = -1;
  for (int m = 0; m < kMoves; ++m)
    if (st.Valid(m) && (best < 0 || s[m] > s[best])) best = m;
  return best;
}

template <typename T>
int BestLabel(const T* s, int classes, int head, int root_label) {
  if (head == 0 && root_label >= 0) return root_label;
  int best = -1;
  for (int k = 0; k < classes; ++k)
    if (k != root_label && (best < 0 || s[k] > s[best])) best = k;
  return best;
}

// Attaches words left without a head: the first becomes the root if there is none.
void Finish(State* st, int root_label, int punct_label, int dep_label, const ParseInput& in,
            int punct_tag) {
  int root_child = -1;
  for (int i = 1; i <= st->n; ++i)
    if (st->head[i] == 0) root_child = i;
  for (int i = 1; i <= st->n; ++i) {
    if (st->head[i] >= 0) continue;
    if (root_child < 0) {
      st->head[i] = 0;
      st->label[i] = root_label;
      root_child = i;
    } else {
      st->head[i] = root_child;
      st->label[i] = in.tag[i] == punct_tag ? punct_label : dep_label;
    }
  }
}

ParseInput Prepare(const Sentence& s, const std::map<std::string, int>& tag_id) {
  ParseInput in;
  in.n = static_cast<int>(s.tokens.size());
  in.word.assign(in.n + 1, kRootWord);
  in.suffix.assign(in.n + 1, kRootWord);
  in.tag.assign(in.n + 1, kRootTag);
  for (int i = 1; i <= in.n; ++i) {
    const Token& t = s.tokens[i - 1];
    const std::string lower = AsciiLower(t.form);
    in.word[i] = HashString(lower);
    in.suffix[i] = HashString(std::string_view(lower).substr(lower.size() - std::min<size_t>(3, lower.size())));
    auto it = tag_id.find(t.upos);
    in.tag[i] = it == tag_id.end() ? kNoTag : it->second;
  }
  return in;
}

int IndexOf(const std::vector<std::string>& v, const std::string& x) {
  auto it = std::find(v.begin(), v.end(), x);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

// Greedy decoding with the given weight tables.
template <typename MoveScore, typename ArcScore>
State Decode(const ParseInput& in, int version, int classes, int root_label, MoveScore&& move_score,
             ArcScore&& arc_score) {
  State st(in.n);
  uint64_t f[kMaxFeatures], af[kMaxFeatures + 1];
  std::vector<int32_t> ls(classes);
  while (!st.Terminal()) {
    int nf = Features(in, st, version, f);
    int32_t s[kMoves] = {0, 0, 0, 0};
    move_score(f, nf, s);
    int m = BestValid(st, s);
    int l = kNoLabel;
    if (m == kLeft || m == kRight) {
      int naf = ArcFeatures(f, nf, m, af);
      std::fill(ls.begin(), ls.end(), 0);
      arc_score(af, naf, ls.data());
      l = BestLabel(ls.data(), classes, st.ArcOf(m).first, root_label);
    }
    st.Apply(m, l);
  }
  return st;
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
  if (p.moves_.classes() != kMoves || p.labels_.empty() ||
      p.arcs_.classes() != static_cast<int>(p.labels_.size()) || p.tags_.size() >= kNoTag ||
      p.labels_.size() >= kNoLabel)
    return Status::DataLoss("parser sections do not match");
  const std::string features = model.Hyper("features");
  if (features == "parser-zn-v1") p.feature_version_ = 1;
  else if (features == "parser-zn-v2") p.feature_version_ = 2;
  else if (features == "parser-zn-v3") p.feature_version_ = 3;
  else return Status::DataLoss("parser model has unknown features '" + features + "'");
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
  ParseInput in = Prepare(*s, tag_id_);
  State st = Decode(
      in, feature_version_, arcs_.classes(), root_label_,
      [&](const uint64_t* f, int n, int32_t* sc) { moves_.Score(f, n, sc); },
      [&](const uint64_t* f, int n, int32_t* sc) { arcs_.Score(f, n, sc); });
  Finish(&st, root_label_, punct_label_, dep_label_, in, punct_tag_);
  for (int i = 1; i <= in.n; ++i) {
    Token& t = s->tokens[i - 1];
    t.head = st.head[i];
    int l = st.label[i];
    t.deprel = l >= 0 && l < static_cast<int>(labels_.size()) ? labels_[l] : "dep";
  }
}

namespace {
std::string Universal(const std::string& l) { return l.substr(0, l.find(':')); }
}  // namespace

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

Result<std::string> TrainParser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                const Tagger& tagger, const TrainOptions& options) {
  std::vector<std::string> tags = tagger.labels();
  std::set<std::string> label_set;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens)
      if (!t.deprel.empty()) label_set.insert(t.deprel);
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  if (labels.empty() || labels.size() >= kNoLabel) return Status::InvalidArgument("bad label set");
  std::map<std::string, int> tag_id, label_id;
  for (size_t i = 0; i < tags.size(); ++i) tag_id[tags[i]] = static_cast<int>(i);
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<int>(i);
  const int root_label = IndexOf(labels, "root");
  const int classes = static_cast<int>(labels.size());

  // Predicted POS for the training set: from `tagger`, or jackknifed (each fold tagged by a
  // tagger trained on the other folds) so training sees test-like tagging errors.
  std::vector<Sentence> tagged = train;
  if (options.jackknife > 1) {
    ASSIGN_OR_RETURN(tagged, JackknifeTag(train, dev, options.jackknife, options));
  } else {
    for (Sentence& s : tagged) tagger.Tag(&s);
  }
  // Training inputs: predicted POS, projective single-rooted gold trees only.
  std::vector<ParseInput> inputs;
  std::vector<std::vector<int>> gold_head, gold_label;
  size_t skipped = 0;
  for (const Sentence& g : train) {
    int roots = 0;
    bool ok = !g.tokens.empty();
    for (const Token& t : g.tokens) {
      roots += t.head == 0;
      ok = ok && t.head >= 0 && label_id.count(t.deprel);
    }
    if (!ok || roots != 1 || !IsProjective(g)) {
      ++skipped;
      continue;
    }
    inputs.push_back(Prepare(tagged[&g - train.data()], tag_id));
    gold_head.emplace_back(1, -1);
    gold_label.emplace_back(1, -1);
    for (const Token& t : g.tokens) {
      gold_head.back().push_back(t.head);
      gold_label.back().push_back(label_id[t.deprel]);
    }
  }
  std::vector<Sentence> dev_tagged = dev;
  for (Sentence& s : dev_tagged) tagger.Tag(&s);
  if (options.log)
    options.log("parser: " + std::to_string(inputs.size()) + " training trees, " +
                std::to_string(skipped) + " skipped (non-projective or malformed)");

  const int log2 = options.log2_buckets ? options.log2_buckets : kDefaultLog2Moves;
  AveragedPerceptron moves(log2, kMoves),
      arcs(options.log2_label_buckets ? options.log2_label_buckets : kLog2Arcs, classes);
  ModelWriter writer(ModelKind::kParser);
  writer.SetHyper("features", "parser-zn-v" + std::to_string(kTrainVersion));
  writer.SetHyper("system", "arc-eager");
  writer.AddSection("tags", JoinLines(tags));
  writer.AddSection("labels", JoinLines(labels));

  std::vector<size_t> order(inputs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  SplitMix rng(options.seed);
  double best = -1;
  int best_epoch = 0;
  std::string best_moves, best_arcs;
  uint64_t f[kMaxFeatures], af[kMaxFeatures + 1];
  std::vector<float> ls(classes);
  const double explore = 0.9;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.Shuffle(&order);
    for (size_t idx : order) {
      const ParseInput& in = inputs[idx];
      const std::vector<int>& gh = gold_head[idx];
      const std::vector<int>& gl = gold_label[idx];
      State st(in.n);
      while (!st.Terminal()) {
        int nf = Features(in, st, kTrainVersion, f);
        float s[kMoves] = {0, 0, 0, 0};
        moves.Score(f, nf, s);
        int cost[kMoves];
        Costs(st, gh, cost);
        int pred = BestValid(st, s);
        int min_cost = 1 << 20;
        for (int m = 0; m < kMoves; ++m) min_cost = std::min(min_cost, cost[m]);
        int gold = -1;
        for (int m = 0; m < kMoves; ++m)
          if (cost[m] == min_cost && (gold < 0 || s[m] > s[gold])) gold = m;
        if (cost[pred] > min_cost) moves.Update(f, nf, gold, pred);
        moves.Tick();
        int follow = cost[pred] == min_cost || (epoch > 1 && rng.Uniform() < explore) ? pred : gold;
        int label = kNoLabel;
        if (follow == kLeft || follow == kRight) {
          auto [h, d] = st.ArcOf(follow);
          int naf = ArcFeatures(f, nf, follow, af);
          std::fill(ls.begin(), ls.end(), 0.f);
          arcs.Score(af, naf, ls.data());
          label = BestLabel(ls.data(), classes, h, root_label);
          if (gh[d] == h) {
            if (label != gl[d]) arcs.Update(af, naf, gl[d], label);
            arcs.Tick();
            label = gl[d];
          }
        }
        st.Apply(follow, label);
      }
    }
    Parser p;
    p.moves_ = moves.Averaged();
    p.arcs_ = arcs.Averaged();
    p.tags_ = tags;
    p.labels_ = labels;
    p.feature_version_ = kTrainVersion;
    p.Index();
    AttachmentScores sc = ScoreParser(p, nullptr, dev_tagged);
    if (options.log)
      options.log("epoch " + std::to_string(epoch) + " dev UAS " + std::to_string(sc.uas) +
                  " LAS " + std::to_string(sc.las));
    if (sc.las > best) {
      best = sc.las;
      best_epoch = epoch;
      best_moves = moves.Section();
      best_arcs = arcs.Section();
    } else if (epoch - best_epoch >= options.patience) {
      break;
    }
  }
  writer.SetHyper("epochs", std::to_string(best_epoch));
  writer.SetHyper("seed", std::to_string(options.seed));
  writer.SetHyper("dev_las", std::to_string(best));
  writer.AddSection("moves", std::move(best_moves));
  writer.AddSection("arcs", std::move(best_arcs));
  return writer.Serialize();
}

}  // namespace sitrep
