#include "know/entity_linking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "sitrep/base/date.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

constexpr uint32_t kGroupWindowBytes = 1500;
constexpr uint32_t kDefinitionWindowBytes = 300;

int SourceRank(ActorSource s) { return static_cast<int>(s); }

bool IsConnector(std::string_view lower) {
  return lower == "of" || lower == "the" || lower == "for" || lower == "and" || lower == "in" ||
         lower == "al" || lower == "el" || lower == "on" || lower == "bin" || lower == "ibn" ||
         lower == "de" || lower == "du";
}

bool IsAcronymText(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (!(c >= '0' && c <= '9') && c != '-' && c != '&' && c != '.') return false;
  }
  return letters >= 2 && s.size() <= 10;
}

std::string KindFromName(std::string_view lower_last) {
  static const std::pair<std::string_view, std::string_view> kKinds[] = {
      {"forces", "militia"}, {"force", "militia"}, {"army", "rebel_group"},
      {"brigades", "militia"}, {"brigade", "militia"}, {"battalion", "militia"},
      {"militia", "militia"}, {"units", "militia"}, {"corps", "state_military"},
      {"guard", "militia"}, {"party", "political_party"}, {"front", "rebel_group"},
      {"movement", "rebel_group"}, {"group", "rebel_group"}, {"agency", "government"},
      {"ministry", "government"}, {"council", "government"}, {"commission", "government"},
      {"service", "government"}, {"department", "government"}, {"committee", "organization"}};
  for (const auto& [w, k] : kKinds)
    if (lower_last == w) return std::string(k);
  return "organization";
}

int64_t Today() {
  using namespace std::chrono;
  return duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24;
}

}  // namespace

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

void Linker::AddNerSpans() {
  for (const NerSpan& span : options_.ner) {
    if (span.end <= span.begin || span.end > text_.size() || Covered(span.begin, span.end)) continue;
    auto first = std::lower_bound(words_.begin(), words_.end(), span.begin,
                                  [](const Word& w, uint32_t b) { return w.begin < b; });
    auto last = std::lower_bound(words_.begin(), words_.end(), span.end,
                                 [](const Word& w, uint32_t e) { return w.end < e; });
    if (first == words_.end() || last == words_.end() || first > last) continue;
    Cand c;
    c.w0 = static_cast<uint32_t>(first - words_.begin());
    c.w1 = static_cast<uint32_t>(last - words_.begin()) + 1;
    c.begin = words_[c.w0].begin;
    c.end = words_[c.w1 - 1].end;
    std::string name = SpanText(c.w0, c.w1);
    c.key = NameKey(name);
    kb_.actors.LookupKey(c.key, &c.actor_hits);
    bool is_place = span.label == "LOC" || span.label == "GPE" || span.label == "FAC";
    if (is_place && kb_.gazetteer) kb_.gazetteer->LookupKey(c.key, &c.place_hits);
    if (c.actor_hits.empty() && c.place_hits.empty() && !is_place) {
      c.type = CandType::kNewActor;
      c.new_name = name;
      c.new_kind = span.label == "PER" ? "person" : "organization";
    }
    c.titled = span.label == "PER";
    AddCand(std::move(c));
  }
}

