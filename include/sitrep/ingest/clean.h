// Cleaning and describing: RawInput -> Document with clean text, byte map, removed blocks and
// metadata (title, outlet, byline, dateline, wire credits, publication date with evidence).
#pragma once

#include "sitrep/base/status.h"
#include "sitrep/ingest/document.h"
#include "sitrep/ingest/limits.h"

namespace sitrep {

class BoilerplateStats;  // corpus-level line repetition counts (boilerplate.h); may be null

struct CleanOptions {
  ReadLimits limits;
  std::string published_override;  // --published: "YYYY-MM-DD", wins over everything
  const BoilerplateStats* corpus = nullptr;  // repetition across documents, when known
};

// Decodes, extracts the main text (HTML) or strips boilerplate (text), and describes it.
// Fails with a message naming the input when it cannot be decoded or passes a limit.
Result<Document> BuildDocument(RawInput input, const CleanOptions& options);

}  // namespace sitrep
