// Event: the record of SCHEMA.md (v1). Per-article extraction produces Events whose sources are
// that article's sentences; fusion merges sets of Events into one set of the same shape.
// Plain values, no references into documents: an Event can outlive everything it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/base/date.h"

namespace sitrep {

struct EventPlace {
  std::string name;
  int64_t geonameid = 0;   // 0 when not a GeoNames place (our supplement uses negative ids)
  std::string country;     // ISO 3166-1 alpha-2
  std::string admin1;
  double lat = 0, lon = 0;
  bool has_coords = false;
  std::string precision;   // point | city | admin1 | country
};

struct EventActor {
  std::string name;        // canonical name
  std::string id;          // actor dictionary id, or "new:<normalised name>" for unknown actors
  std::string country;     // ISO2, may be empty
  std::string kind;        // state_military, militia, government, civilians, ...
};

// A count reported for an event: [min, max]; max < 0 means open ("at least 4").
struct Count {
  int64_t min = 0;
  int64_t max = 0;
  bool operator==(const Count&) const = default;
};

// The figures over several reports: best is what most independent sources support (ties to
// the most conservative), min/max the range over all reports.
struct CountRange {
  int64_t best = 0, min = 0, max = 0;
};

// One report (a sentence of one article) that supports the event.
struct EventSource {
  std::string doc;          // input base name or JSONL id
  std::string outlet;       // may be empty
  std::string published;    // ISO date of the article, may be empty
  std::string sentence;     // the exact sentence
  uint32_t begin = 0, end = 0;  // bytes of the sentence in the article's clean text
  std::optional<int64_t> fatalities, injured;  // what this report says (its best value)
  bool revised = false;     // this report revises an earlier figure ("later revised to")
  bool background = false;  // the article mentions the event only as background
  std::string origin;       // wire-copy cluster of the article (fusion fills it); "" = itself
  // What the sentence says about the event (extraction fills these; fusion copies them).
  std::string trigger;      // the word(s) that name the event
  uint32_t trigger_begin = 0, trigger_end = 0;  // bytes in the article's clean text
  std::string modality;     // happened | claimed | alleged | denied | ... ; "" = unknown
  std::string attribution;  // "according to X", "X said"; may be empty
};

struct Conflict {
  struct Value {
    std::string value;             // as text: "4", "2020-01-03", "Baghdad"
    std::vector<std::string> docs;
  };
  std::string field;               // fatalities | injured | date | location | actor1 | ...
  std::vector<Value> values;
};

struct Event {
  std::string id;                  // "ev-" + stable hash; stable across re-runs
  std::string event_type;          // ACLED event type; empty for non-ACLED (verbal) events
  std::string sub_event_type;      // ACLED sub-event type; may be empty
  std::string plover_type;         // ASSAULT, ACCUSE, THREATEN, ...
  std::string plover_mode;         // aerial, explosives, ... ; may be empty
  DateInterval date;               // earliest/latest give date_range; precision day..year
  int64_t best_day = 0;            // the ISO `date` to print (inside [earliest, latest])
  std::optional<EventPlace> location;
  std::optional<EventActor> actor1, actor2;
  std::optional<CountRange> fatalities, injured;
  bool historical = false;         // every report mentions it only as background
  int independent_sources = 0;
  std::vector<EventSource> sources;
  std::vector<Conflict> conflicts;
};

}  // namespace sitrep