void Linker::BindDefinitions() {
  // "Name (ACR)" and "Name (Other Name)": the bracketed text names the same actor.
  const size_t n_before = cands_.size();
  for (size_t i = 0; i < n_before; ++i) {
    Cand& c = cands_[i];
    if (c.dropped || c.role.size()) continue;
    size_t p = c.end;
    while (p < text_.size() && text_[p] == ' ') ++p;
    if (p >= text_.size() || text_[p] != '(') continue;
    size_t close = text_.find(')', p);
    if (close == std::string_view::npos || close - p > 100) continue;
    std::string_view inner = text_.substr(p + 1, close - p - 1);
    if (inner.find('\n') != std::string_view::npos || inner.empty()) continue;
    std::string key = NameKey(inner);
    if (key.empty()) continue;
    std::vector<ActorHit> hits;
    kb_.actors.LookupKey(key, &hits);
    bool acronym = IsAcronymText(inner);
    if (acronym && !hits.empty()) {
      // Bind a known acronym only when it spells the name's initials.
      std::string initials;
      for (uint32_t w = c.w0; w < c.w1; ++w)
        if (words_[w].upper) initials.push_back(static_cast<char>(std::tolower(text_[words_[w].begin])));
      std::string letters;
      for (char ch : inner)
        if (std::isalpha(static_cast<unsigned char>(ch))) letters.push_back(static_cast<char>(std::tolower(ch)));
      if (letters != initials) continue;
    } else if (!acronym && !hits.empty()) {
      continue;
    } else if (!acronym) {
      bool upper = std::isupper(static_cast<unsigned char>(inner[0]));
      if (!upper) continue;
    }
    doc_alias_[key] = static_cast<int>(i);
    int d = CandAt(static_cast<uint32_t>(p), static_cast<uint32_t>(close + 1));
    if (d >= 0) {
      cands_[d].bound_to = static_cast<int>(i);
    } else {
      Cand a;
      a.begin = static_cast<uint32_t>(p + 1);
      a.end = static_cast<uint32_t>(close);
      a.key = key;
      a.bound_to = static_cast<int>(i);
      AddCand(std::move(a));
    }
  }
  // An unknown capitalised name right before "(ACR)": a new actor.
  for (size_t p = text_.find('('); p != std::string_view::npos; p = text_.find('(', p + 1)) {
    size_t close = text_.find(')', p);
    if (close == std::string_view::npos || close - p > 12) continue;
    std::string_view inner = text_.substr(p + 1, close - p - 1);
    if (!IsAcronymText(inner)) continue;
    auto it = std::lower_bound(words_.begin(), words_.end(), static_cast<uint32_t>(p),
                               [](const Word& w, uint32_t b) { return w.end <= b; });
    if (it == words_.begin()) continue;
    int last = static_cast<int>(it - words_.begin()) - 1;
    int k = last;
    while (k >= 0 && last - k < 8 &&
           (words_[k].upper || (IsConnector(words_[k].lower) && k < last))) {
      if (k < last && words_[k + 1].gap == Gap::kBreak) break;
      --k;
    }
    ++k;
    while (k <= last && (!words_[k].upper || IsDeterminer(words_[k].lower))) ++k;
    if (last - k < 1) continue;
    // The acronym spells the run's initials ("Free Tribes Council (FTC)"): the run is one
    // name, whatever was found inside it ("Council" the town). Else a known name ends there.
    std::string initials, letters;
    for (int w = k; w <= last; ++w)
      if (words_[w].upper) initials.push_back(static_cast<char>(std::tolower(text_[words_[w].begin])));
    for (char ch : inner)
      if (std::isalpha(static_cast<unsigned char>(ch))) letters.push_back(static_cast<char>(std::tolower(ch)));
    bool spelled = initials == letters;
    if (!spelled && Covered(static_cast<uint32_t>(p > 40 ? p - 3 : 0), static_cast<uint32_t>(p))) continue;
    if (spelled) {
      bool known = false;  // a dictionary name spans the run exactly
      for (const Cand& o : cands_)
        known = known || (!o.dropped && o.begin <= words_[k].begin && o.end >= words_[last].end &&
                          !o.actor_hits.empty());
      if (known) continue;
      for (Cand& o : cands_)
        if (!o.dropped && o.begin >= words_[k].begin && o.end <= words_[last].end) o.dropped = true;
    }
    Cand c;
    c.w0 = static_cast<uint32_t>(k);
    c.w1 = static_cast<uint32_t>(last + 1);
    c.begin = words_[k].begin;
    c.end = words_[last].end;
    c.type = CandType::kNewActor;
    c.new_name = SpanText(c.w0, c.w1);
    c.new_kind = KindFromName(words_[last].lower);
    c.key = NameKey(c.new_name);
    if (Covered(c.begin, c.end)) continue;
    int root = static_cast<int>(cands_.size());
    AddCand(std::move(c));
    std::string key = NameKey(inner);
    doc_alias_[key] = root;
    Cand a;
    a.begin = static_cast<uint32_t>(p + 1);
    a.end = static_cast<uint32_t>(close);
    a.key = key;
    a.bound_to = root;
    int d = CandAt(a.begin, a.end);
    if (d >= 0) cands_[d].bound_to = root;
    else AddCand(std::move(a));
  }
  // "also known as X", "known as X", "a.k.a. X": X names the actor just before.
  std::string lower(text_);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view phrase : {"also known as ", "known as ", "a.k.a. ", "aka "}) {
    for (size_t p = lower.find(phrase); p != std::string::npos; p = lower.find(phrase, p + 1)) {
      if (p > 0 && std::isalpha(static_cast<unsigned char>(lower[p - 1]))) continue;
      size_t q = p + phrase.size();
      while (q < text_.size() && (text_[q] == '"' || text_[q] == '\'' || text_[q] == ' ' ||
                                  static_cast<unsigned char>(text_[q]) == 0xE2)) {
        if (static_cast<unsigned char>(text_[q]) == 0xE2 && q + 2 < text_.size()) q += 3;
        else ++q;
      }
      int prev = -1;
      for (size_t i = 0; i < cands_.size(); ++i)
        if (!cands_[i].dropped && cands_[i].end <= p && p - cands_[i].end < kDefinitionWindowBytes &&
            cands_[i].bound_to < 0 && (prev < 0 || cands_[i].end > cands_[prev].end))
          prev = static_cast<int>(i);
      if (prev < 0) continue;
      int x = -1;
      for (size_t i = 0; i < cands_.size(); ++i)
        if (!cands_[i].dropped && cands_[i].begin == q) x = static_cast<int>(i);
      if (x >= 0) {
        if (x != prev) cands_[x].bound_to = prev;
        doc_alias_[cands_[x].key] = prev;
        continue;
      }
      auto it = std::lower_bound(words_.begin(), words_.end(), static_cast<uint32_t>(q),
                                 [](const Word& w, uint32_t b) { return w.begin < b; });
      uint32_t k0 = static_cast<uint32_t>(it - words_.begin()), k = k0;
      while (k < words_.size() && k - k0 < 6 && (k == k0 || words_[k].gap != Gap::kBreak) &&
             (words_[k].upper || (IsConnector(words_[k].lower) && k > k0)))
        ++k;
      while (k > k0 && !words_[k - 1].upper) --k;
      if (k == k0) continue;
      Cand a;
      a.w0 = k0;
      a.w1 = k;
      a.begin = words_[k0].begin;
      a.end = words_[k - 1].end;
      a.key = NameKey(SpanText(k0, k));
      a.bound_to = prev;
      for (Cand& inside : cands_)  // the defined name replaces names found inside it
        if (inside.begin >= a.begin && inside.end <= a.end) inside.dropped = true;
      doc_alias_[a.key] = prev;
      AddCand(std::move(a));
    }
  }
  // Later uses of a name defined in the text.
  if (doc_alias_.empty()) return;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    if (!words_[w].upper) continue;
    auto it = doc_alias_.find(NameKey(text_.substr(words_[w].begin, words_[w].end - words_[w].begin)));
    if (it == doc_alias_.end()) continue;
    int d = CandAt(words_[w].begin, words_[w].end);
    if (d >= 0) {
      if (d != it->second && cands_[d].w1 - cands_[d].w0 <= 1) cands_[d].bound_to = it->second;
      continue;
    }
    if (Covered(words_[w].begin, words_[w].end)) continue;
    Cand a;
    a.w0 = w;
    a.w1 = w + 1;
    a.begin = words_[w].begin;
    a.end = words_[w].end;
    a.key = it->first;
    a.bound_to = it->second;
    AddCand(std::move(a));
  }
}

