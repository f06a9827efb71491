#include "sitrep/ingest/wire_credit.h"

#include <algorithm>
#include <cctype>

#include "sitrep/ingest/lexicon.h"

namespace sitrep {
namespace {

bool WordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

std::string_view Trim(std::string_view s) {
  auto junk = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '.' ||
           c == ',' || c == '-' || c == '[' || c == ']';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> FindAgencies(std::string_view s) {
  std::vector<std::pair<size_t, std::string>> hits;
  for (const auto& row : WireAgencies()) {
    size_t best = std::string_view::npos;
    for (const auto& alias : row) {
      size_t at = s.find(alias);
      while (at != std::string_view::npos) {
        size_t end = at + alias.size();
        bool left = at == 0 || !WordChar(s[at - 1]);
        bool right = end == s.size() || !WordChar(s[end]);
        if (left && right) {
          best = std::min(best, at);
          break;
        }
        at = s.find(alias, at + 1);
      }
    }
    if (best != std::string_view::npos) hits.push_back({best, row[0]});
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  for (auto& h : hits) AddCredit(h.second, &out);
  return out;
}

std::string CanonicalAgency(std::string_view name) {
  name = Trim(name);
  if (name.rfind("The ", 0) == 0 || name.rfind("the ", 0) == 0) {
    for (const auto& row : WireAgencies()) {
      if (row[0] == name) return row[0];
    }
    name.remove_prefix(4);
  }
  for (const auto& row : WireAgencies()) {
    for (const auto& alias : row) {
      if (alias == name) return row[0];
    }
  }
  return "";
}

void AddCredit(const std::string& name, std::vector<std::string>* credits) {
  if (name.empty()) return;
  if (std::find(credits->begin(), credits->end(), name) == credits->end()) credits->push_back(name);
}

}  // namespace sitrep
