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

}  // namespace

void AttachTimes(const DocContext& doc, std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    const SentenceInfo& s = doc.info[m.sentence];
    const TimeExpression* best = nullptr;
    int64_t best_d = 1LL << 40;
    for (int ti : s.times) {
      const TimeExpression& t = doc.times[ti];
      bool has_event = t.event_end > t.event_begin;
      if (has_event && m.begin >= t.event_begin && m.end <= t.event_end) {
        // The trigger is the event the expression is counted from: "the anniversary of X".
        std::string_view phrase = doc.text.substr(t.event_begin, t.event_end - t.event_begin);
        if (auto day = KnownEventDate(phrase)) {
          m.date = DateInterval{*day, *day, DatePrecision::kDay};
          m.best_day = *day;
        }
        m.background = true;
        best = nullptr;
        break;
      }
      if (t.kind == TimeKind::kSet || !t.value.known()) continue;
      if (t.kind == TimeKind::kDuration && !t.since) continue;
      if (t.future && m.modality == "happened") continue;
      int64_t d = t.begin >= m.end ? int64_t(t.begin) - m.end : int64_t(m.begin) - t.end;
      d = std::abs(d);
      if (d < best_d) best_d = d, best = &t;
    }
    if (!best) continue;
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
    if (doc.reference.known()) {
      int64_t limit = best->since ? kSinceBackgroundDays : kBackgroundDays;
      if (v.latest < doc.reference.earliest - limit) m.background = true;
      if (best->since && v.earliest < doc.reference.earliest - limit) m.background = true;
    }
  }
}

}  // namespace sitrep::extract