std::vector<uint32_t> Linker::HoldersOf(const std::string& country, std::string_view role) const {
  std::vector<uint32_t> holders = kb_.actors.WithRole(country, role, day_);
  // Where no one is listed as commander-in-chief, the head of state is.
  if (holders.empty() && role == "commander_in_chief")
    holders = kb_.actors.WithRole(country, "head_of_state", day_);
  return holders;
}

std::vector<std::string> Linker::ContextCountries() const {
  // Countries by how often the document names them (names, demonyms, national actors).
  std::unordered_map<std::string, std::pair<int, uint32_t>> count;  // cc -> (mentions, first)
  auto add = [&](std::string_view cc, uint32_t at) {
    if (cc.size() != 2) return;
    auto [it, inserted] = count.emplace(std::string(cc), std::make_pair(0, at));
    ++it->second.first;
  };
  for (const Cand& c : cands_) {
    if (c.dropped) continue;
    if (!c.role_country.empty()) add(c.role_country, c.begin);
    if (kb_.gazetteer)
      for (const NameHit& h : c.place_hits)
        if (kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry) {
          add(std::string_view(kb_.gazetteer->place(h.place).country, 2), c.begin);
          break;
        }
    if (c.actor_hits.size() == 1) {
      const Actor& a = kb_.actors.actor(c.actor_hits[0].actor);
      if (a.source != ActorSource::kPhoenix) add(a.country, c.begin);
    }
  }
  std::vector<std::pair<std::string, std::pair<int, uint32_t>>> v(count.begin(), count.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first
                                            : a.second.second < b.second.second;
  });
  std::vector<std::string> out;
  for (auto& [cc, stats] : v) out.push_back(cc);
  return out;
}

