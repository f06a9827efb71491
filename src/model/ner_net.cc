#include "model/ner_net.h"

#include <cmath>
#include <cstring>

namespace sitrep {

using nn::ApplyMask;
using nn::Dropout;
using nn::Mat;

namespace {

// Uniform in +-bound; nothing when `skip` (a model about to be loaded).
void Uniform(Mat* m, float bound, SplitMix* rng, bool skip) {
  if (!skip) nn::UniformInit(m, bound, rng);
}

}  // namespace

int NerNet::Add(const std::string& name, int rows, int cols) {
  nn::Param p;
  p.name = name;
  p.w.Resize(rows, cols);
  if (!for_loading_) p.g.Resize(rows, cols);
  params_.push_back(std::move(p));
  return static_cast<int>(params_.size()) - 1;
}

void NerNet::Init(const NerNetDims& d, uint64_t seed, bool for_loading) {
  for_loading_ = for_loading;
  static constexpr const char* kBagNames[kNerBags] = {"emb.affix", "emb.shape", "emb.cluster",
                                                      "emb.lexicon", "emb.linear"};
  dims_ = d;
  params_.clear();
  SplitMix rng(seed * 0x9E3779B97F4A7C15ULL + 29);
  emb_word_ = Add("emb.word", d.words, d.word_dim);
  Uniform(&params_[emb_word_].w, std::sqrt(3.f / d.word_dim), &rng, for_loading);
  for (int b = 0; b < kNerBags; ++b) {
    emb_bag_[b] = Add(kBagNames[b], d.bag_rows[b], d.bag_dim[b]);
    if (d.bag_dim[b] > 0) Uniform(&params_[emb_bag_[b]].w, std::sqrt(3.f / d.bag_dim[b]) * 0.5f, &rng, for_loading);
  }
  const int in = d.InputDim(), h = d.hidden;
  lstm_ = static_cast<int>(params_.size());
  for (const char* dir : {"lstm.f", "lstm.b"}) {
    const std::string base = dir;
    int wx = Add(base + ".wx", in, 4 * h);
    Uniform(&params_[wx].w, std::sqrt(6.f / (in + h)), &rng, for_loading);
    int wh = Add(base + ".wh", h, 4 * h);
    Uniform(&params_[wh].w, std::sqrt(6.f / (2 * h)), &rng, for_loading);
    int b = Add(base + ".b", 1, 4 * h);
    for (int j = 0; j < h; ++j) params_[b].w.v[h + j] = 1.f;  // forget gate
  }
  out_ = Add("out.w", 2 * h, d.labels);
  Uniform(&params_[out_].w, std::sqrt(6.f / (2 * h + d.labels)), &rng, for_loading);
  Add("out.b", 1, d.labels);
  trans_ = Add("crf.trans", d.labels + 1, d.labels);
}

std::vector<nn::Param*> NerNet::ParamPointers() {
  std::vector<nn::Param*> out;
  for (auto& p : params_) out.push_back(&p);
  return out;
}

void NerNet::Embed(const NerNetInput& in, Mat* x) const {
  const int n = in.n();
  x->Resize(n, dims_.InputDim());
  const Mat& we = params_[emb_word_].w;
  for (int t = 0; t < n; ++t) std::memcpy(x->row(t), we.row(in.word[t]), sizeof(float) * we.cols);
  // Bag by bag over the flat id list, the rows a few ids ahead prefetched: the tables are
  // megabytes and the rows random, so the sums wait on memory otherwise.
  constexpr int kAhead = 16;
  int col = we.cols;
  for (int b = 0; b < kNerBags; ++b) {
    const Mat& e = params_[emb_bag_[b]].w;
    const std::vector<int>& ids = in.ids[b];
    const int total = static_cast<int>(ids.size()), cols = e.cols;
    for (int t = 0; t < n; ++t) {
      float* __restrict r = x->row(t) + col;
      for (int k = in.start[b][t]; k < in.start[b][t + 1]; ++k) {
        if (k + kAhead < total) {
          const float* ahead = e.row(ids[k + kAhead]);
          for (int j = 0; j < cols; j += 16) __builtin_prefetch(ahead + j);
        }
        const float* __restrict er = e.row(ids[k]);
        for (int j = 0; j < cols; ++j) r[j] += er[j];
      }
    }
    col += cols;
  }
}

void NerNet::Emissions(const NerNetInput& in, Mat* emit) const {
  Mat x, hf, hb, top;
  Embed(in, &x);
  const int p = lstm_;
  nn::LstmForward({&params_[p].w, &params_[p + 1].w, &params_[p + 2].w}, x, false, &hf, nullptr);
  nn::LstmForward({&params_[p + 3].w, &params_[p + 4].w, &params_[p + 5].w}, x, true, &hb, nullptr);
  nn::ConcatCols(hf, hb, &top);
  nn::DenseForward(top, params_[out_].w, params_[out_ + 1].w, false, emit);
}

float NerNet::Loss(const NerNetInput& in, const std::vector<int>& gold, const nn::CrfConstraints& c,
                   float input_dropout, float lstm_dropout, SplitMix* rng, float scale) {
  const int n = in.n(), h = dims_.hidden, p = lstm_;
  Mat x, xmask, hf, hb, top, tmask, emit;
  Embed(in, &x);
  Dropout(&x, &xmask, input_dropout, rng);
  nn::LstmCache cf, cb;
  nn::LstmForward({&params_[p].w, &params_[p + 1].w, &params_[p + 2].w}, x, false, &hf, &cf);
  nn::LstmForward({&params_[p + 3].w, &params_[p + 4].w, &params_[p + 5].w}, x, true, &hb, &cb);
  nn::ConcatCols(hf, hb, &top);
  Dropout(&top, &tmask, lstm_dropout, rng);
  nn::DenseForward(top, params_[out_].w, params_[out_ + 1].w, false, &emit);
  Mat demit(n, dims_.labels);
  const float loss = nn::CrfLoss(emit, params_[trans_].w, c, gold, scale, &demit, &params_[trans_].g);
  Mat dtop(n, 2 * h);
  nn::DenseBackward(top, params_[out_].w, emit, false, std::move(demit), &params_[out_].g,
                    &params_[out_ + 1].g, &dtop);
  ApplyMask(tmask, &dtop);
  Mat dhf(n, h), dhb(n, h), dx(n, x.cols);
  nn::SplitCols(dtop, &dhf, &dhb);
  nn::LstmBackward({&params_[p].w, &params_[p + 1].w, &params_[p + 2].w}, x, false, cf, dhf,
                   {&params_[p].g, &params_[p + 1].g, &params_[p + 2].g}, &dx);
  nn::LstmBackward({&params_[p + 3].w, &params_[p + 4].w, &params_[p + 5].w}, x, true, cb, dhb,
                   {&params_[p + 3].g, &params_[p + 4].g, &params_[p + 5].g}, &dx);
  ApplyMask(xmask, &dx);
  for (int t = 0; t < n; ++t) {
    const float* r = dx.row(t);
    Mat& wg = params_[emb_word_].g;
    float* gr = wg.row(in.word[t]);
    for (int j = 0; j < wg.cols; ++j) gr[j] += r[j];
    r += wg.cols;
    for (int b = 0; b < kNerBags; ++b) {
      Mat& g = params_[emb_bag_[b]].g;
      for (int k = in.start[b][t]; k < in.start[b][t + 1]; ++k) {
        float* bg = g.row(in.ids[b][k]);
        for (int j = 0; j < g.cols; ++j) bg[j] += r[j];
      }
      r += g.cols;
    }
  }
  return loss;
}

}  // namespace sitrep
