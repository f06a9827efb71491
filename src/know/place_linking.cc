// Place resolution of the linker: candidates narrowed by the division written after a name,
// one-word towns abroad filtered, names of one meaning first, the rest in the document's
// context; towns reached only through a normalised key need support from that context.
#include <algorithm>
#include <string>

#include "know/division_names.h"
#include "know/entity_linking.h"
#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

// Least population for a one-word town name: at home (a country the document names),
// abroad, and on a title-case line where every word is capitalised.
constexpr uint32_t kMinHomePopulation = 0;  // GeoNames often has 0 for towns
constexpr uint32_t kMinForeignPopulation = 100000;
constexpr uint32_t kHeadlinePopulation = 100000;
// A town reached only through a normalised key, in a country the document never names, is
// kept only within this distance of the document's other places.
constexpr double kSupportKm = 1000;
// Beside a place the text locates by its division ("in Rapar town (Kachchh, Gujarat)"), a
// town farther than this from it and outside its division is a homonym of a local name
// (a neighbourhood, a village, a prison) unless it is a capital, a division seat or this large.
constexpr double kAnchorKm = 150;
constexpr uint32_t kLandmarkPopulation = 1000000;

}  // namespace

bool Linker::AfterLocative(const Cand& c) const {
  if (c.titled) return false;
  // "Lunsar town", "Atakent village": the text says what the name is.
  if (c.w1 < words_.size() && words_[c.w1].gap == Gap::kSpace &&
      (words_[c.w1].lower == "town" || words_[c.w1].lower == "village"))
    return true;
  if (c.w0 == 0 || words_[c.w0].gap != Gap::kSpace) return false;
  std::string_view w = words_[c.w0 - 1].lower;
  // "the town of Zhukovskiy", "the village of Gubden".
  if (w == "of" && c.w0 >= 2 && words_[c.w0 - 1].gap == Gap::kSpace &&
      (words_[c.w0 - 2].lower == "town" || words_[c.w0 - 2].lower == "village" ||
       words_[c.w0 - 2].lower == "city"))
    return true;
  return w == "in" || w == "near" || w == "at" || w == "outside" || w == "around";
}

bool Linker::SpellsOwnName(uint32_t place, const Cand& c) const {
  const Gazetteer& g = *kb_.gazetteer;
  std::string own = FoldName(g.Name(place));
  std::string text = FoldName(SpanText(c.w0, c.w1));
  std::string bare = c.w1 - c.w0 > 1 && IsArticleWord(words_[c.w0].lower)
                         ? FoldName(SpanText(c.w0 + 1, c.w1)) : std::string();
  return text == own || (!bare.empty() && bare == own);
}

bool Linker::SpellsName(uint32_t place, const Cand& c) const {
  if (SpellsOwnName(place, c)) return true;
  const Gazetteer& g = *kb_.gazetteer;
  std::string text = FoldName(SpanText(c.w0, c.w1));
  if (g.SpelledAlternate(place, text)) return true;
  return c.w1 - c.w0 > 1 && IsArticleWord(words_[c.w0].lower) &&
         g.SpelledAlternate(place, FoldName(SpanText(c.w0 + 1, c.w1)));
}

