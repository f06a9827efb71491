// HTML reading speed on the 181 pages of ../shared/data/extraction, loaded once (gunzipped):
// ExtractHtml, the full BuildDocument, and parse time alone for gumbo, libxml2's tree parser
// and our libxml2 SAX DOM. items/s = pages/s; bytes/s counts the decoded HTML.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/base/file.h"
#include "sitrep/ingest/reader.h"
#include "sitrep/ingest/clean.h"
#include "sitrep/ingest/html_dom.h"
#include "sitrep/ingest/html_extract.h"

namespace sitrep {
namespace {

// The page's HTML, gunzipped by the reader's own code; empty when it cannot be read.
std::string ReadPage(const std::string& path) {
  auto bytes = ReadFileBytes(path, 64ull << 20);
  if (!bytes.ok()) return {};
  auto html = Gunzip(*bytes, 64ull << 20);
  return html.ok() ? std::move(html).value() : std::string();
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> v;
    std::filesystem::path dir = std::filesystem::path(SITREP_SHARED_DIR) / "data/extraction/html";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) v.push_back(ReadPage(p.string()));
    return v;
  }();
  return pages;
}

template <typename F>
void OverPages(benchmark::State& state, F&& f) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages under SITREP_SHARED_DIR/data/extraction/html");
    return;
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  for (auto _ : state)
    for (const auto& p : pages) f(p);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_ExtractHtml(benchmark::State& state) {
  ReadLimits limits;
  OverPages(state, [&](const std::string& p) {
    auto page = ExtractHtml(p, limits);
    benchmark::DoNotOptimize(page);
  });
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

void BM_BuildDocument(benchmark::State& state) {
  CleanOptions options;
  OverPages(state, [&](const std::string& p) {
    RawInput in;
    in.id = "page";
    in.origin = "page";
    in.format = InputFormat::kHtml;
    in.bytes = p;
    auto doc = BuildDocument(std::move(in), options);
    benchmark::DoNotOptimize(doc);
  });
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMillisecond);

void BM_ParseGumbo(benchmark::State& state) {
  OverPages(state, [&](const std::string& p) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
    benchmark::DoNotOptimize(out);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  });
}
BENCHMARK(BM_ParseGumbo)->Unit(benchmark::kMillisecond);

void BM_ParseLibxml2Tree(benchmark::State& state) {
  OverPages(state, [&](const std::string& p) {
    htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    benchmark::DoNotOptimize(doc);
    xmlFreeDoc(doc);
  });
}
BENCHMARK(BM_ParseLibxml2Tree)->Unit(benchmark::kMillisecond);

void BM_ParseLibxml2SaxDom(benchmark::State& state) {
  OverPages(state, [&](const std::string& p) {
    auto dom = ParseHtmlDom(p, 512);
    benchmark::DoNotOptimize(dom);
  });
}
BENCHMARK(BM_ParseLibxml2SaxDom)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
