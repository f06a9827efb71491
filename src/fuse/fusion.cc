#include "sitrep/fuse/fusion.h"

#include <algorithm>
#include <utility>

#include "sitrep/fuse/coref.h"
#include "sitrep/fuse/reconcile.h"

namespace sitrep {

DocPrint MakeDocPrint(const Document& doc, const MinHashOptions& options) {
  DocPrint p;
  p.doc = doc.id;
  p.outlet = doc.outlet;
  if (doc.published.known()) p.published = FormatIsoDate(doc.published.earliest);
  p.wire_credits = doc.wire_credits;
  p.minhash = ComputeMinHash(doc.text, options);
  return p;
}

std::string MainCountry(const std::vector<Event>& events) {
  // Votes: sentences of placed reports per country; ties to the country told first.
  std::map<std::string, std::pair<size_t, uint32_t>> votes;  // country -> (count, -first)
  for (const Event& e : events) {
    if (!e.location || e.location->country.empty() || e.historical) continue;
    for (const EventSource& s : e.sources) {
      auto [it, inserted] = votes.emplace(e.location->country, std::make_pair(0, s.begin));
      it->second.first += 1;
      it->second.second = std::min(it->second.second, s.begin);
    }
  }
  std::string best;
  std::pair<size_t, uint32_t> best_vote{0, 0};
  for (const auto& [country, vote] : votes) {
    if (vote.first > best_vote.first ||
        (vote.first == best_vote.first && vote.second < best_vote.second)) {
      best = country;
      best_vote = vote;
    }
  }
  return best;
}

std::vector<Report> MakeReports(const std::string& doc, const std::vector<Event>& events,
                                const FusionOptions& options) {
  std::string country = options.inherit_country ? MainCountry(events) : "";
  std::vector<Report> out;
  for (size_t i = 0; i < events.size(); ++i) {
    out.push_back({doc + "#" + std::to_string(i), events[i]});
    Event& e = out.back().event;
    if (!e.location && !country.empty() && !e.historical) {
      EventPlace p;
      p.name = country;
      p.country = country;
      p.precision = "country";
      e.location = std::move(p);
    }
  }
  return out;
}

FusedSet Fuse(std::vector<Report> reports, DocPrints docs, const FusionOptions& options) {
  std::stable_sort(reports.begin(), reports.end(),
                   [](const Report& a, const Report& b) { return a.key < b.key; });
  reports.erase(std::unique(reports.begin(), reports.end(),
                            [](const Report& a, const Report& b) { return a.key == b.key; }),
                reports.end());
  FusedSet out;
  out.reports = std::move(reports);
  out.docs = std::move(docs);
  std::vector<const Report*> ptrs;
  for (const Report& r : out.reports) ptrs.push_back(&r);
  std::vector<std::pair<std::string, size_t>> order;
  for (const std::vector<size_t>& cluster : ClusterReports(ptrs, options)) {
    std::vector<const Report*> members;
    std::vector<std::string> keys;
    for (size_t i : cluster) {
      members.push_back(ptrs[i]);
      keys.push_back(ptrs[i]->key);
    }
    out.events.push_back(Reconcile(members, out.docs, options));
    out.members.push_back(std::move(keys));
  }
  // Sorted by id (ids are content-derived, so this order is too).
  std::vector<size_t> idx(out.events.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(),
            [&](size_t a, size_t b) { return out.events[a].id < out.events[b].id; });
  std::vector<Event> events;
  std::vector<std::vector<std::string>> members;
  for (size_t i : idx) {
    events.push_back(std::move(out.events[i]));
    members.push_back(std::move(out.members[i]));
  }
  out.events = std::move(events);
  out.members = std::move(members);
  return out;
}

FusedSet Merge(const FusedSet& a, const FusedSet& b, const FusionOptions& options) {
  std::vector<Report> reports = a.reports;
  reports.insert(reports.end(), b.reports.begin(), b.reports.end());
  DocPrints docs = a.docs;
  for (const auto& [id, print] : b.docs) docs.emplace(id, print);
  return Fuse(std::move(reports), std::move(docs), options);
}

}  // namespace sitrep
