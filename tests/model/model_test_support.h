// Test helpers: a sentence of space-separated tokens (no other columns filled), and labelled
// sentences written as "form/LABEL" pairs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sitrep/model/ner.h"
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

// Sentences of (form, label) pairs separated by spaces: "Rebels/B-ORG hit/O".
inline std::vector<Sentence> Labelled(const std::vector<std::string>& texts) {
  std::vector<Sentence> out;
  for (const std::string& text : texts) {
    Sentence s = Words(text);
    for (Token& t : s.tokens) {
      size_t slash = t.form.rfind('/');
      if (slash == std::string::npos) continue;  // an unlabelled word: the form alone
      std::string label = t.form.substr(slash + 1);
      t.form.resize(slash);
      SetNerLabel(&t, label);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace sitrep::testing
