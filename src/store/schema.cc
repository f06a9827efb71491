#include "sitrep/store/schema.h"

#include "sitrep/store/report_index.h"

namespace sitrep {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "documents, reports, events, sources, conflicts, entities, full-text index", R"sql(
CREATE TABLE IF NOT EXISTS migrations (
  version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT PRIMARY KEY,            -- input base name or JSONL id
  origin TEXT, url TEXT, title TEXT, outlet TEXT, byline TEXT, dateline TEXT,
  published TEXT, published_precision TEXT, published_evidence TEXT,
  wire_credits TEXT NOT NULL,     -- JSON array
  encoding TEXT,
  content_hash TEXT NOT NULL,     -- of the raw bytes: same hash = same article
  minhash TEXT NOT NULL,          -- hex MinHash signature of the clean text
  raw TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text);
-- One article's event (what extraction produced): the unit fusion clusters.
CREATE TABLE reports (
  key TEXT PRIMARY KEY,           -- "<doc>#<n>"
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_id TEXT,                  -- the fused event it belongs to
  country TEXT NOT NULL,          -- blocking: "" = unknown
  wfrom INTEGER NOT NULL, wto INTEGER NOT NULL,  -- blocking: date window (day numbers)
  json TEXT NOT NULL);
CREATE INDEX reports_block ON reports(country, wfrom);
CREATE INDEX reports_from ON reports(wfrom);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_doc ON reports(doc_id);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  event_type TEXT, sub_event_type TEXT, plover_type TEXT,
  date TEXT, earliest INTEGER, latest INTEGER, date_precision TEXT,
  country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL,
  actor1 TEXT, actor1_id TEXT, actor2 TEXT, actor2_id TEXT,
  fatalities_best INTEGER, fatalities_min INTEGER, fatalities_max INTEGER,
  independent_sources INTEGER NOT NULL, historical INTEGER NOT NULL,
  json TEXT NOT NULL);
CREATE INDEX events_date ON events(earliest);
CREATE INDEX events_country ON events(country);
-- Every report sentence of an event (the mentions), with the values it gives.
CREATE TABLE event_sources (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  doc_id TEXT NOT NULL REFERENCES documents(id),
  begin INTEGER NOT NULL, end INTEGER NOT NULL, sentence TEXT NOT NULL,
  origin TEXT, fatalities INTEGER, injured INTEGER,
  PRIMARY KEY (event_id, ord));
CREATE INDEX event_sources_doc ON event_sources(doc_id);
CREATE TABLE event_conflicts (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  field TEXT NOT NULL, vals TEXT NOT NULL,  -- JSON [{value, docs}]
  PRIMARY KEY (event_id, field));
CREATE TABLE entities (
  id TEXT PRIMARY KEY,            -- "actor:<id>" or "place:<geonameid or name>"
  kind TEXT NOT NULL, name TEXT NOT NULL, country TEXT);
