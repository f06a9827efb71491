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

  // Place: the one told for the event (place_choice.cc).
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
