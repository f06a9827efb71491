// New actors' countries from the country word or organisation just before their names.
#include "know/entity_linking.h"

namespace sitrep::know {

namespace {
constexpr uint32_t kMaxWordsBack = 3;  // "Nigerian bandit leader X", "Iraqi militia commander X"
}  // namespace

// The country a candidate names: a country place, or a dictionary actor's country ("Kenyan
// police Major X", "Hamas commander X").
std::string Linker::CountryOf(const Cand& o) const {
  if (o.type == CandType::kPlace && o.place != kNoIndex &&
      kb_.gazetteer->place(o.place).kind == PlaceKind::kCountry)
    return std::string(kb_.gazetteer->place(o.place).country, 2);
  if (o.type == CandType::kActor && o.actor != ActorDictionary::kNoActor &&
      kb_.actors.actor(o.actor).kind != "person")
    return kb_.actors.actor(o.actor).country;
  return "";
}

void Linker::CountryOfNewActors() {
  if (!kb_.gazetteer) return;
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kNewActor || !c.new_country.empty()) continue;
    if (c.w1 <= c.w0 || c.w0 == 0 || c.w0 > words_.size()) continue;  // made from bytes, or first word
    const uint32_t first = c.w0 > kMaxWordsBack ? c.w0 - kMaxWordsBack : 0;
    // The nearest country word ending in [first, w0) of the same clause.
    const Cand* best = nullptr;
    for (const Cand& o : cands_) {
      if (o.dropped || o.w1 <= o.w0 || o.w0 < first || o.w1 > c.w0) continue;
      if (CountryOf(o).empty()) continue;
      bool clause = true;
      for (uint32_t k = o.w1; k <= c.w0; ++k) clause = clause && words_[k].gap != Gap::kBreak;
      if (clause && (!best || o.w1 > best->w1)) best = &o;
    }
    if (best) c.new_country = CountryOf(*best);
  }
}

}  // namespace sitrep::know
