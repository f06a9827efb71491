// Training of the biaffine parser: Adam over mini-batches of sentences (loss = arc + label
// cross-entropy per word), word dropout for rare words, dev LAS after each epoch, the best
// epoch kept. Single-threaded and deterministic for the seed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "model/biaffine_io.h"
#include "model/biaffine_net.h"
#include "model/nn/adam.h"
#include "sitrep/base/file.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/model/jackknife.h"
#include "sitrep/model/linear.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/word_features.h"

namespace sitrep {

Result<std::string> TrainBiaffineParser(const std::vector<Sentence>& train,
                                        const std::vector<Sentence>& dev, const Tagger& tagger,
                                        const TrainOptions& options, const BiaffineOptions& bo) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  ASSIGN_OR_RETURN(std::vector<Sentence> tagged, TagForTraining(train, dev, tagger, options));
  // Vocabulary: lowercase words seen at least min_count times, with their counts.
  std::unordered_map<uint64_t, int> counts;
  std::set<std::string> tag_set, label_set;
  for (const Sentence& s : tagged)
    for (const Token& t : s.tokens) {
      ++counts[HashString(AsciiLower(t.form))];
      if (!t.upos.empty()) tag_set.insert(t.upos);
      label_set.insert(t.deprel);
    }
  for (const Sentence& s : train)
    for (const Token& t : s.tokens)
      if (!t.upos.empty()) tag_set.insert(t.upos);
  BiaffineVocab vocab;
  for (const auto& [h, c] : counts)
    if (c >= bo.min_count) vocab.hashes.push_back(h);
  std::sort(vocab.hashes.begin(), vocab.hashes.end());
  std::vector<int> row_count(2 + vocab.hashes.size(), 0);
  for (const auto& [h, c] : counts) {
    const int r = vocab.Row(h);
    if (r >= 2) row_count[r] = c;
  }
  const std::vector<std::string> tags(tag_set.begin(), tag_set.end());
  const std::vector<std::string> labels(label_set.begin(), label_set.end());
  std::map<std::string, int> tag_id, label_id;
  for (size_t i = 0; i < tags.size(); ++i) tag_id[tags[i]] = static_cast<int>(i);
  for (size_t i = 0; i < labels.size(); ++i) label_id[labels[i]] = static_cast<int>(i);

  BiaffineDims dims;
  dims.words = static_cast<int>(row_count.size());
  dims.tags = static_cast<int>(tags.size());
  dims.labels = static_cast<int>(labels.size());
  dims.word_dim = bo.word_dim;
  dims.tag_dim = bo.tag_dim;
  dims.hidden = bo.hidden;
  dims.layers = bo.layers;
  dims.arc_dim = bo.arc_dim;
  dims.label_dim = bo.label_dim;
  BiaffineNet net;
  net.Init(dims, options.seed);
  log("biaffine: " + std::to_string(vocab.hashes.size()) + " words, " + std::to_string(tags.size()) +
      " tags, " + std::to_string(labels.size()) + " labels, input " + std::to_string(dims.InputDim()) +
      ", hidden " + std::to_string(dims.hidden) + " x " + std::to_string(dims.layers) + " layers");

  struct Example {
    BiaffineInput in;
    std::vector<int> heads, labels;
  };
  std::vector<Example> data;
  size_t skipped = 0;
  for (const Sentence& s : tagged) {
    const int n = static_cast<int>(s.tokens.size());
    Example e;
    e.heads.assign(n + 1, -1);
    e.labels.assign(n + 1, -1);
    bool ok = n > 0;
    for (int i = 1; i <= n && ok; ++i) {
      const Token& t = s.tokens[i - 1];
      ok = t.head >= 0 && t.head <= n && t.head != i;
      e.heads[i] = t.head;
      e.labels[i] = label_id[t.deprel];
    }
    if (!ok) {
      ++skipped;
      continue;
    }
    e.in = MakeBiaffineInput(s, vocab, tag_id, options.clusters, dims);
    data.push_back(std::move(e));
  }
  log("biaffine: " + std::to_string(data.size()) + " training trees (" + std::to_string(skipped) +
      " skipped: bad heads)");
  std::vector<Sentence> dev_tagged = dev;
  for (Sentence& s : dev_tagged) tagger.Tag(&s);

  const std::string clusters_section = options.clusters ? options.clusters->Serialize() : "";
  std::map<std::string, std::string> extra = {{"seed", std::to_string(options.seed)},
                                              {"dropout", std::to_string(bo.dropout)},
                                              {"batch", std::to_string(bo.batch_sentences)}};
  nn::Adam adam({.lr = bo.lr});
  std::vector<nn::Param*> params = net.ParamPointers();
  SplitMix rng(options.seed * 7919 + 3);
  const DropoutRates drop{bo.dropout, bo.dropout, bo.dropout};
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string best_bytes;
  double best_las = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    rng.Shuffle(&order);
    double loss = 0;
    size_t words = 0;
    for (size_t b = 0; b < order.size(); b += bo.batch_sentences) {
      const size_t e = std::min(order.size(), b + bo.batch_sentences);
      size_t batch_words = 0;
      for (size_t k = b; k < e; ++k) batch_words += data[order[k]].heads.size() - 1;
      const float scale = 1.f / static_cast<float>(batch_words);
      for (size_t k = b; k < e; ++k) {
        const Example& ex = data[order[k]];
        BiaffineInput in = ex.in;
        for (size_t i = 1; i < in.word.size(); ++i) {  // word dropout (Kiperwasser & Goldberg)
          const int r = in.word[i];
          if (r >= 2 && rng.Uniform() < bo.word_dropout / (bo.word_dropout + row_count[r])) in.word[i] = 0;
        }
        loss += net.Loss(in, ex.heads, ex.labels, drop, &rng, scale);
      }
      words += batch_words;
      adam.Step(params);
    }
    std::string bytes = SerializeBiaffine(net, vocab, tags, labels, clusters_section, extra);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[256];
    if (dev.empty()) {
      best_bytes = std::move(bytes);
      std::snprintf(line, sizeof line, "epoch %d: loss %.4f (%.0f s)", epoch, loss / words, secs);
      log(line);
      continue;
    }
    Result<Model> model = Model::FromBytes(bytes);
    if (!model.ok()) return model.status();
    ASSIGN_OR_RETURN(BiaffineParser parser, BiaffineParser::FromModel(std::move(model).value()));
    const AttachmentScores sc = ScoreBiaffineParser(parser, nullptr, dev_tagged);
    std::snprintf(line, sizeof line, "epoch %d: loss %.4f, dev UAS %.2f LAS %.2f (%.0f s)", epoch,
                  loss / words, sc.uas, sc.las, secs);
    log(line);
    if (sc.las > best_las) {
      best_las = sc.las;
      best_bytes = std::move(bytes);
      since_best = 0;
      if (!bo.checkpoint.empty()) {
        Status st = WriteFileAtomic(bo.checkpoint, best_bytes);
        if (!st.ok()) return st;
      }
    } else if (++since_best >= options.patience) {
      log("no dev gain for " + std::to_string(options.patience) + " epochs: stopping");
      break;
    }
  }
  return best_bytes;
}

}  // namespace sitrep
