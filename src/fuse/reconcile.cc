#include "sitrep/fuse/reconcile.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <numeric>
#include <set>
#include <tuple>

#include "sitrep/fuse/identity.h"
#include "sitrep/fuse/shared_sentence.h"

namespace sitrep {
namespace {

std::string DocOfKey(const std::string& key) {
  size_t hash = key.rfind('#');
  return hash == std::string::npos ? key : key.substr(0, hash);
}

std::string NormalCredit(const std::string& credit) {
  std::string out;
  for (char ch : credit) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
  }
  if (out.rfind("the", 0) == 0) out = out.substr(3);
  return out;
}

// Votes: value -> the origins and docs that report it.
struct Tally {
  std::map<std::string, std::set<std::string>> origins, docs;
  void Add(const std::string& value, const std::string& origin, const std::string& doc) {
    origins[value].insert(origin);
    docs[value].insert(doc);
  }
  // The value most origins support; ties to the smallest by `less`.
  template <typename Less>
  std::string Best(Less less) const {
    std::string best;
    size_t support = 0;
    for (const auto& [value, o] : origins) {
      if (o.size() > support || (o.size() == support && less(value, best))) {
        best = value;
        support = o.size();
      }
    }
    return best;
  }
  std::string Best() const { return Best(std::less<std::string>()); }
  void AddConflict(const std::string& field, std::vector<Conflict>* out) const {
    if (docs.size() < 2) return;
    Conflict c;
    c.field = field;
    for (const auto& [value, d] : docs) c.values.push_back({value, {d.begin(), d.end()}});
    out->push_back(std::move(c));
  }
};

int PlaceRank(const std::string& p) {
  if (p == "point") return 0;
  if (p == "city") return 1;
  if (p == "admin1") return 2;
  if (p == "country") return 3;
  return 4;
}

bool NumericLess(const std::string& a, const std::string& b) {
  if (b.empty()) return !a.empty();
  if (a.empty()) return false;
  return std::stoll(a) < std::stoll(b);
}

struct FigureReport {
  int64_t value;
  std::string doc, origin, published;
  bool revised;
};

// best/min/max over reports; `ranges` widen min/max with the per-article ranges.
std::optional<CountRange> ReconcileFigure(const std::vector<FigureReport>& reports,
                                          const std::vector<CountRange>& ranges,
                                          const std::string& field,
                                          std::vector<Conflict>* conflicts) {
  if (reports.empty() && ranges.empty()) return std::nullopt;
  CountRange out;
  Tally tally;
  bool first = true;
  auto widen = [&](int64_t lo, int64_t hi) {
    out.min = first ? lo : std::min(out.min, lo);
    out.max = first ? hi : std::max(out.max, hi);
    first = false;
  };
  for (const FigureReport& r : reports) {
    widen(r.value, r.value);
    tally.Add(std::to_string(r.value), r.origin, r.doc);
  }
  for (const CountRange& r : ranges) widen(r.min, std::max(r.max, r.min));
  const FigureReport* revision = nullptr;
  for (const FigureReport& r : reports) {
    if (r.revised && (!revision || std::tie(revision->published, revision->doc) <
                                       std::tie(r.published, r.doc))) {
      revision = &r;
    }
  }
  if (revision) {
    out.best = revision->value;
  } else if (!reports.empty()) {
    out.best = std::stoll(tally.Best(NumericLess));
  } else {
    out.best = ranges.front().best;
    for (const CountRange& r : ranges) out.best = std::min(out.best, r.best);
  }
  out.best = std::clamp(out.best, out.min, out.max);
  // Conflicts listed numerically.
  if (tally.docs.size() >= 2) {
    Conflict c;
    c.field = field;
    std::vector<std::string> values;
    for (const auto& [v, d] : tally.docs) values.push_back(v);
    std::sort(values.begin(), values.end(), NumericLess);
    for (const std::string& v : values) {
      const auto& d = tally.docs.at(v);
      c.values.push_back({v, {d.begin(), d.end()}});
    }
    conflicts->push_back(std::move(c));
  }
  return out;
}

// A sentence that tells an incident: not a caption/credit, not a standing background statement.
bool Telling(const EventSource& s) {
  return !CaptionOrCredit(s.sentence) && !StandingBackground(s.sentence);
}

}  // namespace

