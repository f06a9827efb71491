// Place resolution from the divisions written after a name: "Juliaca, Puno", "Kimberley
// (Frances Baard, Northern Cape)", "Zainapora town (Shopian district, J&K)". The division
// narrows the name's candidates; an unknown name, or one with no candidate inside the
// division, stands in for the division (its precision is the division's).
#include <algorithm>
#include <cctype>
#include <string>

#include "know/division_names.h"
#include "know/entity_linking.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

// A town is taken to lie in a second-level division of its first-level division when it is
// this close to the division's centre (cities500 has no admin2 index of its own here).
constexpr double kAdmin2RadiusKm = 100;
// Longest unknown name (in words) that may stand in for a division.
constexpr uint32_t kMaxStandInWords = 4;

bool IsLocative(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"in",   "at",   "near",   "of",      "around",
                                                "from", "into", "outside", "towards", "toward",
                                                "to",   "between", "inside"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDivisionKind(PlaceKind k) { return k == PlaceKind::kAdmin1 || k == PlaceKind::kAdmin2; }

}  // namespace

int Linker::DivisionAfter(uint32_t end) const {
  int best = -1;
  for (size_t j = 0; j < cands_.size(); ++j) {
    const Cand& d = cands_[j];
    if (d.dropped || d.type != CandType::kPlace || d.place_hits.empty() || d.begin < end ||
        d.begin - end > 24 || d.stand_in)
      continue;
    if (best < 0 || d.begin < cands_[best].begin) best = static_cast<int>(j);
  }
  if (best < 0) return -1;
  std::string gap = Lower(text_.substr(end, cands_[best].begin - end));
  // An optional settlement or division word first: "Halani town (", "Cuernavaca municipality, ".
  if (gap.size() > 1 && gap[0] == ' ') {
    size_t e = 1;
    while (e < gap.size() && std::isalpha(static_cast<unsigned char>(gap[e]))) ++e;
    std::string_view w = std::string_view(gap).substr(1, e - 1);
    if (e > 1 && (IsSettlementWord(w) || IsDivisionWord(w))) gap = gap.substr(e);
  }
  if (gap == ", " || gap == "," || gap == " (" || gap == " in " || gap == ", in ") return best;
  // "in the Gezira state", "in the state of Gezira", ", in the province of X".
  std::string_view rest = gap;
  if (rest.substr(0, 1) == ",") rest.remove_prefix(1);
  if (rest.substr(0, 8) != " in the ") return -1;
  rest.remove_prefix(8);
  if (rest.empty()) return best;
  size_t sp = rest.find(' ');
  if (sp != std::string_view::npos && rest.substr(sp) == " of " &&
      IsDivisionWord(rest.substr(0, sp)))
    return best;
  return -1;
}

uint32_t Linker::DivisionGapStart(uint32_t w) const {
  // w is the division's first word; back over "in", "in the", "in the state of".
  auto is = [&](uint32_t k, std::string_view s) { return words_[k].lower == s; };
  if (w >= 4 && is(w - 1, "of") && IsDivisionWord(words_[w - 2].lower) && is(w - 3, "the") &&
      is(w - 4, "in"))
    return w - 4;
  if (w >= 2 && is(w - 1, "the") && is(w - 2, "in")) return w - 2;
  if (w >= 1 && is(w - 1, "in")) return w - 1;
  return w;
}

bool Linker::Inside(uint32_t h, uint32_t a) const {
  const Gazetteer& g = *kb_.gazetteer;
  const PlaceRecord& p = g.place(h);
  const PlaceRecord& q = g.place(a);
  if (h == a || p.kind == PlaceKind::kCountry) return false;
  if (q.kind == PlaceKind::kCountry) return std::string_view(p.country, 2) == std::string_view(q.country, 2);
  // Our supplement's regions ("Golan Heights") are no GeoNames division: near is inside.
  if (q.kind == PlaceKind::kAdmin1 && q.admin1 != a)
    return p.kind == PlaceKind::kCity && DistanceKm(p.lat, p.lon, q.lat, q.lon) < kAdmin2RadiusKm;
  if (q.kind == PlaceKind::kAdmin1) return p.admin1 == a;
  if (q.kind == PlaceKind::kAdmin2)
    return p.kind != PlaceKind::kAdmin1 && p.kind != PlaceKind::kAdmin2 && p.admin1 == q.admin1 &&
           q.admin1 != kNoIndex && DistanceKm(p.lat, p.lon, q.lat, q.lon) < kAdmin2RadiusKm;
  return false;
}

