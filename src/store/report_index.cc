#include "sitrep/store/report_index.h"

#include <algorithm>

namespace sitrep {
namespace {

// rtree_i32 holds 32-bit coordinates: unknown dates span this (day numbers are ~20,000).
constexpr int64_t kAxisMin = -1000000000, kAxisMax = 1000000000;
constexpr int64_t kOtherCountry = 677, kCountryMax = 1000;

int64_t Clamp(int64_t v) { return std::clamp(v, kAxisMin, kAxisMax); }

}  // namespace

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

Result<int64_t> ReportIndex::Add(const std::string& key, const BlockKey& block, bool dated) {
  if (!add_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "INSERT INTO reports_window(id, wfrom, wto, cfrom, cto, key) VALUES (NULL,?,?,?,?,?)"));
    add_.emplace(std::move(st));
  }
  auto [cfrom, cto] = CountryRange(block.country);
  add_->Bind(1, dated ? Clamp(block.from) : kAxisMin)
      .Bind(2, dated ? Clamp(block.to) : kAxisMax)
      .Bind(3, cfrom)
      .Bind(4, cto)
      .Bind(5, key);
  RETURN_IF_ERROR(add_->Run());
  return db_.LastInsertRowid();
}

Status ReportIndex::RemoveDocument(const std::string& doc_id) {
  if (!remove_) {
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "DELETE FROM reports_window WHERE id IN (SELECT wid FROM reports WHERE doc_id = ?)"));
    remove_.emplace(std::move(st));
  }
  return remove_->Bind(1, doc_id).Run();
}

Result<std::vector<IndexedReport>> ReportIndex::Overlapping(const BlockKey& block, bool dated) {
  if (!query_) {
    // CROSS JOIN: the R-tree drives, each hit is one primary-key lookup.
    ASSIGN_OR_RETURN(SqliteStmt st, db_.Prepare(
        "SELECT w.key, coalesce(r.event_id, '') FROM reports_window w CROSS JOIN reports r "
        "ON r.key = w.key WHERE w.wto >= ?1 AND w.wfrom <= ?2 AND w.cto >= ?3 AND w.cfrom <= ?4"));
    query_.emplace(std::move(st));
  }
  auto [cfrom, cto] = CountryRange(block.country);
  query_->Bind(1, dated ? Clamp(block.from) : kAxisMin)
      .Bind(2, dated ? Clamp(block.to) : kAxisMax)
      .Bind(3, cfrom)
      .Bind(4, cto);
  std::vector<IndexedReport> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, query_->Step());
    if (!row) break;
    out.push_back({query_->Text(0), query_->Text(1)});
  }
  RETURN_IF_ERROR(query_->Reset());
  return out;
}

}  // namespace sitrep
