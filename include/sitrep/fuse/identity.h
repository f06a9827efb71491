// Identity evidence beyond place and day: the distinctive names two reports' sentences share,
// the actors they share under transliteration-tolerant keys, and agreeing figures.
// Pure functions of the reports, so every rule built on them stays pairwise (order-independent).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract/event.h"

namespace sitrep {

// Name keys (NameKey) of the capitalised words of 4+ letters inside the report's sentences:
// not a sentence's first word, not from a title-case sentence (a headline capitalises every
// word), not a weekday, month or title/institution word ("President", "Police", "Army"), not
// a nationality ("Iranian-backed", "Sudanese", "Iraqi"), not a word of the report's actors'
// names, not the report's own country/province, not from a caption or credit (CaptionOrCredit).
std::set<std::string> DistinctiveNames(const Event& e);

// The words of `text` as DistinctiveNames splits them: runs of letters and digits (any
// script) joined across inner hyphens and apostrophes ("Pont-Sondé", "Sa’ad").
std::vector<std::string_view> NameWords(std::string_view text);

// One place: the same GeoNames id, or the same name (case-insensitive).
bool SamePlaceName(const EventPlace& a, const EventPlace& b);

// Placed nowhere, not even in a country (MakeReports gives a placeless report its article's
// main country, so this is an article no sentence of which is placed): blocking compares it
// with every country, so only evidence specific to one event may link it.
bool Placeless(const Event& e);

// How many distinctive names the two reports share.
size_t SharedNames(const Event& a, const Event& b);

// The actor's identity: its dictionary id, or the name key of its name for a new actor
// ("new:..." or no id), so "Yahya Rasoul" and "Yehia Rasool" are one actor. "" when absent.
std::string ActorKey(const std::optional<EventActor>& actor);

// Both reports give the same number of dead (or injured) of at least `min_count`.
bool SameFigure(const Event& a, const Event& b, int64_t min_count);

}  // namespace sitrep
