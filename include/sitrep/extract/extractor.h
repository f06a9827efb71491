// Per-article event extraction: Document -> Events (SCHEMA.md shape, sources = that article).
// Everything here is a pure function of the document plus the loaded lexicons and models.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/extract/event.h"
#include "sitrep/ingest/document.h"

namespace sitrep {

struct ExtractorConfig {
  std::string data_dir;    // our lexicons (data/); "" = FindResourceDir("data")
  std::string models_dir;  // trained models (models/); "" = FindResourceDir("models")
};

class EventExtractor {
 public:
  virtual ~EventExtractor() = default;
  // Loads lexicons, models and gazetteer. Fails naming the file that is missing or corrupt.
  static Result<std::unique_ptr<EventExtractor>> Create(const ExtractorConfig& config);
  // The article's events, one per real event in it. Thread-safe: const, no shared mutable state.
  virtual std::vector<Event> Extract(const Document& doc) const = 0;
};

}  // namespace sitrep
