// The parser's second-pass labeller (internal): once the tree is complete, every arc is named
// again by a label model that sees the whole tree (the dependent's children, its siblings,
// the head's head, the words around), which the first pass cannot see when it makes an arc.
// Features use words, POS and tree shape only, never first-pass labels, so training on gold
// trees matches decoding on predicted ones.
#pragma once

#include <cstdint>
#include <vector>

#include "model/parser_state.h"
#include "sitrep/model/model_file.h"

namespace sitrep::parser_internal {

constexpr int kMaxRelabelFeatures = 80;
constexpr int kRelabelVersion = 1;        // "relabel-v<N>" of the model file
constexpr int kMaxRelabelChildren = 8;    // children (and siblings) read per arc, nearest first

// The children of every node of a complete tree (heads in head[1..n], 0 = root), in order.
class TreeChildren {
 public:
  void Build(const std::vector<int>& head, int n);
  const int* begin(int h) const { return kids_.data() + start_[h]; }
  const int* end(int h) const { return kids_.data() + start_[h + 1]; }
  int count(int h) const { return start_[h + 1] - start_[h]; }

 private:
  std::vector<int> start_, kids_;
};

// Writes the hashed features of the arc head[d] -> d (head[d] > 0) of a complete tree into
// f[0..kMaxRelabelFeatures) and returns their number. Reads in.cl when it is filled.
int RelabelFeatures(const ParseInput& in, const std::vector<int>& head, const TreeChildren& kids,
                    int d, uint64_t* f);

// A writer holding the hypers and every known section of the parser model `m`
// (src/model/parser_ensemble.cc).
ModelWriter CopyParserModel(const Model& m);

}  // namespace sitrep::parser_internal
