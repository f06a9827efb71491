#include "sitrep/ingest/html_meta.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace sitrep {
namespace {

std::string Collapse(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string w;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

std::string Find(const MetaList& meta, std::string_view key) {
  for (const auto& [k, v] : meta)
    if (k == key && !v.empty()) return v;
  return "";
}

void AddName(const nlohmann::json& v, const std::string& key, MetaList* meta) {
  if (v.is_string()) {
    meta->emplace_back(key, v.get<std::string>());
  } else if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) meta->emplace_back(key, it->get<std::string>());
  } else if (v.is_array()) {
    for (const auto& x : v)
      if (!x.is_array()) AddName(x, key, meta);
  }
}

}  // namespace

void AddJsonLdMeta(const std::vector<std::string>& json_ld, MetaList* meta) {
  for (const std::string& text : json_ld) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) continue;
    std::vector<const nlohmann::json*> stack{&doc};
    size_t visited = 0;
    while (!stack.empty() && ++visited < 10000) {
      const nlohmann::json* j = stack.back();
      stack.pop_back();
      if (j->is_array()) {
        for (const auto& x : *j) stack.push_back(&x);
        continue;
      }
      if (!j->is_object()) continue;
      for (const char* key : {"datePublished", "dateModified", "headline"}) {
        auto it = j->find(key);
        if (it != j->end() && it->is_string())
          meta->emplace_back(std::string("ld:") + key, it->get<std::string>());
      }
      if (auto it = j->find("author"); it != j->end()) AddName(*it, "ld:author", meta);
      if (auto it = j->find("publisher"); it != j->end()) AddName(*it, "ld:publisher", meta);
      if (auto it = j->find("@graph"); it != j->end()) stack.push_back(&*it);
      if (auto it = j->find("mainEntity"); it != j->end()) stack.push_back(&*it);
    }
  }
}

std::string ChooseTitle(std::string_view title_tag, const MetaList& meta) {
  for (const char* key : {"og:title", "twitter:title", "ld:headline"}) {
    std::string v = Collapse(Find(meta, key));
    if (!v.empty()) return v;
  }
  return Collapse(title_tag);
}

bool TitleMatches(std::string_view heading, std::string_view title) {
  std::vector<std::string> h = Words(heading), t = Words(title);
  if (h.empty() || t.empty()) return false;
  std::set<std::string> ts(t.begin(), t.end());
  size_t common = 0;
  for (const auto& w : h) common += ts.count(w);
  if (h.size() == 1) return t.size() == 1 && common == 1;
  return common * 10 >= h.size() * 8 && common * 10 >= std::min(t.size(), h.size() + 3) * 5;
}

}  // namespace sitrep
