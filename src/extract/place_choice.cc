// The event's place (see ChoosePlace in extract/mention.h): the place told for the event,
// checked against the places the article names with it. A name whose qualifier does not hold
// it ("Pisky, Donetsk" read as a Pisky 400 km away) and a lone place of another country than
// the article's ("Gorgan" in Iran among Azerbaijani villages) are namesakes resolved
// elsewhere; a finer place inside the chosen one refines it.
#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr double kInsideTownKm = 30;      // a point or quarter this close lies inside the town
constexpr double kInsideDistrictKm = 40;  // a town this close to a district's centre lies in it
constexpr double kSupportKm = 100;        // two towns this close tell of one area
constexpr int kLeadSentences = 3;         // sentences that open an article and name its place

// `fine` is a more precise place inside `coarse` (a town in its province, a quarter in its town).
// A second-level division shares its admin1 with the whole province, so it needs nearness.
bool Inside(const Entity& fine_e, const Entity& coarse_e) {
  const Geo& fine = *fine_e.geo;
  const Geo& coarse = *coarse_e.geo;
  // A second-level division ("Aniocha South LGA", "Jaghuri district") lies in its province,
  // though both carry the precision of a division.
  if (fine_e.id.rfind("admin2:", 0) == 0 && coarse_e.id.rfind("admin1:", 0) == 0)
    return fine.country == coarse.country && !fine.admin1.empty() && fine.admin1 == coarse.admin1;
  if (fine.precision >= coarse.precision || fine.country != coarse.country) return false;
  if (coarse.precision == Precision::kCountry) return !coarse.country.empty();
  // A name standing in for its division ("Kuriga" at Chikun's centre) is a village: nothing
  // else lies inside it.
  if (coarse_e.id.rfind("in:", 0) == 0) return false;
  bool admin2 = coarse_e.id.rfind("admin2:", 0) == 0;
  if (coarse.precision == Precision::kAdmin1 && !admin2)
    return !coarse.admin1.empty() && fine.admin1 == coarse.admin1;
  return Km(fine, coarse) <= (admin2 ? kInsideDistrictKm : kInsideTownKm);
}

// "Kuriga, Kaduna State" with Kuriga unknown to the gazetteer: a name placed inside the
// division (same coordinates), more precise in words than the division itself.
bool NamedInside(const Entity& named, const Entity& division) {
  return named.id.rfind("in:", 0) == 0 && named.id.size() > 3 + division.id.size() &&
         named.id.compare(3, division.id.size(), division.id) == 0;
}

// Another town or division of the article lies in, around or near the place: names resolved
// to a namesake far away ("Barra de Sao Miguel, Alagoas" read as Aleppo) have none.
bool Supported(const DocContext& doc, const Entity& e) {
  for (const Entity& o : doc.entities) {
    if (&o == &e || !o.geo || o.geo->precision == Precision::kCountry) continue;
    bool near = o.geo->precision != Precision::kAdmin1 && e.geo->precision != Precision::kAdmin1 &&
                Km(*o.geo, *e.geo) <= kSupportKm;
    if (near || Inside(o, e) || Inside(e, o)) return true;
  }
  return false;
}

// Every mention of the place is a dateline: where the report was filed, not where the event
// happened (a place the article also names in its prose is a place of it).
bool DatelineOnly(const DocContext& doc, const Entity& e) {
  for (const EntityMention& em : e.mentions) {
    if (!InDateline(doc.text, em.begin, em.end)) return false;
  }
  return !e.mentions.empty();
}

bool Possessive(const SentenceInfo& s, const EntityRef& r) {
  size_t next = r.first_token;
  while (next < s.lower.size() && s.sentence->tokens[next].begin < r.end) ++next;
  return next < s.lower.size() && s.lower[next] == "'s";
}