uint32_t Linker::ChooseActor(const std::vector<ActorHit>& hits) const {
  uint32_t best = ActorDictionary::kNoActor;
  double best_score = -1e9;
  for (const ActorHit& h : hits) {
    const Actor& a = kb_.actors.actor(h.actor);
    double s = -10.0 * SourceRank(a.source);
    if (!a.country.empty() && Contains(doc_countries_, a.country)) s += 3;
    for (const ActorRole& r : a.roles)
      if (r.from <= day_ && day_ <= r.to) { s += 2; break; }
    if (best == ActorDictionary::kNoActor || s > best_score) {
      best = h.actor;
      best_score = s;
    }
  }
  return best;
}

bool Linker::IsPerson(const Cand& c) const {
  if (c.type == CandType::kActor) return kb_.actors.actor(c.actor).kind == "person";
  return c.type == CandType::kNewActor && c.new_kind == "person";
}

void Linker::CopyResolution(Cand* to, const Cand& from) const {
  to->type = from.type;
  to->actor = from.actor;
  to->place = from.place;
  to->place_hits = from.place_hits;
  to->new_name = from.new_name;
  to->new_kind = from.new_kind;
  to->new_country = from.new_country;
}

void Linker::ResolveActors() {
  // Countries the document names, for choosing among same-named actors and places.
  for (const Cand& c : cands_) {
    if (!c.role_country.empty() && !Contains(doc_countries_, c.role_country))
      doc_countries_.push_back(c.role_country);
    if (!kb_.gazetteer) continue;
    for (const NameHit& h : c.place_hits) {
      const PlaceRecord& p = kb_.gazetteer->place(h.place);
      if (p.kind == PlaceKind::kCountry && !Contains(doc_countries_, std::string_view(p.country, 2)))
        doc_countries_.emplace_back(p.country, 2);
    }
    if (c.actor_hits.size() == 1) {
      const Actor& a = kb_.actors.actor(c.actor_hits[0].actor);
      if (a.source != ActorSource::kPhoenix && !a.country.empty() && !Contains(doc_countries_, a.country))
        doc_countries_.push_back(a.country);
    }
  }
  std::optional<PlaceResolver> resolver;
  if (kb_.gazetteer) resolver.emplace(*kb_.gazetteer);
  const std::vector<std::string> context = ContextCountries();
  for (Cand& c : cands_) {
    if (c.dropped || c.bound_to >= 0 || c.type == CandType::kNewActor) continue;
    if (!c.role.empty() && c.role_country.empty()) {
      // A role without a country: the document's country that has a holder on its date.
      for (const std::string& cc : context) {
        bool held = c.role == "capital" ? resolver && resolver->Capital(cc) != kNoIndex
                                        : !HoldersOf(cc, c.role).empty();
        if (held) { c.role_country = cc; break; }
      }
      if (c.role_country.empty()) { c.dropped = true; continue; }
    }
    if (!c.role.empty()) {
      if (c.role == "capital" && resolver) {
        uint32_t cap = resolver->Capital(c.role_country);
        if (cap != kNoIndex) {
          c.type = CandType::kPlace;
          c.place = cap;
          c.place_hits = {{cap, NameRole::kPrimary}};
        } else {
          c.dropped = true;
        }
        continue;
      }
      std::vector<uint32_t> holders = HoldersOf(c.role_country, c.role);
      if (!holders.empty()) {
        c.type = CandType::kActor;
        c.actor = holders[0];
      } else {
        c.type = CandType::kNewActor;
        c.new_name = std::string(text_.substr(c.begin, c.end - c.begin));
        c.new_kind = "person";
        c.new_country = c.role_country;
      }
      continue;
    }
    uint32_t actor = ChooseActor(c.actor_hits);
    bool strong_actor = actor != ActorDictionary::kNoActor &&
                        kb_.actors.actor(actor).source != ActorSource::kPhoenix;
    bool strong_place = false;
    if (kb_.gazetteer)
      for (const NameHit& h : c.place_hits) {
        const PlaceRecord& p = kb_.gazetteer->place(h.place);
        if (p.kind != PlaceKind::kCity || p.population >= kStrongPopulation) strong_place = true;
      }
    if (strong_actor || (actor != ActorDictionary::kNoActor && !strong_place)) {
      c.type = CandType::kActor;
      c.actor = actor;
    } else if (!c.place_hits.empty()) {
      c.type = CandType::kPlace;
    } else if (c.titled) {
      c.type = CandType::kNewActor;
      c.new_name = SpanText(c.w0, c.w1);
      c.new_kind = "person";
    } else {
      c.dropped = true;
    }
  }
  // Bound candidates take their root's resolution (roots are never bound themselves).
  for (Cand& c : cands_) {
    if (c.bound_to < 0) continue;
    int root = c.bound_to;
    for (int guard = 0; guard < 8 && cands_[root].bound_to >= 0; ++guard) root = cands_[root].bound_to;
    CopyResolution(&c, cands_[root]);
    c.dropped = cands_[root].dropped;
  }
}

