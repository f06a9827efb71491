// Fusion: per-article events ("reports") from many articles -> one Event per real event.
// The fused set is a pure function of the SET of reports and document prints, so merging two
// fused sets is associative and order-independent (Merge(a, Merge(b, c)) == Merge(Merge(a, b), c)).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sitrep/extract/event.h"
#include "sitrep/fuse/minhash.h"
#include "sitrep/ingest/document.h"

namespace sitrep {

struct FusionOptions {
  MinHashOptions minhash;
  int date_slack_days = 1;        // day-precision reports may differ by this much
  double near_km = 60;            // city/point places within this are the same place
  // Towns within neighbour_km are compatible places when both reports share at least
  // neighbour_names distinctive names beyond their places' own (the village, the gang).
  double neighbour_km = 100;
  size_t neighbour_names = 2;
  double link_score = 2.5;        // a candidate pair links at or above this score
  int max_block = 4000;           // reports compared per block before it is split by date
  // Two reports giving the same toll (dead or injured) of at least this many identify one
  // incident (small counts are common to unrelated incidents).
  int64_t min_shared_figure = 3;
  // Shared names or tolls identify one incident only when both reports' date windows are at
  // most this wide: a month-dated article's reporting window (a month plus the week before)
  // on either side. A year-wide report shares names and tolls with many of that year's events.
  int64_t name_window_days = 62;
  // A date window wider than this says no more than "some time": blocking and identity treat
  // such a report as undated (it links by a specific place or a shared sentence, not by nesting
  // every other window). A year-precision date straddling a year boundary stays a date.
  int64_t max_dated_window_days = 730;
  // MakeReports gives a placeless report its article's main country (see MainCountry).
  bool inherit_country = true;
  // Salience: a report is prominent in its article when told in its lead (a sentence starting
  // within lead_bytes), or in two or more sentences with a figure or a specific place
  // (city/site) at day precision. An event that no prominent report tells and only one origin reports, or that no
  // report dates, keeps its PLOVER reading but no ACLED type (kept as a report, not a record).
  uint32_t lead_bytes = 600;
  bool require_salience = true;
};

// What fusion keeps of an article: enough to fold copies (signature, wire credits) and date it.
struct DocPrint {
  std::string doc;
  std::string outlet;
  std::string published;                 // ISO date or ""
  std::vector<std::string> wire_credits;
  MinHashSignature minhash;
};
DocPrint MakeDocPrint(const Document& doc, const MinHashOptions& options);

// One article's event as extracted. `key` = "<doc>#<n>" (n = extraction order): unique, stable.
struct Report {
  std::string key;
  Event event;
};
// Reports of one article's extraction, keyed. With options.inherit_country, a report without
// a place (and not background) takes the article's main country (MainCountry) at country
// precision, named by its ISO code and without coordinates.
std::vector<Report> MakeReports(const std::string& doc, const std::vector<Event>& events,
                                const FusionOptions& options = {});
// The country most of the article's placed, non-background report sentences are in (ties: the
// one told first); "" when none is placed.
std::string MainCountry(const std::vector<Event>& events);

using DocPrints = std::map<std::string, DocPrint>;

struct FusedSet {
  std::vector<Report> reports;                   // sorted by key
  DocPrints docs;
  std::vector<Event> events;                     // sorted by id
  std::vector<std::vector<std::string>> members; // report keys of events[i], sorted
};

// Fuses `reports` (any order; duplicate keys keep the first) with the prints of their docs.
FusedSet Fuse(std::vector<Report> reports, DocPrints docs, const FusionOptions& options);
// The fusion of the union of both inputs (a report or doc present in both is taken once).
FusedSet Merge(const FusedSet& a, const FusedSet& b, const FusionOptions& options);

}  // namespace sitrep
