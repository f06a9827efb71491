// The linker's candidates: the scan over the text for names, country words, role descriptions
// and titled names. The dictionary match under the case rules is in name_match.cc; definitions,
// actors, surnames and places live in definitions.cc, actor_linking.cc, coreference.cc,
// place_linking.cc and place_context.cc.
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
         lower == "de" || lower == "du" || lower == "la" || lower == "del" || lower == "do" ||
         lower == "da" || lower == "dos" || lower == "das" || lower == "des" || lower == "di" ||
         lower == "los" || lower == "las";
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

