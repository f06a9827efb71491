// The report's wording of one event's fields, as plain text (renderers escape it): shared by
// the Markdown and HTML reports so both say the same thing. Pure functions.
#pragma once

#include <string>

#include "sitrep/extract/event.h"
#include "sitrep/show/report_model.h"

namespace sitrep::show {

// "2024-03-05 (day)"; a window: "2024-03-01..2024-03-31 (month)"; "undated".
std::string DateWords(const Event& e);
// "2024-03-05" or "2024-03-01..2024-03-31" (no precision).
std::string WindowWords(int64_t earliest, int64_t latest);
// "Mosul, Nineveh, Iraq (IQ) - city, 36.3350, 43.1189"; "no place".
std::string PlaceWords(const Event& e, const CountryNamer& namer);
// "Explosions/Remote violence / Air/drone strike"; "(no ACLED type)".
std::string TypeWords(const Event& e);
// "United States vs Harakat al-Nujaba"; one side alone; "actors unknown".
std::string ActorWords(const Event& e);
// "4 (reports 2-6)", "4", or "" when no report gives the figure.
std::string FigureWords(const std::optional<CountRange>& c);
// "killed 4 (reports 2-6); injured 11"; "no casualty figures".
std::string CasualtyWords(const Event& e);
// "3 reports, 2 independent sources".
std::string SourceWords(const Event& e);
// One line: "fatalities: 4 (a, b) vs 2 (c); date: ..."; "" when the reports agree.
std::string DisagreementWords(const Event& e);
// A short headline: "Air/drone strike in Mosul" (sub-type or type, place name).
std::string Headline(const Event& e);
// "claimed", "alleged", ... when no report says it happened outright; "" otherwise.
std::string ModalityWords(const Event& e);

// The report sentence that best supports the event: not background, stating the best
// fatality figure, said to have happened, a whole sentence (ending in . ! ?) rather than a
// headline, earliest in its article, then smallest doc id.
// Null when the event has no sources.
const EventSource* BestSource(const Event& e);
// "Outlet, 2024-03-05" (outlet or doc id, with the publication date when known).
std::string SourceName(const EventSource& s);

}  // namespace sitrep::show
