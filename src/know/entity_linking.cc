// The linker's candidates: dictionary matches of names under the case rules, country words,
// role descriptions and titled names. Definitions, actors, surnames and places live in
// definitions.cc, actor_linking.cc, coreference.cc, place_linking.cc and place_context.cc.
#include "know/entity_linking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "sitrep/base/date.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

int64_t Today() {
  using namespace std::chrono;
  return duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24;
}

}  // namespace

bool IsConnector(std::string_view lower) {
  return lower == "of" || lower == "the" || lower == "for" || lower == "and" || lower == "in" ||
         lower == "al" || lower == "el" || lower == "on" || lower == "bin" || lower == "ibn" ||
         lower == "de" || lower == "du";
}

std::string Slug(std::string_view name) {
  std::string folded = FoldName(name), out;
  for (char c : folded) out.push_back(c == ' ' ? '_' : c);
  if (out.empty()) out = "unnamed";
  return out;
}

std::string PlaceId(const Gazetteer& g, uint32_t i) {
  const PlaceRecord& p = g.place(i);
  std::string cc(p.country, 2);
  if (p.geonameid != 0) return "geonames:" + std::to_string(p.geonameid);
  switch (p.kind) {
    case PlaceKind::kCountry: return "country:" + cc;
    case PlaceKind::kAdmin1: return "admin1:" + cc + ":" + Slug(g.Name(i));
    case PlaceKind::kAdmin2: return "admin2:" + cc + ":" + Slug(g.Name(i));
    default: return "site:" + cc + ":" + Slug(g.Name(i));
  }
}

Linker::Linker(const KnowledgeBase& kb, std::string_view text, const EntityOptions& options)
    : kb_(kb), text_(text), options_(options), day_(options.day != 0 ? options.day : Today()) {}

std::string Linker::SpanText(uint32_t w0, uint32_t w1) const {
  if (w1 <= w0 || w1 > words_.size()) return {};  // candidates made from bytes, not words
  return std::string(text_.substr(words_[w0].begin, words_[w1 - 1].end - words_[w0].begin));
}

bool Linker::Covered(uint32_t begin, uint32_t end) const {
  for (const Cand& c : cands_)
    if (!c.dropped && c.begin < end && begin < c.end) return true;
  return false;
}

int Linker::CandAt(uint32_t begin, uint32_t end) const {
  for (size_t i = 0; i < cands_.size(); ++i)
    if (!cands_[i].dropped && cands_[i].begin >= begin && cands_[i].end <= end)
      return static_cast<int>(i);
  return -1;
}

void Linker::AddCand(Cand c) { cands_.push_back(std::move(c)); }

