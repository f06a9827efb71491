// The batched LSTM pieces against the one-sequence code they replace, bit for bit: the fused
// cell (LstmCell) against LstmGates + the cell update, VecMatRows against VecMat, MatMul's
// blockings against the in-order FMA sum, the vectorised bias + leaky ReLU, and
// LstmForwardBatch against LstmForward on each sequence (lengths 0..9, both directions, gate
// inputs from tiny to saturated, including the rows that fall back to Eigen's exp).
#include "model/nn/lstm_batch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

namespace sitrep::nn {
namespace {

Mat Random(int rows, int cols, float scale, std::mt19937* rng) {
  std::uniform_real_distribution<float> u(-scale, scale);
  Mat m(rows, cols);
  for (float& x : m.v) x = u(*rng);
  return m;
}

bool SameBits(const float* a, const float* b, size_t n) {
  return std::memcmp(a, b, n * sizeof(float)) == 0;
}

// The cell as LstmForward computes it.
void ReferenceCell(float* g, const float* c_prev, float* c, float* h, int hid) {
  LstmGates(g, hid);
  for (int j = 0; j < hid; ++j)
    c[j] = g[j] * g[2 * hid + j] + (c_prev ? g[hid + j] * c_prev[j] : 0.f);
  Tanh(c, h, hid);
  for (int j = 0; j < hid; ++j) h[j] *= g[3 * hid + j];
}

TEST(LstmCell, MatchesGatesAndCellUpdateBitForBit) {
  std::mt19937 rng(7);
  for (int hid : {16, 96, 6}) {  // 6: not a multiple of 16 (portable path)
    for (float scale : {1e-4f, 0.5f, 4.f, 8.5f, 12.f, 30.f}) {  // 12, 30: some inputs < -9
      for (int trial = 0; trial < 50; ++trial) {
        Mat g = Random(1, 4 * hid, scale, &rng), cp = Random(1, hid, 2.f, &rng);
        Mat g2 = g, c(1, hid), h(1, hid), c2(1, hid), h2(1, hid);
        const bool first = trial % 5 == 0;
        LstmCell(g.data(), first ? nullptr : cp.data(), c.data(), h.data(), hid);
        ReferenceCell(g2.data(), first ? nullptr : cp.data(), c2.data(), h2.data(), hid);
        ASSERT_TRUE(SameBits(g.data(), g2.data(), g.size()))
            << "gates, hidden " << hid << " scale " << scale;
        ASSERT_TRUE(SameBits(c.data(), c2.data(), c.size()))
            << "cell, hidden " << hid << " scale " << scale;
        ASSERT_TRUE(SameBits(h.data(), h2.data(), h.size()))
            << "output, hidden " << hid << " scale " << scale;
      }
    }
  }
}

TEST(VecMatRows, EachRowMatchesVecMatBitForBit) {
  std::mt19937 rng(3);
  for (int cols : {384, 48, 40, 7}) {
    const Mat b = Random(96, cols, 0.3f, &rng);
    for (int count : {1, 2, 3, 5, 8, 13}) {
      const Mat x = Random(count, 96, 1.f, &rng);
      Mat y = Random(count, cols, 1.f, &rng), want = y;
      std::vector<const float*> xs;
      std::vector<float*> ys;
      for (int r = 0; r < count; ++r) {
        xs.push_back(x.row(r));
        ys.push_back(y.row(r));
        VecMat(x.row(r), b, want.row(r));
      }
      VecMatRows(xs.data(), b, ys.data(), count);
      EXPECT_TRUE(SameBits(y.data(), want.data(), y.size()))
          << cols << " columns, " << count << " rows";
    }
  }
}

TEST(LstmForwardBatch, EachSequenceMatchesLstmForwardBitForBit) {
  std::mt19937 rng(11);
  const int dim = 24, hid = 16;
  for (float scale : {0.3f, 3.f}) {  // 3: many saturated gates and inputs below -9
    const Mat wx = Random(dim, 4 * hid, scale, &rng), wh = Random(hid, 4 * hid, scale, &rng),
              b = Random(1, 4 * hid, scale, &rng);
    const LstmWeights w{&wx, &wh, &b};
    const std::vector<int> lengths = {5, 0, 9, 1, 9, 3, 7, 2, 4, 6, 8};
    std::vector<int> starts = {0};
    for (int n : lengths) starts.push_back(starts.back() + n);
    const Mat x = Random(starts.back(), dim, 1.f, &rng);
    LstmBatchScratch scratch;
    for (bool reverse : {false, true}) {
      Mat h;
      LstmForwardBatch(w, x, starts, reverse, &h, &scratch);
      ASSERT_EQ(h.rows, x.rows);
      for (size_t s = 0; s < lengths.size(); ++s) {
        Mat xs(lengths[s], dim), want;
        std::memcpy(xs.data(), x.row(starts[s]), xs.size() * sizeof(float));
        LstmForward(w, xs, reverse, &want, nullptr);
        EXPECT_TRUE(SameBits(h.row(starts[s]), want.data(), want.size()))
            << "sequence " << s << (reverse ? " (reverse)" : "") << " scale " << scale;
      }
    }
  }
}

// The AVX-512 MatMul blocks rows and columns several ways (8/7/../1 rows, 48/16/masked
// columns); every element must still be the in-order FMA sum, as the one-row kernel gives it.
TEST(MatMul, EveryBlockingGivesTheInOrderFmaSum) {
  if (!UsingAvx512()) GTEST_SKIP() << "portable path (Eigen)";
  std::mt19937 rng(5);
  for (int m : {1, 3, 7, 8, 13, 21}) {
    for (int n : {384, 128, 50, 7}) {
      const Mat a = Random(m, 37, 1.f, &rng), b = Random(37, n, 1.f, &rng);
      Mat c = Random(m, n, 1.f, &rng), want = c;
      MatMul(a, b, &c, /*accumulate=*/true);
      for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j)
          for (int p = 0; p < 37; ++p)
            want.at(i, j) = std::fma(a.at(i, p), b.at(p, j), want.at(i, j));
      EXPECT_TRUE(SameBits(c.data(), want.data(), c.size())) << m << " x " << n;
    }
  }
}

TEST(AddBiasLeakyRelu, MatchesTheScalarDefinition) {
  std::mt19937 rng(2);
  for (int cols : {128, 64, 20}) {
    Mat y = Random(5, cols, 1.f, &rng), want = y;
    const Mat b = Random(1, cols, 1.f, &rng);
    y.at(0, 0) = -b.at(0, 0);  // z = 0
    want.at(0, 0) = y.at(0, 0);
    AddBiasLeakyRelu(&y, b, 0.1f);
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < cols; ++j) {
        const float z = want.at(i, j) + b.at(0, j);
        want.at(i, j) = z < 0 ? 0.1f * z : z;
      }
    EXPECT_TRUE(SameBits(y.data(), want.data(), y.size())) << cols << " columns";
  }
}

}  // namespace
}  // namespace sitrep::nn
