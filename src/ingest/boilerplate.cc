// Placeholder: counts only; the signal-based remover replaces it.
#include "sitrep/ingest/boilerplate.h"

namespace sitrep {

void BoilerplateStats::AddDocument(const std::vector<TextBlock>& blocks) { ++documents_; }
int BoilerplateStats::DocumentCount(std::string_view) const { return 0; }

void RemoveBoilerplate(std::vector<TextBlock>* blocks, const BoilerplateStats* corpus,
                       std::vector<RemovedBlock>* removed) {}

}  // namespace sitrep
