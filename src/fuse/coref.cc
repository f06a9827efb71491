#include "sitrep/fuse/coref.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>
#include <string_view>

#include "sitrep/fuse/blocking.h"
#include "sitrep/fuse/identity.h"
#include "sitrep/fuse/report_features.h"
#include "sitrep/fuse/shared_sentence.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

std::string_view DocOf(const std::string& key) {
  size_t hash = key.rfind('#');
  return hash == std::string::npos ? std::string_view(key) : std::string_view(key).substr(0, hash);
}

bool IsViolent(const std::string& t) {
  return t == "Battles" || t == "Explosions/Remote violence" || t == "Violence against civilians";
}
bool IsDemonstration(const std::string& t) { return t == "Protests" || t == "Riots"; }

bool TypesCompatible(const Event& a, const Event& b) {
  if (a.event_type.empty() || b.event_type.empty()) {
    return a.event_type.empty() && b.event_type.empty() && a.plover_type == b.plover_type;
  }
  if (a.event_type == b.event_type) return true;
  if (IsViolent(a.event_type) && IsViolent(b.event_type)) return true;
  return IsDemonstration(a.event_type) && IsDemonstration(b.event_type);
}

bool DatesCompatible(const Event& a, const Event& b, int slack) {
  if (!a.date.known() || !b.date.known()) return true;
  return a.date.earliest - slack <= b.date.latest && b.date.earliest - slack <= a.date.latest;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Places of two reports of one article (`same_article`) may carry different country codes
// when near (a disputed or border area: "Golan Heights" SY and "Majdal Shams" IL in one story);
// across articles blocking pairs reports by country, so there the codes must agree.
bool PlacesCompatible(const Event& a, const Event& b, const FusionOptions& options,
                      bool same_article) {
  const double near_km = options.near_km;
  if (!a.location || !b.location) return true;
  const EventPlace& p = *a.location;
  const EventPlace& q = *b.location;
  if (!p.country.empty() && !q.country.empty() && p.country != q.country) {
    return same_article && PlacePrecisionRank(p.precision) <= 2 &&
           PlacePrecisionRank(q.precision) <= 2 && p.has_coords && q.has_coords &&
           DistanceKm(p.lat, p.lon, q.lat, q.lon) <= near_km;
  }
  if (SamePlaceName(p, q)) return true;
  int rp = PlacePrecisionRank(p.precision), rq = PlacePrecisionRank(q.precision);
  if (rp == 3 || rq == 3) return true;  // a country contains everything in it
  if (rp == 2 || rq == 2) {             // admin1 contains its places
    const EventPlace& coarse = rp == 2 ? p : q;
    const EventPlace& fine = rp == 2 ? q : p;
    if (coarse.admin1.empty() || fine.admin1.empty()) return true;
    return Lower(coarse.admin1) == Lower(fine.admin1) || Lower(coarse.name) == Lower(fine.admin1);
  }
  if (p.has_coords && q.has_coords) {
    const double km = DistanceKm(p.lat, p.lon, q.lat, q.lon);
    if (km <= near_km) return true;
    // A neighbouring town (a district away, tens of km): one incident told from two towns when
    // both name the same village, victims or perpetrators (dev D13: Pont-Sondé placed at
    // Saint-Marc by one outlet and at Port-au-Prince, 73 km, by others). Dates still must agree.
    return km <= options.neighbour_km &&
           SharedNamesBeyondPlaces(a, b) >= options.neighbour_names;
  }
  return true;
}

// Lower-cased words of 4+ bytes in the report's sentences (a cheap content-word proxy).
std::set<std::string> ContentWords(const Event& e) {
  std::set<std::string> words;
  for (const EventSource& s : e.sources) {
    std::string cur;
    for (char ch : s.sentence + " ") {
      unsigned char c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c >= 0x80) {
        cur.push_back(static_cast<char>(std::tolower(c)));
      } else {
        if (cur.size() >= 4) words.insert(cur);
        cur.clear();
      }
    }
  }
  return words;
}

double WordJaccard(const Event& a, const Event& b) {
  WordSet xs = SentenceWordSet(a, 'C', &ContentWords), ys = SentenceWordSet(b, 'C', &ContentWords);
  const std::set<std::string>& x = *xs;
  const std::set<std::string>& y = *ys;
  if (x.empty() || y.empty()) return 0;
  size_t inter = 0;
  for (const std::string& w : x) inter += y.count(w);
  return static_cast<double>(inter) / static_cast<double>(x.size() + y.size() - inter);
}


// A trigger's comparison key: lower-cased, a plural "s" dropped ("explosions" = "explosion").
std::string TriggerKey(std::string_view trigger) {
  std::string k = Lower(trigger);
  if (k.size() > 3 && k.back() == 's' && k[k.size() - 2] != 's') k.pop_back();
  return k;
}

