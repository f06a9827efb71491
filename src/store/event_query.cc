// Reading the event database: filtered events, one event, the documents.
#include <cmath>
#include <nlohmann/json.hpp>

#include "sitrep/know/gazetteer.h"
#include "sitrep/store/event_codec.h"
#include "sitrep/store/event_store.h"

namespace sitrep {
Result<std::vector<Event>> EventStore::Events(const EventFilter& f) {
  std::string sql = "SELECT json FROM events e WHERE 1";
  std::vector<std::string> texts;  // bound as ?1, ?2, ... in order
  auto param = [&](const std::string& value) {
    texts.push_back(value);
    return "?" + std::to_string(texts.size());
  };
  if (!f.country.empty()) sql += " AND upper(e.country) = upper(" + param(f.country) + ")";
  if (!f.type.empty()) {
    std::string p = param(f.type);
    sql += " AND (lower(e.event_type) = lower(" + p + ") OR lower(e.sub_event_type) = lower(" + p +
           ") OR lower(e.plover_type) = lower(" + p + "))";
  }
  if (!f.actor.empty()) {
    sql += " AND instr(lower(coalesce(e.actor1,'') || ' ' || coalesce(e.actor1_id,'') || ' ' || "
           "coalesce(e.actor2,'') || ' ' || coalesce(e.actor2_id,'')), lower(" + param(f.actor) +
           ")) > 0";
  }
  if (!f.text.empty()) {
    sql += " AND e.id IN (SELECT s.event_id FROM event_sources s WHERE s.doc_id IN "
           "(SELECT doc_id FROM documents_fts WHERE documents_fts MATCH " + param(f.text) + "))";
  }
  if (f.lat && f.lon && f.km >= 0) {
    // A box around the circle (a superset: 1 degree of latitude >= 110.5 km) spares decoding
    // far events; the exact distance is checked below. No longitude bound near a pole or the
    // antimeridian.
    double dlat = f.km / 110.5 + 0.01;
    sql += " AND e.lat BETWEEN " + std::to_string(*f.lat - dlat) + " AND " +
           std::to_string(*f.lat + dlat);
    double edge = std::fabs(*f.lat) + dlat;
    if (edge < 85) {
      double dlon = 1.2 * dlat / std::cos(edge * M_PI / 180.0);
      if (*f.lon - dlon > -180 && *f.lon + dlon < 180) {
        sql += " AND e.lon BETWEEN " + std::to_string(*f.lon - dlon) + " AND " +
               std::to_string(*f.lon + dlon);
      }
    }
  }
  if (f.from) sql += " AND e.latest >= " + std::to_string(*f.from);
  if (f.to) sql += " AND e.earliest <= " + std::to_string(*f.to);
  sql += " ORDER BY e.earliest, e.id";
  ASSIGN_OR_RETURN(SqliteStmt st, db_->Prepare(sql));
  for (size_t i = 0; i < texts.size(); ++i) st.Bind(static_cast<int>(i) + 1, texts[i]);
  std::vector<Event> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Event e, DecodeEvent(st.Text(0)));
    if (f.lat && f.lon) {
      if (!e.location || !e.location->has_coords ||
          DistanceKm(*f.lat, *f.lon, e.location->lat, e.location->lon) > f.km) {
        continue;
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<Event>> EventStore::GetEvent(const std::string& id) {
  ASSIGN_OR_RETURN(SqliteStmt st, db_->Prepare(
      "SELECT json FROM events WHERE id = ?1 OR id LIKE ?1 || '%' ORDER BY id <> ?1 LIMIT 2"));
  st.Bind(1, id);
  std::vector<std::string> rows;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    rows.push_back(st.Text(0));
  }
  if (rows.empty()) return std::optional<Event>();
  ASSIGN_OR_RETURN(Event first, DecodeEvent(rows[0]));
  if (rows.size() > 1 && first.id != id) {
    return Status::InvalidArgument("event id prefix '" + id + "' is ambiguous");
  }
  return std::optional<Event>(std::move(first));
}

Result<std::vector<StoredDocument>> EventStore::Documents() {
  // The origin group: the origins fusion gave the document's sources ("" = its own group).
  ASSIGN_OR_RETURN(SqliteStmt st, db_->Prepare(
      "SELECT d.id, d.title, d.outlet, d.published, d.url, d.content_hash, "
      "d.published_precision, d.wire_credits, "
      "(SELECT count(*) FROM reports r WHERE r.doc_id = d.id), "
      "(SELECT count(DISTINCT r.event_id) FROM reports r WHERE r.doc_id = d.id), "
      "(SELECT group_concat(o, ';') FROM (SELECT DISTINCT s.origin AS o FROM event_sources s "
      " WHERE s.doc_id = d.id AND coalesce(s.origin, '') NOT IN ('', d.id) ORDER BY 1)) "
      "FROM documents d ORDER BY d.id"));
  std::vector<StoredDocument> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StoredDocument d{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
    d.published_precision = st.Text(6);
    nlohmann::json credits = nlohmann::json::parse(st.Text(7), nullptr, false);
    if (credits.is_array()) {
      for (const auto& c : credits) {
        if (c.is_string()) d.wire_credits.push_back(c.get<std::string>());
      }
    }
    d.reports = static_cast<int>(st.Int(8));
    d.events = static_cast<int>(st.Int(9));
    d.origin = st.Text(10);
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Report>> EventStore::ReportsOf(const std::string& event_id) {
  ASSIGN_OR_RETURN(SqliteStmt st, db_->Prepare(
      "SELECT key, json FROM reports WHERE event_id = ? ORDER BY key"));
  st.Bind(1, event_id);
  std::vector<Report> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Event e, DecodeEvent(st.Text(1)));
    out.push_back({st.Text(0), std::move(e)});
  }
  return out;
}

Result<bool> EventStore::HasSameContent(const Document& doc) {
  ASSIGN_OR_RETURN(SqliteStmt st, db_->Prepare("SELECT content_hash FROM documents WHERE id = ?"));
  st.Bind(1, doc.id);
  ASSIGN_OR_RETURN(bool row, st.Step());
  return row && st.Text(0) == ContentHash(doc);
}

}  // namespace sitrep