Linker::Match Linker::TryMatch(uint32_t s, bool titled) const {
  Match m;
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
      places.erase(std::remove_if(places.begin(), places.end(),
                                  [&](const NameHit& h) {
                                    const PlaceRecord& p = kb_.gazetteer->place(h.place);
                                    // A common word names only a country spelled just so
                                    // ("Turkey", "Chad"), never a town ("Hit", "Reading") or
                                    // a code ("AND" on a capitals line).
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

void Linker::FindCandidates() {
  words_ = ScanWords(text_);
  headline_ = HeadlineWords(words_, text_);
  const uint32_t n = static_cast<uint32_t>(words_.size());
  uint32_t i = 0;
  while (i < n) {
    uint32_t t = TitleLength(words_, i);
    uint32_t s = i;
    if (t > 0 && i + t < n && words_[i + t].gap != Gap::kBreak &&
        (words_[i + t].upper ||
         (IsArticleWord(words_[i + t].lower) && i + t + 1 < n && words_[i + t + 1].upper))) {
      s = i + t;
    } else {
      t = 0;
    }
    // "<Country|Demonym> [’s] <role>" not followed by a name: a role description.
    if (t == 0) {
      std::string country;
      uint32_t cl = CountryAt(i, &country);
      if (cl > 0) {
        uint32_t j = i + cl;
        if (j < n && words_[j].lower == "s" && words_[j].gap == Gap::kJoin) ++j;
        uint32_t rl = 0;
        std::string_view role = j < n && words_[j].gap != Gap::kBreak
                                    ? RolePhrase(words_, j, &rl) : std::string_view();
        bool named_after = j + rl < n && words_[j + rl].upper && words_[j + rl].gap == Gap::kSpace;
        if (!role.empty() && named_after && j > i + cl - 1) {
          // "US Defence Secretary Lloyd Austin": the country, then a titled name.
          Cand c;
          c.begin = words_[i].begin;
          c.w0 = i;
          c.w1 = i + cl;
          c.end = words_[i + cl - 1].end;
          c.key = NameKey(SpanText(c.w0, c.w1));
          c.place_hits = {{kb_.gazetteer->CountryIndex(country), NameRole::kPrimary}};
          AddCand(std::move(c));
          i = j;
          continue;
        }
        if (!role.empty() && !named_after) {
          Cand c;
          c.begin = words_[i].begin;
          c.w0 = i;
          c.w1 = j + rl;
          c.end = words_[j + rl - 1].end;
          c.key = NameKey(SpanText(c.w0, c.w1));
          c.role = role;
          c.role_country = country;
          AddCand(std::move(c));
          i = j + rl;
          continue;
        }
      }
    }
    // "[the] <role> [of [the] <Country>]" not followed by a name: a role description whose
    // country is the one named after it, else the document's (ResolveActors).
    if (t == 0 && !headline_[i] && AddRoleDescription(i, &i)) continue;
    // A dictionary entry may include the title ("President Obama"); prefer the longer.
    Match with_title = t > 0 ? TryMatch(i, false) : Match();
    Match m = TryMatch(s, t > 0);
    uint32_t start = s;
    if (with_title.len > 0 && i + with_title.len > s + m.len) {
      m = std::move(with_title);
      start = i;
    }
    // "Abu Salim", "Colonia Lomas de la Presa": a place name inside a longer name that begins
    // with a generic head word is not that place (the longer name is unknown).
    if (m.len > 0 && t == 0 && !m.places.empty() && PartOfHeadedName(start, m.len)) {
      m.places.clear();
      if (m.actors.empty()) {
        i = start + m.len;
        continue;
      }
    }
    if (m.len > 0) {
      Cand c;
      c.begin = words_[i].begin;
      c.w0 = start;
      c.w1 = start + m.len;
      c.end = words_[c.w1 - 1].end;
      c.titled = t > 0 && start == s;
      c.key = NameKey(SpanText(c.w0, c.w1));
      c.actor_hits = std::move(m.actors);
      c.place_hits = std::move(m.places);
      c.headline = headline_[c.w0];
      AddCand(std::move(c));
      i = start + m.len;
      continue;
    }
    if (t > 0 && !headline_[s]) {
      // An unknown name after a title: up to five capitalised words (al-, bin allowed).
      uint32_t k = s;
      while (k < n && k - s < 5 && (k == s || words_[k].gap != Gap::kBreak) &&
             (words_[k].upper || (IsConnector(words_[k].lower) && k + 1 < n && words_[k + 1].upper &&
                                  words_[k + 1].gap != Gap::kBreak)))
        ++k;
      if (k > s) {
        Cand c;
        c.begin = words_[i].begin;
        c.w0 = s;
        c.w1 = k;
        c.end = words_[k - 1].end;
        c.titled = true;
        c.key = NameKey(SpanText(s, k));
        AddCand(std::move(c));
        i = k;
        continue;
      }
    }
    ++i;
  }
  MergeDemonymPrefixes();
}

bool Linker::AddRoleDescription(uint32_t i, uint32_t* next) {
  const uint32_t n = static_cast<uint32_t>(words_.size());
  uint32_t rl = 0;
  std::string role = RoleDescription(words_, i, &rl);
  if (role.empty()) return false;
  bool after_the = i > 0 && words_[i].gap != Gap::kBreak && words_[i - 1].lower == "the";
  if (!after_the && !words_[i].upper) return false;
  uint32_t j = i + rl;  // the word after the role
  if (j < n && words_[j].upper && words_[j].gap == Gap::kSpace) return false;  // a title
  std::string country;
  uint32_t end = j;
  if (j + 1 < n && words_[j].lower == "of" && words_[j].gap == Gap::kSpace) {
    uint32_t k = j + 1;
    if (words_[k].lower == "the" && k + 1 < n) ++k;
    uint32_t cl = words_[k].gap == Gap::kBreak ? 0 : CountryAt(k, &country);
    // "prime minister of Iraq" takes the country in; "... of the Iraqi Armed Forces" leaves
    // the actor after it to be found on its own.
    if (cl > 0 && !(k + cl < n && words_[k + cl].upper && words_[k + cl].gap == Gap::kSpace))
      end = k + cl;
  }
  if (role == "capital" && country.empty() && !after_the) return false;
  Cand c;
  c.begin = words_[i].begin;
  c.w0 = i;
  c.w1 = end;
  c.end = words_[end - 1].end;
  c.key = NameKey(SpanText(c.w0, c.w1));
  c.role = role;
  c.role_country = country;
  AddCand(std::move(c));
  *next = end;
  return true;
}

void Linker::MergeDemonymPrefixes() {
  // "Iraqi Popular Mobilization Forces": a country word right before an actor of that
  // country is part of the actor's mention.
  if (!kb_.gazetteer) return;
  for (size_t i = 0; i + 1 < cands_.size(); ++i) {
    Cand& a = cands_[i];
    Cand& b = cands_[i + 1];
    if (a.w1 != b.w0 || b.w0 >= words_.size() || words_[b.w0].gap != Gap::kSpace) continue;
    if (a.place_hits.empty() || b.actor_hits.empty() || !a.actor_hits.empty()) continue;
    std::string cc;
    for (const NameHit& h : a.place_hits)
      if (kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry)
        cc = std::string(kb_.gazetteer->place(h.place).country, 2);
    if (cc.empty()) continue;
    bool same = false;
    for (const ActorHit& h : b.actor_hits)
      same = same || kb_.actors.actor(h.actor).country == cc;
    if (!same) continue;
    b.begin = a.begin;
    a.dropped = true;
    if (!Contains(doc_countries_, cc)) doc_countries_.push_back(cc);
  }
}
}  // namespace sitrep::know

