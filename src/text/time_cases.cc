// Loading and judging the time-expression case table.
#include "sitrep/text/time_expression.h"
#include "sitrep/text/time_expression_cases.h"

namespace sitrep {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    f.push_back(line.substr(pos, tab == std::string_view::npos ? line.npos : tab - pos));
    if (tab == std::string_view::npos) return f;
    pos = tab + 1;
  }
}

}  // namespace

std::vector<TimeCase> ParseTimeCases(std::string_view tsv, std::vector<int>* bad) {
  std::vector<TimeCase> cases;
  size_t pos = 0;
  int line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    TimeCase c;
    c.line = line_no;
    bool ok = f.size() == 5;
    if (ok && f[0] != "-") {
      size_t slash = f[0].find('/');
      auto a = ParseIsoDate(f[0].substr(0, slash));
      auto b = slash == std::string_view::npos ? a : ParseIsoDate(f[0].substr(slash + 1));
      ok = a && b;
      if (ok) c.reference = {*a, *b, *a == *b ? DatePrecision::kDay : PrecisionForWidth(*a, *b)};
    }
    size_t open = ok ? f[1].find("[[") : 0, close = ok ? f[1].find("]]") : 0;
    ok = ok && open != std::string_view::npos && close != std::string_view::npos && close > open;
    if (!ok) {
      if (bad) bad->push_back(line_no);
      continue;
    }
    c.text = std::string(f[1].substr(0, open)) + std::string(f[1].substr(open + 2, close - open - 2)) +
             std::string(f[1].substr(close + 2));
    c.target_begin = static_cast<uint32_t>(open);
    c.target_end = static_cast<uint32_t>(close - 2);
    c.kind = f[2], c.expected_earliest = f[3], c.expected_latest = f[4];
    cases.push_back(std::move(c));
  }
  return cases;
}

bool EvaluateTimeCase(const TimeCase& c, std::string* got) {
  auto exprs = FindTimeExpressions(c.text, c.reference);
  const TimeExpression* hit = nullptr;
  for (const auto& e : exprs) {
    if (e.begin < c.target_end && e.end > c.target_begin) {
      hit = &e;
      break;
    }
  }
  if (!hit) {
    *got = "none";
    return false;
  }
  std::string kind(TimeKindName(hit->kind));
  if (hit->kind == TimeKind::kDuration) *got = hit->duration;
  else if (hit->kind == TimeKind::kSet) *got = hit->set;
  else if (!hit->value.known()) *got = "?";
  else *got = FormatIsoDate(hit->value.earliest) + " " + FormatIsoDate(hit->value.latest);
  std::string want = c.kind != "point"          ? c.expected_earliest
                     : c.expected_earliest == "?" ? "?"
                                                  : c.expected_earliest + " " + c.expected_latest;
  if (kind != c.kind) *got = kind + ":" + *got;
  return kind == c.kind && *got == want;
}

}  // namespace sitrep