void Linker::ConfirmDivisions(const std::vector<std::string>& countries) {
  const Gazetteer& g = *kb_.gazetteer;
  // First-level divisions the document names (any candidate may mean one).
  std::vector<std::pair<uint32_t, const Cand*>> named;  // admin1, the candidate naming it
  for (const Cand& c : cands_)
    if (!c.dropped && c.type == CandType::kPlace)
      for (const NameHit& h : c.place_hits)
        if (g.place(h.place).kind == PlaceKind::kAdmin1) named.push_back({h.place, &c});
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex) continue;
    bool any = std::any_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
      return g.place(h.place).kind == PlaceKind::kAdmin2;
    });
    if (!any) continue;
    // Divisions named by other candidates (a division does not confirm itself), and the
    // countries named or holding those divisions.
    std::vector<std::string> named_countries = countries;
    std::vector<uint32_t> parents;
    for (const auto& [a1, by] : named)
      if (by != &c) {
        parents.push_back(a1);
        std::string_view cc(g.place(a1).country, 2);
        if (!Contains(named_countries, cc)) named_countries.emplace_back(cc);
      }
    bool worded = c.w1 > c.w0 && c.w1 <= words_.size() && IsDivisionWord(words_[c.w1 - 1].lower);
    c.place_hits.erase(
        std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                       [&](const NameHit& h) {
                         const PlaceRecord& p = g.place(h.place);
                         if (p.kind != PlaceKind::kAdmin2) return false;
                         if (std::find(parents.begin(), parents.end(), p.admin1) != parents.end())
                           return false;
                         return !(worded && (named_countries.empty() ||
                                             Contains(named_countries, std::string_view(p.country, 2))));
                       }),
        c.place_hits.end());
    if (c.place_hits.empty()) c.dropped = true;
  }
}

void Linker::NarrowByDivisionAfter() {
  const Gazetteer& g = *kb_.gazetteer;
  for (size_t i = 0; i < cands_.size(); ++i) {
    Cand& c = cands_[i];
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex || c.place_hits.empty() ||
        c.bound_to >= 0)
      continue;
    int j = DivisionAfter(c.end);
    if (j < 0) continue;
    Cand& next = cands_[j];
    bool division = false, country = false;
    for (const NameHit& a : next.place_hits) {
      PlaceKind k = g.place(a.place).kind;
      division = division || IsDivisionKind(k);
      country = country || k == PlaceKind::kCountry;
    }
    if (!division && !country) {
      // "Gobichettipalayam town (Erode, TN)": a parenthesis opening with a town locates the
      // name near that town (the district named after its seat).
      if (text_.substr(c.end, next.begin - c.end).find('(') != std::string_view::npos)
        NarrowNearTown(&c, &next);
      continue;
    }
    std::vector<NameHit> inside, containers;
    for (const NameHit& h : c.place_hits)
      for (const NameHit& a : next.place_hits)
        if (Inside(h.place, a.place)) {
          inside.push_back(h);
          break;
        }
    for (const NameHit& a : next.place_hits)
      if (std::any_of(inside.begin(), inside.end(),
                      [&](const NameHit& h) { return Inside(h.place, a.place); }))
        containers.push_back(a);
    if (!inside.empty()) {
      c.place_hits = std::move(inside);
      c.qualified = true;
      // The name after it is read as the division that holds it ("Juliaca, Puno": the
      // region, not the city of Puno).
      if (next.place == kNoIndex && next.bound_to < 0) next.place_hits = std::move(containers);
      continue;
    }
    // No candidate inside: the name is another place of that division ("Maracas, Tunapuna")
    // or a division itself named again ("Sao Paulo, Sao Paulo"). A far town must not win.
    bool self = std::any_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
      return std::any_of(next.place_hits.begin(), next.place_hits.end(),
                         [&](const NameHit& a) { return a.place == h.place; });
    });
    if (self) continue;
    bool only_divisions = std::all_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
      return g.place(h.place).kind != PlaceKind::kCity;
    });
    if (only_divisions) continue;  // "Iraq, Syria": a list, not a containment
    // "Mosul, Kirkuk": a list of towns of one country, not a containment; a large town
    // spelled exactly stays.
    bool next_town = std::any_of(next.place_hits.begin(), next.place_hits.end(), [&](const NameHit& a) {
      return g.place(a.place).kind == PlaceKind::kCity &&
             std::any_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
               return std::string_view(g.place(h.place).country, 2) ==
                      std::string_view(g.place(a.place).country, 2);
             });
    });
    bool strong = std::any_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
      return g.place(h.place).population >= kStrongPopulation && SpellsOwnName(h.place, c);
    });
    if (next_town || strong) continue;
    if (division) {
      c.place_hits.clear();
      c.bound_to = j;
      c.stand_in = true;
      WidenStandIn(&c);
    } else {
      c.dropped = true;
    }
  }
}

