// Maximum spanning projective tree (Eisner 1996) over arc scores, with exactly one word
// attached to the root: the decoder of the biaffine parser.
#pragma once

#include <vector>

namespace sitrep {

// scores[d * (n + 1) + h] is the score of word d (1..n) taking head h (0 = root, 0..n).
// Returns heads[0..n] (heads[0] = -1) of the best projective tree in which exactly one word
// has head 0; n = 0 gives {-1}. Scores must be finite.
std::vector<int> EisnerDecode(const std::vector<float>& scores, int n);

// True when heads[1..n] form a tree: heads in [0, n], no self loops, no cycles, exactly one
// word with head 0.
bool IsSingleRootTree(const std::vector<int>& heads);

}  // namespace sitrep
