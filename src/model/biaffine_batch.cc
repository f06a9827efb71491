#include "model/biaffine_batch.h"

#include <cstring>
#include <string>

namespace sitrep {

using nn::Mat;

namespace {

const Mat* Find(const BiaffineNet& net, const std::string& name) {
  for (const nn::Param& p : net.params())
    if (p.name == name) return &p.w;
  return nullptr;
}

// The id vectors of BiaffineInput in the embedding tables' input-column order.
constexpr std::vector<int> BiaffineInput::*kIds[7] = {
    &BiaffineInput::word, &BiaffineInput::tag, &BiaffineInput::cl0,  &BiaffineInput::cl1,
    &BiaffineInput::suf,  &BiaffineInput::pre, &BiaffineInput::shape};

// Rows [begin, begin + out->rows) of `in` into `out` (shaped).
void CopyRows(const Mat& in, int begin, Mat* out) {
  std::memcpy(out->data(), in.row(begin), sizeof(float) * out->size());
}

}  // namespace

BiaffineBatch::BiaffineBatch(const BiaffineNet& net) {
  const char* embed[7] = {"emb.word", "emb.tag", "emb.cl0",  "emb.cl1",
                          "emb.suf",  "emb.pre", "emb.shape"};
  for (int p = 0; p < 7; ++p) embed_[p] = Find(net, embed[p]);
  for (int l = 0; l < net.dims().layers; ++l)
    for (const char* dir : {"f", "b"}) {
      const std::string base = "lstm" + std::to_string(l) + dir;
      lstm_.push_back({Find(net, base + ".wx"), Find(net, base + ".wh"), Find(net, base + ".b")});
    }
  const char* mlp[4] = {"arc.dep", "arc.head", "lab.dep", "lab.head"};
  for (int k = 0; k < 4; ++k) {
    mlp_[k][0] = Find(net, std::string(mlp[k]) + ".w");
    mlp_[k][1] = Find(net, std::string(mlp[k]) + ".b");
  }
  arc_u_ = Find(net, "arc.u");
  arc_bias_ = Find(net, "arc.bias");
  lab_v_ = Find(net, "lab.v");
  lab_b_ = Find(net, "lab.b");
  label_dim_ = net.dims().label_dim;
}

void BiaffineBatch::Forward(const std::vector<BiaffineInput>& inputs, std::vector<Mat>* arcs,
                            BiaffineBatchScratch* sc) const {
  const int count = static_cast<int>(inputs.size());
  sc->starts.assign(1, 0);
  for (const BiaffineInput& in : inputs) sc->starts.push_back(sc->starts.back() + in.n() + 1);
  const int rows = sc->starts.back();
  int dim = 0;
  for (const Mat* e : embed_) dim += e->cols;
  sc->x.Resize(rows, dim);
  for (int i = 0; i < count; ++i) {
    const BiaffineInput& in = inputs[i];
    for (int t = 0; t <= in.n(); ++t) {
      float* r = sc->x.row(sc->starts[i] + t);
      for (int p = 0; p < 7; ++p) {
        std::memcpy(r, embed_[p]->row((in.*kIds[p])[t]), sizeof(float) * embed_[p]->cols);
        r += embed_[p]->cols;
      }
    }
  }
  for (size_t l = 0; l < lstm_.size(); l += 2) {
    nn::LstmForwardBatch(lstm_[l], sc->x, sc->starts, false, &sc->hf, &sc->lstm);
    nn::LstmForwardBatch(lstm_[l + 1], sc->x, sc->starts, true, &sc->hb, &sc->lstm);
    nn::ConcatCols(sc->hf, sc->hb, &sc->x);
  }
  Mat* outs[4] = {&sc->arc_dep, &sc->arc_head, &sc->label_dep, &sc->label_head};
  for (int k = 0; k < 4; ++k) {  // DenseForward(leaky), vectorised
    nn::MatMul(sc->x, *mlp_[k][0], outs[k]);
    nn::AddBiasLeakyRelu(outs[k], *mlp_[k][1], nn::kLeak);
  }
  nn::MatMul(sc->arc_dep, *arc_u_, &sc->t);
  // Per sentence, as BiaffineNet::Forward: S = T ah^T + 1 (ah u_bias)^T.
  arcs->resize(count);
  for (int i = 0; i < count; ++i) {
    const int m = sc->starts[i + 1] - sc->starts[i];
    sc->sent_t.Resize(m, sc->t.cols);
    sc->sent_head.Resize(m, sc->arc_head.cols);
    CopyRows(sc->t, sc->starts[i], &sc->sent_t);
    CopyRows(sc->arc_head, sc->starts[i], &sc->sent_head);
    Mat& s = (*arcs)[i];
    nn::MatMulTB(sc->sent_t, sc->sent_head, &s);
    sc->bias.assign(m, 0.f);
    nn::MatVec(sc->sent_head, arc_bias_->data(), sc->bias.data());
    for (int d = 0; d < m; ++d) {
      float* r = s.row(d);
      for (int h = 0; h < m; ++h) r[h] += sc->bias[h];
    }
  }
}

void BiaffineBatch::LabelScores(const std::vector<int>& deps, const std::vector<int>& heads,
                                BiaffineBatchScratch* sc, Mat* scores) const {
  const int count = static_cast<int>(deps.size()), l = label_dim_;
  Mat& z = sc->label_features;
  z.Resize(count, 3 * l);
  scores->Resize(count, lab_v_->cols);
  for (int k = 0; k < count; ++k) {
    float* r = z.row(k);
    const float* a = sc->label_dep.row(deps[k]);
    const float* b = sc->label_head.row(heads[k]);
    for (int j = 0; j < l; ++j) {
      r[j] = a[j];
      r[l + j] = b[j];
      r[2 * l + j] = a[j] * b[j];
    }
    std::memcpy(scores->row(k), lab_b_->data(), sizeof(float) * lab_v_->cols);
  }
  sc->z_rows.resize(count);
  sc->score_rows.resize(count);
  for (int k = 0; k < count; ++k) {
    sc->z_rows[k] = z.row(k);
    sc->score_rows[k] = scores->row(k);
  }
  nn::VecMatRows(sc->z_rows.data(), *lab_v_, sc->score_rows.data(), count);
}

}  // namespace sitrep
