// Schema migrations on databases written by older code. A v3 database (every report in the
// date-window R-tree, no sentence-hash table) is built from the schema history (Migrations()
// up to version 3) and filled with the rows the current code stored for the same articles;
// opening it must run migration 4, which fills report_sentences and takes the reports that
// link only by sentence out of the R-tree, leaving the events as they were. A database newer
// than the code must be refused with an error that says so, and left untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "sitrep/store/schema.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::Day;
using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_store::Article;
using testing_store::DumpEvents;
using testing_store::TempDb;

const char* kStrike = "Explosions/Remote violence";
const EventPlace kBaghdad = Place("Baghdad", "IQ", 33.34, 44.40);
const EventPlace kKabul = Place("Kabul", "AF", 34.53, 69.17);

std::string Words(int seed) {
  std::string t;
  for (int i = 0; i < 60; ++i) t += "m" + std::to_string(seed) + "q" + std::to_string(i) + " ";
  return t;
}

// A year-wide (or undated) report: only a shared sentence can link it (LinksOnlyBySentence).
Report Background(const std::string& doc, int n, std::optional<EventPlace> place, bool undated,
                  const std::string& sentence) {
  Report r = MakeReport(doc, n, kStrike, "2024-01-01", std::move(place), -1, sentence);
  r.event.date = undated ? DateInterval{}
                         : DateInterval{Day("2024-01-01"), Day("2024-12-31"), DatePrecision::kYear};
  r.event.best_day = undated ? 0 : Day("2024-01-01");
  return r;
}

// Day reports in Baghdad and Kabul, copies, and background reports of each kind.
std::vector<AnalysedArticle> FirstBatch() {
  const std::string since = "Violence in the capital has risen since 2021.";
  return {
      Article("a_wire", Words(1),
              {MakeReport("a_wire", 0, kStrike, "2024-01-04", kBaghdad, 2,
                          "A drone strike killed two people in Baghdad."),
               Background("a_wire", 1, std::nullopt, false, since)}),
      Article("b_copy", Words(1) + " more",
              {MakeReport("b_copy", 0, kStrike, "2024-01-04", kBaghdad, 2,
                          "A drone strike killed two people in Baghdad."),
               Background("b_copy", 1, Place("Iraq", "IQ", 0, 0, "country"), true, since)}),
      Article("c_kabul", Words(2),
              {MakeReport("c_kabul", 0, "Protests", "2024-01-05", kKabul, -1,
                          "Hundreds protested in Kabul."),
               Background("c_kabul", 1, kKabul, false, "Kabul has seen protests all year.")}),
      Article("d_indep", Words(3),
              {MakeReport("d_indep", 0, kStrike, "2024-01-05", kBaghdad, 3,
                          "Three died when a drone hit a car in Baghdad.")}),
  };
}

// New articles that join the first batch's events by sentence and by place and day.
std::vector<AnalysedArticle> SecondBatch() {
  return {
      Article("e_late", Words(4),
              {Background("e_late", 0, std::nullopt, true,
                          "Violence in the capital has risen since 2021."),
               MakeReport("e_late", 1, kStrike, "2024-01-04", kBaghdad, 2,
                          "Two were killed by a drone in Baghdad, police said.")}),
      Article("f_kabul", Words(5),
              {Background("f_kabul", 0, std::nullopt, false, "Kabul has seen protests all year.")}),
  };
}

// Every row of `sql` (one text column per row), in order.
std::vector<std::string> Rows(SqliteDb& db, const std::string& sql) {
  std::vector<std::string> out;
  Result<SqliteStmt> st = db.Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().message();
  if (!st.ok()) return out;
  for (;;) {
    Result<bool> row = st->Step();
    EXPECT_TRUE(row.ok()) << row.status().message();
    if (!row.ok() || !*row) break;
    out.push_back(st->Text(0));
  }
  return out;
}

const char* kSentenceRows =
    "SELECT hash || ' ' || by_sentence || ' ' || key || ' ' || wfrom || ' ' || wto "
    "FROM report_sentences ORDER BY key, hash";
const char* kWindowKeys = "SELECT key FROM reports_window ORDER BY key";
const char* kUnindexed = "SELECT key FROM reports WHERE wid IS NULL AND band IS NULL ORDER BY key";
const char* kNarrow = "SELECT key || ' ' || band FROM reports WHERE band IS NOT NULL ORDER BY key";
const char* kKeyRows =
    "SELECT hash || ' ' || band || ' ' || undated || ' ' || key FROM report_keys ORDER BY 1";