void Linker::NarrowNearTown(Cand* c, Cand* town) {
  const Gazetteer& g = *kb_.gazetteer;
  auto near = [&](uint32_t h, uint32_t a) {
    const PlaceRecord& p = g.place(h);
    const PlaceRecord& q = g.place(a);
    return h != a && p.kind == PlaceKind::kCity && q.kind == PlaceKind::kCity &&
           std::string_view(p.country, 2) == std::string_view(q.country, 2) &&
           DistanceKm(p.lat, p.lon, q.lat, q.lon) < kAdmin2RadiusKm;
  };
  // "Baku (Baku, Azerbaijan)": the same name again is the district named after the town.
  for (const NameHit& h : c->place_hits)
    for (const NameHit& a : town->place_hits)
      if (h.place == a.place) return;
  std::vector<NameHit> kept, anchors;
  for (const NameHit& h : c->place_hits)
    for (const NameHit& a : town->place_hits)
      if (near(h.place, a.place)) {
        kept.push_back(h);
        break;
      }
  if (kept.empty()) return;
  for (const NameHit& a : town->place_hits)
    if (std::any_of(kept.begin(), kept.end(), [&](const NameHit& h) { return near(h.place, a.place); }))
      anchors.push_back(a);
  c->place_hits = std::move(kept);
  c->qualified = true;
  if (town->place == kNoIndex && town->bound_to < 0) town->place_hits = std::move(anchors);
}

