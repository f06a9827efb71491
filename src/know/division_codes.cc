// Short codes of first-level divisions after a place name: "Salem city (Salem, TN)",
// "Pratapgarh (UP)", "Poonch district (J&K)", "Swat (KPK)". The codes are our data
// (data/know_division_codes.tsv, compiled as codes of the division); a code keeps that meaning
// only where it is written as a qualifier and the name before it lies inside the division.
#include <algorithm>
#include <cctype>
#include <string>

#include "know/division_names.h"
#include "know/entity_linking.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

bool IsDivisionCodeHit(const Gazetteer& g, const NameHit& h) {
  return h.role == NameRole::kCode && g.place(h.place).kind == PlaceKind::kAdmin1;
}

}  // namespace

bool Linker::DivisionCodeContext(uint32_t w, uint32_t len) const {
  if (w == 0 || w + len > words_.size()) return false;
  const Word& prev = words_[w - 1];  // "Salem, TN", "Poonch district (J&K)"
  if (!prev.upper && !IsSettlementWord(prev.lower) && !IsDivisionWord(prev.lower)) return false;
  std::string_view before = text_.substr(words_[w - 1].end, words_[w].begin - words_[w - 1].end);
  if (before.find_first_of("(,") == std::string_view::npos || before.size() > 3) return false;
  const uint32_t last = w + len - 1;
  if (last + 1 == words_.size()) return true;
  std::string_view after =
      text_.substr(words_[last].end, words_[last + 1].begin - words_[last].end);
  return after.find_first_of("\n.,;:)") != std::string_view::npos;
}

Linker::Match Linker::AmpersandCode(uint32_t s) const {
  // "J&K", "AJ&K": capital letters on both sides of a bare "&".
  Match m;
  const uint32_t n = static_cast<uint32_t>(words_.size());
  if (!kb_.gazetteer || s + 1 >= n || !words_[s].upper || !words_[s + 1].upper) return m;
  const Word& a = words_[s];
  const Word& b = words_[s + 1];
  if (a.end - a.begin > 2 || b.end - b.begin > 2 || text_.substr(a.end, b.begin - a.end) != "&")
    return m;
  if (!(a.caps || a.end - a.begin == 1) || !(b.caps || b.end - b.begin == 1)) return m;
  if (!DivisionCodeContext(s, 2)) return m;
  kb_.gazetteer->LookupKey(NameKey(text_.substr(a.begin, b.end - a.begin)), &m.places);
  const Gazetteer& g = *kb_.gazetteer;
  m.places.erase(std::remove_if(m.places.begin(), m.places.end(),
                                [&](const NameHit& h) { return !IsDivisionCodeHit(g, h); }),
                 m.places.end());
  if (!m.places.empty()) m.len = 2;
  return m;
}

void Linker::ResolveDivisionCodes() {
  if (!kb_.gazetteer) return;
  const Gazetteer& g = *kb_.gazetteer;
  for (Cand& c : cands_) {
    if (c.dropped || c.place_hits.empty()) continue;
    bool any = std::any_of(c.place_hits.begin(), c.place_hits.end(),
                           [&](const NameHit& h) { return IsDivisionCodeHit(g, h); });
    if (!any) continue;
    // The name right before the code: "Salem, TN", "Pratapgarh (UP)", "Etah district (UP)".
    const Cand* before = nullptr;
    for (const Cand& o : cands_) {
      if (&o == &c || o.dropped || o.end > c.begin || c.begin - o.end > 24) continue;
      if (before == nullptr || o.end > before->end) before = &o;
    }
    std::vector<NameHit> codes;
    if (before != nullptr) {
      std::string gap(text_.substr(before->end, c.begin - before->end));
      size_t e = 0;
      while (e < gap.size() && gap[e] == ' ') ++e;
      size_t w = e;
      while (w < gap.size() && std::isalpha(static_cast<unsigned char>(gap[w]))) ++w;
      std::string word = FoldName(gap.substr(e, w - e));
      if (w > e && (IsSettlementWord(word) || IsDivisionWord(word))) gap = gap.substr(w);
      bool qualifier = gap.find_first_of("(,") != std::string::npos &&
                       gap.find_first_not_of(" (,") == std::string::npos;
      for (const NameHit& h : c.place_hits)
        if (qualifier && IsDivisionCodeHit(g, h) &&
            std::any_of(before->place_hits.begin(), before->place_hits.end(),
                        [&](const NameHit& b) { return Inside(b.place, h.place); }))
          codes.push_back(h);
    }
    if (!codes.empty()) {
      // "TN" after a town of Tamil Nadu is the state, not Tunisia.
      c.place_hits = std::move(codes);
      c.actor_hits.clear();
      continue;
    }
    c.place_hits.erase(std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                                      [&](const NameHit& h) { return IsDivisionCodeHit(g, h); }),
                       c.place_hits.end());
    if (c.place_hits.empty() && c.actor_hits.empty() && c.role.empty()) c.dropped = true;
  }
}

}  // namespace sitrep::know