bool Prominent(const Event& r, const FusionOptions& options) {
  // A mention outside the lead is a report of its own only when told with substance: in two
  // or more sentences and either with a figure or at a specific place (a town or site, not only
  // a province or country, which MakeReports may have inherited) on a given day. Told once in passing
  // ("smaller rallies were also held in Nis"), or only as a country's long conflict, it is
  // context of the article's news.
  // A caption or a standing background statement ("has been fighting ... for years") tells
  // no incident: it counts neither as a lead nor as a sentence.
  bool specific = r.location && PlaceRank(r.location->precision) <= 1;
  bool figure = r.fatalities || r.injured;
  std::set<std::pair<std::string, uint32_t>> sentences;
  for (const EventSource& s : r.sources) {
    if (!Telling(s)) continue;
    if (s.begin < options.lead_bytes) return true;
    figure = figure || s.fatalities || s.injured;
    sentences.emplace(s.doc, s.begin);
  }
  // A town without a figure makes a report of its own only when dated to the day: a secondary
  // mention at a town dated by no more than its article's month is context (seeds: a month-dated
  // Beirut strike told twice in passing; measured in bench/results/fusion.md session 6).
  const bool day = r.date.known() && r.date.precision == DatePrecision::kDay;
  return sentences.size() >= 2 && (figure || (specific && day));
}

std::string EventIdFor(const std::string& canonical_key) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ev-%016llx",
                static_cast<unsigned long long>(XXH3_64bits(canonical_key.data(),
                                                            canonical_key.size())));
  return buf;
}

std::map<std::string, std::string> GroupOrigins(const std::vector<std::string>& docs_in,
                                                const DocPrints& prints,
                                                const MinHashOptions& options) {
  std::vector<std::string> docs = docs_in;
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<size_t> parent(docs.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // root = smallest doc id
  };
  std::vector<MinHashSignature> sigs(docs.size());
  std::map<std::string, size_t> by_credit;
  for (size_t i = 0; i < docs.size(); ++i) {
    auto it = prints.find(docs[i]);
    if (it == prints.end()) continue;
    sigs[i] = it->second.minhash;
    for (const std::string& credit : it->second.wire_credits) {
      std::string key = NormalCredit(credit);
      if (key.empty()) continue;
      auto [pos, inserted] = by_credit.emplace(key, i);
      if (!inserted) unite(pos->second, i);
    }
  }
  for (auto [i, j] : NearDuplicatePairs(sigs, options)) {
    if (!sigs[i].empty() && sigs[i].front() != 0xFFFFFFFFu) unite(i, j);
  }
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < docs.size(); ++i) out[docs[i]] = docs[find(i)];
  return out;
}

