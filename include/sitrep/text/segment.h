// The text stage's entry point for sentences and tokens: tokenize, then split into sentences.
// Spans are bytes of the text given; every later stage calls DocumentSentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/ingest/document.h"
#include "sitrep/text/sentence.h"
#include "sitrep/text/sentence_splitter.h"
#include "sitrep/text/tokenizer.h"

namespace sitrep {

// Words and sentence ends (index of each sentence's last word, ascending).
struct TokenizedText {
  std::vector<WordSpan> words;
  std::vector<uint32_t> sentence_ends;
  void clear() { words.clear(), sentence_ends.clear(); }
};

// Tokenizes and splits `text` into *out (cleared first; its buffers are reused).
void Segment(std::string_view text, TokenizedText* out,
             const SentenceSplitter& splitter = SentenceSplitter::Default());

// Sentences with tokens (syntactic words: forms, spans, space_after); `text` stays unset.
std::vector<Sentence> SplitAndTokenize(std::string_view text,
                                       const SentenceSplitter& splitter = SentenceSplitter::Default());

// The sentences of a document's clean text, with ids "<doc id>-<n>" (n from 1) and `text` set.
std::vector<Sentence> DocumentSentences(const Document& doc);

// CoNLL-U of a document: "# newdoc id = <id>", then its sentences (ids "<id>-<n>").
// `annotated`, when given, is DocumentSentences(doc) after tagging/parsing/NER: its UPOS,
// XPOS, HEAD, DEPREL and MISC fill the word lines (see AppendConllu).
std::string DocumentConllu(const Document& doc, const std::vector<Sentence>* annotated = nullptr);

// Appends CoNLL-U for the segmented text: "# sent_id = <prefix><n>", "# text", multi-word
// token ranges for clitics ("1-2 don't"), SpaceAfter=No. Newlines inside "# text" become spaces.
// With `annotated` (one Sentence per segmented sentence, one token per word, as
// SplitAndTokenize gives them) the word lines carry its UPOS, XPOS, HEAD, DEPREL and MISC
// items (SpaceAfter=No stays ours); a sentence whose token count differs stays unannotated.
void AppendConllu(std::string_view text, const TokenizedText& seg, std::string_view id_prefix,
                  std::string* out, const std::vector<Sentence>* annotated = nullptr);

}  // namespace sitrep
