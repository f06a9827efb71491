// Per-event word sets that coreference compares pair by pair (content words, distinctive
// names), memoised per thread by the exact text they are computed from, so a report scored
// against many candidates is tokenised once, not once per pair. The memo is bounded: it is
// emptied when it holds kMaxMemoEntries sets (results handed out stay valid).
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>

#include "sitrep/extract/event.h"

namespace sitrep {

using WordSet = std::shared_ptr<const std::set<std::string>>;
inline constexpr size_t kMaxMemoEntries = 32768;  // ~100 MB at most

// compute(e), memoised under `tag` + e's source sentences: `compute` must read nothing else.
WordSet SentenceWordSet(const Event& e, char tag, std::set<std::string> (*compute)(const Event&));
// DistinctiveNames(e) (sitrep/fuse/identity.h), memoised by the fields it reads.
WordSet CachedDistinctiveNames(const Event& e);
// SharedNames(a, b) through the memo: the same count.
size_t CachedSharedNames(const Event& a, const Event& b);
// Distinctive names both share beyond the words of either one's place and province ("North
// Kivu", "Gaza Strip", a town's own name are shared by every incident there).
size_t SharedNamesBeyondPlaces(const Event& a, const Event& b);

}  // namespace sitrep
