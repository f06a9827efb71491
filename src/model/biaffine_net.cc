#include "model/biaffine_net.h"

#include <cmath>
#include <cstring>

namespace sitrep {

using nn::ApplyMask;
using nn::Dropout;
using nn::Mat;

namespace {

// Rows of the label features z = [dep_d; head_h; dep_d * head_h].
void LabelFeatures(const Mat& ld, const Mat& lh, const std::vector<int>& heads, Mat* z) {
  const int n = ld.rows - 1, l = ld.cols;
  z->Resize(n, 3 * l);
  for (int d = 1; d <= n; ++d) {
    float* r = z->row(d - 1);
    const float* a = ld.row(d);
    const float* b = lh.row(heads[d]);
    for (int j = 0; j < l; ++j) {
      r[j] = a[j];
      r[l + j] = b[j];
      r[2 * l + j] = a[j] * b[j];
    }
  }
}

}  // namespace

int BiaffineNet::Add(const std::string& name, int rows, int cols) {
  nn::Param p;
  p.name = name;
  p.w.Resize(rows, cols);
  p.g.Resize(rows, cols);
  params_.push_back(std::move(p));
  return static_cast<int>(params_.size()) - 1;
}

void BiaffineNet::Init(const BiaffineDims& d, uint64_t seed) {
  dims_ = d;
  params_.clear();
  lstm_.clear();
  SplitMix rng(seed * 0x9E3779B97F4A7C15ULL + 17);
  auto emb = [&](const std::string& name, int rows, int dim) {
    int i = Add(name, rows, dim);
    nn::UniformInit(&params_[i].w, std::sqrt(3.f / dim), &rng);
    return i;
  };
  emb_word_ = emb("emb.word", d.words, d.word_dim);
  emb_tag_ = emb("emb.tag", d.tags + 2, d.tag_dim);
  emb_cl0_ = emb("emb.cl0", kCl0Rows, d.cl0_dim);
  emb_cl1_ = emb("emb.cl1", kCl1Rows, d.cl1_dim);
  emb_suf_ = emb("emb.suf", d.suf_buckets + 1, d.suf_dim);
  emb_pre_ = emb("emb.pre", d.pre_buckets + 1, d.pre_dim);
  emb_shape_ = emb("emb.shape", d.shape_buckets + 1, d.shape_dim);
  auto dense = [&](const std::string& name, int in, int out) {
    int i = Add(name + ".w", in, out);
    nn::UniformInit(&params_[i].w, std::sqrt(6.f / (in + out)), &rng);
    Add(name + ".b", 1, out);
    return i;
  };
  int in = d.InputDim();
  for (int l = 0; l < d.layers; ++l) {
    for (int dir = 0; dir < 2; ++dir) {
      const std::string base = "lstm" + std::to_string(l) + (dir ? "b" : "f");
      int wx = Add(base + ".wx", in, 4 * d.hidden);
      nn::UniformInit(&params_[wx].w, std::sqrt(6.f / (in + d.hidden)), &rng);
      int wh = Add(base + ".wh", d.hidden, 4 * d.hidden);
      nn::UniformInit(&params_[wh].w, std::sqrt(6.f / (2 * d.hidden)), &rng);
      int b = Add(base + ".b", 1, 4 * d.hidden);
      for (int j = 0; j < d.hidden; ++j) params_[b].w.v[d.hidden + j] = 1.f;  // forget gate
      lstm_.insert(lstm_.end(), {wx, wh, b});
    }
    in = 2 * d.hidden;
  }
  arc_dep_ = dense("arc.dep", in, d.arc_dim);
  arc_head_ = dense("arc.head", in, d.arc_dim);
  lab_dep_ = dense("lab.dep", in, d.label_dim);
  lab_head_ = dense("lab.head", in, d.label_dim);
  arc_u_ = Add("arc.u", d.arc_dim, d.arc_dim);  // zero: all heads equally likely at first
  arc_bias_ = Add("arc.bias", 1, d.arc_dim);
  lab_v_ = Add("lab.v", 3 * d.label_dim, d.labels);
  nn::UniformInit(&params_[lab_v_].w, std::sqrt(6.f / (3 * d.label_dim + d.labels)), &rng);
  lab_b_ = Add("lab.b", 1, d.labels);
}

std::vector<nn::Param*> BiaffineNet::ParamPointers() {
  std::vector<nn::Param*> out;
  for (auto& p : params_) out.push_back(&p);
  return out;
}

std::array<BiaffineNet::EmbedPart, BiaffineNet::kEmbedParts> BiaffineNet::EmbedParts(
    const BiaffineInput& in) const {
  return {{{emb_word_, &in.word}, {emb_tag_, &in.tag}, {emb_cl0_, &in.cl0}, {emb_cl1_, &in.cl1},
           {emb_suf_, &in.suf}, {emb_pre_, &in.pre}, {emb_shape_, &in.shape}}};
}

void BiaffineNet::Embed(const BiaffineInput& in, Mat* x) const {
  const int m = in.n() + 1;
  x->Resize(m, dims_.InputDim());
  const auto parts = EmbedParts(in);
  for (int t = 0; t < m; ++t) {
    float* r = x->row(t);
    for (const EmbedPart& p : parts) {
      const Mat& e = params_[p.param].w;
      std::memcpy(r, e.row((*p.ids)[t]), sizeof(float) * e.cols);
      r += e.cols;
    }
  }
}

void BiaffineNet::Forward(const BiaffineInput& in, Output* out) const {
  Mat x, hf, hb;
  Embed(in, &x);
  for (int l = 0; l < dims_.layers; ++l) {
    const int* p = &lstm_[6 * l];
    nn::LstmForward({&params_[p[0]].w, &params_[p[1]].w, &params_[p[2]].w}, x, false, &hf, nullptr);
    nn::LstmForward({&params_[p[3]].w, &params_[p[4]].w, &params_[p[5]].w}, x, true, &hb, nullptr);
    nn::ConcatCols(hf, hb, &x);
  }
  Mat ad, ah, t;
  nn::DenseForward(x, params_[arc_dep_].w, params_[arc_dep_ + 1].w, true, &ad);
  nn::DenseForward(x, params_[arc_head_].w, params_[arc_head_ + 1].w, true, &ah);
  nn::DenseForward(x, params_[lab_dep_].w, params_[lab_dep_ + 1].w, true, &out->label_dep);
  nn::DenseForward(x, params_[lab_head_].w, params_[lab_head_ + 1].w, true, &out->label_head);
  nn::MatMul(ad, params_[arc_u_].w, &t);
  nn::MatMulTB(t, ah, &out->arcs);
  std::vector<float> bias(ah.rows, 0.f);
  nn::MatVec(ah, params_[arc_bias_].w.data(), bias.data());
  for (int d = 0; d < out->arcs.rows; ++d) {
    float* r = out->arcs.row(d);
    for (int h = 0; h < ah.rows; ++h) r[h] += bias[h];
  }
}

void BiaffineNet::LabelScores(const Output& out, int d, int h, float* scores) const {
  const int l = dims_.label_dim;
  const Mat& v = params_[lab_v_].w;
  std::vector<float> z(3 * l);
  const float* a = out.label_dep.row(d);
  const float* b = out.label_head.row(h);
  for (int j = 0; j < l; ++j) {
    z[j] = a[j];
    z[l + j] = b[j];
    z[2 * l + j] = a[j] * b[j];
  }
  std::memcpy(scores, params_[lab_b_].w.data(), sizeof(float) * dims_.labels);
  nn::VecMat(z.data(), v, scores);
}

float BiaffineNet::Loss(const BiaffineInput& in, const std::vector<int>& heads,
                        const std::vector<int>& labels, const DropoutRates& drop, SplitMix* rng,
                        float scale) {
  const int n = in.n(), m = n + 1, layers = dims_.layers;
  // Forward with caches.
  std::vector<Mat> xs(layers + 1), masks(layers + 1);
  Embed(in, &xs[0]);
  Dropout(&xs[0], &masks[0], drop.input, rng);
  std::vector<nn::LstmCache> cf(layers), cb(layers);
  for (int l = 0; l < layers; ++l) {
    const int* p = &lstm_[6 * l];
    Mat hf, hb;
    nn::LstmForward({&params_[p[0]].w, &params_[p[1]].w, &params_[p[2]].w}, xs[l], false, &hf, &cf[l]);
    nn::LstmForward({&params_[p[3]].w, &params_[p[4]].w, &params_[p[5]].w}, xs[l], true, &hb, &cb[l]);
    nn::ConcatCols(hf, hb, &xs[l + 1]);
    Dropout(&xs[l + 1], &masks[l + 1], drop.lstm, rng);
  }
  const Mat& top = xs[layers];
  const int mlps[4] = {arc_dep_, arc_head_, lab_dep_, lab_head_};
  Mat act[4], out[4], mmask[4];  // activations before and after dropout
  for (int k = 0; k < 4; ++k) {
    nn::DenseForward(top, params_[mlps[k]].w, params_[mlps[k] + 1].w, true, &act[k]);
    out[k] = act[k];
    Dropout(&out[k], &mmask[k], drop.mlp, rng);
  }
  const Mat &ad = out[0], &ah = out[1], &ld = out[2], &lh = out[3];
  const Mat& u = params_[arc_u_].w;
  const Mat& ub = params_[arc_bias_].w;
  Mat t, s;
  nn::MatMul(ad, u, &t);
  nn::MatMulTB(t, ah, &s);
  std::vector<float> bias(m, 0.f);
  nn::MatVec(ah, ub.data(), bias.data());
  for (int d = 0; d < m; ++d)
    for (int h = 0; h < m; ++h) s.at(d, h) += bias[h];
  // Arc loss: softmax over the heads of each word.
  float loss = 0;
  Mat ds(m, m);
  std::vector<uint8_t> allowed(m, 1);
  for (int d = 1; d <= n; ++d) {
    allowed[d] = 0;
    loss += nn::SoftmaxCrossEntropy(s.row(d), allowed.data(), m, heads[d], scale, ds.row(d));
    allowed[d] = 1;
  }
  // Label loss at the gold heads.
  Mat z, ls;
  LabelFeatures(ld, lh, heads, &z);
  nn::MatMul(z, params_[lab_v_].w, &ls);
  Mat dls(n, dims_.labels);
  for (int d = 1; d <= n; ++d) {
    float* r = ls.row(d - 1);
    for (int j = 0; j < dims_.labels; ++j) r[j] += params_[lab_b_].w.v[j];
    loss += nn::SoftmaxCrossEntropy(r, nullptr, dims_.labels, labels[d], scale, dls.row(d - 1));
  }
  // Backward: labels.
  Mat dz(n, 3 * dims_.label_dim);
  nn::MatMulTA(z, dls, &params_[lab_v_].g);
  for (int d = 0; d < n; ++d)
    for (int j = 0; j < dims_.labels; ++j) params_[lab_b_].g.v[j] += dls.at(d, j);
  nn::MatMulTB(dls, params_[lab_v_].w, &dz, true);
  Mat dout[4];
  for (int k = 0; k < 4; ++k) dout[k].Resize(m, out[k].cols);
  const int l = dims_.label_dim;
  for (int d = 1; d <= n; ++d) {
    const float* g = dz.row(d - 1);
    float* da = dout[2].row(d);
    float* db = dout[3].row(heads[d]);
    const float* a = ld.row(d);
    const float* b = lh.row(heads[d]);
    for (int j = 0; j < l; ++j) {
      da[j] += g[j] + g[2 * l + j] * b[j];
      db[j] += g[l + j] + g[2 * l + j] * a[j];
    }
  }
  // Backward: arcs. S = (ad u) ah^T + 1 (ah ub)^T.
  std::vector<float> colsum(m, 0.f);
  for (int d = 0; d < m; ++d)
    for (int h = 0; h < m; ++h) colsum[h] += ds.at(d, h);
  Mat dt;
  nn::MatMul(ds, ah, &dt);                   // dT = dS ah
  nn::MatMulTA(ds, t, &dout[1]);             // d ah += dS^T T
  for (int h = 0; h < m; ++h) {
    float* r = dout[1].row(h);
    const float* a = ah.row(h);
    for (int j = 0; j < ub.cols; ++j) {
      r[j] += colsum[h] * ub.v[j];
      params_[arc_bias_].g.v[j] += colsum[h] * a[j];
    }
  }
  nn::MatMulTA(ad, dt, &params_[arc_u_].g);  // dU = ad^T dT
  nn::MatMulTB(dt, u, &dout[0], true);       // d ad = dT U^T
  // Backward: MLPs (through dropout) into the top BiLSTM output.
  Mat dtop(m, top.cols);
  for (int k = 0; k < 4; ++k) {
    ApplyMask(mmask[k], &dout[k]);
    nn::DenseBackward(top, params_[mlps[k]].w, act[k], true, std::move(dout[k]),
                      &params_[mlps[k]].g, &params_[mlps[k] + 1].g, &dtop);
  }
  // Backward: BiLSTM layers.
  for (int l2 = layers - 1; l2 >= 0; --l2) {
    ApplyMask(masks[l2 + 1], &dtop);
    Mat dhf(m, dims_.hidden), dhb(m, dims_.hidden);
    nn::SplitCols(dtop, &dhf, &dhb);
    Mat dx(m, xs[l2].cols);
    const int* p = &lstm_[6 * l2];
    nn::LstmBackward({&params_[p[0]].w, &params_[p[1]].w, &params_[p[2]].w}, xs[l2], false, cf[l2],
                     dhf, {&params_[p[0]].g, &params_[p[1]].g, &params_[p[2]].g}, &dx);
    nn::LstmBackward({&params_[p[3]].w, &params_[p[4]].w, &params_[p[5]].w}, xs[l2], true, cb[l2],
                     dhb, {&params_[p[3]].g, &params_[p[4]].g, &params_[p[5]].g}, &dx);
    dtop = std::move(dx);
  }
  // Backward: embeddings.
  ApplyMask(masks[0], &dtop);
  const auto parts = EmbedParts(in);
  for (int t2 = 0; t2 < m; ++t2) {
    const float* r = dtop.row(t2);
    for (const EmbedPart& p : parts) {
      Mat& g = params_[p.param].g;
      float* gr = g.row((*p.ids)[t2]);
      for (int j = 0; j < g.cols; ++j) gr[j] += r[j];
      r += g.cols;
    }
  }
  return loss;
}

}  // namespace sitrep
