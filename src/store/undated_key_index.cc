// Migration 7's step (report_index.h): undated reports placed in a country move from the
// R-tree to the name-key index, and every report taking part in undated identity stores keys.
#include "sitrep/fuse/blocking.h"
#include "sitrep/store/event_codec.h"
#include "sitrep/store/report_index.h"

namespace sitrep {

Status IndexUndatedKeys(SqliteDb& db) {
  ASSIGN_OR_RETURN(SqliteStmt all, db.Prepare("SELECT key, json FROM reports"));
  const FusionOptions options;  // the store's (StoreOptions default)
  ReportIndex index(db);
  std::vector<std::string> moved;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, all.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Event e, DecodeEvent(all.Text(1)));
    Report r{all.Text(0), std::move(e)};
    RETURN_IF_ERROR(index.AddKeys(r, options));
    if (FoundByKeys(r, options)) moved.push_back(r.key);
  }
  RETURN_IF_ERROR(all.Reset());
  ASSIGN_OR_RETURN(SqliteStmt unindex, db.Prepare(
      "DELETE FROM reports_window WHERE id = (SELECT wid FROM reports WHERE key = ?1)"));
  ASSIGN_OR_RETURN(SqliteStmt clear, db.Prepare(
      "UPDATE reports SET wid = NULL, band = NULL WHERE key = ?1"));
  ASSIGN_OR_RETURN(SqliteStmt sentences, db.Prepare(
      "UPDATE OR IGNORE report_sentences SET by_sentence = 1 WHERE key = ?1"));
  for (const std::string& key : moved) {
    RETURN_IF_ERROR(unindex.Bind(1, key).Run());
    RETURN_IF_ERROR(clear.Bind(1, key).Run());
    RETURN_IF_ERROR(sentences.Bind(1, key).Run());
  }
  return Status::Ok();
}

}  // namespace sitrep
