// Place names that need support from the document before they count: a name read inside a
// longer capitalised name ("Gran Grif", "Lac Vert", "West Africa", "Luckson Elan") and a
// town far away in a country the document never names ("northwest of Moga" in a Somali
// article). Both keep a candidate only when the document's own countries or divisions hold it.
#include <algorithm>
#include <string>

#include "know/division_names.h"
#include "know/entity_linking.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

// A town in a country the document never names, farther than this from every place the
// document locates in the countries it names, is a homonym of a local word or name.
constexpr double kStrayKm = 1000;
// ... unless it is a capital, a first-level seat or this large.
constexpr uint32_t kStrayLandmarkPopulation = 1000000;
// Capitalised words after a town's name that may end in an organisation's head noun.
constexpr uint32_t kMaxOrganisationWords = 3;

bool IsWeekday(std::string_view lower) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  return std::find(std::begin(kDays), std::end(kDays), lower) != std::end(kDays);
}

}  // namespace

bool Linker::InsideLongerName(const Cand& c) const {
  const uint32_t n = static_cast<uint32_t>(words_.size());
  if (c.w1 <= c.w0 || c.w1 > n || c.headline || c.titled) return false;
  // Another name beside it that is an actor, a country or a division ("Kabul Taliban",
  // "Iraqi Kurdistan") is a name of its own; a town's name may be part of the longer name.
  auto strong = [&](const Cand& o) {
    if (o.dropped || o.w1 <= o.w0) return false;
    if (!o.actor_hits.empty() || !o.role.empty()) return true;
    if (!kb_.gazetteer) return false;
    return std::any_of(o.place_hits.begin(), o.place_hits.end(), [&](const NameHit& h) {
      return kb_.gazetteer->place(h.place).kind != PlaceKind::kCity;
    });
  };
  auto begins_cand = [&](uint32_t w) {
    return std::any_of(cands_.begin(), cands_.end(),
                       [&](const Cand& o) { return o.w0 == w && strong(o); });
  };
  auto ends_cand = [&](uint32_t w) {
    return std::any_of(cands_.begin(), cands_.end(),
                       [&](const Cand& o) { return o.w1 == w + 1 && strong(o); });
  };
  // A capitalised word after it ("Gran Grif", "Lac Vert"), or a word joined by an apostrophe
  // ("Jama'at"), that is neither a generic noun nor a division word nor another name.
  if (c.w1 < n) {
    const Word& next = words_[c.w1];
    bool apostrophe = false;
    if (next.gap == Gap::kJoin) {
      std::string_view gap = text_.substr(words_[c.w1 - 1].end, next.begin - words_[c.w1 - 1].end);
      apostrophe = gap.find('-') == std::string_view::npos && next.lower != "s";
    }
    if (apostrophe) return true;
    if (next.gap == Gap::kSpace && next.upper && !next.digit && !next.caps &&
        !IsGenericNoun(next.lower) && !IsDivisionWord(next.lower) &&
        !IsSettlementWord(next.lower) && !IsConnector(next.lower) && !IsWeekday(next.lower) &&
        kb_.common_words.count(next.lower) == 0 && !begins_cand(c.w1))
      return true;
  }
  // A capitalised word before a town's name inside a sentence ("Prophane Victor"); before a
  // division it is more often a town written without its comma ("Mirpurkhas Sindh").
  if (c.w0 > 0 && words_[c.w0].gap == Gap::kSpace && !NamesDivision(c)) {
    const Word& prev = words_[c.w0 - 1];
    if (prev.upper && !prev.digit && !prev.caps && !SentenceStart(c.w0 - 1) &&
        !IsDeterminer(prev.lower) && !IsConnector(prev.lower) && !IsArticleWord(prev.lower) &&
        kb_.common_words.count(prev.lower) == 0 && !ends_cand(c.w0 - 1) &&
        TitleLength(words_, c.w0 - 1) == 0)
      return true;
  }
  return false;
}

bool Linker::HeadsOrganisationName(const Cand& c) const {
  const uint32_t n = static_cast<uint32_t>(words_.size());
  if (!kb_.gazetteer || c.w1 <= c.w0 || c.w1 >= n || c.headline || c.place_hits.empty())
    return false;
  for (const NameHit& h : c.place_hits)
    if (kb_.gazetteer->place(h.place).kind != PlaceKind::kCity) return false;
  // A road named after a town ("on Murree road in Rawalpindi") is no mention of the town.
  const Word& next = words_[c.w1];
  if (next.gap == Gap::kSpace && !next.upper &&
      (next.lower == "road" || next.lower == "highway" || next.lower == "street" ||
       next.lower == "avenue"))
    return true;
  for (uint32_t k = c.w1; k < n && k < c.w1 + kMaxOrganisationWords; ++k) {
    const Word& w = words_[k];
    if (w.gap != Gap::kSpace || !w.upper || w.digit) return false;
    // ... or an event's name ("Independence Day Parade", "Maulud Celebration").
    if (IsOrganisationHead(w.lower) || IsEventNoun(w.lower)) return true;
  }
  return false;
}