// The article's own place: the first town or division named in its opening sentences ("In X,
// ...", "X (Province): ...", a dateline), not as a possessive ("Iraq's PMF").
// A dateline is taken only when the opening sentences name no other place.
const Entity* LeadPlace(const DocContext& doc, const std::function<bool(const Entity&)>& usable) {
  const Entity* dateline = nullptr;
  for (size_t si = 0; si < doc.info.size() && si < kLeadSentences; ++si) {
    for (const EntityRef& r : doc.info[si].entities) {
      const Entity& e = doc.entities[r.entity];
      if (!r.place || !e.geo || e.geo->precision == Precision::kCountry || !usable(e)) continue;
      if (Possessive(doc.info[si], r) || DistanceOrigin(doc.info[si], r.first_token)) continue;
      if (!DatelineOnly(doc, e)) return &e;
      if (!dateline) dateline = &e;
    }
  }
  return dateline;
}

// The country's adjective ("Israeli", "Russian", "Sudanese", "Turkish"), not its name.
bool Demonym(std::string_view text, const EntityRef& r, const Entity& e) {
  std::string_view w = text.substr(r.begin, r.end - r.begin);
  if (w == e.name || w.size() < 4) return false;
  for (std::string_view suffix : {"i", "an", "ese", "ish", "ic"}) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
  }
  return false;
}

// A country told as where ("killed in Iraq", "across Sudan"), not as who acted ("the US
// conducted strikes") or whose office ("US Senator"): a locative word right before it.
bool Locative(const SentenceInfo& s, const EntityRef& r) {
  int i = r.first_token - 1;
  if (i >= 0 && s.lower[i] == "the") --i;
  if (i < 0) return false;
  static constexpr std::string_view kLocative[] = {"in", "across", "into", "inside", "throughout",
                                                   "within", "near", "to", "from", "at", "of",
                                                   "over", "on", "northern", "southern",
                                                   "eastern", "western", "central"};
  return std::find(std::begin(kLocative), std::end(kLocative), s.lower[i]) != std::end(kLocative);
}


// A name and the place written after it tell of one area: one holds the other, they lie in
// one first-level division ("Khas Urozgan district, Urozgan"), or two towns are near.
bool Related(const Entity& a, const Entity& b) {
  bool near = a.geo->precision != Precision::kAdmin1 && b.geo->precision != Precision::kAdmin1 &&
              Km(*a.geo, *b.geo) <= kSupportKm;
  bool one_division = !a.geo->admin1.empty() && a.geo->admin1 == b.geo->admin1;
  return near || one_division || Inside(a, b) || Inside(b, a) || NamedInside(a, b) ||
         NamedInside(b, a);
}

// "Pisky, Donetsk", "San Jeronimo suburb, Cusco city", "Ludhiana city (Punjab)", "Jaghuri
// district in Ghazni", "the Cuauhtemoc area of Mexico City": the place written right after a
// name qualifies it. Returns that place when the name was resolved outside it (neither holds
// the other, nor are they near): the name is a namesake far away, the qualifier is right.
const Entity* ContradictingQualifier(const DocContext& doc, const Entity& e, int depth = 0) {
  static constexpr std::string_view kKindWords[] = {
      " suburb", " city", " town", " village", " municipality", " district", " sub-district",
      " area", " province", " state", " region", " county", " neighbourhood", " neighborhood",
      " locality", " commune", " department", " governorate", " lga", " barangay"};
  const int index = static_cast<int>(&e - doc.entities.data());
  for (const SentenceInfo& s : doc.info) {
    for (size_t k = 0; k + 1 < s.entities.size(); ++k) {
      const EntityRef& r = s.entities[k];
      const EntityRef& q = s.entities[k + 1];
      if (r.entity != index || !q.place || q.entity == index || q.begin < r.end) continue;
      const Entity& y = doc.entities[q.entity];
      // Only a qualifier of the name's own country tells which namesake it is ("Brasilia,
      // Distrito Federal" with the division read in Venezuela does not).
      if (!y.geo || y.geo->precision == Precision::kCountry || y.geo->country != e.geo->country)
        continue;
      std::string gap(doc.text.substr(r.end, q.begin - r.end));
      for (char& c : gap) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool worded = false;
      for (std::string_view w : kKindWords) {
        if (gap.size() > w.size() && gap.compare(0, w.size(), w) == 0 &&
            !std::isalpha(static_cast<unsigned char>(gap[w.size()]))) {
          gap.erase(0, w.size());
          worded = true;
          break;
        }
      }
      bool qualifies = gap == ", " || gap == " (" || gap == " in " || gap == ", in " ||
                       (worded && (gap == " of " || gap == " in the "));
      // "Kasserine (Ezzouhour, Kasserine)": a qualifier that its own qualifier contradicts is
      // the namesake, not the name.
      if (qualifies && !Related(e, y) && (depth > 0 || !ContradictingQualifier(doc, y, 1)))
        return &y;
    }
  }
  return nullptr;
}