void Linker::LinkSurnames() {
  // Surname (last word) -> the person it belongs to; ambiguous surnames are left out.
  struct Target { int cand; bool ambiguous; };
  std::unordered_map<std::string, Target> surnames;
  auto add = [&](const std::string& key, int cand) {
    if (key.size() < 3) return;
    auto [it, inserted] = surnames.emplace(key, Target{cand, false});
    if (!inserted) {
      const Cand& a = cands_[it->second.cand];
      const Cand& b = cands_[cand];
      bool same = a.type == b.type && a.actor == b.actor &&
                  (a.type != CandType::kNewActor || a.new_name == b.new_name);
      if (!same) it->second.ambiguous = true;
    }
  };
  auto last_word_key = [](std::string_view name) {
    std::string key = NameKey(name);
    size_t sp = key.rfind(' ');
    return sp == std::string::npos ? std::string() : key.substr(sp + 1);
  };
  for (size_t i = 0; i < cands_.size(); ++i) {
    const Cand& c = cands_[i];
    if (c.dropped || !IsPerson(c)) continue;
    std::string_view span = text_.substr(words_.empty() ? 0 : c.begin, c.end - c.begin);
    if (c.w1 > c.w0 + 1) add(last_word_key(SpanText(c.w0, c.w1)), static_cast<int>(i));
    else if (c.w1 == c.w0 && !span.empty()) add(last_word_key(span), static_cast<int>(i));
    if (c.type == CandType::kActor) {
      const Actor& a = kb_.actors.actor(c.actor);
      add(last_word_key(a.name), static_cast<int>(i));
      for (const std::string& al : a.aliases) add(last_word_key(al), static_cast<int>(i));
    }
  }
  auto name_words = [&](const Cand& c) {
    uint32_t n = c.w1 - c.w0;
    if (n == 2 && IsArticleWord(words_[c.w0].lower)) n = 1;
    return n;
  };
  for (Cand& c : cands_) {
    if (c.dropped || c.w1 <= c.w0 || name_words(c) != 1 || c.bound_to >= 0) continue;
    if (c.type == CandType::kActor && kb_.actors.actor(c.actor).source == ActorSource::kCurated &&
        kb_.actors.actor(c.actor).kind != "person")
      continue;
    if (c.type == CandType::kPlace && !c.titled) {
      // A known surname beats a small place of the same name, not a country or a city.
      bool strong = false;
      for (const NameHit& h : c.place_hits)
        if (kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry) strong = true;
      if (strong) continue;
    }
    auto it = surnames.find(c.key);
    if (it == surnames.end() || it->second.ambiguous) {
      if (c.type == CandType::kNewActor && c.new_kind == "person" && c.titled) continue;
      continue;
    }
    const Cand& target = cands_[it->second.cand];
    if (&target == &c) continue;
    CopyResolution(&c, target);
  }
  // Surnames not matched by any dictionary: "Rasoul said", "al-Saidi".
  const uint32_t n = static_cast<uint32_t>(words_.size());
  for (uint32_t w = 0; w < n; ++w) {
    if (!words_[w].upper || Covered(words_[w].begin, words_[w].end)) continue;
    uint32_t w0 = w;
    if (w > 0 && IsArticleWord(words_[w - 1].lower) && words_[w].gap == Gap::kJoin &&
        !Covered(words_[w - 1].begin, words_[w - 1].end))
      w0 = w - 1;
    if (w + 1 < n && words_[w + 1].upper && words_[w + 1].gap != Gap::kBreak) continue;
    std::string key = NameKey(text_.substr(words_[w].begin, words_[w].end - words_[w].begin));
    auto it = surnames.find(key);
    if (it == surnames.end() || it->second.ambiguous) continue;
    Cand c;
    c.w0 = w0;
    c.w1 = w + 1;
    c.begin = words_[w0].begin;
    c.end = words_[w].end;
    c.key = key;
    CopyResolution(&c, cands_[it->second.cand]);
    AddCand(std::move(c));
  }
}

void Linker::LinkGroupReferences() {
  std::string lower(text_);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (size_t p = lower.find("the group"); p != std::string::npos; p = lower.find("the group", p + 1)) {
    size_t e = p + 9;
    if (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) continue;
    if (p > 0 && std::isalpha(static_cast<unsigned char>(lower[p - 1]))) continue;
    if (Covered(static_cast<uint32_t>(p), static_cast<uint32_t>(e))) continue;
    int best = -1;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Cand& c = cands_[i];
      if (c.dropped || c.end > p || p - c.end > kGroupWindowBytes) continue;
      std::string kind = c.type == CandType::kActor ? kb_.actors.actor(c.actor).kind
                         : c.type == CandType::kNewActor ? c.new_kind : "";
      if (kind != "militia" && kind != "rebel_group" && kind != "political_party") continue;
      if (best < 0 || c.end > cands_[best].end) best = static_cast<int>(i);
    }
    if (best < 0) continue;
    Cand c;
    c.begin = static_cast<uint32_t>(p);
    c.end = static_cast<uint32_t>(e);
    c.w0 = c.w1 = 0;
    CopyResolution(&c, cands_[best]);
    AddCand(std::move(c));
  }
}

}  // namespace sitrep::know
