#include "sitrep/show/report_text.h"

#include <cstdio>
#include <tuple>

namespace sitrep::show {
namespace {

// Ends with . ! ? or one of them followed by closing quotes or brackets.
bool EndsAsSentence(const std::string& s) {
  size_t end = s.find_last_not_of(" \t\r\n");
  while (end != std::string::npos && end > 0) {
    const char c = s[end];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --end;
    } else if (static_cast<unsigned char>(c) >= 0x80 && end >= 2 &&
               s.compare(end - 2, 3, "\xE2\x80\x9D") == 0) {  // right double quotation mark
      end -= 3;
    } else if (static_cast<unsigned char>(c) >= 0x80 && end >= 2 &&
               s.compare(end - 2, 3, "\xE2\x80\x99") == 0) {  // right single quotation mark
      end -= 3;
    } else {
      break;
    }
  }
  if (end == std::string::npos) return false;
  const char c = s[end];
  return c == '.' || c == '!' || c == '?';
}

}  // namespace

std::string WindowWords(int64_t earliest, int64_t latest) {
  if (earliest == latest) return FormatIsoDate(earliest);
  return FormatIsoDate(earliest) + ".." + FormatIsoDate(latest);
}

std::string DateWords(const Event& e) {
  if (!e.date.known()) return "undated";
  return WindowWords(e.date.earliest, e.date.latest) + " (" +
         std::string(DatePrecisionName(e.date.precision)) + ")";
}

std::string PlaceWords(const Event& e, const CountryNamer& namer) {
  if (!e.location) return "no place";
  const EventPlace& p = *e.location;
  std::string s = p.name;
  auto add = [&s](const std::string& part) {
    if (part.empty()) return;
    s += s.empty() ? part : ", " + part;
  };
  if (p.admin1 != p.name) add(p.admin1);
  if (!p.country.empty() && p.country != p.name) {
    std::string name = namer ? namer(p.country) : "";
    add(name.empty() || name == p.name ? p.country : name + " (" + p.country + ")");
  }
  if (s.empty()) s = "unnamed place";
  if (!p.precision.empty()) s += " - " + p.precision;
  if (p.has_coords) {
    char buf[64];
    std::snprintf(buf, sizeof buf, ", %.4f, %.4f", p.lat, p.lon);
    s += buf;
  }
  return s;
}

std::string TypeWords(const Event& e) {
  if (e.event_type.empty()) {
    return e.plover_type.empty() ? "(no ACLED type)" : "(no ACLED type; PLOVER " + e.plover_type + ")";
  }
  return e.sub_event_type.empty() ? e.event_type : e.event_type + " / " + e.sub_event_type;
}

std::string ActorWords(const Event& e) {
  auto name = [](const std::optional<EventActor>& a) { return a ? a->name : std::string(); };
  std::string a1 = name(e.actor1), a2 = name(e.actor2);
  if (a1.empty() && a2.empty()) return "actors unknown";
  if (a2.empty()) return a1;
  if (a1.empty()) return "unknown actor against " + a2;
  return a1 + " against " + a2;
}

std::string FigureWords(const std::optional<CountRange>& c) {
  if (!c) return "";
  std::string s = std::to_string(c->best);
  if (c->min != c->max) s += " (reports " + std::to_string(c->min) + "-" + std::to_string(c->max) + ")";
  return s;
}

std::string CasualtyWords(const Event& e) {
  std::string killed = FigureWords(e.fatalities), hurt = FigureWords(e.injured);
  if (killed.empty() && hurt.empty()) return "no casualty figures";
  std::string s;
  if (!killed.empty()) s = "killed " + killed;
  if (!hurt.empty()) s += (s.empty() ? "injured " : "; injured ") + hurt;
  return s;
}

std::string SourceWords(const Event& e) {
  const size_t n = e.sources.size();
  return std::to_string(n) + (n == 1 ? " report, " : " reports, ") +
         std::to_string(e.independent_sources) +
         (e.independent_sources == 1 ? " independent source" : " independent sources");
}

std::string DisagreementWords(const Event& e) {
  std::string s;
  for (const Conflict& c : e.conflicts) {
    if (!s.empty()) s += "; ";
    s += c.field + ": ";
    for (size_t i = 0; i < c.values.size(); ++i) {
      if (i) s += " vs ";
      s += c.values[i].value + " (";
      for (size_t d = 0; d < c.values[i].docs.size(); ++d) {
        s += (d ? ", " : "") + c.values[i].docs[d];
      }
      s += ")";
    }
  }
  return s;
}

std::string Headline(const Event& e) {
  std::string what = !e.sub_event_type.empty() ? e.sub_event_type
                     : !e.event_type.empty()   ? e.event_type
                     : !e.plover_type.empty()  ? e.plover_type
                                               : "Event";
  if (e.location && !e.location->name.empty()) what += " in " + e.location->name;
  return what;
}

std::string ModalityWords(const Event& e) {
  std::string seen;
  for (const EventSource& s : e.sources) {
    if (s.modality.empty() || s.modality == "happened") return "";
    if (seen.empty()) seen = s.modality;
    else if (seen.find(s.modality) == std::string::npos) seen += "/" + s.modality;
  }
  return seen;
}

const EventSource* BestSource(const Event& e) {
  const EventSource* best = nullptr;
  auto rank = [&e](const EventSource& s) {
    const bool states_best = e.fatalities && s.fatalities && *s.fatalities == e.fatalities->best;
    const bool happened = s.modality.empty() || s.modality == "happened";
    // A whole sentence rather than a headline: it ends as sentences end.
    const bool whole = EndsAsSentence(s.sentence);
    // Larger is better for the first four; smaller for offset and doc.
    return std::make_tuple(!s.background, states_best, happened, whole, -static_cast<int64_t>(s.begin));
  };
  for (const EventSource& s : e.sources) {
    if (!best) {
      best = &s;
      continue;
    }
    auto rs = rank(s), rb = rank(*best);
    if (rs > rb || (rs == rb && std::tie(s.doc, s.end) < std::tie(best->doc, best->end))) best = &s;
  }
  return best;
}

std::string SourceName(const EventSource& s) {
  std::string name = s.outlet.empty() ? s.doc : s.outlet + " (" + s.doc + ")";
  if (!s.published.empty()) name += ", " + s.published;
  return name;
}

}  // namespace sitrep::show
