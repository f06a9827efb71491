// Training of the neural NER model: Adam over mini-batches of sentences (CRF loss summed over
// the batch's tokens), word dropout for rare words, case copies, dev F1 after each epoch and
// the best epoch kept. Single-threaded and deterministic for the seed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "model/ner_neural.h"
#include "model/nn/adam.h"
#include "sitrep/base/file.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/word_features.h"

namespace sitrep {

using ner_internal::LabelSet;
using ner_internal::NerVocab;

namespace {

std::string AsciiUpperCopy(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

Result<WordVectors> ParseWordVectors(std::string_view text, const std::string& origin) {
  WordVectors v;
  size_t pos = 0;
  int line_no = 0;
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument(origin + ":" + std::to_string(line_no) + ": " + why);
  };
  std::vector<float> row;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    char* p = line.data();
    if (line_no == 1) {  // header "count dim"
      std::strtol(p, &p, 10);
      v.dim = static_cast<int>(std::strtol(p, &p, 10));
      if (v.dim < 1 || v.dim > 1024) return bad("bad header (want 'count dim')");
      continue;
    }
    char* sp = std::strchr(p, ' ');
    if (!sp) return bad("no values");
    std::string word(p, sp);
    p = sp;
    row.clear();
    for (int k = 0; k < v.dim; ++k) {
      char* next = nullptr;
      const float x = std::strtof(p, &next);
      if (next == p || !std::isfinite(x)) return bad("want " + std::to_string(v.dim) + " finite values");
      row.push_back(x);
      p = next;
    }
    v.words.push_back(AsciiLower(word));
    v.values.insert(v.values.end(), row.begin(), row.end());
  }
  if (v.dim == 0) return Status::InvalidArgument(origin + ": empty word vector file");
  return v;
}

Result<std::string> TrainNeuralNer(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                                   const TrainOptions& options, const NeuralNerOptions& no,
                                   const NerLexicon* lexicon, const WordClusters* clusters) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  std::set<std::string> types;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens)
      if (std::string l = NerLabelOf(t); l != "O") types.insert(l.substr(2));
  std::vector<std::string> names = {"O"};
  for (const std::string& type : types)
    for (const char* p : {"B-", "I-", "L-", "U-"})
      if (no.bilou || p[0] == 'B' || p[0] == 'I') names.push_back(p + type);
  const LabelSet labels(names, no.bilou);
  const nn::CrfConstraints constraints = ner_internal::ConstraintsOf(labels);

  // Training sentences and their case copies (as the linear trainer makes them).
  std::vector<Sentence> sents;
  SplitMix pick(options.seed ^ 0x5EEDCA5Eu);
  for (const Sentence& g : train) {
    if (g.tokens.empty()) continue;
    sents.push_back(g);
    if (options.case_copies <= 0) continue;
    const double u = pick.Uniform();
    if (u >= options.case_copies * 1.25) continue;
    Sentence c = g;
    for (Token& t : c.tokens) t.form = u < options.case_copies ? AsciiLower(t.form) : AsciiUpperCopy(t.form);
    sents.push_back(std::move(c));
  }
  std::unordered_map<uint64_t, int> counts;
  for (const Sentence& s : train)
    for (const Token& t : s.tokens) ++counts[HashString(AsciiLower(t.form))];
  NerVocab vocab;
  for (const auto& [h, c] : counts)
    if (c >= no.min_count) vocab.hashes.push_back(h);
  if (no.vectors) {
    if (no.vectors->dim != no.word_dim)
      return Status::InvalidArgument("word vectors have " + std::to_string(no.vectors->dim) +
                                     " dimensions, the model " + std::to_string(no.word_dim));
    for (const std::string& w : no.vectors->words) vocab.hashes.push_back(HashString(w));
  }
  std::sort(vocab.hashes.begin(), vocab.hashes.end());
  vocab.hashes.erase(std::unique(vocab.hashes.begin(), vocab.hashes.end()), vocab.hashes.end());
  std::vector<int> row_count(1 + vocab.hashes.size(), 0);
  for (const auto& [h, c] : counts)
    if (const int r = vocab.Row(h); r >= 1) row_count[r] = c;

  NerNetDims dims;
  dims.words = static_cast<int>(row_count.size());
  dims.labels = labels.size();
  dims.word_dim = no.word_dim;
  dims.hidden = no.hidden;
  dims.bag_dim[kBagLinear] = no.linear_dim;
  NerNet net;
  net.Init(dims, options.seed);
  if (no.vectors) {  // rescaled to the spread of the random rows: uniform in +-sqrt(3 / dim)
    double sq = 0;
    for (float x : no.vectors->values) sq += static_cast<double>(x) * x;
    const double rms = std::sqrt(sq / std::max<size_t>(1, no.vectors->values.size()));
    const float scale = rms > 0 ? static_cast<float>(1.0 / std::sqrt(no.word_dim) / rms) : 0.f;
    nn::Mat& emb = net.params()[0].w;  // emb.word
    for (size_t k = 0; k < no.vectors->words.size(); ++k) {
      const int r = vocab.Row(HashString(no.vectors->words[k]));
      for (int j = 0; j < no.word_dim; ++j) emb.at(r, j) = no.vectors->values[k * no.word_dim + j] * scale;
    }
  }
  struct Example {
    NerNetInput in;
    std::vector<int> gold;
  };
  std::vector<Example> data;
  std::vector<std::string> bio;
  for (const Sentence& s : sents) {
    Example e;
    e.in = ner_internal::MakeNerNetInput(s, vocab, clusters, lexicon, dims);
    bio.clear();
    for (const Token& t : s.tokens) bio.push_back(NerLabelOf(t));
    e.gold = labels.FromBio(bio);
    for (size_t i = 0; i < s.tokens.size(); ++i)
      if (s.tokens[i].misc.find(kNerDraftUnknown) != std::string::npos) e.gold[i] = -1;
    data.push_back(std::move(e));
  }
  log("neural NER: " + std::to_string(vocab.hashes.size()) + " words, " + std::to_string(names.size()) +
      " labels, input " + std::to_string(dims.InputDim()) + ", BiLSTM " + std::to_string(dims.hidden) +
      " per direction" + (no.vectors ? ", word vectors" : "") + "; " + std::to_string(data.size()) + " training sentences");

  const std::string lexicon_section = lexicon ? lexicon->Serialize() : "";
  const std::string clusters_section = clusters ? clusters->Serialize() : "";
  std::map<std::string, std::string> extra = {
      {"seed", std::to_string(options.seed)}, {"dropout", std::to_string(no.dropout)},
      {"batch", std::to_string(no.batch_sentences)}, {"lr", std::to_string(no.lr)},
      {"case_copies", std::to_string(options.case_copies)},
      {"feature_source", lexicon ? lexicon->name() : ""}};
  nn::Adam adam({.lr = no.lr});
  std::vector<nn::Param*> params = net.ParamPointers();
  SplitMix rng(options.seed * 7919 + 5);
  std::vector<std::vector<float>> ema;  // exponential moving averages of the weights
  if (no.ema > 0)
    for (const nn::Param* p : params) ema.push_back(p->w.v);
  if (no.ema > 0) extra["ema"] = std::to_string(no.ema);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string best_bytes;
  double best_f1 = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    rng.Shuffle(&order);
    double loss = 0;
    size_t tokens = 0;
    for (size_t b = 0; b < order.size(); b += no.batch_sentences) {
      const size_t e = std::min(order.size(), b + no.batch_sentences);
      size_t batch_tokens = 0;
      for (size_t k = b; k < e; ++k) batch_tokens += data[order[k]].gold.size();
      const float scale = 1.f / static_cast<float>(batch_tokens);
      for (size_t k = b; k < e; ++k) {
        const Example& ex = data[order[k]];
        NerNetInput in = ex.in;
        for (int& r : in.word)  // word dropout (Kiperwasser & Goldberg)
          if (r >= 1 && rng.Uniform() < no.word_dropout / (no.word_dropout + row_count[r])) r = 0;
        loss += net.Loss(in, ex.gold, constraints, no.dropout, no.dropout, &rng, scale);
      }
      tokens += batch_tokens;
      adam.Step(params);
      if (no.ema > 0)
        for (size_t p = 0; p < params.size(); ++p) {
          std::vector<float>& a = ema[p];
          const std::vector<float>& w = params[p]->w.v;
          for (size_t k = 0; k < a.size(); ++k) a[k] = no.ema * a[k] + (1.f - no.ema) * w[k];
        }
    }
    std::vector<std::vector<float>> current;  // the trained weights while the averages are saved
    if (no.ema > 0)
      for (size_t p = 0; p < params.size(); ++p) {
        current.push_back(params[p]->w.v);
        params[p]->w.v = ema[p];
      }
    extra["epochs"] = std::to_string(epoch);
    std::string bytes = ner_internal::SerializeNeuralNer(net, vocab, names, lexicon_section,
                                                         clusters_section, extra);
    for (size_t p = 0; p < current.size(); ++p) params[p]->w.v = std::move(current[p]);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[256];
    if (dev.empty()) {
      best_bytes = std::move(bytes);
      std::snprintf(line, sizeof line, "epoch %d: loss %.4f (%.0f s)", epoch, loss / tokens, secs);
      log(line);
      continue;
    }
    ASSIGN_OR_RETURN(Model model, Model::FromBytes(bytes));
    ASSIGN_OR_RETURN(NerTagger tagger, NerTagger::FromModel(std::move(model)));
    const NerScores sc = ScoreNer(tagger, nullptr, dev, options.ner_dev_docs);
    std::snprintf(line, sizeof line, "epoch %d: loss %.4f, dev P %.2f R %.2f F1 %.2f (%.0f s)", epoch,
                  loss / tokens, sc.precision, sc.recall, sc.f1, secs);
    log(line);
    if (sc.f1 > best_f1) {
      best_f1 = sc.f1;
      best_bytes = std::move(bytes);
      since_best = 0;
      if (!no.checkpoint.empty()) RETURN_IF_ERROR(WriteFileAtomic(no.checkpoint, best_bytes));
    } else if (++since_best >= options.patience) {
      log("no dev gain for " + std::to_string(options.patience) + " epochs: stopping");
      break;
    }
  }
  return best_bytes;
}

}  // namespace sitrep
