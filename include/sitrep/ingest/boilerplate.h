// Boilerplate removal on text blocks: promotional lines, "See also …", "You may also like …",
// share bars, captions and photo credits, author boxes, contributor lines, stray punctuation.
// Decisions use general signals (vocabulary, shape, position, repetition across documents).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/ingest/document.h"
#include "sitrep/ingest/text_block.h"

namespace sitrep {

// Counts of normalised short lines across a corpus, so that a line that repeats in many
// documents (an outlet's footer) is recognised as boilerplate. Build it over the inputs of a
// run before cleaning them; not thread-safe while adding, safe to share once built.
class BoilerplateStats {
 public:
  void AddDocument(const std::vector<TextBlock>& blocks);
  // Number of distinct documents containing this block's normalised text.
  int DocumentCount(std::string_view block_text) const;
  int documents() const { return documents_; }

 private:
  std::unordered_map<uint64_t, int> counts_;
  int documents_ = 0;
};

// Why this single block looks like boilerplate on its own (cue and shape, no position or
// repetition): "promo", "see-also", "caption", ...; empty when it does not.
std::string_view BoilerplateReason(const TextBlock& block);

// Removes boilerplate blocks from `blocks` (order kept) and records each one in `removed`
// with its reason and raw span. `corpus` may be null.
void RemoveBoilerplate(std::vector<TextBlock>* blocks, const BoilerplateStats* corpus,
                       std::vector<RemovedBlock>* removed);

}  // namespace sitrep
