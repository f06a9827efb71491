// Scoring segmentation against a treebank as the CoNLL 2018 evaluation does: a token, word or
// sentence counts as correct when both its start and its end match the gold (whitespace
// ignored). Words inside multi-word tokens are matched by span (our words are substrings).
#pragma once

#include <cstddef>
#include <string>

#include "sitrep/text/segment.h"
#include "sitrep/text/ud_text.h"

namespace sitrep {

struct Prf {
  size_t gold = 0, system = 0, correct = 0;
  double precision() const { return system ? 100.0 * correct / system : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const { return gold + system ? 200.0 * correct / (gold + system) : 0; }
};

struct TokenizeScores {
  Prf tokens, words, sentences;
};

// `system` must be the segmentation of gold.text.
TokenizeScores ScoreSegmentation(const UdText& gold, const TokenizedText& system);

// Disagreeing token regions, one line each (gold forms | system forms | context), at most max.
std::string DescribeTokenErrors(const UdText& gold, const TokenizedText& system, size_t max);

// A small table: "Tokens   P R F1 (gold / system / correct)" per line.
std::string FormatScores(const TokenizeScores& s);

}  // namespace sitrep