const char* kEventRows = "SELECT id || ' ' || json FROM events ORDER BY id";

// Writes a version-3 database at `path` holding the rows `current` (a database of the current
// code) stores: the schema of migrations 1-2, the rows (no R-tree column yet), then migration
// 3, which indexes every report in the R-tree as version 3 did.
void WriteVersion3(const std::string& current, const std::string& path) {
  auto db = std::move(SqliteDb::Open(path).value());
  const std::vector<Migration>& history = Migrations();
  ASSERT_GE(history.size(), 4u);
  ASSERT_EQ(history[2].version, 3);
  for (const Migration& m : history) {
    if (m.version == 3) break;
    ASSERT_TRUE(db->Exec(m.sql).ok()) << "migration " << m.version;
  }
  ASSERT_TRUE(db->Exec("ATTACH DATABASE '" + current + "' AS cur").ok());
  const char* kCopy = R"sql(
INSERT INTO documents SELECT * FROM cur.documents;
INSERT INTO documents_fts(doc_id, title, text) SELECT doc_id, title, text FROM cur.documents_fts;
INSERT INTO reports(key, doc_id, event_id, country, wfrom, wto, json)
  SELECT key, doc_id, event_id, country, wfrom, wto, json FROM cur.reports ORDER BY rowid;
INSERT INTO events SELECT * FROM cur.events;
INSERT INTO event_sources SELECT * FROM cur.event_sources;
INSERT INTO event_conflicts SELECT * FROM cur.event_conflicts;
INSERT INTO entities SELECT * FROM cur.entities;
INSERT INTO event_entities SELECT * FROM cur.event_entities;
)sql";
  ASSERT_TRUE(db->Exec(kCopy).ok());
  ASSERT_TRUE(db->Exec("DETACH DATABASE cur").ok());
  ASSERT_TRUE(db->Exec(history[2].sql).ok()) << "migration 3";
  for (const Migration& m : history) {
    if (m.version > 3) break;
    auto ins = db->Prepare(
        "INSERT INTO migrations(version, description, applied_at) VALUES (?, ?, 'then')");
    ASSERT_TRUE(ins.ok());
    ASSERT_TRUE(ins->Bind(1, int64_t{m.version}).Bind(2, m.description).Run().ok());
  }
  ASSERT_TRUE(db->Exec("PRAGMA user_version = 3").ok());
}

