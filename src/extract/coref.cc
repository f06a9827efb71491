// In-document event coreference: each violent mention joins the latest earlier event it is
// compatible with (types, dates, places) when it refers back ("the attack"), adds nothing
// new, or shares a place or day with it; otherwise it starts a new event. Verbal mentions
// group by PLOVER type and actor.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr double kSamePlaceKm = 50;
constexpr int kWeakReach = 2;  // sentences back that an outcome word ("were killed") refers to
constexpr size_t kMinNameBytes = 5;  // shorter place names are too ambiguous to find as text

struct Group {
  std::vector<int> mentions;
  std::string event_type, sub_event_type, plover_type, plover_mode;
  bool sub_evidence = false;
  std::optional<DateInterval> date;
  std::vector<int> places;
  std::optional<int> actor1;
  bool violent = true;
  bool background = false;
  bool series = false;  // "a series of attacks", "attacks since October": absorbs, never output
  bool named = false;   // some mention names the kind of violence (not only outcome words)
  int last_sentence = 0;
  std::vector<int> own_sentences, anchor_sentences;  // sentences of its plain / anchor mentions
  std::vector<int64_t> tolls;  // death tolls its mentions state
};

constexpr int64_t kMinTellingToll = 2;  // a toll this high names one event ("kill 34" / "34 dead")

// The mention states the same death toll as the group: "Missiles kill 34" in a headline and
// "struck the city, killing at least 34" in the lede tell one event.
bool SameToll(const Mention& m, const Group& g) {
  if (!m.fatalities || m.fatalities->best < kMinTellingToll) return false;
  return std::find(g.tolls.begin(), g.tolls.end(), m.fatalities->best) != g.tolls.end();
}

void NoteToll(const Mention& m, Group* g) {
  if (m.fatalities && m.fatalities->best >= kMinTellingToll) g->tolls.push_back(m.fatalities->best);
}

// "numerous bodies", "scores of dead": a figure without a number tells no event apart.
bool Vague(const DocContext& doc, int sentence, const Figure& f) {
  for (int q : doc.info[sentence].quantities) {
    const Quantity& x = doc.quantities[q];
    if (x.begin < f.end && f.begin < x.end) return x.kind == QuantityKind::kVague;
  }
  return false;
}

