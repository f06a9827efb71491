#include "sitrep/store/refuse.h"

#include <time.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "sitrep/fuse/coref.h"
#include "sitrep/fuse/reconcile.h"
#include "sitrep/store/event_codec.h"
#include "sitrep/store/report_index.h"

namespace sitrep {
namespace {

// Reports with an unknown date are stored with this window and matched with everything.
constexpr int64_t kUnknownFrom = -(int64_t{1} << 40);
constexpr int64_t kUnknownTo = int64_t{1} << 40;
constexpr int64_t kMonthDays = 31;  // wider windows count as "wide" in RefuseStats

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Loaded {
  Report report;
  std::string event_id;
};

class ReportCache {
 public:
  explicit ReportCache(SqliteDb& db) : db_(db) {}

  Result<const Loaded*> Get(const std::string& key) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    if (!by_key_) {
      ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
          "SELECT json, coalesce(event_id, '') FROM reports WHERE key = ?"));
      by_key_.emplace(std::move(st));
    }
    by_key_->Bind(1, key);
    ASSIGN_OR_RETURN(bool row, by_key_->Step());
    if (!row) {
      RETURN_IF_ERROR(by_key_->Reset());
      return Status::NotFound("report " + key);
    }
    std::string json = by_key_->Text(0), ev = by_key_->Text(1);
    RETURN_IF_ERROR(by_key_->Reset());
    return Add(key, json, ev);
  }

  Result<const Loaded*> Add(const std::string& key, const std::string& json,
                            const std::string& ev) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    ASSIGN_OR_RETURN(Event e, DecodeEvent(json));
    Loaded& l = cache_[key];
    l.report = {key, std::move(e)};
    l.event_id = ev;
    return &l;
  }

 private:
  SqliteDb& db_;
  std::optional<SqliteStmt> by_key_;
  std::map<std::string, Loaded> cache_;
};

Result<DocPrints> LoadPrints(SqliteDb& db, const std::set<std::string>& docs) {
  DocPrints prints;
  ASSIGN_OR_RETURN(SqliteStmt st, db.Prepare(
      "SELECT outlet, published, wire_credits, minhash FROM documents WHERE id = ?"));
  for (const std::string& d : docs) {
    st.Bind(1, d);
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) {
      DocPrint p;
      p.doc = d;
      p.outlet = st.Text(0);
      p.published = st.Text(1);
      nlohmann::json credits = nlohmann::json::parse(st.Text(2), nullptr, false);
      if (credits.is_array()) {
        for (const auto& c : credits) {
          if (c.is_string()) p.wire_credits.push_back(c.get<std::string>());
        }
      }
      p.minhash = DecodeSignature(st.Text(3));
      prints[d] = std::move(p);
    }
    RETURN_IF_ERROR(st.Reset());
  }
  return prints;
}

std::string DocOfKey(const std::string& key) {
  size_t hash = key.rfind('#');
  return hash == std::string::npos ? key : key.substr(0, hash);
}

}  // namespace

