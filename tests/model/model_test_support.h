// Test helpers: a sentence of space-separated tokens (no other columns filled), labelled
// sentences written as "form/LABEL" pairs, and a three-sentence toy treebank (CoNLL-U).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sitrep/model/ner.h"
#include "sitrep/text/conllu.h"

namespace sitrep::testing {

// Three short wire-copy sentences with gold UPOS, heads and relations (written by us).
inline constexpr const char* kToyTreebank =
    "1\tRebels\t_\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\tthe\t_\tDET\t_\t_\t4\tdet\t_\t_\n"
    "4\ttown\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n"
    "5\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tPolice\t_\tNOUN\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tarrested\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "3\ttwo\t_\tNUM\t_\t_\t4\tnummod\t_\t_\n"
    "4\tmen\t_\tNOUN\t_\t_\t2\tobj\t_\t_\n"
    "5\tin\t_\tADP\t_\t_\t6\tcase\t_\t_\n"
    "6\tLagos\t_\tPROPN\t_\t_\t2\tobl\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\t_\tDET\t_\t_\t2\tdet\t_\t_\n"
    "2\tarmy\t_\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
    "3\tsaid\t_\tVERB\t_\t_\t0\troot\t_\t_\n"
    "4\tit\t_\tPRON\t_\t_\t5\tnsubj\t_\t_\n"
    "5\tkilled\t_\tVERB\t_\t_\t3\tccomp\t_\t_\n"
    "6\tmilitants\t_\tNOUN\t_\t_\t5\tobj\t_\t_\n"
    "7\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_\n"
    "\n";

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
