// Sentences and tokens: the CoNLL-U-shaped units every later stage works on. Spans are byte
// offsets into the Document's clean text (or into the raw `# text` when read from CoNLL-U).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep {

struct Token {
  uint32_t begin = 0, end = 0;  // bytes of the text the sentence was cut from
  std::string form;             // as written (UD form)
  std::string lemma;            // "_" / empty when unknown
  std::string upos, xpos;       // empty until tagged
  int head = -1;                // 0 = root, 1-based index of the head token, -1 = not parsed
  std::string deprel;           // UD relation, empty until parsed
  std::string misc;             // CoNLL-U MISC (e.g. "SpaceAfter=No|NER=B-PER"), empty = "_"
  bool space_after = true;
};

struct Sentence {
  uint32_t begin = 0, end = 0;  // bytes of the text
  std::string id;               // "# sent_id", may be empty
  std::string text;             // "# text" when read from CoNLL-U; empty otherwise
  std::vector<Token> tokens;    // syntactic words (multi-word token ranges are expanded)
};

}  // namespace sitrep
