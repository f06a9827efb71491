// Test helper: a sentence of space-separated tokens (no other columns filled).
#pragma once

#include <string>

#include "sitrep/text/conllu.h"

namespace sitrep::testing {

inline Sentence Words(const std::string& text) {
  Sentence s;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t sp = text.find(' ', pos);
    if (sp == std::string::npos) sp = text.size();
    Token t;
    t.form = text.substr(pos, sp - pos);
    s.tokens.push_back(t);
    pos = sp + 1;
  }
  return s;
}

}  // namespace sitrep::testing
