#include "model/biaffine_decode.h"

#include <cstddef>
#include <limits>
#include <utility>

namespace sitrep {
namespace {

constexpr float kNeg = -std::numeric_limits<float>::infinity();

struct Chart {
  int size;
  std::vector<float> score;  // [s][t][dir]: dir 0 = head at t (left arcs), 1 = head at s
  std::vector<int> split;
  explicit Chart(int m) : size(m), score(static_cast<size_t>(m) * m * 2, kNeg), split(score.size(), -1) {}
  size_t At(int s, int t, int d) const { return (static_cast<size_t>(s) * size + t) * 2 + d; }
};

struct Backtracker {
  const Chart& complete;
  const Chart& incomplete;
  std::vector<int>* heads;
  void Complete(int s, int t, int d) {
    if (s == t) return;
    const int r = complete.split[complete.At(s, t, d)];
    if (d == 0) {  // head t: C[s][r] left + I[r][t] left
      Complete(s, r, 0);
      Incomplete(r, t, 0);
    } else {  // head s: I[s][r] right + C[r][t] right
      Incomplete(s, r, 1);
      Complete(r, t, 1);
    }
  }
  void Incomplete(int s, int t, int d) {
    const int r = incomplete.split[incomplete.At(s, t, d)];
    if (d == 0) (*heads)[s] = t;
    else (*heads)[t] = s;
    Complete(s, r, 1);
    Complete(r + 1, t, 0);
  }
};

}  // namespace

std::vector<int> EisnerDecode(const std::vector<float>& scores, int n) {
  std::vector<int> heads(n + 1, -1);
  if (n == 0) return heads;
  const int m = n + 1;
  Chart complete(m), incomplete(m);
  for (int s = 0; s < m; ++s) {
    complete.score[complete.At(s, s, 0)] = 0;
    complete.score[complete.At(s, s, 1)] = 0;
  }
  auto arc = [&](int dep, int head) { return scores[static_cast<size_t>(dep) * m + head]; };
  for (int width = 1; width < m; ++width) {
    for (int s = 0; s + width < m; ++s) {
      const int t = s + width;
      // Incomplete spans: an arc between s and t over C[s][r] right + C[r+1][t] left.
      float best_l = kNeg, best_r = kNeg;
      int arg_l = -1, arg_r = -1;
      const int r_end = s == 0 ? 1 : t;  // the root takes one child: C[0][0] + C[1][t]
      for (int r = s; r < r_end; ++r) {
        const float v = complete.score[complete.At(s, r, 1)] + complete.score[complete.At(r + 1, t, 0)];
        if (v > best_r) best_r = v, arg_r = r;
      }
      if (s > 0) {
        for (int r = s; r < t; ++r) {
          const float v = complete.score[complete.At(s, r, 1)] + complete.score[complete.At(r + 1, t, 0)];
          if (v > best_l) best_l = v, arg_l = r;
        }
        incomplete.score[incomplete.At(s, t, 0)] = best_l + arc(s, t);
        incomplete.split[incomplete.At(s, t, 0)] = arg_l;
      }
      incomplete.score[incomplete.At(s, t, 1)] = best_r + arc(t, s);
      incomplete.split[incomplete.At(s, t, 1)] = arg_r;
      // Complete spans.
      if (s > 0) {
        float best = kNeg;
        int arg = -1;
        for (int r = s; r < t; ++r) {
          const float v = complete.score[complete.At(s, r, 0)] + incomplete.score[incomplete.At(r, t, 0)];
          if (v > best) best = v, arg = r;
        }
        complete.score[complete.At(s, t, 0)] = best;
        complete.split[complete.At(s, t, 0)] = arg;
      }
      float best = kNeg;
      int arg = -1;
      for (int r = s + 1; r <= t; ++r) {
        const float v = incomplete.score[incomplete.At(s, r, 1)] + complete.score[complete.At(r, t, 1)];
        if (v > best) best = v, arg = r;
      }
      complete.score[complete.At(s, t, 1)] = best;
      complete.split[complete.At(s, t, 1)] = arg;
    }
  }
  Backtracker bt{complete, incomplete, &heads};
  bt.Complete(0, n, 1);
  heads[0] = -1;
  return heads;
}

bool IsSingleRootTree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
    roots += heads[d] == 0;
  }
  if (roots != 1) return false;
  for (int d = 1; d <= n; ++d) {  // follow heads: a cycle never reaches the root within n steps
    int x = d, steps = 0;
    while (x != 0 && steps <= n) x = heads[x], ++steps;
    if (x != 0) return false;
  }
  return true;
}

}  // namespace sitrep
