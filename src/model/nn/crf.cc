#include "model/nn/crf.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitrep::nn {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

double LogAdd(double a, double b) {
  if (a == kNegInf) return b;
  if (b == kNegInf) return a;
  const double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

// Forward (alpha) and backward (beta) log scores of the sequences where position i may take
// label j only when ok(i, j); returns log Z (-inf when no sequence is possible).
template <typename Ok>
double ForwardBackward(const Mat& emit, const Mat& trans, const CrfConstraints& c, Ok ok,
                       std::vector<double>* alpha, std::vector<double>* beta) {
  const int n = emit.rows, L = c.labels;
  alpha->assign(static_cast<size_t>(n) * L, kNegInf);
  beta->assign(static_cast<size_t>(n) * L, kNegInf);
  auto A = [&](int i, int j) -> double& { return (*alpha)[static_cast<size_t>(i) * L + j]; };
  auto B = [&](int i, int j) -> double& { return (*beta)[static_cast<size_t>(i) * L + j]; };
  for (int j = 0; j < L; ++j)
    if (ok(0, j) && c.allowed[j]) A(0, j) = trans.at(0, j) + emit.at(0, j);
  for (int i = 1; i < n; ++i)
    for (int j = 0; j < L; ++j) {
      if (!ok(i, j)) continue;
      double s = kNegInf;
      for (int p = 0; p < L; ++p)
        if (A(i - 1, p) != kNegInf && c.allowed[(p + 1) * L + j])
          s = LogAdd(s, A(i - 1, p) + trans.at(p + 1, j));
      if (s != kNegInf) A(i, j) = s + emit.at(i, j);
    }
  for (int j = 0; j < L; ++j)
    if (ok(n - 1, j) && c.can_end[j]) B(n - 1, j) = 0;
  for (int i = n - 2; i >= 0; --i)
    for (int p = 0; p < L; ++p) {
      if (!ok(i, p)) continue;
      double s = kNegInf;
      for (int j = 0; j < L; ++j)
        if (B(i + 1, j) != kNegInf && c.allowed[(p + 1) * L + j])
          s = LogAdd(s, trans.at(p + 1, j) + emit.at(i + 1, j) + B(i + 1, j));
      B(i, p) = s;
    }
  double z = kNegInf;
  for (int j = 0; j < L; ++j)
    if (A(n - 1, j) != kNegInf && B(n - 1, j) != kNegInf) z = LogAdd(z, A(n - 1, j));
  return z;
}

// Adds sign * scale * the marginals (unary into d_emit, pairwise into d_trans).
void AddMarginals(const Mat& emit, const Mat& trans, const CrfConstraints& c,
                  const std::vector<double>& alpha, const std::vector<double>& beta, double z,
                  float sign_scale, Mat* d_emit, Mat* d_trans) {
  const int n = emit.rows, L = c.labels;
  auto A = [&](int i, int j) { return alpha[static_cast<size_t>(i) * L + j]; };
  auto B = [&](int i, int j) { return beta[static_cast<size_t>(i) * L + j]; };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < L; ++j) {
      if (A(i, j) == kNegInf || B(i, j) == kNegInf) continue;
      const float p = static_cast<float>(std::exp(A(i, j) + B(i, j) - z));
      d_emit->at(i, j) += sign_scale * p;
      if (i == 0) d_trans->at(0, j) += sign_scale * p;
    }
  for (int i = 1; i < n; ++i)
    for (int p = 0; p < L; ++p) {
      if (A(i - 1, p) == kNegInf) continue;
      for (int j = 0; j < L; ++j) {
        if (B(i, j) == kNegInf || !c.allowed[(p + 1) * L + j]) continue;
        const double lp = A(i - 1, p) + trans.at(p + 1, j) + emit.at(i, j) + B(i, j) - z;
        d_trans->at(p + 1, j) += sign_scale * static_cast<float>(std::exp(lp));
      }
    }
}

}  // namespace

float CrfLoss(const Mat& emit, const Mat& trans, const CrfConstraints& c,
              const std::vector<int>& gold, float scale, Mat* d_emit, Mat* d_trans) {
  if (emit.rows == 0) return 0;
  std::vector<double> a, b, ga, gb;
  const double z = ForwardBackward(emit, trans, c, [](int, int) { return true; }, &a, &b);
  const double zg = ForwardBackward(
      emit, trans, c, [&gold](int i, int j) { return gold[i] < 0 || gold[i] == j; }, &ga, &gb);
  if (z == kNegInf || zg == kNegInf) return 0;
  AddMarginals(emit, trans, c, a, b, z, scale, d_emit, d_trans);
  AddMarginals(emit, trans, c, ga, gb, zg, -scale, d_emit, d_trans);
  return static_cast<float>(z - zg);
}

std::vector<int> CrfViterbi(const Mat& emit, const Mat& trans, const CrfConstraints& c) {
  const int n = emit.rows, L = c.labels;
  if (n == 0) return {};
  std::vector<double> best(L, kNegInf), next(L);
  std::vector<int> back(static_cast<size_t>(n) * L, 0);
  for (int j = 0; j < L; ++j)
    if (c.allowed[j]) best[j] = trans.at(0, j) + emit.at(0, j);
  for (int i = 1; i < n; ++i) {
    for (int j = 0; j < L; ++j) {
      double s = kNegInf;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (best[p] == kNegInf || !c.allowed[(p + 1) * L + j]) continue;
        const double v = best[p] + trans.at(p + 1, j);
        if (v > s) s = v, arg = p;
      }
      next[j] = s == kNegInf ? kNegInf : s + emit.at(i, j);
      back[static_cast<size_t>(i) * L + j] = arg;
    }
    best.swap(next);
  }
  int last = -1;
  for (int j = 0; j < L; ++j)
    if (c.can_end[j] && best[j] != kNegInf && (last < 0 || best[j] > best[last])) last = j;
  std::vector<int> out(n, 0);
  if (last < 0) return out;  // no allowed sequence: all label 0
  for (int i = n - 1; i >= 0; --i) {
    out[i] = last;
    last = back[static_cast<size_t>(i) * L + last];
  }
  return out;
}

}  // namespace sitrep::nn
