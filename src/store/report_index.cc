#include "sitrep/store/report_index.h"

#include <algorithm>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sitrep/fuse/shared_sentence.h"
#include "sitrep/fuse/undated_identity.h"
#include "sitrep/store/event_codec.h"

namespace sitrep {
namespace {

// rtree_i32 holds 32-bit coordinates: unknown dates span this (day numbers are ~20,000).
constexpr int64_t kAxisMin = -1000000000, kAxisMax = 1000000000;
constexpr int64_t kOtherCountry = 677, kCountryMax = 1000;
// The stored window of a report with an unknown date (as in refuse.cc's reports rows).
constexpr int64_t kUnknownFrom = -(int64_t{1} << 40);
constexpr int64_t kUnknownTo = int64_t{1} << 40;

int64_t Clamp(int64_t v) { return std::clamp(v, kAxisMin, kAxisMax); }

std::string DocOf(const std::string& key) {
  size_t hash = key.rfind('#');
  return hash == std::string::npos ? key : key.substr(0, hash);
}

std::pair<int64_t, int64_t> Window(const Report& report, const FusionOptions& options) {
  if (!report.event.date.known()) return {kUnknownFrom, kUnknownTo};
  BlockKey block = BlockOf(report, options);
  return {block.from, block.to};
}

}  // namespace

bool FoundByKeys(const Report& report, const FusionOptions& options) {
  return !UsablyDated(report.event, options) && !LinksOnlyBySentence(report, options);
}

std::pair<int64_t, int64_t> CountryRange(const std::string& country) {
  if (country.empty()) return {0, kCountryMax};
  auto letter = [](char c) -> int64_t {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return -1;
  };
  if (country.size() == 2 && letter(country[0]) >= 0 && letter(country[1]) >= 0) {
    int64_t code = letter(country[0]) * 26 + letter(country[1]) + 1;
    return {code, code};
  }
  return {kOtherCountry, kOtherCountry};
}

std::vector<int64_t> SentenceHashes(const Report& report) {
  std::vector<int64_t> out;
  for (const EventSource& s : report.event.sources) {
    // A non-evidential sentence links only within its article, which by_doc_ covers.
    if (s.sentence.empty() || !EvidentialSentence(s.sentence)) continue;
    out.push_back(static_cast<int64_t>(XXH3_64bits(s.sentence.data(), s.sentence.size())));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status ReportIndex::AddSentences(const Report& report, bool by_sentence, int64_t wfrom,
                                 int64_t wto) {
  if (!add_sentence_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "INSERT OR IGNORE INTO report_sentences(hash, by_sentence, key, wfrom, wto) "
        "VALUES (?,?,?,?,?)"));
    add_sentence_.emplace(std::move(st));
  }
  for (int64_t h : SentenceHashes(report)) {
    add_sentence_->Bind(1, h).Bind(2, int64_t{by_sentence}).Bind(3, report.key).Bind(4, wfrom)
        .Bind(5, wto);
    RETURN_IF_ERROR(add_sentence_->Run());
  }
  return Status::Ok();
}

Status ReportIndex::AddKeys(const Report& report, const FusionOptions& options) {
  const UndatedKeys keys = UndatedIdentityKeys(report.event, options);
  if (!keys.takes_part) return Status::Ok();
  if (!add_key_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "INSERT OR IGNORE INTO report_keys(hash, band, undated, key) VALUES (?,?,?,?)"));
    add_key_.emplace(std::move(st));
  }
  const int64_t band = CountryRange(report.event.location->country).first;
  for (int64_t h : keys.stored) {
    add_key_->Bind(1, h).Bind(2, band).Bind(3, int64_t{keys.undated}).Bind(4, report.key);
    RETURN_IF_ERROR(add_key_->Run());
  }
  return Status::Ok();
}

Result<IndexSlot> ReportIndex::Add(const Report& report, const FusionOptions& options) {
  const bool by_sentence = LinksOnlyBySentence(report, options);
  const bool by_keys = FoundByKeys(report, options);
  const auto [from, to] = Window(report, options);
  // A report found by keys has no window to be found by: its sentences are found by all.
  RETURN_IF_ERROR(AddSentences(report, by_sentence || by_keys, from, to));
  RETURN_IF_ERROR(AddKeys(report, options));
  IndexSlot slot;
  if (by_sentence || by_keys) return slot;
  auto [cfrom, cto] = CountryRange(report.event.location ? report.event.location->country : "");
  if (report.event.date.known() && to - from <= kNarrowDays) {
    slot.band = cfrom;  // 0 for an unknown country
    return slot;
  }
  if (!add_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "INSERT INTO reports_window(id, wfrom, wto, cfrom, cto, key) VALUES (NULL,?,?,?,?,?)"));
    add_.emplace(std::move(st));
  }
  add_->Bind(1, Clamp(from)).Bind(2, Clamp(to)).Bind(3, cfrom).Bind(4, cto).Bind(5, report.key);
  RETURN_IF_ERROR(add_->Run());
  slot.wid = db_.LastInsertRowid();
  return slot;
}