TEST(MigrationTest, Version3DatabaseGainsTheSentenceIndexWithTheSameEvents) {
  TempDb tmp;
  const std::string current = tmp.path("current.db"), old = tmp.path("v3.db");
  auto store = std::move(EventStore::Open(current).value());
  ASSERT_TRUE(store->IngestBatch(FirstBatch()).ok());
  ASSERT_TRUE(store->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  const std::vector<std::string> sentences = Rows(store->db(), kSentenceRows);
  const std::vector<std::string> unindexed = Rows(store->db(), kUnindexed);
  ASSERT_FALSE(sentences.empty());
  // The placeless year, the Kabul year and the undated country (found by keys since schema 7).
  ASSERT_EQ(unindexed.size(), 3u);
  ASSERT_FALSE(Rows(store->db(), kKeyRows).empty());

  WriteVersion3(current, old);
  std::vector<std::string> events_before;
  {
    auto v3 = std::move(SqliteDb::Open(old).value());
    EXPECT_EQ(Rows(*v3, "SELECT key FROM reports WHERE wid IS NULL"),
              std::vector<std::string>{});  // all in the R-tree
    EXPECT_EQ(*QueryInt(*v3, "SELECT count(*) FROM reports_window").value(),
              *QueryInt(store->db(), "SELECT count(*) FROM reports").value());
    EXPECT_FALSE(v3->Prepare("SELECT count(*) FROM report_sentences").ok());
    events_before = Rows(*v3, kEventRows);
  }

  auto migrated = EventStore::Open(old);
  ASSERT_TRUE(migrated.ok()) << migrated.status().message();
  SqliteDb& db = (*migrated)->db();
  EXPECT_EQ(*QueryInt(db, "PRAGMA user_version").value(), kSchemaVersion);
  EXPECT_EQ(*QueryInt(db, "SELECT max(version) FROM migrations").value(), kSchemaVersion);
  EXPECT_EQ(Rows(db, kSentenceRows), sentences);
  EXPECT_EQ(Rows(db, kUnindexed), unindexed);
  EXPECT_EQ(Rows(db, kWindowKeys), Rows(store->db(), kWindowKeys));
  EXPECT_EQ(Rows(db, kKeyRows), Rows(store->db(), kKeyRows));
  EXPECT_FALSE(Rows(store->db(), kNarrow).empty());  // day reports: on the narrow index
  EXPECT_EQ(Rows(db, kNarrow), Rows(store->db(), kNarrow));
  EXPECT_EQ(Rows(db, kEventRows), events_before);
  EXPECT_EQ(DumpEvents(**migrated), DumpEvents(*store));
  EXPECT_TRUE((*migrated)->CheckIntegrity().ok());

  // The migrated index finds the old reports: new articles join them as in the current store.
  ASSERT_TRUE(store->IngestBatch(SecondBatch()).ok());
  ASSERT_TRUE((*migrated)->IngestBatch(SecondBatch()).ok());
  EXPECT_EQ(DumpEvents(**migrated), DumpEvents(*store));
  EXPECT_TRUE((*migrated)->CheckIntegrity().ok());
}

// Schema 5 kept undated reports placed in a country out of both window indexes (they linked
// only by sentence); migration 6 put them back in the R-tree, and migration 7 moves them to the
// name-key index, as a current store keeps them.
TEST(MigrationTest, Version5DatabaseIndexesUndatedPlacedReportsByKeys) {
  TempDb tmp;
  const std::string current = tmp.path("current.db"), old = tmp.path("v5.db");
  auto store = std::move(EventStore::Open(current).value());
  ASSERT_TRUE(store->IngestBatch(FirstBatch()).ok());
  ASSERT_TRUE(store->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  std::filesystem::copy_file(current, old);
  {
    auto v5 = std::move(SqliteDb::Open(old).value());
    const char* kUndo = R"sql(
DELETE FROM reports_window WHERE key = 'b_copy#1';
UPDATE reports SET wid = NULL WHERE key = 'b_copy#1';
DROP TABLE report_keys;
DELETE FROM migrations WHERE version >= 6;
PRAGMA user_version = 5;
)sql";
    ASSERT_TRUE(v5->Exec(kUndo).ok());
    EXPECT_EQ(Rows(*v5, kUnindexed).size(), 3u);  // as schema 5 stored it
  }
  auto migrated = EventStore::Open(old);
  ASSERT_TRUE(migrated.ok()) << migrated.status().message();
  SqliteDb& db = (*migrated)->db();
  EXPECT_EQ(*QueryInt(db, "PRAGMA user_version").value(), kSchemaVersion);
  EXPECT_EQ(Rows(db, kUnindexed), Rows(store->db(), kUnindexed));
  EXPECT_EQ(Rows(db, kWindowKeys), Rows(store->db(), kWindowKeys));
  EXPECT_EQ(Rows(db, kKeyRows), Rows(store->db(), kKeyRows));
  ASSERT_TRUE(store->IngestBatch(SecondBatch()).ok());
  ASSERT_TRUE((*migrated)->IngestBatch(SecondBatch()).ok());
  EXPECT_EQ(DumpEvents(**migrated), DumpEvents(*store));
  EXPECT_TRUE((*migrated)->CheckIntegrity().ok());
}

TEST(MigrationTest, DatabaseNewerThanTheCodeIsRefusedAndLeftAlone) {
  TempDb tmp;
  const std::string path = tmp.path();
  {
    auto store = std::move(EventStore::Open(path).value());
    ASSERT_TRUE(store->IngestBatch(FirstBatch()).ok());
    ASSERT_TRUE(store->db().Exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1))
                    .ok());
  }
  auto newer = EventStore::Open(path);
  ASSERT_FALSE(newer.ok());
  const std::string message = newer.status().message();
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("schema version " + std::to_string(kSchemaVersion + 1)),
            std::string::npos) << message;
  EXPECT_NE(message.find("newer than this sitrep (" + std::to_string(kSchemaVersion) + ")"),
            std::string::npos) << message;
  auto raw = std::move(SqliteDb::Open(path).value());
  EXPECT_EQ(*QueryInt(*raw, "PRAGMA user_version").value(), kSchemaVersion + 1);
  EXPECT_EQ(*QueryInt(*raw, "SELECT count(*) FROM documents").value(), 4);
}

}  // namespace
}  // namespace sitrep