bool Linker::Supported(uint32_t place, const Cand& c, const PlaceContext& ctx) const {
  const Gazetteer& g = *kb_.gazetteer;
  const PlaceRecord& p = g.place(place);
  const bool division = p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kAdmin2;
  // A division named by a compass word alone ("East": "the Middle East war") is spelled like
  // an ordinary word: it needs support like a division reached through the key.
  const bool compass = division && IsCompassName(g.Name(place));
  if ((p.kind != PlaceKind::kCity && !division) || c.qualified ||
      (SpellsOwnName(place, c) && !compass))
    return true;
  if (division) {
    // A division reached only through the key ("Kara" -> Ceará), in a country the document
    // does not name and far from its places, is a homonym of a word of the text.
    if (Contains(ctx.countries, std::string_view(p.country, 2)) ||
        (SpellsName(place, c) && !compass))
      return true;
    for (const auto& [lat, lon] : ctx.points)
      if (DistanceKm(lat, lon, p.lat, p.lon) < kSupportKm) return true;
    return ctx.points.empty() && ctx.countries.empty();
  }
  // An alternate spelled out ("Geneva") when the document locates nothing else; beside far
  // places it is more often a local name ("Madina hospital" in Mogadishu is not Medina).
  if (ctx.points.empty() && SpellsName(place, c)) return true;
  for (const auto& [lat, lon] : ctx.points)
    if (DistanceKm(lat, lon, p.lat, p.lon) < kSupportKm) return true;
  // In a country the document names: a large town, or any when no other place is resolved
  // ("Jina" is Jena, Louisiana only if the document's places are in the US).
  if (Contains(ctx.countries, std::string_view(p.country, 2)))
    return p.population >= kStrongPopulation || ctx.points.empty();
  // No place or country of the document near it: only a document of no other place may keep it
  // (dropping those too lowered ACLED loc25km from 0.325 to 0.311: see bench/results/know.md).
  return ctx.points.empty() && ctx.countries.empty();
}

bool Linker::NamesOwnDivision(uint32_t town, const std::vector<NameHit>& hits) const {
  const Gazetteer& g = *kb_.gazetteer;
  const PlaceRecord& p = g.place(town);
  if (p.admin1 == kNoIndex) return false;
  return std::any_of(hits.begin(), hits.end(), [&](const NameHit& o) {
    const PlaceRecord& q = g.place(o.place);
    return o.place == p.admin1 ||
           (q.kind == PlaceKind::kAdmin2 && q.admin1 == p.admin1 &&
            DistanceKm(p.lat, p.lon, q.lat, q.lon) < kAnchorKm);
  });
}

void Linker::DropFarSmallTowns() {
  const Gazetteer& g = *kb_.gazetteer;
  // Anchors: places the text locates by a division written after them.
  std::vector<uint32_t> anchors;
  for (const Cand& c : cands_)
    if (!c.dropped && c.type == CandType::kPlace && c.qualified && c.place != kNoIndex &&
        g.place(c.place).kind != PlaceKind::kCountry)
      anchors.push_back(c.place);
  if (anchors.empty()) return;
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place == kNoIndex || c.qualified ||
        c.stand_in || c.bound_to >= 0)
      continue;
    const PlaceRecord& p = g.place(c.place);
    if (p.kind != PlaceKind::kCity || p.population >= kLandmarkPopulation ||
        p.feature == Feature::kCapital || p.feature == Feature::kAdmin1Seat)
      continue;
    bool near = std::any_of(anchors.begin(), anchors.end(), [&](uint32_t a) {
      const PlaceRecord& q = g.place(a);
      return (p.admin1 != kNoIndex && (q.admin1 == p.admin1 || a == p.admin1)) ||
             DistanceKm(p.lat, p.lon, q.lat, q.lon) < kAnchorKm;
    });
    if (!near) c.dropped = true;
  }
}

