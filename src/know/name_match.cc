// The linker's dictionary match under the case rules: the longest run of words at a position
// that names an actor or a place (common words, codes and acronyms filtered), country words,
// code contexts, sentence starts and names headed by a generic word ("Abu", "Wadi").
#include "know/entity_linking.h"

#include <algorithm>
#include <string>
#include <vector>

#include "sitrep/know/normalize.h"

namespace sitrep::know {

Linker::Match Linker::TryMatch(uint32_t s, bool titled) const {
  Match m = titled ? Match() : AmpersandCode(s);
  if (m.len > 0) return m;
  const uint32_t n = static_cast<uint32_t>(words_.size());
  const Word& first = words_[s];
  if (IsDeterminer(first.lower)) return m;
  // A lower-case first word: al-/el- (or another article joined by a hyphen) before a name.
  bool article_start = s + 1 < n && words_[s + 1].upper && words_[s + 1].gap != Gap::kBreak &&
                       !first.upper &&
                       ((first.lower == "al" || first.lower == "el") ||
                        (IsArticleWord(first.lower) && words_[s + 1].gap == Gap::kJoin));
  bool upper_start = first.upper || first.digit || article_start;
  uint32_t run = 1;
  while (s + run < n && run < options_.max_words && words_[s + run].gap != Gap::kBreak) ++run;
  // Longest acceptable run under the case rules: lower-case words only as connectors,
  // generic nouns ("air base", "army") or joined by a hyphen ("US-led").
  bool all_lower = !upper_start;
  if (upper_start) {
    uint32_t ok = 1;
    for (uint32_t k = 1; k < run; ++k) {
      const Word& w = words_[s + k];
      if (w.upper || w.digit || w.gap == Gap::kJoin || IsGenericNoun(w.lower) ||
          (IsConnector(w.lower) && k + 1 < run &&
           (words_[s + k + 1].upper ||  // "Republic of the Congo": "of the" joins too
            (IsConnector(words_[s + k + 1].lower) && k + 2 < run && words_[s + k + 2].upper)))) {
        ok = k + 1;
      } else {
        break;
      }
    }
    run = ok;
  }
  std::vector<ActorHit> actors;
  std::vector<NameHit> places;
  for (uint32_t len = run; len >= 1; --len) {
    const Word& last = words_[s + len - 1];
    if (all_lower && len < 3) break;
    if (all_lower) {  // an all-lower-case name ("international coalition forces")
      bool lower_only = true;
      for (uint32_t k = 0; k < len; ++k) lower_only = lower_only && !words_[s + k].upper;
      if (!lower_only) continue;
    }
    if (len == 1 && last.end - last.begin < 2) break;  // single letters
    if (len == 1 && IsArticleWord(last.lower)) break;   // "Al" alone (was Omsk by alternate name)
    if (last.lower == "s" && len > 1) continue;  // ends in a possessive 's
    if (IsConnector(last.lower) && len > 1) continue;
    bool any_upper = false, all_caps = true;
    for (uint32_t k = 0; k < len; ++k) {
      const Word& w = words_[s + k];
      any_upper = any_upper || w.upper;
      all_caps = all_caps && (w.caps || w.digit || (w.end - w.begin == 1 && w.upper));
    }
    std::string key = NameKey(text_.substr(first.begin, last.end - first.begin));
    if (key.empty()) continue;
    kb_.actors.LookupKey(key, &actors);
    actors.erase(std::remove_if(actors.begin(), actors.end(),
                                [&](const ActorHit& h) {
                                  if (h.acronym && !all_caps) return true;
                                  const Actor& a = kb_.actors.actor(h.actor);
                                  if (all_lower && a.source != ActorSource::kCurated) return true;
                                  return false;
                                }),
                 actors.end());
    places.clear();
    if (kb_.gazetteer && upper_start && any_upper && !titled) {
      kb_.gazetteer->LookupKey(key, &places);
      uint32_t name_words = len - (article_start ? 1 : 0);
      bool common = name_words == 1 && kb_.common_words.count(last.lower) > 0;
      // A common word written as a town's name: "Split, Croatia", "Man town", "in Split".
      CommonPlace common_place = common && len == 1 ? CommonWordPlace(s) : CommonPlace::kNo;
      places.erase(std::remove_if(places.begin(), places.end(),
                                  [&](const NameHit& h) {
                                    const PlaceRecord& p = kb_.gazetteer->place(h.place);
                                    // A division's code only as a qualifier ("Salem, TN",
                                    // "Pratapgarh (UP)"), common word or not.
                                    if (h.role == NameRole::kCode && p.kind == PlaceKind::kAdmin1)
                                      return !all_caps || !DivisionCodeContext(s, len);
                                    // A common word names only a country spelled just so
                                    // ("Turkey", "Chad"), never a town ("Hit", "Reading") or
                                    // a code ("AND" on a capitals line).
                                    if (common && common_place != CommonPlace::kNo &&
                                        p.kind != PlaceKind::kCountry)
                                      return p.kind != PlaceKind::kCity ||
                                             FoldName(kb_.gazetteer->Name(h.place)) != last.lower ||
                                             (common_place == CommonPlace::kAfterIn &&
                                              p.population < kStrongPopulation);
                                    if (common && common_place == CommonPlace::kSettlement)
                                      return true;  // "Man town" is no Isle of Man
                                    if (common)
                                      return p.kind != PlaceKind::kCountry || h.role == NameRole::kCode ||
                                             (FoldName(kb_.gazetteer->Name(h.place)) != last.lower &&
                                              (SentenceStart(s) || headline_[s]));
                                    if (h.role == NameRole::kCode)
                                      return !all_caps || (last.end - first.begin == 2 && !CodeContext(s));
                                    // Single short all-caps words are acronyms, not towns.
                                    if (name_words == 1 && last.caps && last.end - last.begin <= 4 &&
                                        (p.kind == PlaceKind::kCity || p.kind == PlaceKind::kAdmin2))
                                      return true;
                                    return false;
                                  }),
                   places.end());
    }
    if (places.size() > 1) {
      // A country's name beats a town's or division's alternate name ("Turkey" is also an
      // alternate name of New Providence, NJ).
      bool country = std::any_of(places.begin(), places.end(), [&](const NameHit& h) {
        return h.role == NameRole::kPrimary &&
               kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry;
      });
      if (country)
        places.erase(std::remove_if(places.begin(), places.end(),
                                    [&](const NameHit& h) {
                                      return h.role == NameRole::kAlternate &&
                                             kb_.gazetteer->place(h.place).kind != PlaceKind::kCountry;
                                    }),
                     places.end());
    }
    if (places.size() > 1) {
      // A country reached through a native or alternate name whose key collides with a town's
      // own name ("Sumy" = "Suomi"): the text names the town.
      std::string folded = FoldName(text_.substr(first.begin, last.end - first.begin));
      bool town = std::any_of(places.begin(), places.end(), [&](const NameHit& h) {
        const PlaceRecord& p = kb_.gazetteer->place(h.place);
        return p.kind == PlaceKind::kCity && p.population >= kStrongPopulation &&
               FoldName(kb_.gazetteer->Name(h.place)) == folded;
      });
      if (town)
        places.erase(std::remove_if(places.begin(), places.end(),
                                    [&](const NameHit& h) {
                                      return h.role == NameRole::kAlternate &&
                                             kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry;
                                    }),
                     places.end());
    }
    if (!actors.empty() || !places.empty()) {
      m.len = len;
      m.actors = std::move(actors);
      m.places = std::move(places);
      return m;
    }
  }
  return m;
}

Linker::CommonPlace Linker::CommonWordPlace(uint32_t s) const {
  static constexpr std::string_view kCalendar[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  const uint32_t n = static_cast<uint32_t>(words_.size());
  const Word& w = words_[s];
  if (!w.upper || w.caps || SentenceStart(s) || headline_[s]) return CommonPlace::kNo;
  if (std::find(std::begin(kCalendar), std::end(kCalendar), w.lower) != std::end(kCalendar))
    return CommonPlace::kNo;
  if (s + 1 < n && words_[s + 1].gap == Gap::kSpace && words_[s + 1].upper)
    return CommonPlace::kNo;  // part of a longer name ("Independence Day")
  if (s + 1 < n && words_[s + 1].gap == Gap::kSpace &&
      (words_[s + 1].lower == "town" || words_[s + 1].lower == "city"))
    return CommonPlace::kSettlement;
  std::string iso2;
  if (s + 2 < n && text_.substr(w.end, words_[s + 1].begin - w.end) == ", " &&
      CountryAt(s + 1, &iso2) > 0)
    return CommonPlace::kBeforeCountry;
  if (s > 0 && w.gap == Gap::kSpace && words_[s - 1].lower == "in") return CommonPlace::kAfterIn;
  return CommonPlace::kNo;
}

bool Linker::NamesDivision(const Cand& c) const {
  if (!kb_.gazetteer) return false;
  for (const NameHit& h : c.place_hits) {
    PlaceKind k = kb_.gazetteer->place(h.place).kind;
    if (k == PlaceKind::kAdmin1 || k == PlaceKind::kAdmin2 || k == PlaceKind::kCountry) return true;
  }
  return false;
}

bool Linker::CodeContext(uint32_t w) const {
  if (w == 0 || !words_[w - 1].upper) return false;
  std::string_view before = text_.substr(words_[w - 1].end, words_[w].begin - words_[w - 1].end);
  if (before.find(',') == std::string_view::npos) return false;
  if (w + 1 == words_.size()) return true;
  std::string_view after = text_.substr(words_[w].end, words_[w + 1].begin - words_[w].end);
  return after.find_first_of("\n.;)") != std::string_view::npos;
}

bool Linker::SentenceStart(uint32_t w) const {
  if (w == 0) return true;
  if (words_[w].gap != Gap::kBreak) return false;
  std::string_view gap = text_.substr(words_[w - 1].end, words_[w].begin - words_[w - 1].end);
  return gap.find_first_of(".!?:\n\"") != std::string_view::npos ||
         gap.find("\xE2\x80\x9C") != std::string_view::npos;  // an opening curly quote
}

uint32_t Linker::CountryAt(uint32_t s, std::string* iso2) const {
  if (!kb_.gazetteer || !words_[s].upper) return 0;
  std::vector<NameHit> hits;
  const uint32_t n = static_cast<uint32_t>(words_.size());
  for (uint32_t len = std::min<uint32_t>(3, n - s); len >= 1; --len) {
    bool ok = true;
    for (uint32_t k = 1; k < len; ++k) ok = ok && words_[s + k].gap != Gap::kBreak && words_[s + k].upper;
    if (!ok) continue;
    const Word& last = words_[s + len - 1];
    kb_.gazetteer->LookupKey(NameKey(text_.substr(words_[s].begin, last.end - words_[s].begin)), &hits);
    bool all_caps = true;
    for (uint32_t k = 0; k < len; ++k)
      all_caps = all_caps && (words_[s + k].caps || (words_[s + k].end - words_[s + k].begin == 1));
    for (const NameHit& h : hits) {
      const PlaceRecord& p = kb_.gazetteer->place(h.place);
      if (p.kind != PlaceKind::kCountry || (h.role == NameRole::kCode && !all_caps)) continue;
      if (h.role == NameRole::kCode && last.end - words_[s].begin == 2) continue;  // two letters
      *iso2 = std::string(p.country, 2);
      return len;
    }
  }
  return 0;
}

bool Linker::PartOfHeadedName(uint32_t start, uint32_t len) const {
  const uint32_t n = static_cast<uint32_t>(words_.size());
  auto joined = [&](uint32_t w) { return w < n && words_[w].gap != Gap::kBreak; };
  if (start > 0 && joined(start) && words_[start - 1].upper &&
      IsToponymHead(words_[start - 1].lower))
    return true;
  // The head word alone, followed by the rest of its name ("Colonia Lomas", "Wadi al-Rabi").
  if (len != 1 || !IsToponymHead(words_[start].lower) || start + 1 >= n) return false;
  const Word& next = words_[start + 1];
  if (next.gap == Gap::kSpace && next.upper) return true;
  return joined(start + 1) && IsArticleWord(next.lower) && start + 2 < n && joined(start + 2) &&
         words_[start + 2].upper;
}

}  // namespace sitrep::know
