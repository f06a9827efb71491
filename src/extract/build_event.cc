// One group of mentions -> the SCHEMA.md Event: types from the most specific mention, the
// narrowest own date (else the article's, coarser), the place told for it, figures with
// revisions superseding what they revise, one source per sentence.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string_view>
#include <tuple>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int64_t kUndatedWindowDays = 6;  // an undated event lies this far before the article
// An undated event of a day-dated report: news tells what happened the day before publication
// far more often than what happens on the day it is printed.
constexpr int64_t kUndatedLagDays = 1;

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

EventActor ToActor(const Entity& e) { return EventActor{e.name, e.id, e.country, e.kind}; }

EventPlace ToPlace(const Entity& e) {
  EventPlace p;
  p.name = e.name;
  p.country = e.country;
  if (e.geo) {
    p.name = e.geo->name.empty() ? e.name : e.geo->name;
    p.geonameid = e.geo->geonameid;
    p.country = e.geo->country;
    p.admin1 = e.geo->admin1;
    p.lat = e.geo->lat, p.lon = e.geo->lon, p.has_coords = true;
    p.precision = std::string(PrecisionName(e.geo->precision));
  }
  return p;
}

// Figures of one kind over the mentions: the last revision wins; else figures not marked
// initial; the largest of those (later, fuller tolls).
std::optional<CountRange> Aggregate(const std::vector<const Figure*>& figs) {
  const Figure* pick = nullptr;
  for (const Figure* f : figs) {
    if (f->revision) pick = f;
  }
  if (!pick) {
    bool any_final = std::any_of(figs.begin(), figs.end(), [](const Figure* f) { return !f->initial; });
    for (const Figure* f : figs) {
      if (any_final && f->initial) continue;
      if (!pick || f->best > pick->best) pick = f;
    }
  }
  if (!pick) return std::nullopt;
  int64_t mn = pick->best, mx = pick->best;
  for (const Figure* f : figs) {
    if (f->initial && !pick->initial) continue;
    mn = std::min(mn, f->best), mx = std::max(mx, f->best);
  }
  if (pick->revision) mn = mx = pick->best;
  return CountRange{pick->best, mn, mx};
}

constexpr double kInsideTownKm = 30;      // a point or quarter this close lies inside the town
constexpr double kInsideDistrictKm = 40;  // a town this close to a district's centre lies in it
constexpr double kSupportKm = 100;        // two towns this close tell of one area
constexpr int kLeadSentences = 3;         // sentences that open an article and name its place