bool SharesTrigger(const Event& a, const Event& b) {
  for (const EventSource& s : a.sources) {
    if (s.trigger.empty()) continue;
    std::string key = TriggerKey(s.trigger);
    for (const EventSource& t : b.sources) {
      if (!t.trigger.empty() && key == TriggerKey(t.trigger)) return true;
    }
  }
  return false;
}

// Both name one actor the dictionary knows with a country ("Kataib Hezbollah" IQ, a country's
// army). A generic new actor ("gunmen"), a body without a country (the United Nations) or a
// news agency (a dateline's "(AFP)" read as an actor) is shared by the whole world's incidents
// of a day, so it identifies nothing for a placeless report.
bool SharesSpecificActor(const Event& a, const Event& b) {
  auto key = [](const std::optional<EventActor>& actor) -> std::string {
    if (!actor || actor->id.empty() || actor->id.rfind("new:", 0) == 0) return "";
    return actor->country.empty() || actor->kind == "media" ? "" : actor->id;
  };
  std::string a1 = key(a.actor1), a2 = key(a.actor2), b1 = key(b.actor1), b2 = key(b.actor2);
  return (!a1.empty() && (a1 == b1 || a1 == b2)) || (!a2.empty() && (a2 == b1 || a2 == b2));
}


// A shared sentence counts only when it is no boilerplate (shared_sentence.h); for a placeless
// report it must also name something ("The death toll later rose to 7, a health official
// said." travels between unrelated generated stories of every country).
bool SharesSentence(const Event& a, const Event& b) {
  return SharesEvidentialSentence(a, b, Placeless(a) || Placeless(b));
}

// Something that identifies one real event beyond its kind: the same place (named alike, or
// both specific and near; both windows narrow), the same day (both day-precise, within the
// slack), or a shared sentence (copies). Agreement by absence (an undated or unplaced side) is
// no evidence, so a year-wide or placeless report never links on its type alone.
// LinksOnlyBySentence (blocking.cc) mirrors these rules for the store's blocking: keep them in
// step.

bool IdentityEvidence(const Event& a, const Event& b, const FusionOptions& options) {
  // Two dated reports at one town link on the place; an undated one needs evidence specific
  // to the incident as well (UndatedIdentity): a town has incidents in every year.
  if (a.location && b.location && UsablyDated(a, options) && UsablyDated(b, options) &&
      NarrowOrUndated(a, options) && NarrowOrUndated(b, options)) {
    const EventPlace& p = *a.location;
    const EventPlace& q = *b.location;
    bool specific = PlacePrecisionRank(p.precision) <= 1 && PlacePrecisionRank(q.precision) <= 1;
    if (specific && SamePlaceName(p, q)) return true;
    if (specific && p.has_coords && q.has_coords &&
        DistanceKm(p.lat, p.lon, q.lat, q.lon) <= options.near_km) {
      return true;
    }
  }
  // The same day is evidence only where both reports say where (a country at least; blocking
  // then pairs them within one country): a placeless report and any report of its day are
  // the whole world's events of that day, not one event, unless they share a distinctive name
  // or a specific actor (regression: generated placeless articles' paragraphs joined events
  // of other countries by the day alone, bench/results/fusion.md session 6).
  const bool placed = !Placeless(a) && !Placeless(b);
  if (a.date.known() && b.date.known() && a.date.precision == DatePrecision::kDay &&
      b.date.precision == DatePrecision::kDay &&
      std::llabs(a.best_day - b.best_day) <= options.date_slack_days &&
      (placed || CachedSharedNames(a, b) > 0 || SharesSpecificActor(a, b))) {
    return true;
  }
  // The same week (an undated report lies in its article's week) told in shared words, within
  // one country (a trigger word like "killed" is shared by every country's incidents).
  constexpr int64_t kWeekDays = 7;
  if (placed && a.date.known() && b.date.known() && a.date.latest - a.date.earliest < kWeekDays &&
      b.date.latest - b.date.earliest < kWeekDays && SharesTrigger(a, b)) {
    return true;
  }
  // Within options.name_window_days (both dated), a coarse or placeless report that names what
  // the other names (a village, a camp, a victim) or gives the same toll (within one country)
  // is the same incident. Not wider: a year-wide report shares names and tolls with many of
  // that year's events.
  const int64_t kMonthDays = options.name_window_days;
  if (a.date.known() && b.date.known() && a.date.latest - a.date.earliest <= kMonthDays &&
      b.date.latest - b.date.earliest <= kMonthDays &&
      (CachedSharedNames(a, b) > 0 || (placed && SameFigure(a, b, options.min_shared_figure)))) {
    return true;
  }
  return SharesSentence(a, b);
}

