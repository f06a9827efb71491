// A mention's own date: the nearest resolved time expression of its sentence that is not
// about another event; a trigger inside an anniversary's or "after X" event phrase takes X's
// date. Mentions dated well before the article are background.
#include <algorithm>
#include <cstdlib>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int64_t kBackgroundDays = 30;       // older than the article by this much
constexpr int64_t kSinceBackgroundDays = 365;
constexpr int64_t kPeriodDays = 31;  // a time wider than this dates a series, not one event

// "in recent months", "over the past year", "since October": a period, not a point in time.
bool IsPeriod(const TimeExpression& t) {
  if (t.since) return true;
  bool stretch = t.form == TimeForm::kPastDays || t.form == TimeForm::kToDate;
  return stretch && t.value.known() && t.value.latest - t.value.earliest > kPeriodDays;
}

bool PluralTrigger(std::string_view text, const Mention& m) {
  std::string_view w = text.substr(m.begin, m.end - m.begin);
  return w.size() > 3 && (w.back() == 's' || w.back() == 'S') && w[w.size() - 2] != 's';
}

// "a day after X", "hours after X" that the text stage left unresolved: from the date of X
// when X is a widely known event. Returns `t` itself when there is nothing to resolve.
// `known` is X's date when the article itself dates X elsewhere.
const TimeExpression& EventOffsetResolved(const DocContext& doc, const TimeExpression& t,
                                          TimeExpression* scratch,
                                          std::optional<int64_t> known = std::nullopt) {
  if (t.form != TimeForm::kEventOffset || t.value.known() || t.event_end <= t.event_begin) return t;
  auto day = known ? known : KnownEventDate(doc.text.substr(t.event_begin, t.event_end - t.event_begin));
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

}  // namespace

void AttachTimes(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    const SentenceInfo& s = doc.info[m.sentence];
    const TimeExpression* best = nullptr;
    int64_t best_d = 1LL << 40;
    bool period_only = true;
    TimeExpression scratch;
    for (int ti : s.times) {
      const TimeExpression& t = EventOffsetResolved(doc, doc.times[ti], &scratch);
      bool has_event = t.event_end > t.event_begin;
      if (has_event && m.begin >= t.event_begin && m.end <= t.event_end) {
        // The trigger is the event the expression is counted from: "the anniversary of X".
        std::string_view phrase = doc.text.substr(t.event_begin, t.event_end - t.event_begin);
        m.anchor = true;
        if (auto day = KnownEventDate(phrase)) {
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
    // Plural attacks over a period ("attacks since October", "strikes in recent months") are a
    // series: they are not one event and give no figures to the events around them.
    if (period_only && PluralTrigger(doc.text, m)) m.other = true;
    // One event told beside a period ("the strike, amid attacks since October") has no time of
    // its own: the period is the series', not the event's.
    if (period_only && !m.other) continue;
    DateInterval v = best->value;
    if (best->since) v.latest = doc.reference.known() ? doc.reference.latest : v.latest;
    // A year or month named with a widely known event of that time: the event's day.
    if (v.precision == DatePrecision::kYear || v.precision == DatePrecision::kMonth) {
      std::string_view sent = doc.text.substr(s.sentence->begin, s.sentence->end - s.sentence->begin);
      if (auto day = KnownEventDate(sent); day && *day >= v.earliest && *day <= v.latest) {
        v = DateInterval{*day, *day, DatePrecision::kDay};
      }
    }
    m.date = v;
    m.best_day = v.earliest;
    // "hours after X": of the two days, the one nearer publication.
    if (best->form == TimeForm::kEventOffset && best->unit == 'h') m.best_day = v.latest;
    if (doc.reference.known()) {
      int64_t limit = best->since ? kSinceBackgroundDays : kBackgroundDays;
      if (v.latest < doc.reference.earliest - limit) m.background = true;
      if (best->since && v.earliest < doc.reference.earliest - limit) m.background = true;
    }
  }
}

bool DateFromAnchors(const DocContext& doc, const std::vector<std::vector<int>>& groups,
                     std::vector<Mention>* mentions) {
  auto& ms = *mentions;
  bool changed = false;
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