bool Has(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool Plural(const DocContext& doc, const Mention& m) {
  std::string_view w = doc.text.substr(m.begin, m.end - m.begin);
  return w.size() > 3 && (w.back() == 's' || w.back() == 'S') && w[w.size() - 2] != 's';
}

bool Specific(const Geo& g) { return g.precision == Precision::kPoint || g.precision == Precision::kCity; }

// Two towns of `places` lie far apart: the group sums up events in several places ("strikes
// on Kharkiv and Odesa killed nine").
bool FarApart(const DocContext& doc, const std::vector<int>& places) {
  for (size_t i = 0; i < places.size(); ++i) {
    const auto& a = doc.entities[places[i]].geo;
    if (!a || !Specific(*a)) continue;
    for (size_t j = i + 1; j < places.size(); ++j) {
      const auto& b = doc.entities[places[j]].geo;
      if (b && Specific(*b) && Km(*a, *b) > kSamePlaceKm) return true;
    }
  }
  return false;
}

// "Hours after the strike that killed X, the US conducted more strikes": the anchor and the
// sentence's own event are two events, so neither joins a group holding the other.
bool SplitsSentence(const Mention& m, const Group& g) {
  return m.anchor ? Has(g.own_sentences, m.sentence) : Has(g.anchor_sentences, m.sentence);
}

void NoteSentence(const Mention& m, Group* g) {
  (m.anchor ? g->anchor_sentences : g->own_sentences).push_back(m.sentence);
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lowercased sentence texts and place names, made once per document when first needed.
struct TextCache {
  const DocContext& doc;
  std::vector<std::optional<std::string>> sentences;
  std::vector<std::optional<std::vector<std::string>>> names;  // per entity, distinct
  explicit TextCache(const DocContext& d)
      : doc(d), sentences(d.info.size()), names(d.entities.size()) {}
  const std::string& Sentence(int i) {
    if (!sentences[i]) {
      const auto& s = *doc.info[i].sentence;
      sentences[i] = LowerCopy(doc.text.substr(s.begin, s.end - s.begin));
    }
    return *sentences[i];
  }
  const std::vector<std::string>& Names(int e) {
    if (!names[e]) {
      names[e].emplace();
      for (const EntityMention& em : doc.entities[e].mentions) {
        std::string n = LowerCopy(doc.text.substr(em.begin, em.end - em.begin));
        if (n.size() >= kMinNameBytes &&
            std::find(names[e]->begin(), names[e]->end(), n) == names[e]->end())
          names[e]->push_back(std::move(n));
      }
    }
    return *names[e];
  }
};

// A specific place of `places` is named, in the words of one of its mentions, inside one of
// `sentences` even where the entity was not recognised there ("an incident at Iraq's Al Asad
// air base" / "the Al Asad air base was targeted").
bool NamedIn(TextCache& cache, const std::vector<int>& places, const std::vector<int>& sentences) {
  for (int p : places) {
    const Entity& e = cache.doc.entities[p];
    if (!e.geo || !Specific(*e.geo)) continue;
    for (const std::string& name : cache.Names(p)) {
      for (int si : sentences) {
        if (cache.Sentence(si).find(name) != std::string::npos) return true;
      }
    }
  }
  return false;
}

// -1 conflict, 0 no evidence, 1 same place.
int PlaceMatch(const DocContext& doc, const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0;
  bool specific_a = false, specific_b = false, same = false, country = false;
  for (int x : a) {
    const auto& gx = doc.entities[x].geo;
    if (!gx) continue;
    specific_a |= Specific(*gx);
    for (int y : b) {
      const auto& gy = doc.entities[y].geo;
      if (!gy) continue;
      specific_b |= Specific(*gy);
      if (x == y || (Specific(*gx) && Specific(*gy) && Km(*gx, *gy) <= kSamePlaceKm)) same = true;
      if (!gx->country.empty() && gx->country == gy->country) country = true;
    }
  }
  if (same) return 1;
  if (specific_a && specific_b) return -1;
  return country ? 0 : -1;
}

// -1 conflict, 0 unknown, 1 same day.
int DateMatch(const std::optional<DateInterval>& a, const std::optional<DateInterval>& b) {
  if (!a || !b) return 0;
  if (a->latest < b->earliest || b->latest < a->earliest) return -1;
  return a->precision == DatePrecision::kDay && b->precision == DatePrecision::kDay ? 1 : 0;
}

// Sub-event types that tell two kinds of violence apart. A protest's sub-types tell how one
// crowd was met ("protesters" ... "police dispersed the protest"): aspects of one event, not
// two. A riot's do not: a mob's killing and the violent demonstration that follows it differ.
bool SameKind(const std::string& type, const std::string& sub_a, const std::string& sub_b) {
  return sub_a == sub_b || type == "Protests";
}

// A generic word with an anaphor ("the massacre", "the attack"): it names no kind of
// violence of its own.
bool ReferringBack(const Mention& m) {
  return m.anaphoric && !m.sub_evidence && !m.other && !m.another && !m.anchor;
}

bool TypesCompatible(const Mention& m, const Group& g) {
  if (!g.violent) return false;
  if (m.strength == Strength::kWeak) {
    return g.event_type != "Protests" && g.event_type != "Strategic developments";
  }
  // Outcome and generic words ("were killed", "the attack") do not fix the kind of violence:
  // a group told only with them takes the first violent mention that names it.
  // An arrest or a protest is not the kind of violence of a killing told so far only by its
  // outcome ("the death of X ... led to the arrest of two suspects").
  if (!g.named && !g.sub_evidence)
    return m.event_type != "Strategic developments" && m.event_type != "Protests";
  // "though it justified the massacre by labelling the victims as fighters": a generic word
  // that refers back names the told event, whatever type its own sentence suggests.
  if (ReferringBack(m) && g.event_type != "Protests" && g.event_type != "Strategic developments")
    return m.event_type != "Protests" && m.event_type != "Strategic developments";
  if (m.event_type != g.event_type) {
    // A generic attack and an explosion or air strike told with a stronger word, in either
    // order ("an incident at the air base" ... "the air base was targeted by missiles").
    auto generic = [](const std::string& type, bool evidence) {
      return !evidence && type == "Violence against civilians";
    };
    const std::string kExplosions = "Explosions/Remote violence";
    return (generic(m.event_type, m.sub_evidence) && g.event_type == kExplosions) ||
           (generic(g.event_type, g.sub_evidence) && m.event_type == kExplosions);
  }
  return !(m.sub_evidence && g.sub_evidence &&
           !SameKind(m.event_type, m.sub_event_type, g.sub_event_type));
}

// "police opened fire on protesters who stormed parliament": violence aimed at the
// demonstrators of a protest or riot told in the same sentence is how that crowd was met.
bool OnTheCrowd(const DocContext& doc, const Mention& m, const Group& g) {
  constexpr int kTargetReach = 4;  // tokens after the trigger where the crowd is named
  if ((g.event_type != "Protests" && g.event_type != "Riots") || !Has(g.own_sentences, m.sentence))
    return false;
  const auto& w = doc.info[m.sentence].lower;
  for (int k = m.token + 1; k < static_cast<int>(w.size()) && k <= m.token + kTargetReach; ++k) {
    if (w[k].rfind("protest", 0) == 0 || w[k].rfind("demonstrat", 0) == 0 || w[k] == "marchers" ||
        w[k] == "rioters")
      return true;
  }
  return false;
}

void Absorb(const Mention& m, int index, Group* g, bool keep_type = false) {
  g->mentions.push_back(index);
  NoteToll(m, g);
  g->named = g->named || m.strength != Strength::kWeak;
  g->last_sentence = m.sentence;
  NoteSentence(m, g);
  bool upgrade = !keep_type &&
                 ((m.strength != Strength::kWeak && !g->sub_evidence) || g->event_type.empty());
  if (ReferringBack(m) && !g->event_type.empty() && m.event_type != g->event_type) upgrade = false;
  if (m.sub_evidence && !g->sub_evidence && !keep_type) upgrade = true;
  if (upgrade && (m.strength != Strength::kWeak || m.sub_evidence)) {
    g->event_type = m.event_type, g->sub_event_type = m.sub_event_type;
    g->plover_type = m.plover_type;
    if (!m.plover_mode.empty()) g->plover_mode = m.plover_mode;
    g->sub_evidence = m.sub_evidence;
  }
  if (m.date && DateMatch(m.date, g->date) >= 0 &&
      (!g->date || (m.date->latest - m.date->earliest < g->date->latest - g->date->earliest))) {
    g->date = m.date;
  }
  for (int p : m.places) {
    if (std::find(g->places.begin(), g->places.end(), p) == g->places.end()) g->places.push_back(p);
  }
  if (!g->actor1 && m.actor1) g->actor1 = m.actor1;
}

Group NewGroup(const Mention& m, int index) {
  Group g;
  g.violent = IsViolent(m);
  g.event_type = m.event_type, g.sub_event_type = m.sub_event_type;
  g.plover_type = m.plover_type, g.plover_mode = m.plover_mode;
  g.sub_evidence = m.sub_evidence;
  g.date = m.date;
  g.places = m.places;
  g.actor1 = m.actor1;
  g.background = m.background;
  g.series = m.other;
  g.named = m.strength != Strength::kWeak;
  g.last_sentence = m.sentence;
  g.mentions.push_back(index);
  NoteToll(m, &g);
  NoteSentence(m, &g);
  return g;
}

}  // namespace

double Km(const Geo& a, const Geo& b) {
  constexpr double kR = 6371.0, kRad = M_PI / 180;
  double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kR * std::asin(std::sqrt(std::min(1.0, h)));
}

std::vector<std::vector<int>> GroupMentionIndices(const DocContext& doc,
                                                  const std::vector<Mention>& mentions) {
  std::vector<Group> groups;
  TextCache cache(doc);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.modality == "negated" || m.modality == "threatened" || m.modality == "planned" ||
        m.modality == "hypothetical") {
      if (!IsViolent(m)) groups.push_back(NewGroup(m, i));
      continue;  // not an event that happened
    }
    // The compatible group with the most identity evidence (same place, same day, same
    // actor); ties go to the group told most recently.
    Group* join = nullptr;
    int join_score = -1, join_sentence = -1;
    bool join_own = false;
    for (Group& g : groups) {
      if (!IsViolent(m)) {
        if (!g.violent && g.plover_type == m.plover_type && g.actor1 == m.actor1) join = &g;
        continue;
      }
      if (m.other || !TypesCompatible(m, g)) continue;
      if (SplitsSentence(m, g)) continue;
      // A series takes the outcome words and anaphors that follow it, nothing else.
      if (g.series && m.strength != Strength::kWeak && !(m.anaphoric && Plural(doc, m))) continue;
      if (m.background != g.background) continue;  // history is not the news of the day
      if (g.series && (m.date || !m.places.empty())) continue;  // its own time or place
      int dm = DateMatch(m.date, g.date), pm = PlaceMatch(doc, m.places, g.places);
      // "Survivors of the attack said 93 bodies were buried as of Monday": the day is the
      // burial's, not the attack's, when it is not told with the anaphor itself.
      if (dm < 0 && StrayDate(doc, m)) dm = 0;
      if (dm < 0 || pm < 0) continue;
      if (pm == 0 && (NamedIn(cache, g.places, {m.sentence}) || NamedIn(cache, m.places, g.own_sentences)))
        pm = 1;
      // A time as coarse as the group's, containing it ("this week" beside "on Monday"), adds
      // nothing that could tell the mention apart.
      bool coarser = m.date && g.date && m.date->earliest <= g.date->earliest &&
                     m.date->latest >= g.date->latest;
      bool says_nothing_new = (!m.date || coarser) && m.places.empty();
      bool group_empty = !g.date && g.places.empty();
      bool same_actor = m.actor1 && g.actor1 && doc.entities[*m.actor1].id == doc.entities[*g.actor1].id;
      bool same_sub = SameKind(m.event_type, m.sub_event_type, g.sub_event_type) || !g.named ||
                      !m.sub_evidence;
      // The same kind of violence, stated by both, with nothing that tells them apart: news
      // retells its main event (headline, lede, body) far more often than it adds a second
      // event of the same kind without a place or time of its own.
      bool same_kind = !m.anchor && m.sub_evidence && g.sub_evidence && g.named && !g.series &&
                       m.strength != Strength::kWeak &&
                       SameKind(m.event_type, m.sub_event_type, g.sub_event_type);
      bool weak = m.strength == Strength::kWeak;
      // An outcome word told with the group's own instrument ("wounded by the rocket that hit
      // the pitch") refers to it however far back it was told.
      bool same_instrument = m.sub_evidence && g.sub_evidence && m.sub_event_type == g.sub_event_type;
      bool same_toll = SameToll(m, g) && !m.anchor && !g.series;
      if (weak && !m.anaphoric && pm <= 0 && !same_instrument && !same_toll &&
          m.sentence - g.last_sentence > kWeakReach)
        continue;
      // An outcome word with a place of its own tells another event than a placeless group,
      // unless it refers back ("died in the attack") or follows it at once (a headline with no
      // place, then "12 children died in X" in the lede).
      bool next_sentence = m.sentence - g.last_sentence <= 1;
      if (weak && !m.anaphoric && !next_sentence && !m.places.empty() && g.places.empty() &&
          !same_toll)
        continue;
      // A group told so far with no time of its own, and a mention that adds only its day
      // ("feared dead in a brutal attack on X" ... "in the wake of Wednesday's raid"): the
      // day refines the event told; a toll of its own would tell another one.
      bool dates_it = !g.date && m.date && m.places.empty() && !g.places.empty() && !m.anchor &&
                      !m.another && !g.series &&
                      (!m.fatalities || SameToll(m, g) || Vague(doc, m.sentence, *m.fatalities));
      bool retold = (says_nothing_new || group_empty || dates_it) && same_sub;
      // An anchor ("hours after the strike that killed X") is named for its own identity, not
      // as a reference back (not the headline's event): it joins only on the same day or place.
      // "Days after the massacre, ...": a bare definite anaphor as the anchor is the told event.
      if (m.anchor && !(dm > 0 || pm > 0) && !BareAnchor(doc, m)) continue;
      if (!(weak || m.anaphoric || dm > 0 || pm > 0 || same_actor || same_kind || retold ||
            same_toll)) {
        continue;
      }
      if (m.another && !(dm > 0 || pm > 0)) continue;  // "another strike": a new one
      // "In Kharkiv, a missile struck ..." after "strikes on Kharkiv and Odesa killed nine":
      // a sentence that opens with one of a summary's towns tells that town's own event.
      if (m.frame_place && Has(g.places, *m.frame_place) && FarApart(doc, g.places)) continue;
      // Evidence, then recency, then a group told in its sentence's main clause over one
      // named only as an anchor there ("hours after X, ...").
      int score = 4 * (dm > 0) + 4 * (pm > 0) + 2 * same_actor + 4 * same_toll;
      bool own = Has(g.own_sentences, g.last_sentence);
      if (score > join_score || (score == join_score && g.last_sentence > join_sentence) ||
          (score == join_score && g.last_sentence == join_sentence && (own || !join_own))) {
        join = &g, join_score = score, join_sentence = g.last_sentence, join_own = own;
      }
    }
    if (join) {
      Absorb(m, i, join);
    } else if (m.other) {
      if (IsViolent(m)) groups.push_back(NewGroup(m, i));
    } else {
      // An outcome word alone starts an event only when it says how many or where and when.
      bool informative =
          m.fatalities || m.injured || (m.date && (!m.places.empty() || m.sub_evidence));
      if (m.strength == Strength::kWeak && IsViolent(m) && !informative) continue;
      groups.push_back(NewGroup(m, i));
    }
  }
  // A shooting at the protesters of a protest or riot told in the same sentence ("police
  // opened fire on protesters who stormed parliament") is how that crowd was met: its group
  // joins theirs, which keeps its type.
  for (Group& g : groups) {
    bool attack = g.event_type == "Violence against civilians" || g.event_type == "Battles" ||
                  g.event_type == "Explosions/Remote violence";
    if (g.series || g.background || g.mentions.empty() || !g.violent || !attack) continue;
    Group* crowd = nullptr;
    bool all = true;
    for (int i : g.mentions) {
      Group* h = nullptr;
      for (Group& c : groups) {
        if (&c != &g && !c.series && !c.background && OnTheCrowd(doc, mentions[i], c)) h = &c;
      }
      if (!h || (crowd && h != crowd)) all = false;
      crowd = h;
    }
    if (!all || !crowd) continue;
    for (int i : g.mentions) Absorb(mentions[i], i, crowd, /*keep_type=*/true);
    g.mentions.clear();
  }
  // A summary of events in several towns, each of which the article then tells as its own
  // ("In Kharkiv, ...", "In Odesa, ..."), is no event of its own: its towns' events are.
  auto told_apart = [&](const Group& summary) {
    if (summary.series || summary.background || !FarApart(doc, summary.places)) return false;
    for (int p : summary.places) {
      const auto& geo = doc.entities[p].geo;
      if (!geo || !Specific(*geo)) continue;
      bool own = std::any_of(groups.begin(), groups.end(), [&](const Group& h) {
        if (&h == &summary || h.series || h.event_type != summary.event_type) return false;
        return std::any_of(h.mentions.begin(), h.mentions.end(), [&](int i) {
          return mentions[i].frame_place == p;
        });
      });
      if (!own) return false;
    }
    return true;
  };
  std::vector<std::vector<int>> out;
  for (auto& g : groups) {
    if (!g.series && !g.mentions.empty() && !told_apart(g)) out.push_back(g.mentions);
  }
  return out;
}

}  // namespace sitrep::extract