bool Linker::InNamedDivisions(const Cand& c, uint32_t place) const {
  const Gazetteer& g = *kb_.gazetteer;
  bool any = false;
  for (const Cand& d : cands_) {
    if (&d == &c || d.dropped || d.inner || d.type != CandType::kPlace) continue;
    for (const NameHit& a : d.place_hits) {
      PlaceKind k = g.place(a.place).kind;
      if (k != PlaceKind::kAdmin1 && k != PlaceKind::kAdmin2) continue;
      if (Inside(place, a.place)) return true;
      any = true;
    }
  }
  return !any;
}

bool Linker::InNamedDivision(const Cand& c) const {
  const Gazetteer& g = *kb_.gazetteer;
  for (const Cand& d : cands_) {
    if (&d == &c || d.dropped || d.inner || d.type != CandType::kPlace) continue;
    for (const NameHit& a : d.place_hits) {
      PlaceKind k = g.place(a.place).kind;
      if (k != PlaceKind::kAdmin1 && k != PlaceKind::kAdmin2) continue;
      for (const NameHit& h : c.place_hits)
        if (Inside(h.place, a.place)) return true;
    }
  }
  return false;
}

void Linker::DropWeakInnerNames(const std::vector<std::string>& countries) {
  const Gazetteer& g = *kb_.gazetteer;
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex || !c.inner ||
        c.qualified || c.stand_in)
      continue;
    c.place_hits.erase(
        std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                       [&](const NameHit& h) {
                         const PlaceRecord& p = g.place(h.place);
                         if (p.kind == PlaceKind::kCountry) return false;
                         // The place's own spelling, not a small town ("Prophane Victor" is
                         // not Victor, New York), in a country the document names if it
                         // names any ("Donetsk Filtration Station" in a note naming none).
                         return (!countries.empty() &&
                                 !Contains(countries, std::string_view(p.country, 2))) ||
                                !SpellsOwnName(h.place, c) ||
                                (p.kind == PlaceKind::kCity && p.population < kStrongPopulation);
                       }),
        c.place_hits.end());
    if (c.place_hits.empty()) c.dropped = true;
  }
}

void Linker::DropStrayForeignTowns(const std::vector<std::string>& named) {
  if (named.empty()) return;
  const Gazetteer& g = *kb_.gazetteer;
  std::vector<std::pair<double, double>> home;  // towns and sites located in the named countries
  for (const Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place == kNoIndex) continue;
    const PlaceRecord& p = g.place(c.place);
    if (p.kind != PlaceKind::kCountry && p.kind != PlaceKind::kAdmin1 &&
        p.kind != PlaceKind::kAdmin2 && Contains(named, std::string_view(p.country, 2)))
      home.push_back({p.lat, p.lon});
  }
  if (home.empty()) return;  // nothing located at home to be far from
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place == kNoIndex || c.qualified ||
        c.stand_in || c.bound_to >= 0)
      continue;
    const PlaceRecord& p = g.place(c.place);
    if (p.kind != PlaceKind::kCity || Contains(named, std::string_view(p.country, 2)) ||
        p.population >= kStrayLandmarkPopulation || p.feature == Feature::kCapital ||
        p.feature == Feature::kAdmin1Seat)
      continue;
    bool near = std::any_of(home.begin(), home.end(), [&](const auto& q) {
      return DistanceKm(p.lat, p.lon, q.first, q.second) < kStrayKm;
    });
    if (!near) c.dropped = true;
  }
}

void Linker::ShortCountryNames() {
  if (!kb_.gazetteer) return;
  const Gazetteer& g = *kb_.gazetteer;
  auto country_of = [&](const Cand& c) -> uint32_t {  // the candidate's one country hit
    uint32_t found = kNoIndex;
    for (const NameHit& h : c.place_hits) {
      if (g.place(h.place).kind != PlaceKind::kCountry || h.role == NameRole::kCode) continue;
      if (found != kNoIndex && found != h.place) return kNoIndex;
      found = h.place;
    }
    return c.dropped ? kNoIndex : found;
  };
  for (Cand& c : cands_) {
    uint32_t short_country = country_of(c);
    if (short_country == kNoIndex || SpellsOwnName(short_country, c))
      continue;
    std::string shortname = " " + FoldName(SpanText(c.w0, c.w1)) + " ";
    if (shortname.size() < 4) continue;
    for (const Cand& d : cands_) {
      uint32_t other = country_of(d);
      if (other == kNoIndex || other == short_country || d.w1 - d.w0 <= c.w1 - c.w0) continue;
      // "Congo" beside "Democratic Republic of the Congo": the longer name written in full.
      std::string full = " " + FoldName(SpanText(d.w0, d.w1)) + " ";
      if (full.find(shortname) == std::string::npos) continue;
      c.place_hits = {{other, NameRole::kAlternate}};
      break;
    }
  }
}

}  // namespace sitrep::know
