#include "sitrep/text/tokenize_eval.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace sitrep {
namespace {

Prf Score(const std::vector<Span>& gold, const std::vector<Span>& sys) {
  Prf p;
  p.gold = gold.size();
  p.system = sys.size();
  size_t i = 0, j = 0;
  while (i < gold.size() && j < sys.size()) {
    if (gold[i] == sys[j]) {
      ++p.correct, ++i, ++j;
    } else if (gold[i].begin < sys[j].begin ||
               (gold[i].begin == sys[j].begin && gold[i].end < sys[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
  return p;
}

std::vector<Span> SystemTokens(const TokenizedText& system) {
  std::vector<Span> tokens;
  for (const WordSpan& w : system.words) {
    if (w.joined && !tokens.empty()) tokens.back().end = w.end;
    else tokens.push_back({w.begin, w.end});
  }
  return tokens;
}

}  // namespace

std::string DescribeTokenErrors(const UdText& gold, const TokenizedText& system, size_t max) {
  std::vector<Span> sys = SystemTokens(system);
  std::string out;
  size_t i = 0, j = 0, shown = 0;
  auto form = [&](const Span& s) { return gold.text.substr(s.begin, s.end - s.begin); };
  while (i < gold.tokens.size() && j < sys.size() && shown < max) {
    if (gold.tokens[i] == sys[j]) {
      ++i, ++j;
      continue;
    }
    // Gather the region where they disagree.
    uint32_t b = std::min(gold.tokens[i].begin, sys[j].begin), e = b;
    std::string g, y;
    while (i < gold.tokens.size() && j < sys.size() && !(gold.tokens[i] == sys[j])) {
      if (gold.tokens[i].end <= sys[j].end) g += form(gold.tokens[i++]) + " ";
      else y += form(sys[j++]) + " ";
      e = std::max(e, std::max(i ? gold.tokens[i - 1].end : 0u, j ? sys[j - 1].end : 0u));
    }
    std::string ctx = gold.text.substr(b > 20 ? b - 20 : 0, e - (b > 20 ? b - 20 : 0) + 20);
    for (char& c : ctx) if (c == '\n') c = ' ';
    out += "gold: " + g + " | system: " + y + " | ..." + ctx + "...\n";
    ++shown;
  }
  return out;
}

TokenizeScores ScoreSegmentation(const UdText& gold, const TokenizedText& system) {
  std::vector<Span> tokens, words, sentences;
  const auto& w = system.words;
  for (size_t i = 0; i < w.size(); ++i) {
    words.push_back({w[i].begin, w[i].end});
    if (w[i].joined && !tokens.empty()) tokens.back().end = w[i].end;
    else tokens.push_back({w[i].begin, w[i].end});
  }
  size_t first = 0;
  for (uint32_t last : system.sentence_ends) {
    sentences.push_back({w[first].begin, w[last].end});
    first = last + 1;
  }
  TokenizeScores s;
  s.tokens = Score(gold.tokens, tokens);
  s.words = Score(gold.words, words);
  s.sentences = Score(gold.sentences, sentences);
  return s;
}

std::string FormatScores(const TokenizeScores& s) {
  std::string out = "Metric     | Precision |    Recall |  F1 Score | gold / system / correct\n";
  char buf[160];
  auto row = [&](const char* name, const Prf& p) {
    std::snprintf(buf, sizeof buf, "%-10s | %9.2f | %9.2f | %9.2f | %zu / %zu / %zu\n", name,
                  p.precision(), p.recall(), p.f1(), p.gold, p.system, p.correct);
    out += buf;
  };
  row("Tokens", s.tokens);
  row("Words", s.words);
  row("Sentences", s.sentences);
  return out;
}

}  // namespace sitrep