Event Reconcile(const std::vector<const Report*>& members_in, const DocPrints& prints,
                const FusionOptions& options) {
  std::vector<const Report*> members = members_in;
  std::sort(members.begin(), members.end(),
            [](const Report* a, const Report* b) { return a->key < b->key; });
  std::vector<std::string> docs;
  for (const Report* r : members) docs.push_back(DocOfKey(r->key));
  std::map<std::string, std::string> origin = GroupOrigins(docs, prints, options.minhash);
  auto origin_of = [&](const std::string& doc) {
    auto it = origin.find(doc);
    return it == origin.end() ? doc : it->second;
  };

  Event e;
  e.id = EventIdFor(members.front()->key);
  // Types: most supported, ties to the smallest name.
  // Ties (as many origins) go to the type told in more sentences, then to the smallest name
  // (regression: a one-sentence "attacked" report typed Battles outvoted the strike's own
  // reports by name order).
  Tally type, plover;
  std::map<std::string, size_t> type_sentences;
  for (const Report* r : members) {
    std::string doc = DocOfKey(r->key);
    if (!r->event.event_type.empty()) {
      type.Add(r->event.event_type, origin_of(doc), doc);
      type_sentences[r->event.event_type] += r->event.sources.size();
    }
    if (!r->event.plover_type.empty()) plover.Add(r->event.plover_type, origin_of(doc), doc);
  }
  e.event_type = type.Best([&](const std::string& a, const std::string& b) {
    if (b.empty()) return !a.empty();
    if (type_sentences[a] != type_sentences[b]) return type_sentences[a] > type_sentences[b];
    return a < b;
  });
  e.plover_type = plover.Best();
  Tally sub, mode;
  for (const Report* r : members) {
    std::string doc = DocOfKey(r->key);
    if (r->event.event_type == e.event_type && !r->event.sub_event_type.empty()) {
      sub.Add(r->event.sub_event_type, origin_of(doc), doc);
    }
    if (r->event.plover_type == e.plover_type && !r->event.plover_mode.empty()) {
      mode.Add(r->event.plover_mode, origin_of(doc), doc);
    }
  }
  e.sub_event_type = sub.Best();
  e.plover_mode = mode.Best();
  type.AddConflict("event_type", &e.conflicts);

  // Date: the finest precision any report supports; among those the best-supported interval.
  DatePrecision finest = DatePrecision::kNone;
  for (const Report* r : members) {
    if (r->event.date.known() &&
        (finest == DatePrecision::kNone || r->event.date.precision < finest)) {
      finest = r->event.date.precision;
    }
  }
  if (finest != DatePrecision::kNone) {
    Tally dates;
    std::map<std::string, const Report*> by_value;
    for (const Report* r : members) {
      if (r->event.date.precision != finest) continue;
      std::string doc = DocOfKey(r->key);
      std::string v = FormatIsoDate(r->event.best_day) + "/" +
                      FormatIsoDate(r->event.date.earliest) + "/" +
                      FormatIsoDate(r->event.date.latest);
      dates.Add(v, origin_of(doc), doc);
      by_value.emplace(v, r);
    }
    const Report* chosen = by_value.at(dates.Best());
    e.date = chosen->event.date;
    e.best_day = chosen->event.best_day;
    if (finest == DatePrecision::kDay) {
      Tally days;
      for (const Report* r : members) {
        if (r->event.date.precision == DatePrecision::kDay) {
          std::string doc = DocOfKey(r->key);
          days.Add(FormatIsoDate(r->event.best_day), origin_of(doc), doc);
        }
      }
      days.AddConflict("date", &e.conflicts);
    }
  }

  // Place: the most precise one a report supports, then the best supported.
  int best_rank = 5;
  for (const Report* r : members) {
    if (r->event.location) best_rank = std::min(best_rank, PlaceRank(r->event.location->precision));
  }
  if (best_rank < 5) {
    Tally places;
    std::map<std::string, const EventPlace*> by_name;
    for (const Report* r : members) {
      if (!r->event.location || PlaceRank(r->event.location->precision) != best_rank) continue;
      std::string doc = DocOfKey(r->key);
      places.Add(r->event.location->name, origin_of(doc), doc);
      by_name.emplace(r->event.location->name, &*r->event.location);
    }
    e.location = *by_name.at(places.Best());
    places.AddConflict("location", &e.conflicts);
  }

  // Actors: the best-supported identity (dictionary id, or the transliteration-tolerant key of
  // a new actor's name, so "Yahya Rasoul" and "Yehia Rasool" vote together); conflicts list
  // the first-seen id or name of each identity.
  auto reconcile_actor = [&](std::optional<EventActor> Event::*field, const std::string& name) {
    Tally actors, shown;
    std::map<std::string, const EventActor*> by_id;
    for (const Report* r : members) {
      const auto& a = r->event.*field;
      if (!a) continue;
      std::string doc = DocOfKey(r->key);
      std::string id = ActorKey(a);
      actors.Add(id, origin_of(doc), doc);
      by_id.emplace(id, &*a);
    }
    if (by_id.empty()) return;
    e.*field = *by_id.at(actors.Best());
    for (const auto& [id, docs] : actors.docs) {
      const EventActor* first = by_id.at(id);
      const std::string& label = first->id.empty() ? first->name : first->id;
      for (const std::string& d : docs) shown.Add(label, d, d);
    }
    shown.AddConflict(name, &e.conflicts);
  };
  reconcile_actor(&Event::actor1, "actor1");
  reconcile_actor(&Event::actor2, "actor2");

  // Sources: every report, each once, with its origin.
  std::set<std::tuple<std::string, uint32_t, uint32_t>> seen;
  std::set<std::string> origins, telling_origins;
  e.historical = true;
  bool prominent = false;
  std::vector<FigureReport> dead, hurt;
  std::vector<CountRange> dead_ranges, hurt_ranges;
  for (const Report* r : members) {
    e.historical = e.historical && r->event.historical;
    prominent = prominent || Prominent(r->event, options);
    bool dead_in_sources = false, hurt_in_sources = false;
    for (const EventSource& s : r->event.sources) {
      if (!seen.emplace(s.doc, s.begin, s.end).second) continue;
      EventSource copy = s;
      std::string o = origin_of(s.doc);
      copy.origin = o == s.doc ? "" : o;
      origins.insert(o);
      if (Telling(s)) telling_origins.insert(o);
      if (s.fatalities) {
        dead.push_back({*s.fatalities, s.doc, o, s.published, s.revised});
        dead_in_sources = true;
      }
      if (s.injured) {
        hurt.push_back({*s.injured, s.doc, o, s.published, s.revised});
        hurt_in_sources = true;
      }
      e.sources.push_back(std::move(copy));
    }
    if (r->event.fatalities) dead_ranges.push_back(*r->event.fatalities);
    if (r->event.injured) hurt_ranges.push_back(*r->event.injured);
    if (!dead_in_sources && r->event.fatalities) {
      std::string doc = DocOfKey(r->key);
      dead.push_back({r->event.fatalities->best, doc, origin_of(doc), "", false});
    }
    if (!hurt_in_sources && r->event.injured) {
      std::string doc = DocOfKey(r->key);
      hurt.push_back({r->event.injured->best, doc, origin_of(doc), "", false});
    }
  }
  for (const std::string& d : docs) origins.insert(origin_of(d));
  // Only background mentions: context of the news, not a report of an event, so not an ACLED
  // record (ACLED codes events from reports of them). The PLOVER reading stays.
  if (e.historical) e.event_type.clear(), e.sub_event_type.clear();
  // Told only in passing (not in the lead, once, without a figure) and never corroborated by
  // another origin: too weak to be a record of its own (precision over recall, measured in
  // bench/results/fusion.md). The PLOVER reading stays. Corroboration counts the origins that
  // tell it in a telling sentence (two outlets' standing background paragraphs are no report).
  if (options.require_salience && !prominent && telling_origins.size() < 2) {
    e.event_type.clear(), e.sub_event_type.clear();
  }
  // ACLED codes every event with a date; an event no report dates at all is not a record yet
  // (it becomes one when a dated report of it arrives and fuses with it).
  if (options.require_salience && !e.date.known()) e.event_type.clear(), e.sub_event_type.clear();
  std::sort(e.sources.begin(), e.sources.end(), [](const EventSource& a, const EventSource& b) {
    return std::tie(a.doc, a.begin, a.end) < std::tie(b.doc, b.begin, b.end);
  });
  e.fatalities = ReconcileFigure(dead, dead_ranges, "fatalities", &e.conflicts);
  e.injured = ReconcileFigure(hurt, hurt_ranges, "injured", &e.conflicts);
  e.independent_sources = static_cast<int>(origins.size());
  std::sort(e.conflicts.begin(), e.conflicts.end(),
            [](const Conflict& a, const Conflict& b) { return a.field < b.field; });
  return e;
}

}  // namespace sitrep
