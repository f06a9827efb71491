// Main-text extraction on the 181 pages of ../shared/data/extraction, scored like
// eval/extraction_f1.py: word 4-gram shingle multisets per page, mean precision and mean
// recall over pages, F1 their harmonic mean. Checks ExtractHtml and the full BuildDocument.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/base/file.h"
#include "sitrep/ingest/reader.h"
#include "sitrep/ingest/clean.h"
#include "sitrep/ingest/html_extract.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// The page's HTML, gunzipped by the reader's own code; empty when it cannot be read.
std::string ReadPage(const std::string& path) {
  auto bytes = ReadFileBytes(path, 64ull << 20);
  if (!bytes.ok()) return {};
  auto html = Gunzip(*bytes, 64ull << 20);
  return html.ok() ? std::move(html).value() : std::string();
}

// Python's \w+ on str: letters, digits and '_' (approximated with ICU's alnum).
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  std::string cur;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && (u_isalnum(c) || c == '_' || u_charType(c) == U_NON_SPACING_MARK ||
                   u_charType(c) == U_COMBINING_SPACING_MARK)) {
      cur.append(s, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::map<std::string, int> Shingles(const std::string& text) {
  std::vector<std::string> w = Words(text);
  std::map<std::string, int> out;
  size_t count = w.size() >= 4 ? w.size() - 3 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string g;
    for (size_t k = i; k < std::min(w.size(), i + 4); ++k) g += w[k] + '\x1f';
    if (!g.empty()) ++out[g];
  }
  return out;
}

struct Score {
  double p_sum = 0, r_sum = 0;
  int p_n = 0, r_n = 0;
  void Add(const std::string& truth, const std::string& pred) {
    auto t = Shingles(truth), p = Shingles(pred);
    double tp = 0, fp = 0, fn = 0;
    for (const auto& [k, c] : t) {
      auto it = p.find(k);
      int pc = it == p.end() ? 0 : it->second;
      tp += std::min(c, pc);
      fn += std::max(0, c - pc);
    }
    for (const auto& [k, c] : p) {
      auto it = t.find(k);
      fp += std::max(0, c - (it == t.end() ? 0 : it->second));
    }
    double s = tp + fp + fn;
    if (s == 0) return;
    tp /= s, fp /= s, fn /= s;
    auto ratio = [](double a, double wrong, double other) {
      if (wrong == 0 && other == 0) return 1.0;
      if (a == 0 && wrong == 0) return 0.0;
      return a / (a + wrong);
    };
    if (tp + fp > 0) p_sum += ratio(tp, fp, fn), ++p_n;
    if (tp + fn > 0) r_sum += ratio(tp, fn, fp), ++r_n;
  }
  double P() const { return p_n ? p_sum / p_n : 0; }
  double R() const { return r_n ? r_sum / r_n : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

TEST(HtmlExtractionGolden, ShingleF1OnBenchmarkPages) {
  fs::path dir = fs::path(SITREP_SHARED_DIR) / "data/extraction";
  if (!fs::exists(dir / "ground-truth.json")) GTEST_SKIP() << "no " << dir;
  std::ifstream in(dir / "ground-truth.json");
  nlohmann::json truth = nlohmann::json::parse(in);
  Score extract, build;
  int pages = 0;
  for (const auto& [key, value] : truth.items()) {
    std::string html = ReadPage((dir / "html" / (key + ".html.gz")).string());
    std::string body = value.value("articleBody", "");
    ++pages;
    std::string text;
    if (auto page = ExtractHtml(html, ReadLimits{}); page.ok()) {
      for (const auto& b : page->blocks) text += (text.empty() ? "" : "\n\n") + b.text;
    }
    extract.Add(body, text);
    RawInput raw;
    raw.id = key;
    raw.origin = key;
    raw.format = InputFormat::kHtml;
    raw.bytes = std::move(html);
    auto doc = BuildDocument(std::move(raw), CleanOptions{});
    build.Add(body, doc.ok() ? doc->text : std::string());
  }
  EXPECT_EQ(pages, 181);
  std::printf("ExtractHtml:   F1=%.4f P=%.4f R=%.4f\n", extract.F1(), extract.P(), extract.R());
  std::printf("BuildDocument: F1=%.4f P=%.4f R=%.4f\n", build.F1(), build.P(), build.R());
  EXPECT_GE(extract.F1(), 0.95);
  EXPECT_GE(build.F1(), 0.95) << "ExtractHtml alone scores " << extract.F1()
                              << ": later cleaning steps lose main text";
}

}  // namespace
}  // namespace sitrep