// Both give a toll of dead (or of injured) and the tolls differ: told as two incidents.
bool DifferentTolls(const Event& a, const Event& b) {
  auto differ = [](const std::optional<CountRange>& x, const std::optional<CountRange>& y) {
    return x && y && x->best > 0 && y->best > 0 && x->best != y->best;
  };
  return differ(a.fatalities, b.fatalities) || differ(a.injured, b.injured);
}

// Two reports of one article are one event when they share a sentence, fall on the same day
// (both day-precise; no slack: an article tells consecutive days' strikes apart) or name the
// same specific place with the same date window (or one side undated). A placeless mention
// in the other's week is not enough (regression: the seeds' next-day Baghdad strikes merged),
// but one told in the same window (the article's one time anchor) or with the same toll is.
bool SameArticleIdentity(const Event& a, const Event& b, const FusionOptions& options) {
  if (SharesSentence(a, b)) return true;
  if (SameFigure(a, b, options.min_shared_figure)) return true;
  auto vague = [](const Event& e) {
    return !e.location || PlacePrecisionRank(e.location->precision) == 3;  // none, or a country
  };
  if ((vague(a) || vague(b)) && a.date.known() && b.date.known() &&
      a.date.earliest == b.date.earliest && a.date.latest == b.date.latest) {
    return true;
  }
  if (a.date.known() && b.date.known() && a.date.precision == DatePrecision::kDay &&
      b.date.precision == DatePrecision::kDay && a.best_day == b.best_day) {
    return true;
  }
  // A vague mention (the headline's "a drone strike in northwestern Nigeria", or one placed
  // only at a province/area: "strike ... in Golan Heights") whose window and the other's nest
  // (one inside the other, widened by the slack) and that tells it in the same words (a
  // trigger word or a distinctive name): the same incident told twice. Two reports placed at
  // specific places are not this case (the seeds' next-day Baghdad strikes stay apart), nor
  // are overlapping windows that do not nest.
  auto holds = [&](const Event& wide, const Event& narrow) {
    return wide.date.earliest - options.date_slack_days <= narrow.date.earliest &&
           narrow.date.latest <= wide.date.latest + options.date_slack_days;
  };
  auto coarse = [](const Event& e) {
    return !e.location || PlacePrecisionRank(e.location->precision) >= 2;  // admin1 or wider
  };
  const bool dated = UsablyDated(a, options) && UsablyDated(b, options);
  const bool told_alike = SharesTrigger(a, b) || CachedSharedNames(a, b) > 0;
  if ((coarse(a) || coarse(b)) && dated && (holds(a, b) || holds(b, a)) && told_alike) {
    return true;
  }
  if (a.location && b.location && PlacePrecisionRank(a.location->precision) <= 1 &&
      PlacePrecisionRank(b.location->precision) <= 1 && SamePlaceName(*a.location, *b.location)) {
    // The same town: the same window, or one side undated (or dated by no usable window).
    if (!dated || (a.date.earliest == b.date.earliest && a.date.latest == b.date.latest)) {
      return true;
    }
    // One attack told once with its day and once without (the article's week): one incident
    // unless the article tells them apart (two days, or two different tolls). Two reports
    // with days of their own stay apart (the seeds' next-day strikes in one city).
    const bool a_day = a.date.precision == DatePrecision::kDay;
    const bool b_day = b.date.precision == DatePrecision::kDay;
    return a_day != b_day && told_alike && !DifferentTolls(a, b) &&
           (a_day ? holds(b, a) : holds(a, b));
  }
  return false;
}

// Union-find over indexes (iterative find with path halving).
struct Sets {
  std::vector<size_t> parent;
  explicit Sets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
};

}  // namespace

bool Compatible(const Report& a, const Report& b, const FusionOptions& options) {
  const bool same_article = DocOf(a.key) == DocOf(b.key);
  if (!TypesCompatible(a.event, b.event) ||
      !DatesCompatible(a.event, b.event, options.date_slack_days) ||
      !PlacesCompatible(a.event, b.event, options, same_article)) {
    return false;
  }
  // Extraction may split one incident of an article in two (two sentences typed apart); such
  // reports are one event only with identity evidence of their own (never by score alone).
  return !same_article || SameArticleIdentity(a.event, b.event, options);
}