Status ReportIndex::RemoveDocument(const std::string& doc_id) {
  if (!remove_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "DELETE FROM reports_window WHERE id IN (SELECT wid FROM reports WHERE doc_id = ?)"));
    remove_.emplace(std::move(st));
    ASSIGN_OR_RETURN(SqliteStmt ss, db_.Prepare(
        "DELETE FROM report_sentences WHERE key IN (SELECT key FROM reports WHERE doc_id = ?)"));
    remove_sentences_.emplace(std::move(ss));
    ASSIGN_OR_RETURN(SqliteStmt sk, db_.Prepare(
        "DELETE FROM report_keys WHERE key IN (SELECT key FROM reports WHERE doc_id = ?)"));
    remove_keys_.emplace(std::move(sk));
  }
  RETURN_IF_ERROR(remove_->Bind(1, doc_id).Run());
  RETURN_IF_ERROR(remove_keys_->Bind(1, doc_id).Run());
  return remove_sentences_->Bind(1, doc_id).Run();
}

Status ReportIndex::Collect(SqliteStmt& st, std::vector<IndexedReport>* out) {
  for (;;) {
    ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out->push_back({st.Text(0), st.Text(1), st.Int(2), st.Int(3), st.Int(4) != 0});
  }
  return st.Reset();
}

Result<std::vector<IndexedReport>> ReportIndex::Overlapping(const BlockKey& block, bool dated) {
  if (!query_) {
    // CROSS JOIN: the R-tree drives, each hit is one primary-key lookup.
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "SELECT w.key, coalesce(r.event_id, ''), w.wfrom, w.wto, "
        "w.cfrom = 0 AND w.cto = " + std::to_string(kCountryMax) + " "
        "FROM reports_window w CROSS JOIN reports r "
        "ON r.key = w.key WHERE w.wto >= ?1 AND w.wfrom <= ?2 AND w.cto >= ?3 AND w.cfrom <= ?4"));
    query_.emplace(std::move(st));
  }
  auto [cfrom, cto] = CountryRange(block.country);
  query_->Bind(1, dated ? Clamp(block.from) : kAxisMin)
      .Bind(2, dated ? Clamp(block.to) : kAxisMax)
      .Bind(3, cfrom)
      .Bind(4, cto);
  std::vector<IndexedReport> out;
  RETURN_IF_ERROR(Collect(*query_, &out));
  // The narrow index: a window of at most kNarrowDays that overlaps [from, to] starts within
  // [from - kNarrowDays, to]; a known country meets its own band and band 0 (unknown).
  if (!narrow_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "SELECT key, coalesce(event_id, ''), wfrom, wto, band = 0 FROM reports "
        "WHERE band IN (?3, 0) AND wfrom BETWEEN ?1 AND ?2 AND wto >= ?4"));
    narrow_.emplace(std::move(st));
    ASSIGN_OR_RETURN(SqliteStmt sa, db_.Prepare(
        "SELECT key, coalesce(event_id, ''), wfrom, wto, band = 0 FROM reports "
        "INDEXED BY reports_narrow_from "
        "WHERE band IS NOT NULL AND wfrom BETWEEN ?1 AND ?2 AND wto >= ?3"));
    narrow_any_.emplace(std::move(sa));
  }
  const int64_t from = dated ? block.from : kUnknownFrom, to = dated ? block.to : kUnknownTo;
  if (cfrom == cto) {
    narrow_->Bind(1, from - kNarrowDays).Bind(2, to).Bind(3, cfrom).Bind(4, from);
    RETURN_IF_ERROR(Collect(*narrow_, &out));
  } else {
    narrow_any_->Bind(1, from - kNarrowDays).Bind(2, to).Bind(3, from);
    RETURN_IF_ERROR(Collect(*narrow_any_, &out));
  }
  return out;
}

Status ReportIndex::ByKeys(const Report& report, const FusionOptions& options,
                           std::vector<IndexedReport>* out) {
  const UndatedKeys keys = UndatedIdentityKeys(report.event, options);
  if (!keys.takes_part) return Status::Ok();
  if (!by_key_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "SELECT k.key, coalesce(r.event_id, ''), r.wfrom, r.wto, r.country = '' "
        "FROM report_keys k CROSS JOIN reports r ON r.key = k.key "
        "WHERE k.hash = ?1 AND k.band = ?2 AND k.undated >= ?3"));
    by_key_.emplace(std::move(st));
  }
  const int64_t band = CountryRange(report.event.location->country).first;
  for (int64_t h : keys.queried) {
    // UndatedIdentity needs one side undated: a dated report looks for undated ones only.
    by_key_->Bind(1, h).Bind(2, band).Bind(3, int64_t{keys.undated ? 0 : 1});
    RETURN_IF_ERROR(Collect(*by_key_, out));
  }
  return Status::Ok();
}