CREATE TABLE event_entities (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  role TEXT NOT NULL, PRIMARY KEY (event_id, role));
)sql"},
      {2, "actor search index", R"sql(
CREATE INDEX event_entities_entity ON event_entities(entity_id);
)sql"},
      // Country axis as in report_index.cc: ISO2 -> 1..676, other names 677, "" all of 0..1000.
      {3, "blocking index: R-tree over report date windows and countries", R"sql(
ALTER TABLE reports ADD COLUMN wid INTEGER;  -- its row in reports_window
CREATE VIRTUAL TABLE reports_window USING rtree_i32(id, wfrom, wto, cfrom, cto, +key TEXT);
INSERT INTO reports_window(id, wfrom, wto, cfrom, cto, key)
  SELECT rowid, max(wfrom, -1000000000), min(wto, 1000000000),
         CASE WHEN country = '' THEN 0 WHEN upper(country) GLOB '[A-Z][A-Z]'
              THEN (unicode(upper(substr(country, 1, 1))) - 65) * 26
                   + unicode(upper(substr(country, 2, 1))) - 65 + 1 ELSE 677 END,
         CASE WHEN country = '' THEN 1000 WHEN upper(country) GLOB '[A-Z][A-Z]'
              THEN (unicode(upper(substr(country, 1, 1))) - 65) * 26
                   + unicode(upper(substr(country, 2, 1))) - 65 + 1 ELSE 677 END,
         key FROM reports;
UPDATE reports SET wid = rowid;
)sql"},
      // Reports that only a shared sentence can link leave the R-tree for this table (see
      // report_index.h); the step hashes every stored report's sentences.
      {4, "blocking by sentence for reports without a day or a specific place", R"sql(
CREATE TABLE report_sentences (
  hash INTEGER NOT NULL,          -- XXH3 of one source sentence
  by_sentence INTEGER NOT NULL,   -- 1: the report links only by a shared sentence
  key TEXT NOT NULL,              -- reports.key
  wfrom INTEGER NOT NULL, wto INTEGER NOT NULL,  -- the report's window (as in reports)
  PRIMARY KEY (hash, by_sentence, key)) WITHOUT ROWID;
CREATE INDEX report_sentences_key ON report_sentences(key);
)sql", IndexReportSentences},
      // Reports of narrow windows (report_index.h kNarrowDays) leave the R-tree for B-tree range
      // scans by band (country code, 0 = unknown) and window start; the indexes of migration 1
      // that no query has used since migration 3 go.
      {5, "blocking by B-tree for narrow windows", R"sql(
ALTER TABLE reports ADD COLUMN band INTEGER;  -- narrow window: country code; NULL: not narrow
DROP INDEX reports_block;
DROP INDEX reports_from;
CREATE INDEX reports_narrow ON reports(band, wfrom, wto) WHERE band IS NOT NULL;
CREATE INDEX reports_narrow_from ON reports(wfrom, wto) WHERE band IS NOT NULL;
)sql", IndexNarrowReports},
      // Undated reports placed in a country link by evidence specific to their incident
      // (fusion's UndatedIdentity), no longer only by a shared sentence: they go back to the
      // R-tree (their stored sentence rows stay: a superset of the candidates is harmless).
      {6, "blocking by window for undated reports placed in a country", "",
       IndexUndatedPlacedReports},
      // Undated reports placed in a country leave the R-tree (there every query of their
      // country met them all) for keys of what they name (fusion's UndatedIdentityKeys);
      // their sentence rows are found by every report, as their window was.
      {7, "blocking by name keys for undated reports placed in a country", R"sql(
CREATE TABLE report_keys (
  hash INTEGER NOT NULL,          -- XXH3 of one key (UndatedIdentityKeys(...).stored)
  band INTEGER NOT NULL,          -- the report's country code (CountryRange)
  undated INTEGER NOT NULL,       -- 1: the report is undated (dated queries look for these)
  key TEXT NOT NULL,              -- reports.key
  PRIMARY KEY (hash, band, undated, key)) WITHOUT ROWID;
CREATE INDEX report_keys_key ON report_keys(key);
)sql", IndexUndatedKeys},
  };
  return kMigrations;
}

Status Migrate(SqliteDb& db) {
  ASSIGN_OR_RETURN(std::optional<int64_t> version, QueryInt(db, "PRAGMA user_version"));
  int64_t current = version.value_or(0);
  if (current > kSchemaVersion) {
    return Status::InvalidArgument("database " + db.path() + " has schema version " +
                                   std::to_string(current) + ", newer than this sitrep (" +
                                   std::to_string(kSchemaVersion) + ")");
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Status st = db.Exec(m.sql);
    if (st.ok() && m.step) st = m.step(db);
    if (st.ok()) {
      Result<SqliteStmt> ins = db.Prepare(
          "INSERT INTO migrations(version, description, applied_at) "
          "VALUES (?, ?, datetime('now'))");
      st = ins.ok() ? ins->Bind(1, static_cast<int64_t>(m.version)).Bind(2, m.description).Run()
                    : ins.status();
    }
    if (st.ok()) st = db.Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (st.ok()) st = db.Exec("COMMIT");
    if (!st.ok()) {
      (void)db.Exec("ROLLBACK");
      return st.WithContext("migration " + std::to_string(m.version));
    }
  }
  return Status::Ok();
}

}  // namespace sitrep
