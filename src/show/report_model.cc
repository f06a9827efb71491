#include "sitrep/show/report_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace sitrep::show {
namespace {

int64_t Best(const std::optional<CountRange>& c) { return c ? c->best : -1; }
int64_t High(const std::optional<CountRange>& c) { return c ? c->max : -1; }
int64_t Low(const std::optional<CountRange>& c) { return c ? c->min : 0; }
int64_t LatestDay(const Event& e) { return e.date.known() ? e.date.latest : INT64_MIN; }

void AddFigure(const std::optional<CountRange>& c, FigureTotal* t) {
  if (!c) return;
  t->at_least += c->min;
  t->best += c->best;
  t->highest += c->max;
  ++t->events;
}

bool DateIdLess(const Event* a, const Event* b) {
  const bool ka = a->date.known(), kb = b->date.known();
  if (ka != kb) return ka;  // dated first
  return std::tie(a->date.earliest, a->date.latest, a->id) <
         std::tie(b->date.earliest, b->date.latest, b->id);
}

std::vector<TimelineGroup> Timeline(const std::vector<const Event*>& records) {
  // Key: (known, earliest, latest); a single day is its own group, a window its own.
  std::map<std::tuple<bool, int64_t, int64_t>, TimelineGroup> groups;
  for (const Event* e : records) {
    const bool known = e->date.known();
    auto key = known ? std::make_tuple(false, e->date.earliest, e->date.latest)
                     : std::make_tuple(true, int64_t{0}, int64_t{0});  // undated sort last
    TimelineGroup& g = groups[key];
    g.known = known;
    if (known) {
      g.earliest = e->date.earliest;
      g.latest = e->date.latest;
      g.precision = e->date.earliest == e->date.latest
                        ? "day"
                        : std::string(DatePrecisionName(e->date.precision));
    }
    g.events.push_back(e);
    g.killed_at_least += Low(e->fatalities);
  }
  std::vector<TimelineGroup> out;
  for (auto& [key, g] : groups) {
    std::sort(g.events.begin(), g.events.end(),
              [](const Event* a, const Event* b) { return KeyEventLess(*a, *b); });
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<AreaRow> Areas(const std::vector<const Event*>& records, const CountryNamer& namer) {
  std::map<std::pair<std::string, std::string>, AreaRow> rows;
  for (const Event* e : records) {
    std::string country = e->location ? e->location->country : "";
    std::string admin1 = e->location ? e->location->admin1 : "";
    AreaRow& r = rows[{country, admin1}];
    r.country = country;
    r.admin1 = admin1;
    ++r.events;
    r.killed_at_least += Low(e->fatalities);
    r.reports += static_cast<int>(e->sources.size());
  }
  std::vector<AreaRow> out;
  for (auto& [key, r] : rows) {
    if (namer && !r.country.empty()) r.country_name = namer(r.country);
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const AreaRow& a, const AreaRow& b) {
    return a.events > b.events;  // ties keep (country, admin1) order from the map
  });
  return out;
}

}  // namespace

bool KeyEventLess(const Event& a, const Event& b) {
  auto rank = [](const Event& e) {
    return std::make_tuple(Best(e.fatalities), e.independent_sources,
                           static_cast<int64_t>(e.sources.size()), High(e.fatalities),
                           Best(e.injured), LatestDay(e));
  };
  auto ra = rank(a), rb = rank(b);
  if (ra != rb) return ra > rb;  // larger first
  return a.id < b.id;
}

ReportModel BuildReportModel(std::vector<Event> events, const ReportOptions& options) {
  ReportModel m;
  m.options = options;
  m.events = std::move(events);
  std::set<std::string> docs, origins;
  for (const Event& e : m.events) {
    const bool record = !e.event_type.empty() && !e.historical;
    if (!record) {
      m.others.push_back({&e, e.historical ? OtherReason::kBackground : OtherReason::kLowConfidence});
      continue;
    }
    m.records.push_back(&e);
    if (e.date.known()) {
      m.period_from = m.dated ? std::min(m.period_from, e.date.earliest) : e.date.earliest;
      m.period_to = m.dated ? std::max(m.period_to, e.date.latest) : e.date.latest;
      m.dated = true;
    }
    AddFigure(e.fatalities, &m.killed);
    AddFigure(e.injured, &m.injured);
    m.counts.reports += static_cast<int>(e.sources.size());
    for (const EventSource& s : e.sources) {
      docs.insert(s.doc);
      origins.insert(s.origin.empty() ? s.doc : s.origin);
    }
    if (e.location && e.location->has_coords) m.mapped.push_back(&e);
  }
  m.counts.events = static_cast<int>(m.records.size());
  m.counts.other_items = static_cast<int>(m.others.size());
  m.counts.documents = static_cast<int>(docs.size());
  m.counts.independent = static_cast<int>(origins.size());
  std::sort(m.records.begin(), m.records.end(),
            [](const Event* a, const Event* b) { return KeyEventLess(*a, *b); });
  m.key_events.assign(m.records.begin(),
                      m.records.begin() + std::min(m.records.size(), options.max_key_events));
  std::sort(m.others.begin(), m.others.end(),
            [](const OtherItem& a, const OtherItem& b) { return DateIdLess(a.event, b.event); });
  std::sort(m.mapped.begin(), m.mapped.end(),
            [](const Event* a, const Event* b) { return a->id < b->id; });
  m.timeline = Timeline(m.records);
  m.areas = Areas(m.records, options.country_name);
  return m;
}

}  // namespace sitrep::show