Status InsertReport(SqliteDb& db, const Report& report, const FusionOptions& options) {
  BlockKey block = BlockOf(report, options);
  bool known = report.event.date.known();
  ASSIGN_OR_RETURN(IndexSlot slot, ReportIndex(db).Add(report, options));
  ASSIGN_OR_RETURN(SqliteStmt st, db.Prepare(
      "INSERT INTO reports(key, doc_id, event_id, country, wfrom, wto, json, wid, band) "
      "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, report.key)
      .Bind(2, DocOfKey(report.key))
      .Bind(3, block.country)
      .Bind(4, known ? block.from : kUnknownFrom)
      .Bind(5, known ? block.to : kUnknownTo)
      .Bind(6, EncodeEvent(report.event));
  if (slot.wid == 0) {
    st.BindNull(7);  // not in the R-tree: narrow, or found by its sentences
  } else {
    st.Bind(7, slot.wid);
  }
  if (slot.band) {
    st.Bind(8, *slot.band);
  } else {
    st.BindNull(8);
  }
  return st.Run();
}

Status DeleteEvent(SqliteDb& db, const std::string& event_id) {
  ASSIGN_OR_RETURN(SqliteStmt unlink, db.Prepare(
      "UPDATE reports SET event_id = NULL WHERE event_id = ?"));
  RETURN_IF_ERROR(unlink.Bind(1, event_id).Run());
  ASSIGN_OR_RETURN(SqliteStmt del, db.Prepare("DELETE FROM events WHERE id = ?"));
  return del.Bind(1, event_id).Run();
}

Status WriteEvent(SqliteDb& db, const Event& e) {
  ASSIGN_OR_RETURN(SqliteStmt ins, db.Prepare(
      "INSERT INTO events(id, event_type, sub_event_type, plover_type, date, earliest, latest, "
      "date_precision, country, admin1, location, lat, lon, actor1, actor1_id, actor2, "
      "actor2_id, fatalities_best, fatalities_min, fatalities_max, independent_sources, "
      "historical, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, e.id).Bind(2, e.event_type).Bind(3, e.sub_event_type).Bind(4, e.plover_type);
  if (e.date.known()) {
    ins.Bind(5, FormatIsoDate(e.best_day)).Bind(6, e.date.earliest).Bind(7, e.date.latest);
  }
  ins.Bind(8, std::string(DatePrecisionName(e.date.precision)));
  if (e.location) {
    ins.Bind(9, e.location->country).Bind(10, e.location->admin1).Bind(11, e.location->name);
    if (e.location->has_coords) ins.Bind(12, e.location->lat).Bind(13, e.location->lon);
  }
  if (e.actor1) ins.Bind(14, e.actor1->name).Bind(15, e.actor1->id);
  if (e.actor2) ins.Bind(16, e.actor2->name).Bind(17, e.actor2->id);
  if (e.fatalities) {
    ins.Bind(18, e.fatalities->best).Bind(19, e.fatalities->min).Bind(20, e.fatalities->max);
  }
  ins.Bind(21, static_cast<int64_t>(e.independent_sources));
  ins.Bind(22, static_cast<int64_t>(e.historical));
  ins.Bind(23, EncodeEvent(e));
  RETURN_IF_ERROR(ins.Run().WithContext(e.id));

  ASSIGN_OR_RETURN(SqliteStmt src, db.Prepare(
      "INSERT INTO event_sources(event_id, ord, doc_id, begin, end, sentence, origin, "
      "fatalities, injured) VALUES (?,?,?,?,?,?,?,?,?)"));
  for (size_t i = 0; i < e.sources.size(); ++i) {
    const EventSource& s = e.sources[i];
    src.Bind(1, e.id).Bind(2, static_cast<int64_t>(i)).Bind(3, s.doc);
    src.Bind(4, static_cast<int64_t>(s.begin)).Bind(5, static_cast<int64_t>(s.end));
    src.Bind(6, s.sentence).Bind(7, s.origin);
    if (s.fatalities) src.Bind(8, *s.fatalities);
    if (s.injured) src.Bind(9, *s.injured);
    RETURN_IF_ERROR(src.Run().WithContext(e.id));
  }
  ASSIGN_OR_RETURN(SqliteStmt con, db.Prepare(
      "INSERT INTO event_conflicts(event_id, field, vals) VALUES (?,?,?)"));
  for (const Conflict& c : e.conflicts) {
    nlohmann::json vals = nlohmann::json::array();
    for (const auto& v : c.values) vals.push_back({{"value", v.value}, {"docs", v.docs}});
    RETURN_IF_ERROR(con.Bind(1, e.id).Bind(2, c.field)
                        .Bind(3, vals.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                        .Run());
  }
  ASSIGN_OR_RETURN(SqliteStmt ent, db.Prepare(
      "INSERT OR IGNORE INTO entities(id, kind, name, country) VALUES (?,?,?,?)"));
  ASSIGN_OR_RETURN(SqliteStmt link, db.Prepare(
      "INSERT INTO event_entities(event_id, entity_id, role) VALUES (?,?,?)"));
  auto add_entity = [&](const std::string& id, const char* kind, const std::string& name,
                        const std::string& country, const char* role) -> Status {
    RETURN_IF_ERROR(ent.Bind(1, id).Bind(2, kind).Bind(3, name).Bind(4, country).Run());
    return link.Bind(1, e.id).Bind(2, id).Bind(3, role).Run();
  };
  if (e.actor1) {
    RETURN_IF_ERROR(add_entity("actor:" + (e.actor1->id.empty() ? e.actor1->name : e.actor1->id),
                               "actor", e.actor1->name, e.actor1->country, "actor1"));
  }
  if (e.actor2) {
    RETURN_IF_ERROR(add_entity("actor:" + (e.actor2->id.empty() ? e.actor2->name : e.actor2->id),
                               "actor", e.actor2->name, e.actor2->country, "actor2"));
  }
  if (e.location) {
    std::string id = e.location->geonameid ? std::to_string(e.location->geonameid)
                                           : e.location->country + ":" + e.location->name;
    RETURN_IF_ERROR(add_entity("place:" + id, "place", e.location->name, e.location->country,
                               "location"));
  }
  return Status::Ok();
}

Result<RefuseStats> Refuse(SqliteDb& db, const std::set<std::string>& seeds,
                           const FusionOptions& options) {
  RefuseStats stats;
  ReportCache cache(db);
  ReportIndex index(db);  // blocking: window and country, or a shared sentence
  ASSIGN_OR_RETURN(SqliteStmt members, db.Prepare("SELECT key FROM reports WHERE event_id = ?"));

  // The local set: the seeds, the stored events any of them links to, and (when re-clustering
  // splits a stored event) the events its members link to, until no stored event splits.
  std::set<std::string> queried, local, seen_events;
  std::vector<std::string> frontier(seeds.begin(), seeds.end());
  std::vector<const Loaded*> component;
  std::vector<std::vector<size_t>> clusters;
  for (;;) {
    std::vector<std::string> reached;  // stored events newly in the local set
    auto reach = [&](const std::string& ev) {
      if (seen_events.insert(ev).second) reached.push_back(ev);
    };
    for (size_t f = 0; f < frontier.size(); ++f) {
      const std::string key = frontier[f];
      if (!queried.insert(key).second) continue;
      Result<const Loaded*> got = cache.Get(key);
      if (!got.ok()) {
        if (got.status().code() == StatusCode::kNotFound) continue;  // removed with its doc
        return got.status();
      }
      const Loaded* me = *got;
      local.insert(key);
      if (!me->event_id.empty()) reach(me->event_id);
      const double t0 = ThreadCpuSeconds();
      ASSIGN_OR_RETURN(std::vector<IndexedReport> rows, index.Candidates(me->report, options));
      const double t1 = ThreadCpuSeconds();
      stats.query_s += t1 - t0;
      ++stats.queries;
      stats.candidates += static_cast<int64_t>(rows.size());
      for (const IndexedReport& row : rows) {
        if (row.wto - row.wfrom > kMonthDays + 2 * options.date_slack_days) ++stats.wide;
        if (row.any_country) ++stats.countryless;
        if (row.key == key || local.count(row.key) ||
            (!row.event_id.empty() && seen_events.count(row.event_id))) {
          continue;
        }
        ASSIGN_OR_RETURN(const Loaded* other, cache.Get(row.key));  // decoded once per call
        if (!Linked(me->report, other->report, options)) continue;
        if (row.any_country) ++stats.countryless_linked;
        if (row.event_id.empty()) {
          frontier.push_back(row.key);  // not fused yet (a seed): queried in its turn
        } else {
          const size_t before = reached.size();
          reach(row.event_id);
          if (reached.size() != before) {
            const Event& x = me->report.event;
            const Event& y = other->report.event;
            if (!UsablyDated(x, options) || !UsablyDated(y, options)) {
              ++stats.reached_undated;
            } else if (LinksOnlyBySentence(me->report, options) ||
                       LinksOnlyBySentence(other->report, options)) {
              ++stats.reached_wide;
            } else {
              ++stats.reached_dated;
            }
          }
        }
      }
      stats.link_s += ThreadCpuSeconds() - t1;
    }
    frontier.clear();
    for (const std::string& ev : reached) {
      members.Bind(1, ev);
      for (;;) {
        ASSIGN_OR_RETURN(bool row, members.Step());
        if (!row) break;
        local.insert(members.Text(0));
      }
      RETURN_IF_ERROR(members.Reset());
    }
    component.clear();
    for (const std::string& key : local) {
      ASSIGN_OR_RETURN(const Loaded* l, cache.Get(key));
      component.push_back(l);
    }
    std::vector<const Report*> reports;
    for (const Loaded* l : component) reports.push_back(&l->report);
    const double t2 = ThreadCpuSeconds();
    ClusterStats cs;
    clusters = ClusterReports(reports, options, &cs);
    stats.cluster_s += ThreadCpuSeconds() - t2;
    ++stats.rounds;
    stats.local_max = std::max(stats.local_max, static_cast<int>(reports.size()));
    stats.cluster_pairs += cs.pairs;
    stats.cluster_edges += cs.edges;
    // A stored event that the clustering splits or merges with another stored event may change
    // how its neighbours cluster: what its members link to joins the local set. Events that
    // come out unchanged, or only grown by reports not fused before (the batch's new copies),
    // bound the neighbourhood: re-querying the members of every grown event made the local set
    // grow with the archive (an undated member reaches every event of its town with its toll;
    // bench/results/fusion.md session 9; exports byte-identical on the 3k undated corpus).
    std::vector<size_t> cluster_of(component.size());
    for (size_t c = 0; c < clusters.size(); ++c) {
      for (size_t i : clusters[c]) cluster_of[i] = c;
    }
    std::map<std::string, std::pair<std::set<size_t>, size_t>> spread;  // clusters, members
    for (size_t i = 0; i < component.size(); ++i) {
      const std::string& ev = component[i]->event_id;
      if (ev.empty()) continue;
      spread[ev].first.insert(cluster_of[i]);
      ++spread[ev].second;
    }
    // Stored events per cluster: a cluster holding one stored event whole plus reports not
    // fused before (the batch's) only grew; its other members' links stand as they were.
    std::vector<std::set<std::string>> events_in(clusters.size());
    for (size_t i = 0; i < component.size(); ++i) {
      if (!component[i]->event_id.empty()) events_in[cluster_of[i]].insert(component[i]->event_id);
    }
    for (size_t i = 0; i < component.size(); ++i) {
      const std::string& ev = component[i]->event_id;
      if (ev.empty() || queried.count(component[i]->report.key)) continue;
      const auto& [in, n] = spread[ev];
      const bool only_grew = in.size() == 1 && events_in[*in.begin()].size() == 1;
      if (in.size() > 1 || (clusters[*in.begin()].size() != n && !only_grew)) {
        frontier.push_back(component[i]->report.key);
        ++stats.requeried;
      }
    }
    if (frontier.empty()) break;
  }
  const double t3 = ThreadCpuSeconds();
  // Re-cluster the component. A cluster with exactly the members of a stored event is that
  // event (Reconcile is a function of the members and their documents): it is kept as stored.
  // Only the other old events are deleted and only the new clusters reconciled and written.
  std::vector<const Report*> reports;
  std::map<std::string, std::vector<std::string>> old_members;  // event -> sorted keys
  for (const Loaded* l : component) {
    reports.push_back(&l->report);
    if (!l->event_id.empty()) old_members[l->event_id].push_back(l->report.key);
  }
  std::map<std::vector<std::string>, std::string> event_of;  // sorted keys -> stored event
  for (auto& [ev, keys] : old_members) {
    std::sort(keys.begin(), keys.end());
    event_of.emplace(keys, ev);
  }
  stats.reports = static_cast<int>(reports.size());
  std::vector<std::vector<const Report*>> fresh;
  std::set<std::string> kept;
  for (const std::vector<size_t>& cluster : clusters) {
    std::vector<std::string> keys;
    for (size_t i : cluster) keys.push_back(reports[i]->key);
    std::sort(keys.begin(), keys.end());
    auto same = event_of.find(keys);
    if (same != event_of.end()) {
      kept.insert(same->second);
      ++stats.kept;
      continue;
    }
    std::vector<const Report*> m;
    for (size_t i : cluster) m.push_back(reports[i]);
    fresh.push_back(std::move(m));
  }
  for (const std::string& ev : seen_events) {
    if (kept.count(ev)) continue;
    RETURN_IF_ERROR(DeleteEvent(db, ev));
    ++stats.removed;
  }
  std::set<std::string> docs;
  for (const auto& m : fresh) {
    for (const Report* r : m) docs.insert(DocOfKey(r->key));
  }
  ASSIGN_OR_RETURN(DocPrints prints, LoadPrints(db, docs));
  ASSIGN_OR_RETURN(SqliteStmt assign, db.Prepare("UPDATE reports SET event_id = ? WHERE key = ?"));
  for (const std::vector<const Report*>& m : fresh) {
    Event e = Reconcile(m, prints, options);
    RETURN_IF_ERROR(WriteEvent(db, e));
    for (const Report* r : m) RETURN_IF_ERROR(assign.Bind(1, e.id).Bind(2, r->key).Run());
    ++stats.written;
  }
  stats.write_s += ThreadCpuSeconds() - t3;
  return stats;
}

}  // namespace sitrep
