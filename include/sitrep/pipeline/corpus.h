// Reading a corpus: expands paths, reads every input, and builds cleaned Documents, in
// batches so that boilerplate repetition across the documents of a batch can be used.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/ingest/document.h"
#include "sitrep/ingest/limits.h"

namespace sitrep {

struct CorpusOptions {
  ReadLimits limits;
  std::string published_override;  // --published
  size_t batch_size = 2000;        // documents per repetition-statistics batch
  // Notices that are not errors (files skipped under a folder); ignored when empty.
  std::function<void(const std::string&)> on_notice;
};

// Calls `on_document` once per input in path order, with the Document or the error that names
// the input and the place. Fails as a whole only when a named path does not exist.
Status ForEachDocument(const std::vector<std::string>& paths, const CorpusOptions& options,
                       const std::function<void(Result<Document>)>& on_document);

}  // namespace sitrep