void Linker::WidenStandIn(Cand* c) {
  const Gazetteer& g = *kb_.gazetteer;
  uint32_t w0 = c->w0;
  std::vector<size_t> absorbed;  // one-word town candidates that are words of the name ("Wad")
  auto name_word = [&](uint32_t k) {
    const Word& w = words_[k];
    if (!w.upper || w.digit || w.caps || IsDeterminer(w.lower) || IsLocative(w.lower) ||
        IsSettlementWord(w.lower) || IsDivisionWord(w.lower) ||
        kb_.common_words.count(w.lower) > 0 || TitleLength(words_, k) > 0)
      return false;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Cand& o = cands_[i];
      if (&o == c || o.dropped || o.end <= w.begin || o.begin >= w.end) continue;
      bool town = o.w0 == k && o.w1 == k + 1 && o.actor_hits.empty() && o.role.empty() &&
                  o.place == kNoIndex && !o.place_hits.empty() &&
                  std::all_of(o.place_hits.begin(), o.place_hits.end(), [&](const NameHit& h) {
                    return g.place(h.place).kind == PlaceKind::kCity;
                  });
      if (!town) return false;
      absorbed.push_back(i);
    }
    return true;
  };
  while (w0 > 0 && c->w1 - w0 < kMaxStandInWords &&
         (words_[w0].gap == Gap::kSpace || words_[w0].gap == Gap::kJoin)) {
    if (name_word(w0 - 1)) {
      --w0;
    } else if (w0 >= 2 && IsArticleWord(words_[w0 - 1].lower) && !words_[w0 - 1].upper &&
               words_[w0 - 1].gap != Gap::kBreak && c->w1 - w0 + 1 < kMaxStandInWords &&
               name_word(w0 - 2)) {
      w0 -= 2;
    } else {
      break;
    }
  }
  if (w0 != c->w0) {
    for (size_t i : absorbed)
      if (cands_[i].w0 >= w0) cands_[i].dropped = true;
    c->w0 = w0;
    c->begin = words_[w0].begin;
    c->key = NameKey(SpanText(c->w0, c->w1));
  }
  // A lone settlement word ("Village"), or an event's name ("Maulud Celebration").
  if ((c->w1 - c->w0 == 1 &&
       (IsSettlementWord(words_[c->w0].lower) || IsGenericNoun(words_[c->w0].lower))) ||
      IsEventNoun(words_[c->w1 - 1].lower)) {
    c->dropped = true;
    c->stand_in = false;
    c->bound_to = -1;
  }
}

void Linker::AddStandIns() {
  const Gazetteer& g = *kb_.gazetteer;
  const size_t n_before = cands_.size();
  for (size_t ai = 0; ai < n_before; ++ai) {
    const Cand& a = cands_[ai];
    if (a.dropped || a.type != CandType::kPlace || a.w1 <= a.w0 || a.w0 < 2 || a.stand_in)
      continue;
    bool division = std::any_of(a.place_hits.begin(), a.place_hits.end(), [&](const NameHit& h) {
      return IsDivisionKind(g.place(h.place).kind);
    });
    if (!division) continue;
    // Back from the division over "(", ",", "in" and a settlement word to the name's last word.
    int k = static_cast<int>(DivisionGapStart(a.w0)) - 1;
    if (k < 1) continue;
    if (!words_[k].upper && IsSettlementWord(words_[k].lower) && k > 0) --k;
    // An acronym ("UGTT in Kasserine") names an organisation, not a village.
    if (k < 0 || !words_[k].upper || words_[k].digit || words_[k].caps) continue;
    uint32_t last = static_cast<uint32_t>(k);
    if (DivisionAfter(words_[last].end) != static_cast<int>(ai)) continue;
    uint32_t first = last;
    // Capitalised words, and articles between them ("Wad al-Noura").
    while (first > 0 && last - first + 1 < kMaxStandInWords && words_[first].gap != Gap::kBreak &&
           (words_[first - 1].upper ||
            (first >= 2 && IsArticleWord(words_[first - 1].lower) && words_[first - 2].upper &&
             words_[first - 1].gap != Gap::kBreak)))
      --first;
    if (first == 0 || words_[first].gap == Gap::kBreak || !IsLocative(words_[first - 1].lower))
      continue;
    if (first == last && kb_.common_words.count(words_[first].lower) > 0) continue;
    if (IsEventNoun(words_[last].lower)) continue;  // "the Independence Day Parade in X"
    if (IsDeterminer(words_[first].lower)) continue;
    uint32_t begin = words_[first].begin, end = words_[last].end;
    if (Covered(begin, end)) continue;
    Cand c;
    c.w0 = first;
    c.w1 = last + 1;
    c.begin = begin;
    c.end = end;
    c.key = NameKey(SpanText(c.w0, c.w1));
    c.type = CandType::kPlace;
    c.bound_to = static_cast<int>(ai);
    c.stand_in = true;
    AddCand(std::move(c));
  }
}

}  // namespace sitrep::know