// Place entities per country (water sites of no country count under ""): the article's
// countries by how many of its places lie in them.
std::map<std::string, int> PlacesPerCountry(const DocContext& doc) {
  std::map<std::string, int> n;
  for (const Entity& e : doc.entities) {
    if (e.geo) ++n[e.geo->country];
  }
  return n;
}

// The only place of its country in an article whose places lie in another one (two or more
// there), and no other place near it or holding it: a namesake abroad ("Gorgan" in Iran for
// a village in Fizuli, Azerbaijan; "Black Sea" in a report from Mogadishu).
bool Foreign(const DocContext& doc, const std::map<std::string, int>& per_country,
             const Entity& e) {
  auto own = per_country.find(e.geo->country);
  if (own == per_country.end() || own->second > 1) return false;
  bool elsewhere = std::any_of(per_country.begin(), per_country.end(), [&](const auto& kv) {
    return kv.first != e.geo->country && kv.second >= 2;
  });
  return elsewhere && !Supported(doc, e);
}

// The most precise place named in the group's sentences that lies inside `chosen` ("the
// Uruapan-Patzcuaro road in Michoacan").
const Entity* Refine(const DocContext& doc, const std::vector<Mention>& mentions,
                     const std::vector<int>& group, const Entity* chosen) {
  const Entity* fine = chosen;
  for (int i : group) {
    for (const EntityRef& r : doc.info[mentions[i].sentence].entities) {
      const Entity& e = doc.entities[r.entity];
      if (r.place && e.geo && (Inside(e, *fine) || NamedInside(e, *fine))) fine = &e;
    }
  }
  return fine;
}

}  // namespace

bool InDateline(std::string_view text, uint32_t begin, uint32_t end) {
  constexpr size_t kDatelineBytes = 48;  // from the phrase's end to the dash, and before it
  // Before it, back to the paragraph's start: only capitalised words, commas, dots, spaces.
  size_t start = begin;
  while (start > 0 && text[start - 1] != '\n') {
    --start;
    unsigned char c = static_cast<unsigned char>(text[start]);
    bool word_start = std::isalpha(c) && (start == 0 || !std::isalpha(static_cast<unsigned char>(text[start - 1])));
    if ((word_start && std::islower(c)) || begin - start > kDatelineBytes) return false;
    if (!std::isalnum(c) && c != ' ' && c != ',' && c != '.' && c != '\'' && c < 0x80) return false;
  }
  bool in_parens = false;
  for (size_t i = end; i < text.size() && i < end + kDatelineBytes; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') return false;
    if (c == '(') in_parens = true;
    if (c == ')') in_parens = false;
    bool word_start = std::isalpha(c) && (i == end || !std::isalpha(static_cast<unsigned char>(text[i - 1])));
    if (word_start && std::islower(c) && !in_parens) return false;  // prose: "killed", "said"
    bool dash = (c == '-' || c == '_') && i > end && text[i - 1] == ' ';
    if (dash || text.substr(i, 3) == "\xE2\x80\x94" || text.substr(i, 3) == "\xE2\x80\x93")
      return i > end;
  }
  return false;
}