// `fine` is a more precise place inside `coarse` (a town in its province, a quarter in its town).
// A second-level division shares its admin1 with the whole province, so it needs nearness.
bool Inside(const Entity& fine_e, const Entity& coarse_e) {
  const Geo& fine = *fine_e.geo;
  const Geo& coarse = *coarse_e.geo;
  if (fine.precision >= coarse.precision || fine.country != coarse.country) return false;
  if (coarse.precision == Precision::kCountry) return !coarse.country.empty();
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

bool Possessive(const SentenceInfo& s, const EntityRef& r) {
  size_t next = r.first_token;
  while (next < s.lower.size() && s.sentence->tokens[next].begin < r.end) ++next;
  return next < s.lower.size() && s.lower[next] == "'s";
}

// The article's own place: the first town or division named in its opening sentences ("In X,
// ...", "X (Province): ...", a dateline), not as a possessive ("Iraq's PMF").
const Entity* LeadPlace(const DocContext& doc) {
  for (size_t si = 0; si < doc.info.size() && si < kLeadSentences; ++si) {
    for (const EntityRef& r : doc.info[si].entities) {
      const Entity& e = doc.entities[r.entity];
      if (!r.place || !e.geo || e.geo->precision == Precision::kCountry) continue;
      if (!Possessive(doc.info[si], r) && !DistanceOrigin(doc.info[si], r.first_token)) return &e;
    }
  }
  return nullptr;
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

// The event's place. First the place the event is told with: the place the dependency tree
// attaches to a trigger, the locative place nearest a trigger, its other places (places that
// another place of the article supports first, then strong triggers before weak, earlier
// reports first), unless a sentence of the group opens with another place ("In X, ..."); a
// more precise place of its sentences inside that one refines it. A group with none takes its
// opening place, a locative place farther off in its sentences, else the article's.
const Entity* ChoosePlace(const DocContext& doc, const std::vector<Mention>& mentions,
                          const std::vector<int>& group) {
  const Entity* best = nullptr;
  std::tuple<int, int, int, size_t> best_rank{1 << 30, 0, 0, 0};
  for (size_t k = 0; k < group.size(); ++k) {
    const Mention& m = mentions[group[k]];
    int weak = m.strength == Strength::kWeak;
    auto consider = [&](int p, int tier) {
      const Entity& e = doc.entities[p];
      if (!e.geo) return;
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
      if (!f || !doc.entities[*f].geo || &doc.entities[*f] == best) continue;
      const Entity& frame = doc.entities[*f];
      bool trusted = Supported(doc, frame) || std::get<0>(best_rank);
      if (trusted && !Inside(*best, frame)) best = &frame;
      break;
    }
    // Refinement: the most precise place named in the group's sentences that lies inside the
    // chosen one ("the Uruapan-Patzcuaro road in Michoacan").
    const Entity* fine = best;
    for (int i : group) {
      for (const EntityRef& r : doc.info[mentions[i].sentence].entities) {
        const Entity& e = doc.entities[r.entity];
        if (r.place && e.geo && (Inside(e, *fine) || NamedInside(e, *fine))) fine = &e;
      }
    }
    return fine;
  }
  for (int i : group) {
    const std::optional<int>& f = mentions[i].frame_place;
    if (f && doc.entities[*f].geo) return &doc.entities[*f];
  }
  for (int i : group) {
    for (int p : mentions[i].far_places) {
      if (doc.entities[p].geo) return &doc.entities[p];
    }
  }
  // The article's opening place, unless the group's sentences name a country it is not in
  // ("killed in Burkina Faso" beside "a country in West Africa" read as West, Texas): then
  // that country.
  // A country named only by its adjective ("an Israeli strike", "Russian missiles") or as an
  // agent ("the US conducted") names who acted, not where: it comes after the opening place;
  // one that acted is no place of it.
  const Entity* lead = LeadPlace(doc);
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

}  // namespace

Event BuildEvent(const DocContext& doc, const std::vector<Mention>& mentions,
                 const std::vector<int>& group, const std::string& doc_id,
                 const std::string& outlet) {
  Event ev;
  // Types: the first mention with evidence for its sub-event type (an instrument next to an
  // outcome word counts: "killed when a drone hit"), strong ones first, else the first strong.
  const Mention* typ = nullptr;
  auto rank = [](const Mention& m) {
    return (m.sub_evidence ? 2 : 0) + (m.strength != Strength::kWeak ? 1 : 0);
  };
  for (int i : group) {
    const Mention& m = mentions[i];
    if (!typ || rank(m) > rank(*typ)) typ = &m;
  }
  ev.event_type = typ->event_type, ev.sub_event_type = typ->sub_event_type;
  ev.plover_type = typ->plover_type, ev.plover_mode = typ->plover_mode;
  if (ev.plover_mode.empty()) {
    for (int i : group) {
      if (!mentions[i].plover_mode.empty()) {
        ev.plover_mode = mentions[i].plover_mode;
        break;
      }
    }
  }

  // Date: the narrowest own date; else the article's date, widened. A time told as at most a
  // week ("Thursday") is that narrow in words even when a coarse article date widens its value:
  // it beats a bare year of another sentence.
  const Mention* dated = nullptr;
  auto width = [](const Mention& m) {
    int64_t w = m.date->latest - m.date->earliest;
    return m.short_date ? std::min<int64_t>(w, 6) : w;
  };
  for (int i : group) {
    const Mention& m = mentions[i];
    if (!m.date) continue;
    if (!dated || width(m) < width(*dated)) dated = &m;
  }
  if (dated) {
    ev.date = *dated->date;
    ev.best_day = dated->best_day;
  } else if (doc.reference.known()) {
    ev.date.earliest = doc.reference.earliest - kUndatedWindowDays;
    ev.date.latest = doc.reference.latest;
    ev.date.precision = PrecisionForWidth(ev.date.earliest, ev.date.latest);
    ev.best_day = doc.reference.earliest;
    if (doc.reference.precision == DatePrecision::kDay) ev.best_day -= kUndatedLagDays;
  }

  // Place: the one told for the event (see ChoosePlace).
  if (const Entity* place = ChoosePlace(doc, mentions, group)) ev.location = ToPlace(*place);
  // Actors: what the dependency tree says (extract/roles.h) in any report of the group first,
  // then the token patterns' guesses.
  for (int pass = 0; pass < 2; ++pass) {
    for (int i : group) {
      const Mention& m = mentions[i];
      const std::optional<int>& a1 = pass == 0 ? m.role_actor1 : m.actor1;
      const std::optional<int>& a2 = pass == 0 ? m.role_actor2 : m.actor2;
      if (!ev.actor1 && a1) ev.actor1 = ToActor(doc.entities[*a1]);
      if (!ev.actor2 && a2) ev.actor2 = ToActor(doc.entities[*a2]);
    }
  }
  if (ev.actor1 && ev.actor2 && ev.actor1->id == ev.actor2->id) ev.actor2.reset();

  std::vector<const Figure*> dead, hurt;
  ev.historical = true;
  for (int i : group) {
    const Mention& m = mentions[i];
    if (m.fatalities) dead.push_back(&*m.fatalities);
    if (m.injured) hurt.push_back(&*m.injured);
    ev.historical = ev.historical && m.background;
    const Sentence& s = *doc.info[m.sentence].sentence;
    EventSource* src = nullptr;
    for (auto& o : ev.sources) {
      if (o.begin == s.begin) src = &o;
    }
    if (!src) {
      ev.sources.emplace_back();
      src = &ev.sources.back();
      src->doc = doc_id, src->outlet = outlet;
      if (doc.reference.known()) src->published = FormatIsoDate(doc.reference.earliest);
      src->sentence = std::string(doc.text.substr(s.begin, s.end - s.begin));
      src->begin = s.begin, src->end = s.end;
      src->trigger = std::string(doc.text.substr(m.begin, m.end - m.begin));
      src->trigger_begin = m.begin, src->trigger_end = m.end;
      src->modality = m.modality, src->attribution = m.attribution;
    }
    if (m.fatalities) src->fatalities = m.fatalities->best, src->revised |= m.fatalities->revision;
    if (m.injured) src->injured = m.injured->best, src->revised |= m.injured->revision;
    src->background = src->background || m.background;
  }
  ev.fatalities = Aggregate(dead);
  ev.injured = Aggregate(hurt);
  // Casualties told as injuries only: no one was reported killed, which ACLED codes as 0.
  if (!ev.fatalities && ev.injured && !ev.event_type.empty()) ev.fatalities = CountRange{0, 0, 0};
  ev.independent_sources = 1;
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(
                    Fnv1a(std::to_string(mentions[group.front()].begin), Fnv1a(doc_id))));
  ev.id = std::string("ev-") + buf;
  return ev;
}

}  // namespace sitrep::extract
