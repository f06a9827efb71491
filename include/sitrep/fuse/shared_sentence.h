// Shared sentences as identity evidence. A sentence two articles share verbatim says they copy
// one text about one event, unless the sentence is boilerplate that travels between unrelated
// articles. The test is text-intrinsic (a pure function of the sentence, no corpus counts), so
// every rule built on it stays pairwise: fusion stays order-independent, re-ingest idempotent,
// and one-by-one == all-at-once, with no later article able to make an earlier link stale.
#pragma once

#include <string_view>

#include "sitrep/extract/event.h"

namespace sitrep {

// False for boilerplate: fewer than kMinEvidenceWords words; a caption, photo or agency credit
// ("THIS IMAGE MAY OFFEND OR DISTURB", "Photo: AFP", "(Reuters/...)", four all-capital words in
// a row); subscription/navigation lines; a standing background statement ("has been fighting
// ... for more than a decade", "in recent years"). True otherwise.
bool EvidentialSentence(std::string_view sentence);
// A caption, photo or agency credit, image warning or page furniture (the second test above):
// its words name no participant or place of the event either (DistinctiveNames skips it).
bool CaptionOrCredit(std::string_view sentence);
// A standing background statement: true of a conflict, not of one incident ("has been
// fighting ... for more than a decade", "has continued to carry out", "in recent years").
bool StandingBackground(std::string_view sentence);
inline constexpr int kMinEvidenceWords = 6;

// The sentence names something (a distinctive name, identity.h's DistinctiveNames): "The death
// toll later rose to 7, a health official said." names nothing and travels between stories.
bool NamesSomething(std::string_view sentence);

// The two reports tell one sentence of equal text: from one article (extraction split one
// sentence), or from two articles when that sentence is evidential (EvidentialSentence) and,
// with `need_name` (coref asks it for a placeless report), names something (NamesSomething).
bool SharesEvidentialSentence(const Event& a, const Event& b, bool need_name = false);

}  // namespace sitrep
