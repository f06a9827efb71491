// A mention's own date: the nearest resolved time expression of its sentence that is not
// about another event; a trigger inside an anniversary's or "after X" event phrase takes X's
// date. Mentions dated well before the article are background.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <string>

#include "extract/mention.h"
#include "sitrep/text/doc_date.h"

namespace sitrep::extract {
namespace {

constexpr int64_t kBackgroundDays = 30;       // older than the article by this much
constexpr int64_t kSinceBackgroundDays = 365;
constexpr int64_t kPeriodDays = 31;  // a time wider than this dates a series, not one event

// "on Saturday", "last week", "in the past week", "three days ago": the words themselves say
// the time is at most a week long, however coarse the article's own date makes its value.
bool ShortByWords(const TimeExpression& t) {
  if (t.since || t.kind != TimeKind::kPoint) return false;
  switch (t.form) {
    case TimeForm::kWeekday:
    case TimeForm::kDayOffset:
    case TimeForm::kAnchorDay:
    case TimeForm::kWeekOffset:
    case TimeForm::kWeekend:
      return true;
    case TimeForm::kPastDays:
    case TimeForm::kAgo:
      return (t.unit == 'd' && t.offset <= 7) || (t.unit == 'w' && t.offset <= 1);
    case TimeForm::kCalendar:
      return t.day > 0;
    default:
      return false;
  }
}

// "in recent months", "over the past year", "since October": a period, not a point in time.
bool IsPeriod(const TimeExpression& t) {
  if (t.since) return true;
  if (ShortByWords(t)) return false;
  bool stretch = t.form == TimeForm::kPastDays || t.form == TimeForm::kToDate;
  return stretch && t.value.known() && t.value.latest - t.value.earliest > kPeriodDays;
}

bool PluralTrigger(std::string_view text, const Mention& m) {
  std::string_view w = text.substr(m.begin, m.end - m.begin);
  return w.size() > 3 && (w.back() == 's' || w.back() == 'S') && w[w.size() - 2] != 's';
}

// "The violence erupted on January 9", "clashes broke out last Thursday": the time dates the
// onset of something that went on, not its whole (an onset verb right before the time).
bool TellsOnset(std::string_view text, const TimeExpression& t) {
  static constexpr std::string_view kOnset[] = {"erupted", "began", "started", "flared",
                                                "escalated", "intensified", "out"};
  size_t at = t.begin;
  for (int words = 0; words < 2; ++words) {
    while (at > 0 && text[at - 1] == ' ') --at;
    size_t b = at;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    if (b == at) return false;
    std::string w(text.substr(b, at - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (words == 0 && (w == "on" || w == "in" || w == "since")) {
      at = b;
      continue;
    }
    if (w == "out") {  // "broke out"
      size_t e = b;
      while (e > 0 && text[e - 1] == ' ') --e;
      return e >= 5 && text.substr(e - 5, 5) == "broke";
    }
    return std::find(std::begin(kOnset), std::end(kOnset), w) != std::end(kOnset);
  }
  return false;
}

constexpr int kNamesakeWords = 3;  // content words two event phrases share to name one event

// Lowercase words of four letters or more that are not function words: what names an event.
std::vector<std::string> ContentWords(std::string_view phrase) {
  static constexpr std::string_view kStop[] = {
      "that", "which", "with", "from", "after", "before", "their", "they", "this", "these",
      "those", "have", "been", "were", "when", "where", "while", "into", "than", "then", "there",
      "what", "over", "also", "more", "most", "some", "such", "only", "just", "about", "against",
      "during", "said", "says", "will", "would", "could", "other", "resulting", "amid"};
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= phrase.size(); ++i) {
    char c = i < phrase.size() ? phrase[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      continue;
    }
    if (w.size() >= 4 && std::find(std::begin(kStop), std::end(kStop), w) == std::end(kStop) &&
        std::find(out.begin(), out.end(), w) == out.end())
      out.push_back(w);
    w.clear();
  }
  return out;
}

// X's date when the article names X again, in the event phrase of another time expression
// that a widely known event dates: "a day after the US killed a top Iranian general" beside
// "hours after the airstrike that killed top Iranian general Qassem Soleimani".
std::optional<int64_t> NamesakeDate(const DocContext& doc, const TimeExpression& t) {
  std::vector<std::string> own;
  for (const TimeExpression& u : doc.times) {
    if (u.begin == t.begin || u.event_end <= u.event_begin) continue;
    std::string_view phrase = doc.text.substr(u.event_begin, u.event_end - u.event_begin);
    auto day = KnownEventDate(phrase);
    if (!day) continue;
    if (own.empty()) own = ContentWords(doc.text.substr(t.event_begin, t.event_end - t.event_begin));
    int shared = 0;
    for (const std::string& w : ContentWords(phrase)) {
      shared += std::find(own.begin(), own.end(), w) != own.end();
    }
    if (shared >= kNamesakeWords) return day;
  }
  return std::nullopt;
}

// "a day after X", "hours after X" that the text stage left unresolved: from the date of X
// when X is a widely known event, or named so elsewhere in the article. Returns `t` itself
// when there is nothing to resolve. `known` is X's date when the article dates X elsewhere.
const TimeExpression& EventOffsetResolved(const DocContext& doc, const TimeExpression& t,
                                          TimeExpression* scratch,
                                          std::optional<int64_t> known = std::nullopt) {
  if (t.form != TimeForm::kEventOffset || t.value.known() || t.event_end <= t.event_begin) return t;
  auto day = known ? known : KnownEventDate(doc.text.substr(t.event_begin, t.event_end - t.event_begin));
  if (!day) day = NamesakeDate(doc, t);
  if (!day) return t;
  *scratch = t;
  int64_t shift = t.unit == 'd' ? t.offset : t.unit == 'w' ? 7 * t.offset : 0;
  scratch->value.earliest = scratch->value.latest = *day + shift;
  if (t.unit == 'h') scratch->value.latest += 1;  // the same or the next day
  // Never after the article: an "after X" report cannot postdate its publication.
  if (doc.reference.known()) {
    scratch->value.latest = std::max(scratch->value.earliest,
                                     std::min(scratch->value.latest, doc.reference.latest));
  }
  scratch->value.precision = PrecisionForWidth(scratch->value.earliest, scratch->value.latest);
  return *scratch;
}

// Narrative time: an event told with no time of its own in the sentence right after one that
// states a day ("On 6 May, gunmen attacked a post. Two soldiers were killed.") happened on that
// day. Only a day within kBackgroundDays before a day-precise article date carries (never a
// background or anchored one; with a coarse article date recent and old cannot be told apart),
// and only to the next sentence: further on, the article may have moved on. A sentence that
// opens with a town the dated sentence named ("Strikes on Kharkiv and Odesa killed nine on
// Wednesday. ... In Odesa, three people were killed") tells part of that day's events.
void CarryNarrativeDay(const DocContext& doc, std::vector<Mention>* mentions) {
  if (!doc.reference.known() || doc.reference.precision != DatePrecision::kDay) return;
  std::optional<DateInterval> day;
  int day_sentence = -2;
  auto named_then = [&](int entity) {
    if (day_sentence < 0) return false;
    const auto& refs = doc.info[day_sentence].entities;
    return std::any_of(refs.begin(), refs.end(),
                       [&](const EntityRef& r) { return r.place && r.entity == entity; });
  };
  for (Mention& m : *mentions) {
    if (m.date) {
      bool carries = m.date->precision == DatePrecision::kDay && !m.background && !m.anchor &&
                     m.date->latest >= doc.reference.earliest - kBackgroundDays;
      if (carries) day = m.date, day_sentence = m.sentence;
      continue;
    }
    if (!day || m.anchor || m.other || m.modality != "happened") continue;
    bool part = m.frame_place && named_then(*m.frame_place);
    if (m.sentence != day_sentence + 1 && m.sentence != day_sentence && !part) continue;
    m.date = day;
    m.best_day = day->earliest;
  }
}

// No clause break (",", ";", ".") between bytes a and b.
bool OneClause(std::string_view text, uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return text.substr(a, b - a).find_first_of(",;.") == std::string_view::npos;
}

constexpr uint32_t kNamedPhraseBytes = 40;  // "the 2004 [Beslan school siege]"

// How a time relates to a mention when it is told about another event than the sentence's:
// kOther, it dates another event (skip it); kNamed, the trigger is that event ("the 2004
// Beslan siege"); kAny, no such relation.
enum class Relation { kAny, kOther, kNamed };
Relation BackgroundRelation(const DocContext& doc, const TimeExpression& t, const Mention& m) {
  // A date line opening the paragraph dates the article, not the report after it.
  if (t.day && t.year && OpensParagraphAsDateline(doc.text, t.begin, t.end)) return Relation::kOther;
  if (t.day && InDateline(doc.text, t.begin, t.end)) return Relation::kOther;  // "ABUJA, May 20 (Reuters) -"
  if (t.day) return Relation::kAny;
  // "the deadliest assault since the infamous 2004 Beslan school siege": the year names the
  // siege; "the 2016 peace agreement" dates the agreement, not the killings told beside it.
  if (t.year && AttributiveYear(doc.text, t.begin, t.end)) {
    bool named = m.begin >= t.end && m.begin <= t.end + kNamedPhraseBytes &&
                 OneClause(doc.text, t.end, m.begin);
    return named ? Relation::kNamed : Relation::kOther;
  }
  // "since President X took office in 2022", ", which began ... in 2015": background of the
  // sentence, unless the trigger is told inside the same clause.
  if (!t.since && InSinceOrRelativeClause(doc.text, t.begin)) {
    bool inside = InSinceOrRelativeClause(doc.text, m.begin) && OneClause(doc.text, t.begin, m.begin);
    return inside ? Relation::kAny : Relation::kOther;
  }
  return Relation::kAny;
}

// "the theater" in a sentence right after one that names "a Moscow theater": the sentence goes
// on about what that one told.
bool DefiniteBackReference(const SentenceInfo& s, const SentenceInfo& prev) {
  for (size_t i = 1; i < s.lower.size(); ++i) {
    if (s.lower[i - 1] != "the" || s.lower[i].size() < 4) continue;
    for (size_t j = 1; j < prev.lower.size(); ++j) {
      if (prev.lower[j] == s.lower[i] && prev.lower[j - 1] != "the") return true;
    }
  }
  return false;
}

// Narrative background: "In 2002, militants seized a theater. Special forces stormed the
// theater and 130 people were killed." An undated event in the sentence right after one told at
// an old time that refers back to it by a definite noun belongs to that past.
void CarryBackground(const DocContext& doc, std::vector<Mention>* mentions) {
  if (!doc.reference.known()) return;
  for (Mention& m : *mentions) {
    if (m.date || m.anchor || m.sentence == 0) continue;
    const SentenceInfo& prev = doc.info[m.sentence - 1];
    for (int ti : prev.times) {
      const TimeExpression& t = doc.times[ti];
      if (t.kind != TimeKind::kPoint || t.since || t.future || !t.value.known()) continue;
      if (t.value.latest >= doc.reference.earliest - kBackgroundDays) continue;
      if (t.year && AttributiveYear(doc.text, t.begin, t.end)) continue;
      if (InSinceOrRelativeClause(doc.text, t.begin)) continue;
      if (!DefiniteBackReference(doc.info[m.sentence], prev)) break;
      m.date = t.value;
      m.best_day = t.value.earliest;
      m.background = true;
      break;
    }
  }
}

}  // namespace

void AttachTimes(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    const SentenceInfo& s = doc.info[m.sentence];
    const TimeExpression* best = nullptr;
    int64_t best_d = 1LL << 40;
    bool period_only = true;
    TimeExpression scratch;
    // A time in the trigger's own clause dates it before any time of another clause.
    int clause = ClauseAt(s, m.begin);
    bool own_clause_time = false;
    for (int ti : s.times) {
      own_clause_time |= ClauseAt(s, doc.times[ti].begin) == clause &&
                         BackgroundRelation(doc, doc.times[ti], m) != Relation::kOther;
    }
    bool named = false;  // the trigger is the past event an attributive year names
    for (int ti : s.times) {
      Relation rel = BackgroundRelation(doc, doc.times[ti], m);
      if (rel == Relation::kOther) continue;
      if (rel == Relation::kNamed && doc.times[ti].value.known()) {
        best = &doc.times[ti], period_only = false, named = true;
        break;
      }
      if (own_clause_time && ClauseAt(s, doc.times[ti].begin) != clause &&
          doc.times[ti].event_end <= doc.times[ti].event_begin)
        continue;
      const TimeExpression& t = EventOffsetResolved(doc, doc.times[ti], &scratch);
      bool has_event = t.event_end > t.event_begin;
      if (has_event && m.begin >= t.event_begin && m.end <= t.event_end) {
        // The trigger is the event the expression is counted from: "the anniversary of X".
        std::string_view phrase = doc.text.substr(t.event_begin, t.event_end - t.event_begin);
        m.anchor = true;
        auto day = KnownEventDate(phrase);
        if (!day && t.form == TimeForm::kEventOffset) day = NamesakeDate(doc, t);
        if (day) {
          m.date = DateInterval{*day, *day, DatePrecision::kDay};
          m.best_day = *day;
        }
        // An anchor is history only when it is old ("the anniversary of X"); "hours after X"
        // names a recent event that is news of its own. Undated anchors stay background.
        // "a day after X" with X unknown: X is as recent as the sentence's own event.
        bool near = t.form == TimeForm::kEventOffset &&
                    (t.unit == 'h' || t.unit == 'd' || t.unit == 'w');
        m.background = m.date ? !doc.reference.known() ||
                                    m.date->latest < doc.reference.earliest - kBackgroundDays
                              : !near;
        best = nullptr;
        break;
      }
      if (t.kind == TimeKind::kSet || !t.value.known()) continue;
      if (t.kind == TimeKind::kDuration && !t.since) continue;
      if (t.future && m.modality == "happened") continue;
      int64_t d = t.begin >= m.end ? int64_t(t.begin) - m.end : int64_t(m.begin) - t.end;
      d = std::abs(d);
      // A point in time beats a period ("on Saturday ... in recent months").
      bool period = IsPeriod(t);
      if (!period && period_only) best_d = 1LL << 40;
      if (period && !period_only) continue;
      period_only = period_only && period;
      if (d < best_d) best_d = d, best = &t;
    }
    if (!best) continue;
    m.short_date = ShortByWords(*best);
    // Plural attacks over a period ("attacks since October", "strikes in recent months") are a
    // series: they are not one event and give no figures to the events around them.
    if (period_only && PluralTrigger(doc.text, m)) m.other = true;
    // One event told beside a period ("the strike, amid attacks since October") has no time of
    // its own: the period is the series', not the event's.
    if (period_only && !m.other) continue;
    // "a series of missile strikes in the past week": a wave told as one event, not a series.
    if (m.other && ShortByWords(*best)) m.other = false;
    DateInterval v = best->value;
    if (best->since) v.latest = doc.reference.known() ? doc.reference.latest : v.latest;
    // A year or month named with a widely known event of that time: the event's day.
    if (v.precision == DatePrecision::kYear || v.precision == DatePrecision::kMonth) {
      std::string_view sent = doc.text.substr(s.sentence->begin, s.sentence->end - s.sentence->begin);
      if (auto day = KnownEventDate(sent); day && *day >= v.earliest && *day <= v.latest) {
        v = DateInterval{*day, *day, DatePrecision::kDay};
      }
    }
    // An onset ("erupted on January 9") starts a wave that lasts up to the article, at most
    // a period: the range says so, the best day stays the onset.
    if (TellsOnset(doc.text, *best) && doc.reference.known() && v.latest - v.earliest <= 6 &&
        doc.reference.latest > v.latest) {
      int64_t start = v.earliest;
      v.latest = std::min(doc.reference.latest, v.earliest + kPeriodDays);
      v.precision = PrecisionForWidth(v.earliest, v.latest);
      m.date = v;
      m.best_day = start;
    } else {
      m.date = v;
      m.best_day = v.earliest;
    }
    // "hours after X": of the two days, the one nearer publication.
    if (best->form == TimeForm::kEventOffset && best->unit == 'h') m.best_day = v.latest;
    if (named && !doc.reference.known()) m.background = true;  // "the 2004 siege": the past
    if (doc.reference.known()) {
      int64_t limit = best->since ? kSinceBackgroundDays : kBackgroundDays;
      if (v.latest < doc.reference.earliest - limit) m.background = true;
      if (best->since && v.earliest < doc.reference.earliest - limit) m.background = true;
    }
  }
  CarryNarrativeDay(doc, mentions);
  CarryBackground(doc, mentions);
}

namespace {

// "X a week after Y": Y's dates, that long before `own` (X's); nullopt for other expressions.
std::optional<DateInterval> BeforeByOffset(const TimeExpression& t, const DateInterval& own) {
  if (t.form != TimeForm::kEventOffset || t.offset < 0 || !own.known()) return std::nullopt;
  int64_t lo = 0, hi = 0;  // days Y lies before X
  switch (t.unit) {
    case 'h': lo = 0, hi = 1; break;                        // "hours after X"
    case 'd': lo = t.offset ? t.offset : 2, hi = t.offset ? t.offset : 6; break;  // "days after"
    case 'w': lo = t.offset ? 7 * t.offset - 2 : 14, hi = t.offset ? 7 * t.offset + 2 : 35; break;
    case 'm': lo = t.offset ? 30 * t.offset - 7 : 60, hi = t.offset ? 30 * t.offset + 7 : 330; break;
    default: return std::nullopt;
  }
  DateInterval v{own.earliest - hi, own.latest - lo, DatePrecision::kDay};
  v.precision = PrecisionForWidth(v.earliest, v.latest);
  return v;
}

}  // namespace

bool DateFromAnchors(const DocContext& doc, const std::vector<std::vector<int>>& groups,
                     std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  bool changed = false;
  // "The blast comes a week after a bombing in X": X lies that long before the sentence's own
  // event, whose day is its group's, else (told with no time of its own) the article's.
  std::vector<std::optional<DateInterval>> group_day(ms.size());
  for (const auto& group : groups) {
    for (int i : group) {
      const auto& d = ms[i].date;
      if (!d || d->precision != DatePrecision::kDay || ms[i].anchor) continue;
      for (int j : group) group_day[j] = d;
      break;
    }
  }
  for (size_t a = 0; a < ms.size(); ++a) {
    if (!ms[a].anchor || ms[a].date || group_day[a]) continue;
    std::optional<DateInterval> own;
    bool own_undated = false;
    for (size_t k = 0; k < ms.size(); ++k) {
      if (ms[k].sentence != ms[a].sentence || ms[k].anchor || !IsViolent(ms[k])) continue;
      if (group_day[k]) own = group_day[k];
      own_undated |= !ms[k].date;
    }
    bool no_own = std::none_of(ms.begin(), ms.end(), [&](const Mention& k) {
      return k.sentence == ms[a].sentence && !k.anchor && k.date;
    });
    // No own mention ("The attack came a week after ..." told with an anaphor the sentence
    // does not keep): the article's main event, its first violent one, else the article.
    if (!own && no_own) {
      auto main = std::find_if(ms.begin(), ms.end(), [](const Mention& k) {
        return !k.anchor && !k.other && IsViolent(k) && k.modality == "happened";
      });
      if (main != ms.end() && main->sentence < ms[a].sentence) own = group_day[main - ms.begin()];
    }
    if (!own && (no_own || own_undated) && doc.reference.known()) own = doc.reference;
    if (!own || own->latest - own->earliest > kPeriodDays) continue;
    for (int ti : doc.info[ms[a].sentence].times) {
      const TimeExpression& t = doc.times[ti];
      if (ms[a].begin < t.event_begin || ms[a].end > t.event_end || t.value.known()) continue;
      auto v = BeforeByOffset(t, *own);
      if (!v) continue;
      ms[a].date = v;
      ms[a].best_day = v->latest - (t.unit == 'w' || t.unit == 'm' ? 2 : 0);
      if (t.unit == 'm') ms[a].best_day = v->latest - 7;
      ms[a].background = doc.reference.known() &&
                         v->latest < doc.reference.earliest - kBackgroundDays;
      changed = true;
      break;
    }
  }
  for (const auto& group : groups) {
    std::optional<int64_t> day;  // the group's day, when some mention states one
    for (int i : group) {
      const auto& d = ms[i].date;
      if (d && d->precision == DatePrecision::kDay) day = d->earliest;
    }
    if (!day) continue;
    for (int a : group) {
      if (!ms[a].anchor || ms[a].date) continue;
      for (int ti : doc.info[ms[a].sentence].times) {
        const TimeExpression& t = doc.times[ti];
        if (ms[a].begin < t.event_begin || ms[a].end > t.event_end) continue;
        TimeExpression scratch;
        const TimeExpression& r = EventOffsetResolved(doc, t, &scratch, day);
        if (&r == &t) continue;
        for (Mention& m : ms) {
          if (m.sentence != ms[a].sentence || m.anchor || m.date) continue;
          m.date = r.value;
          m.best_day = r.unit == 'h' ? r.value.latest : r.value.earliest;
          changed = true;
        }
      }
    }
  }
  return changed;
}

}  // namespace sitrep::extract
