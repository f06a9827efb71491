#include "sitrep/ingest/lexicon.h"

#include "sitrep/base/resources.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace sitrep {
namespace fs = std::filesystem;
namespace {

std::string FindDataDirOnce() {
  std::error_code ec;
  auto has_lexicons = [&](const fs::path& p) {
    return fs::exists(p / "wire_agencies.txt", ec) && fs::is_directory(p / "boilerplate", ec);
  };
  if (const char* env = std::getenv("SITREP_DATA_DIR"); env && *env && has_lexicons(env)) {
    return env;
  }
  if (std::string dir = FindResourceDir("data"); !dir.empty() && has_lexicons(dir)) return dir;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
      for (const char* sub : {"data", "share/sitrep/data"}) {
        if (has_lexicons(dir / sub)) return (dir / sub).string();
      }
      if (dir == dir.parent_path()) break;
    }
  }
  if (has_lexicons("data")) return "data";
  return "";
}

std::vector<std::string> ReadLines(std::string_view relative) {
  std::vector<std::string> out;
  if (DataDir().empty()) return out;
  std::ifstream in(fs::path(DataDir()) / std::string(relative));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

}  // namespace

const std::string& DataDir() {
  static const std::string dir = FindDataDirOnce();
  return dir;
}

std::string NormalizeCue(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool is_space = std::isspace(c);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

bool StartsWithCue(std::string_view norm, std::string_view phrase) {
  if (norm.substr(0, phrase.size()) != phrase) return false;
  if (norm.size() == phrase.size() || phrase.empty()) return true;
  unsigned char last = static_cast<unsigned char>(phrase.back());
  unsigned char next = static_cast<unsigned char>(norm[phrase.size()]);
  return !std::isalnum(last) || !std::isalnum(next);
}

const std::vector<std::string>& LexiconPhrases(std::string_view relative) {
  static std::mutex mu;
  static std::map<std::string, std::vector<std::string>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(relative);
  if (it != cache.end()) return it->second;
  std::vector<std::string> phrases;
  for (const std::string& line : ReadLines(relative)) {
    std::string n = NormalizeCue(line);
    if (!n.empty()) phrases.push_back(std::move(n));
  }
  return cache.emplace(std::string(relative), std::move(phrases)).first->second;
}

const std::vector<std::vector<std::string>>& WireAgencies() {
  static const std::vector<std::vector<std::string>> rows = [] {
    std::vector<std::vector<std::string>> out;
    for (const std::string& line : ReadLines("wire_agencies.txt")) {
      std::vector<std::string> row;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, '\t')) {
        if (!cell.empty()) row.push_back(cell);
      }
      if (!row.empty()) out.push_back(std::move(row));
    }
    return out;
  }();
  return rows;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

}  // namespace sitrep