// The event's place. First the place the event is told with: the place the dependency tree
// attaches to a trigger, the locative place nearest a trigger, its other places (places that
// another place of the article supports first, then strong triggers before weak, earlier
// reports first), unless a sentence of the group opens with another place ("In X, ..."); a
// more precise place of its sentences inside that one refines it. A group with none takes its
// opening place, a locative place farther off in its sentences, else the article's.
const Entity* ChoosePlace(const DocContext& doc, const std::vector<Mention>& mentions,
                          const std::vector<int>& group) {
  const std::map<std::string, int> per_country = PlacesPerCountry(doc);
  auto usable = [&](const Entity& e) { return e.geo && !Foreign(doc, per_country, e); };
  // A name its qualifier does not hold is a namesake: the qualifier stands for it.
  auto told = [&](const Entity& e) -> const Entity& {
    if (e.geo->precision == Precision::kCountry || Supported(doc, e)) return e;
    const Entity* q = ContradictingQualifier(doc, e);
    return q ? *q : e;
  };
  const Entity* best = nullptr;
  std::tuple<int, int, int, size_t> best_rank{1 << 30, 0, 0, 0};
  for (size_t k = 0; k < group.size(); ++k) {
    const Mention& m = mentions[group[k]];
    int weak = m.strength == Strength::kWeak;
    auto consider = [&](int p, int tier) {
      // A dateline is where the report was filed: the article's place only when its text
      // names no other (LeadPlace below).
      if (!usable(doc.entities[p]) || DatelineOnly(doc, doc.entities[p])) return;
      const Entity& e = told(doc.entities[p]);
      // Support ranks towns and divisions; a country is never preferred to a town for it.
      bool country = e.geo->precision == Precision::kCountry;
      std::tuple<int, int, int, size_t> rank{country || !Supported(doc, e), weak, tier, k};
      if (rank < best_rank) best = &e, best_rank = rank;
    };
    if (m.role_place) consider(*m.role_place, 0);
    for (size_t j = 0; j < m.places.size(); ++j) consider(m.places[j], j == 0 ? 1 : 2);
  }
  if (best) {
    // A sentence that opens "In X, ..." tells its events in X: a place named later that does
    // not lie inside X is another place (or a namesake resolved elsewhere).
    for (int i : group) {
      const std::optional<int>& f = mentions[i].frame_place;
      if (!f || !usable(doc.entities[*f]) || &told(doc.entities[*f]) == best ||
          DatelineOnly(doc, doc.entities[*f]))
        continue;
      const Entity& frame = told(doc.entities[*f]);
      bool trusted = Supported(doc, frame) || std::get<0>(best_rank);
      if (trusted && !Inside(*best, frame)) best = &frame;
      break;
    }
    return Refine(doc, mentions, group, best);
  }
  // No place told with a trigger: the group's opening place, a place farther off in its
  // sentences, each refined like the told one ("killed in the area of Rumbek (Lakes state),
  // ..., amid clashes": Rumbek, not Lakes).
  for (int i : group) {
    const std::optional<int>& f = mentions[i].frame_place;
    if (f && usable(doc.entities[*f])) return Refine(doc, mentions, group, &told(doc.entities[*f]));
  }
  for (int i : group) {
    for (int p : mentions[i].far_places) {
      if (usable(doc.entities[p])) return Refine(doc, mentions, group, &told(doc.entities[p]));
    }
  }
  // The article's opening place, unless the group's sentences name a country it is not in
  // ("killed in Burkina Faso" beside "a country in West Africa" read as West, Texas): then
  // that country.
  // A country named only by its adjective ("an Israeli strike", "Russian missiles") or as an
  // agent ("the US conducted") names who acted, not where: it comes after the opening place;
  // one that acted is no place of it.
  const Entity* lead = LeadPlace(doc, usable);
  if (lead) lead = Refine(doc, mentions, group, &told(*lead));
  const Entity* country = nullptr;
  const Entity* demonym = nullptr;
  auto acts = [&](int entity) {  // the country is who acted ("the US conducted strikes")
    for (int i : group) {
      const Mention& m = mentions[i];
      if (m.actor1 == entity || m.role_actor1 == entity) return true;
    }
    return false;
  };
  for (int i : group) {
    for (const EntityRef& r : doc.info[mentions[i].sentence].entities) {
      const Entity& e = doc.entities[r.entity];
      if (!r.place || !e.geo || e.geo->precision != Precision::kCountry) continue;
      if (lead && lead->geo->country == e.geo->country) return lead;
      if (acts(r.entity)) continue;
      // An adjective or an agent ("An Israeli strike", "the US conducted") names who acted.
      if (Demonym(doc.text, r, e) || !Locative(doc.info[mentions[i].sentence], r)) {
        if (!demonym) demonym = &e;
      } else if (!country) {
        country = &e;
      }
    }
  }
  return country ? country : lead ? lead : demonym;
}
}  // namespace sitrep::extract
