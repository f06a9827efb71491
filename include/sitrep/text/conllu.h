// Reading and writing CoNLL-U (https://universaldependencies.org/format.html).
// Multi-word token lines ("3-4") and empty nodes ("5.1") are skipped: Sentence holds the
// syntactic words. Token spans are found by aligning forms to the "# text" line when present.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/text/sentence.h"

namespace sitrep {

// Parses a whole CoNLL-U document. DataLoss naming "<origin>:<line>" on a malformed line.
// `doc_starts`, when given, receives the index of each document's first sentence (a
// "# newdoc" comment starts one; 0 always starts the first), ascending.
Result<std::vector<Sentence>> ParseConllu(std::string_view data, std::string_view origin,
                                          std::vector<size_t>* doc_starts = nullptr);

// Reads and parses a CoNLL-U file (no size limit beyond memory; training files are trusted
// but still checked).
Result<std::vector<Sentence>> ReadConlluFile(const std::string& path,
                                             std::vector<size_t>* doc_starts = nullptr);

// Appends one sentence in CoNLL-U (comments "# sent_id", "# text" when set; blank line after).
void WriteConllu(const Sentence& sentence, std::string* out);

// Multi-word tokens of the file, when a caller needs surface tokens rather than words:
// for each sentence, the surface token forms in order (a "3-4" range counts once).
Result<std::vector<std::vector<std::string>>> ReadConlluSurfaceTokens(std::string_view data);

}  // namespace sitrep