Result<std::vector<IndexedReport>> ReportIndex::Candidates(const Report& report,
                                                           const FusionOptions& options) {
  const bool by_sentence = LinksOnlyBySentence(report, options);
  const bool by_keys = FoundByKeys(report, options);
  std::vector<IndexedReport> out;
  if (!by_sentence && !by_keys) {
    ASSIGN_OR_RETURN(out, Overlapping(BlockOf(report, options), report.event.date.known()));
  }
  RETURN_IF_ERROR(ByKeys(report, options, &out));
  // Identity evidence with a report that links only by sentence is a shared sentence (rows
  // with by_sentence >= 1); such a report itself may share one with any report (>= 0), and
  // so may one found by keys (it meets no report by window).
  if (!by_sentence_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "SELECT s.key, coalesce(r.event_id, ''), s.wfrom, s.wto, r.country = '' "
        "FROM report_sentences s CROSS JOIN reports r ON r.key = s.key "
        "WHERE s.hash = ?1 AND s.by_sentence >= ?2 AND s.wto >= ?3 AND s.wfrom <= ?4"));
    by_sentence_.emplace(std::move(st));
    ASSIGN_OR_RETURN(SqliteStmt sd, db_.Prepare(
        "SELECT key, coalesce(event_id, ''), wfrom, wto, country = '' FROM reports "
        "WHERE doc_id = ?"));
    by_doc_.emplace(std::move(sd));
  }
  const auto [from, to] = Window(report, options);
  for (int64_t h : SentenceHashes(report)) {
    by_sentence_->Bind(1, h).Bind(2, int64_t{by_sentence || by_keys ? 0 : 1}).Bind(3, from)
        .Bind(4, to);
    RETURN_IF_ERROR(Collect(*by_sentence_, &out));
  }
  // Two reports of one article link on more than a shared sentence (SameArticleIdentity).
  by_doc_->Bind(1, DocOf(report.key));
  RETURN_IF_ERROR(Collect(*by_doc_, &out));
  std::sort(out.begin(), out.end(),
            [](const IndexedReport& a, const IndexedReport& b) { return a.key < b.key; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const IndexedReport& a, const IndexedReport& b) {
                          return a.key == b.key;
                        }),
            out.end());
  return out;
}

Status IndexReportSentences(SqliteDb& db) {
  ASSIGN_OR_RETURN(SqliteStmt all, db.Prepare("SELECT key, json, wfrom, wto, wid FROM reports"));
  ReportIndex index(db);
  const FusionOptions options;  // the store's (StoreOptions default)
  std::vector<std::string> unindexed;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, all.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Event e, DecodeEvent(all.Text(1)));
    Report r{all.Text(0), std::move(e)};
    const bool by_sentence = LinksOnlyBySentence(r, options);
    RETURN_IF_ERROR(index.AddSentences(r, by_sentence, all.Int(2), all.Int(3)));
    if (by_sentence) unindexed.push_back(r.key);
  }
  RETURN_IF_ERROR(all.Reset());
  ASSIGN_OR_RETURN(SqliteStmt unindex, db.Prepare(
      "DELETE FROM reports_window WHERE id = (SELECT wid FROM reports WHERE key = ?1)"));
  ASSIGN_OR_RETURN(SqliteStmt clear, db.Prepare("UPDATE reports SET wid = NULL WHERE key = ?"));
  for (const std::string& key : unindexed) {
    RETURN_IF_ERROR(unindex.Bind(1, key).Run());
    RETURN_IF_ERROR(clear.Bind(1, key).Run());
  }
  return Status::Ok();
}

Status IndexUndatedPlacedReports(SqliteDb&) {
  // Schema 6 put undated reports placed in a country back in the R-tree (fusion session 7,
  // UndatedIdentity). Since schema 7 such reports are found by keys, and migration 7 indexes
  // every stored report's keys, so on the way to 7 this step has nothing to move.
  return Status::Ok();
}

Status IndexNarrowReports(SqliteDb& db) {
  // Dated reports in the R-tree whose stored window is narrow (undated ones are stored with
  // the kUnknown window, never narrow); the band is the R-tree row's country start.
  ASSIGN_OR_RETURN(SqliteStmt narrow, db.Prepare(
      "SELECT r.key, w.cfrom FROM reports r JOIN reports_window w ON w.id = r.wid "
      "WHERE r.wto - r.wfrom <= ?1 AND r.wfrom > ?2"));
  narrow.Bind(1, kNarrowDays).Bind(2, kUnknownFrom);
  std::vector<std::pair<std::string, int64_t>> moved;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, narrow.Step());
    if (!row) break;
    moved.emplace_back(narrow.Text(0), narrow.Int(1));
  }
  RETURN_IF_ERROR(narrow.Reset());
  ASSIGN_OR_RETURN(SqliteStmt unindex, db.Prepare(
      "DELETE FROM reports_window WHERE id = (SELECT wid FROM reports WHERE key = ?1)"));
  ASSIGN_OR_RETURN(SqliteStmt band, db.Prepare(
      "UPDATE reports SET wid = NULL, band = ?2 WHERE key = ?1"));
  for (const auto& [key, code] : moved) {
    RETURN_IF_ERROR(unindex.Bind(1, key).Run());
    RETURN_IF_ERROR(band.Bind(1, key).Bind(2, code).Run());
  }
  return Status::Ok();
}

}  // namespace sitrep
