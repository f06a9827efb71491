// sitrep times: time expressions and quantities of a text file, the case-table check with
// its throughput, and the date the text itself supports (for inspection and the peer bench).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/base/file.h"
#include "sitrep/text/doc_date.h"
#include "sitrep/text/quantity.h"
#include "sitrep/text/time_expression.h"
#include "sitrep/text/time_expression_cases.h"

namespace sitrep::cli {
namespace {

struct TimesArgs {
  std::vector<std::string> paths;
  std::string reference;
  std::string cases;
  bool quantities = false;
  bool doc_date = false;
  std::string url;  // with --doc-date: the article's URL (its path may state the date)
};

std::string ReadOrFail(const std::string& path) {
  auto bytes = ReadFileBytes(path, 256u << 20);
  if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
  return std::move(bytes).value();
}

DateInterval ParseReference(const std::string& s) {
  if (s.empty()) return {};
  size_t slash = s.find('/');
  auto a = ParseIsoDate(s.substr(0, slash));
  auto b = slash == std::string::npos ? a : ParseIsoDate(s.substr(slash + 1));
  if (!a || !b || *b < *a) throw CommandFailed{"--reference: expected YYYY-MM-DD[/YYYY-MM-DD]"};
  return {*a, *b, PrecisionForWidth(*a, *b)};
}

void RunCases(const TimesArgs& args) {
  std::vector<int> bad;
  auto cases = ParseTimeCases(ReadOrFail(args.cases), &bad);
  if (!bad.empty()) throw CommandFailed{"malformed case line " + std::to_string(bad[0])};
  int right = 0;
  for (const auto& c : cases) {
    std::string got;
    bool ok = EvaluateTimeCase(c, &got);
    right += ok;
    std::printf("%s\t%d\t%s\t%s\n", ok ? "ok" : "FAIL", c.line, c.text.c_str(), got.c_str());
  }
  // Throughput: resolve every case text repeatedly for about half a second.
  auto t0 = std::chrono::steady_clock::now();
  size_t done = 0;
  double secs = 0;
  while (secs < 0.5) {
    for (const auto& c : cases) done += !FindTimeExpressions(c.text, c.reference).empty() || true;
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  std::printf("right %d/%zu\nexpressions_per_second %.0f\n", right, cases.size(), done / secs);
}

void RunTimes(const TimesArgs& args) {
  if (!args.cases.empty()) return RunCases(args);
  DateInterval ref = ParseReference(args.reference);
  for (const auto& path : args.paths) {
    std::string text = ReadOrFail(path);
    if (args.doc_date) {
      DocumentDate d = InferDocumentDate(text, ref, args.url);
      nlohmann::json j{{"file", path}};
      j["published"] = d.interval.known() ? nlohmann::json(FormatIsoDate(d.interval.earliest)) : nullptr;
      j["earliest"] = d.interval.known() ? nlohmann::json(FormatIsoDate(d.interval.earliest)) : nullptr;
      j["latest"] = d.interval.known() ? nlohmann::json(FormatIsoDate(d.interval.latest)) : nullptr;
      j["precision"] = std::string(DatePrecisionName(d.interval.precision));
      j["evidence"] = d.evidence;
      std::printf("%s\n", DumpJson(j).c_str());
      continue;
    }
    if (args.quantities) {
      for (const auto& q : FindQuantities(text)) {
        nlohmann::json j{{"text", text.substr(q.begin, q.end - q.begin)},
                         {"kind", std::string(QuantityKindName(q.kind))},
                         {"value", q.value}, {"min", q.min},
                         {"max", q.max == kUnbounded ? nlohmann::json(nullptr) : nlohmann::json(q.max)},
                         {"min_open", q.min_open}, {"max_open", q.max_open},
                         {"head", text.substr(q.head_begin, q.head_end - q.head_begin)},
                         {"begin", q.begin}, {"end", q.end}};
        std::printf("%s\n", DumpJson(j).c_str());
      }
      continue;
    }
    for (const auto& e : FindTimeExpressions(text, ref)) {
      nlohmann::json j{{"text", text.substr(e.begin, e.end - e.begin)},
                       {"kind", std::string(TimeKindName(e.kind))},
                       {"begin", e.begin}, {"end", e.end},
                       {"anchor", std::string(TimeAnchorName(e.anchor))}};
      if (e.value.known()) {
        j["earliest"] = FormatIsoDate(e.value.earliest);
        j["latest"] = FormatIsoDate(e.value.latest);
        j["precision"] = std::string(DatePrecisionName(e.value.precision));
      }
      if (e.anchor_index >= 0) j["anchor_index"] = e.anchor_index;
      if (e.event_end > e.event_begin) j["event"] = text.substr(e.event_begin, e.event_end - e.event_begin);
      if (e.since) j["since"] = true;
      if (e.future) j["future"] = true;
      if (!e.duration.empty()) j["duration"] = e.duration;
      if (!e.set.empty()) j["set"] = e.set;
      std::printf("%s\n", DumpJson(j).c_str());
    }
  }
}

void SetupTimes(CLI::App& app) {
  auto args = std::make_shared<TimesArgs>();
  CLI::App* cmd = app.add_subcommand("times", "Time expressions, quantities or the inferred date of text files");
  cmd->add_option("paths", args->paths, "Plain-text files");
  cmd->add_option("--reference", args->reference, "Reference date YYYY-MM-DD[/YYYY-MM-DD]");
  cmd->add_option("--cases", args->cases, "Check a case table (tests/text/time_cases.tsv) and time it");
  cmd->add_flag("--quantities", args->quantities, "Print numbers and quantities instead");
  cmd->add_flag("--doc-date", args->doc_date, "Print the date the text itself supports");
  cmd->add_option("--url", args->url, "With --doc-date: the article's URL (a dated path counts)");
  cmd->callback([args] { RunTimes(*args); });
}

}  // namespace

SITREP_COMMAND(45, SetupTimes);

}  // namespace sitrep::cli