double LinkScore(const Report& ra, const Report& rb, const FusionOptions& options) {
  const Event& a = ra.event;
  const Event& b = rb.event;
  double score = 0;
  if (!a.event_type.empty() && a.event_type == b.event_type) score += 1;
  if (!a.sub_event_type.empty() && a.sub_event_type == b.sub_event_type) score += 0.5;
  if (!a.plover_type.empty() && a.plover_type == b.plover_type) score += 0.25;
  if (a.location && b.location) {
    const EventPlace& p = *a.location;
    const EventPlace& q = *b.location;
    if (SamePlaceName(p, q)) {
      score += 1;
    } else if (p.has_coords && q.has_coords) {
      double km = DistanceKm(p.lat, p.lon, q.lat, q.lon);
      score += km <= 10 ? 1 : km <= options.near_km ? 0.5 : 0;
    } else {
      score += 0.25;
    }
  }
  if (a.date.known() && b.date.known()) {
    bool day = a.date.precision == DatePrecision::kDay && b.date.precision == DatePrecision::kDay;
    if (day && a.best_day == b.best_day) {
      score += 1;
    } else if (day && std::llabs(a.best_day - b.best_day) <= options.date_slack_days) {
      score += 0.5;
    } else {
      score += 0.25;
    }
  }
  std::string a1 = ActorKey(a.actor1), a2 = ActorKey(a.actor2);
  std::string b1 = ActorKey(b.actor1), b2 = ActorKey(b.actor2);
  if (!a1.empty() && a1 == b1) score += 0.75;
  if (!a2.empty() && a2 == b2) score += 0.75;
  if ((!a1.empty() && a1 == b2) || (!a2.empty() && a2 == b1)) score += 0.25;
  if (a.fatalities && b.fatalities && a.fatalities->best == b.fatalities->best) score += 0.5;
  if (a.injured && b.injured && a.injured->best == b.injured->best) score += 0.25;
  score += 2 * WordJaccard(a, b);
  score += static_cast<double>(std::min<size_t>(2, CachedSharedNames(a, b)));
  if (SharesTrigger(a, b)) score += 0.5;
  if (SharesSentence(a, b)) score += 1.5;
  return score;
}

bool Linked(const Report& a, const Report& b, const FusionOptions& options) {
  if (!Compatible(a, b, options)) return false;
  // Two reports of one article passed SameArticleIdentity inside Compatible: that is enough.
  if (DocOf(a.key) == DocOf(b.key)) return true;
  return (IdentityEvidence(a.event, b.event, options) &&
          LinkScore(a, b, options) >= options.link_score) ||
         UndatedIdentity(a.event, b.event, options);
}

std::vector<std::vector<size_t>> ClusterReports(const std::vector<const Report*>& reports,
                                                const FusionOptions& options,
                                                ClusterStats* stats) {
  struct Edge {
    double score;
    size_t i, j;
  };
  std::vector<Edge> edges;
  const std::vector<std::pair<size_t, size_t>> pairs = CandidatePairs(reports, options);
  for (auto [i, j] : pairs) {
    // Linked(a, b), computing LinkScore once (it is also the edge's score).
    const Report& a = *reports[i];
    const Report& b = *reports[j];
    if (!Compatible(a, b, options)) continue;
    std::optional<double> score;
    bool link = DocOf(a.key) == DocOf(b.key);
    if (!link && IdentityEvidence(a.event, b.event, options)) {
      score = LinkScore(a, b, options);
      link = *score >= options.link_score;
    }
    if (!link) link = UndatedIdentity(a.event, b.event, options);
    if (!link) continue;
    edges.push_back({score ? *score : LinkScore(a, b, options), i, j});
  }
  if (stats) {
    stats->pairs += static_cast<int64_t>(pairs.size());
    stats->edges += static_cast<int64_t>(edges.size());
  }
  // Best first; ties by the keys (not the input order), so the result is a function of the set.
  auto key_pair = [&](const Edge& e) {
    const std::string& x = reports[e.i]->key;
    const std::string& y = reports[e.j]->key;
    return x < y ? std::make_pair(&x, &y) : std::make_pair(&y, &x);
  };
  std::sort(edges.begin(), edges.end(), [&](const Edge& a, const Edge& b) {
    if (a.score != b.score) return a.score > b.score;
    auto ka = key_pair(a), kb = key_pair(b);
    if (*ka.first != *kb.first) return *ka.first < *kb.first;
    return *ka.second < *kb.second;
  });
  Sets sets(reports.size());
  std::vector<std::vector<size_t>> members(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) members[i] = {i};
  for (const Edge& e : edges) {
    size_t a = sets.Find(e.i), b = sets.Find(e.j);
    if (a == b) continue;
    bool ok = true;
    for (size_t x : members[a]) {
      for (size_t y : members[b]) {
        if (!Compatible(*reports[x], *reports[y], options)) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) continue;
    sets.parent[b] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
  }
  std::vector<std::vector<size_t>> clusters;
  for (size_t i = 0; i < reports.size(); ++i) {
    if (sets.Find(i) != i) continue;
    std::vector<size_t> c = members[i];
    std::sort(c.begin(), c.end());
    clusters.push_back(std::move(c));
  }
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

}  // namespace sitrep