void Linker::ResolvePlaces() {
  if (!kb_.gazetteer) {
    for (Cand& c : cands_)
      if (c.type == CandType::kPlace && c.place == kNoIndex) c.dropped = true;
    return;
  }
  const Gazetteer& g = *kb_.gazetteer;
  PlaceResolver resolver(g);
  PlaceContext ctx;
  ctx.countries = doc_countries_;
  DropSupranationalDivisions();
  // Second-level divisions only where the document confirms them (place_context.cc).
  ConfirmDivisions(doc_countries_);
  // A name read inside a longer name ("Lac Vert", "Gran Grif") names no country of its own.
  for (Cand& c : cands_)
    c.inner = !c.dropped && c.type == CandType::kPlace && c.place == kNoIndex &&
              InsideLongerName(c);
  // ... unless a division the document names holds it ("Pong Hai village, ... Chiang Rai").
  for (Cand& c : cands_)
    if (c.inner && InNamedDivision(c)) c.inner = false;
  // A town's name heading an organisation's name is the organisation's, wherever it lies.
  for (Cand& c : cands_)
    if (!c.dropped && c.type == CandType::kPlace && c.place == kNoIndex &&
        HeadsOrganisationName(c))
      c.inner = true;
  // Divisions and sites of one country name that country too ("Anbar province").
  for (const Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place_hits.empty() || c.inner) continue;
    // A division with a town of its name in the same country ("Donetsk") names it too.
    std::string_view cc(g.place(c.place_hits[0].place).country, 2);
    bool one = true, division = false;
    for (const NameHit& h : c.place_hits) {
      const PlaceRecord& p = g.place(h.place);
      one = one && std::string_view(p.country, 2) == cc;
      division = division || p.kind != PlaceKind::kCity;
    }
    one = one && division;
    if (one && !Contains(ctx.countries, cc)) ctx.countries.emplace_back(cc);
  }
  // Divisions written after names narrow the names before them and place unknown names.
  NarrowByDivisionAfter();
  AddStandIns();
  DropWeakInnerNames(ctx.countries);
  // One-word names of small towns abroad are more often words than places.
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex || c.stand_in ||
        c.qualified)
      continue;
    uint32_t name_words = c.w1 - c.w0;
    if (name_words == 2 && IsArticleWord(words_[c.w0].lower)) name_words = 1;
    if (name_words == 1) {
      c.place_hits.erase(
          std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                         [&](const NameHit& h) {
                           const PlaceRecord& p = g.place(h.place);
                           if (p.kind != PlaceKind::kCity) return false;
                           // A town named like its own division ("Kasserine", "Vlore") is the
                           // division's seat: it stays for the scoring to weigh against it.
                           if (NamesOwnDivision(h.place, c.place_hits)) return false;
                           bool home = Contains(ctx.countries, std::string_view(p.country, 2));
                           // Spelled differently from the place's own name ("Baloch" for
                           // "Balloch"): only a large place is worth the doubt.
                           if (h.role == NameRole::kPrimary && p.population < kMinForeignPopulation &&
                               FoldName(text_.substr(words_[c.w1 - 1].begin,
                                                     words_[c.w1 - 1].end - words_[c.w1 - 1].begin)) !=
                                   FoldName(g.Name(h.place)) &&
                               FoldName(SpanText(c.w0, c.w1)) != FoldName(g.Name(h.place)))
                             return true;
                           // In a text naming no country (a short note), a name right
                           // after "in", "near", "at" is a place of any size, inside the
                           // divisions the text names if it names any ("near Pisky, Donetsk").
                           bool located = ctx.countries.empty() && AfterLocative(c) &&
                                          InNamedDivisions(c, h.place);
                           uint32_t need = c.headline         ? kHeadlinePopulation
                                           : home || located ? kMinHomePopulation
                                                             : kMinForeignPopulation;
                           return p.population < need;
                         }),
          c.place_hits.end());
    }
    if (c.place_hits.empty()) c.dropped = true;
  }
  // A town spelled as the text writes it beats towns reached only through the normalised
  // key, among those the filter above kept ("Calamba" is Calamba, not Colombo by its alternate "Kalamba"; "Luhanske" is not
  // Luhansk).
  for (Cand& c : cands_) {
    if (c.dropped || c.type != CandType::kPlace || c.place != kNoIndex || c.stand_in) continue;
    auto city = [&](const NameHit& h) { return g.place(h.place).kind == PlaceKind::kCity; };
    bool spelled = std::any_of(c.place_hits.begin(), c.place_hits.end(), [&](const NameHit& h) {
      return city(h) && SpellsOwnName(h.place, c);
    });
    if (!spelled) continue;
    c.place_hits.erase(std::remove_if(c.place_hits.begin(), c.place_hits.end(),
                                      [&](const NameHit& h) {
                                        return city(h) && !SpellsName(h.place, c);
                                      }),
                       c.place_hits.end());
  }
  // Round 1: names with one meaning (countries, divisions, our sites, single candidates).
  std::vector<bool> done(cands_.size(), false);
  for (size_t i = 0; i < cands_.size(); ++i) {
    Cand& c = cands_[i];
    if (c.dropped || c.type != CandType::kPlace || c.stand_in) continue;
    if (c.place != kNoIndex) { done[i] = true; continue; }
    std::vector<ScoredPlace> scored = resolver.Score(c.place_hits, PlaceContext{});
    if (scored.empty()) continue;
    const PlaceRecord& p = g.place(scored[0].place);
    bool clear = scored.size() == 1 || p.kind == PlaceKind::kCountry ||
                 p.kind == PlaceKind::kSite || p.kind == PlaceKind::kDistrict;
    // A lone town reached through a normalised key waits for the context (round 2).
    if (p.kind == PlaceKind::kCity && !SpellsName(scored[0].place, c)) clear = false;
    if (!clear) continue;
    c.place = scored[0].place;
    done[i] = true;
  }
  for (size_t i = 0; i < cands_.size(); ++i) {
    if (!done[i]) continue;
    const PlaceRecord& p = g.place(cands_[i].place);
    if (p.kind == PlaceKind::kAdmin1) ctx.admin1.push_back(cands_[i].place);
    else if (p.kind != PlaceKind::kCountry) ctx.points.push_back({p.lat, p.lon});
    if (p.kind != PlaceKind::kCountry && p.kind != PlaceKind::kAdmin1 &&
        !Contains(ctx.countries, std::string_view(p.country, 2)))
      ctx.countries.emplace_back(p.country, 2);
  }
  // Round 2: the rest, in the document's context.
  for (size_t i = 0; i < cands_.size(); ++i) {
    Cand& c = cands_[i];
    if (c.dropped || c.type != CandType::kPlace || c.stand_in) continue;
    if (!done[i]) {
      PlaceContext local = ctx;
      // The division word ending the name or written right after it ("Kaduna State",
      // "northern Kaduna state", "Shopian district") asks for the division, not its seat.
      std::string_view last = c.w1 > c.w0 ? std::string_view(words_[c.w1 - 1].lower) : "";
      std::string_view after = c.w1 < words_.size() && words_[c.w1].gap == Gap::kSpace
                                   ? std::string_view(words_[c.w1].lower) : "";
      local.want_admin1 = IsFirstLevelWord(last) || IsFirstLevelWord(after);
      local.want_admin2 = !local.want_admin1 && (IsDivisionWord(last) || IsDivisionWord(after));
      std::vector<ScoredPlace> scored = resolver.Score(c.place_hits, local);
      if (scored.empty() && (local.want_admin1 || local.want_admin2)) {
        local.want_admin1 = local.want_admin2 = false;
        scored = resolver.Score(c.place_hits, local);
      }
      if (scored.empty()) { c.dropped = true; continue; }
      if (!Supported(scored[0].place, c, ctx)) { c.dropped = true; continue; }
      c.place = scored[0].place;
      // Later names are judged beside this one too.
      if (g.place(c.place).kind == PlaceKind::kCity)
        ctx.points.push_back({g.place(c.place).lat, g.place(c.place).lon});
    }
    c.relation = std::string(RelationBefore(text_, c.begin));
  }
  DropFarSmallTowns();
  DropStrayForeignTowns(doc_countries_);
  // Bound candidates copy places resolved just now.
  for (Cand& c : cands_)
    if (c.bound_to >= 0 && c.type == CandType::kPlace) {
      int root = c.bound_to;
      for (int guard = 0; guard < 8 && cands_[root].bound_to >= 0; ++guard) root = cands_[root].bound_to;
      c.place = cands_[root].place;
      c.dropped = cands_[root].dropped;
      // A stand-in needs a division or town to stand for, not a country.
      if (c.stand_in && !c.dropped)
        c.dropped = c.place == kNoIndex || g.place(c.place).kind == PlaceKind::kCountry;
      if (c.stand_in) c.relation = std::string(RelationBefore(text_, c.begin));
    }
}

}  // namespace sitrep::know
