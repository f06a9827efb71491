// Reconciliation: the reports of one real event -> one Event with each field's value, its
// sources, figure ranges, disagreements (conflicts) and the number of independent origins.
#pragma once

#include <string>
#include <vector>

#include "sitrep/fuse/fusion.h"

namespace sitrep {

// Origins of the given docs: docs that are near-duplicates (MinHash) or credit the same wire
// service share one; each doc maps to the smallest doc id of its group. Unknown docs: itself.
std::map<std::string, std::string> GroupOrigins(const std::vector<std::string>& docs,
                                                const DocPrints& prints,
                                                const MinHashOptions& options);

// The fused event of `members` (non-empty; any order). Its id derives from the smallest key.
// An event whose every report is background is historical and has no ACLED type; so is one
// told only in passing by a single origin or dated by no report (options.require_salience).
Event Reconcile(const std::vector<const Report*>& members, const DocPrints& prints,
                const FusionOptions& options);

// The report is told in its article's lead (a sentence starting within options.lead_bytes), or
// in two or more sentences with a figure or a specific place (city/site) at day precision; caption/credit and
// standing-background sentences (shared_sentence.h) count for neither. Corroboration (another
// origin) likewise counts only origins telling it in such a telling sentence.
bool Prominent(const Event& report, const FusionOptions& options);

// "ev-" + 16 hex digits of a hash of `canonical_key`.
std::string EventIdFor(const std::string& canonical_key);

}  // namespace sitrep
