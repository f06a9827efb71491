// Names defined in the text: "Name (ACR)", "Name (Other Name)", "also known as X", later uses
// of a defined name, and names handed in by a tagger (NER spans).
#include "know/entity_linking.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

constexpr uint32_t kDefinitionWindowBytes = 300;

bool IsAcronymText(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (!(c >= '0' && c <= '9') && c != '-' && c != '&' && c != '.') return false;
  }
  return letters >= 2 && s.size() <= 10;
}

std::string KindFromName(std::string_view lower_last) {
  static const std::pair<std::string_view, std::string_view> kKinds[] = {
      {"forces", "militia"}, {"force", "militia"}, {"army", "rebel_group"},
      {"brigades", "militia"}, {"brigade", "militia"}, {"battalion", "militia"},
      {"militia", "militia"}, {"units", "militia"}, {"corps", "state_military"},
      {"guard", "militia"}, {"party", "political_party"}, {"front", "rebel_group"},
      {"movement", "rebel_group"}, {"group", "rebel_group"}, {"agency", "government"},
      {"ministry", "government"}, {"council", "government"}, {"commission", "government"},
      {"service", "government"}, {"department", "government"}, {"committee", "organization"}};
  for (const auto& [w, k] : kKinds)
    if (lower_last == w) return std::string(k);
  return "organization";
}

}  // namespace

void Linker::AddNerSpans() {
  for (const NerSpan& span : options_.ner) {
    if (span.end <= span.begin || span.end > text_.size() || Covered(span.begin, span.end)) continue;
    auto first = std::lower_bound(words_.begin(), words_.end(), span.begin,
                                  [](const Word& w, uint32_t b) { return w.begin < b; });
    auto last = std::lower_bound(words_.begin(), words_.end(), span.end,
                                 [](const Word& w, uint32_t e) { return w.end < e; });
    if (first == words_.end() || last == words_.end() || first > last) continue;
    Cand c;
    c.w0 = static_cast<uint32_t>(first - words_.begin());
    c.w1 = static_cast<uint32_t>(last - words_.begin()) + 1;
    c.begin = words_[c.w0].begin;
    c.end = words_[c.w1 - 1].end;
    std::string name = SpanText(c.w0, c.w1);
    c.key = NameKey(name);
    kb_.actors.LookupKey(c.key, &c.actor_hits);
    bool is_place = span.label == "LOC" || span.label == "GPE" || span.label == "FAC";
    if (is_place && kb_.gazetteer) kb_.gazetteer->LookupKey(c.key, &c.place_hits);
    if (c.actor_hits.empty() && c.place_hits.empty() && !is_place) {
      c.type = CandType::kNewActor;
      c.new_name = name;
      c.new_kind = span.label == "PER" ? "person" : "organization";
    }
    c.titled = span.label == "PER";
    AddCand(std::move(c));
  }
}

void Linker::BindDefinitions() {
  // "Name (ACR)" and "Name (Other Name)": the bracketed text names the same actor.
  const size_t n_before = cands_.size();
  for (size_t i = 0; i < n_before; ++i) {
    Cand& c = cands_[i];
    if (c.dropped || c.role.size()) continue;
    size_t p = c.end;
    while (p < text_.size() && text_[p] == ' ') ++p;
    if (p >= text_.size() || text_[p] != '(') continue;
    size_t close = text_.find(')', p);
    if (close == std::string_view::npos || close - p > 100) continue;
    std::string_view inner = text_.substr(p + 1, close - p - 1);
    if (inner.find('\n') != std::string_view::npos || inner.empty()) continue;
    // "Kimberley (Frances Baard, Northern Cape)", "Rafaela (Santa Fe)": the divisions a place
    // lies in, not another name for it.
    if (inner.find(',') != std::string_view::npos && c.actor_hits.empty()) continue;
    if (int d = CandAt(static_cast<uint32_t>(p), static_cast<uint32_t>(close + 1));
        d >= 0 && c.actor_hits.empty() && cands_[d].actor_hits.empty() && NamesDivision(cands_[d]))
      continue;
    std::string key = NameKey(inner);
    if (key.empty()) continue;
    std::vector<ActorHit> hits;
    kb_.actors.LookupKey(key, &hits);
    bool acronym = IsAcronymText(inner);
    if (acronym && !hits.empty()) {
      // Bind a known acronym only when it spells the name's initials.
      std::string initials;
      for (uint32_t w = c.w0; w < c.w1; ++w)
        if (words_[w].upper) initials.push_back(static_cast<char>(std::tolower(text_[words_[w].begin])));
      std::string letters;
      for (char ch : inner)
        if (std::isalpha(static_cast<unsigned char>(ch))) letters.push_back(static_cast<char>(std::tolower(ch)));
      if (letters != initials) continue;
    } else if (!acronym && !hits.empty()) {
      continue;
    } else if (!acronym) {
      bool upper = std::isupper(static_cast<unsigned char>(inner[0]));
      if (!upper) continue;
    }
    doc_alias_[key] = static_cast<int>(i);
    int d = CandAt(static_cast<uint32_t>(p), static_cast<uint32_t>(close + 1));
    if (d >= 0) {
      cands_[d].bound_to = static_cast<int>(i);
    } else {
      Cand a;
      a.begin = static_cast<uint32_t>(p + 1);
      a.end = static_cast<uint32_t>(close);
      a.key = key;
      a.bound_to = static_cast<int>(i);
      AddCand(std::move(a));
    }
  }
  // An unknown capitalised name right before "(ACR)": a new actor.
  for (size_t p = text_.find('('); p != std::string_view::npos; p = text_.find('(', p + 1)) {
    size_t close = text_.find(')', p);
    if (close == std::string_view::npos || close - p > 12) continue;
    std::string_view inner = text_.substr(p + 1, close - p - 1);
    if (!IsAcronymText(inner)) continue;
    auto it = std::lower_bound(words_.begin(), words_.end(), static_cast<uint32_t>(p),
                               [](const Word& w, uint32_t b) { return w.end <= b; });
    if (it == words_.begin()) continue;
    int last = static_cast<int>(it - words_.begin()) - 1;
    int k = last;
    while (k >= 0 && last - k < 8 &&
           (words_[k].upper || (IsConnector(words_[k].lower) && k < last))) {
      if (k < last && words_[k + 1].gap == Gap::kBreak) break;
      --k;
    }
    ++k;
    while (k <= last && (!words_[k].upper || IsDeterminer(words_[k].lower))) ++k;
    if (last - k < 1) continue;
    // The acronym spells the run's initials ("Free Tribes Council (FTC)"): the run is one
    // name, whatever was found inside it ("Council" the town). Else a known name ends there.
    std::string initials, letters;
    for (int w = k; w <= last; ++w)
      if (words_[w].upper) initials.push_back(static_cast<char>(std::tolower(text_[words_[w].begin])));
    for (char ch : inner)
      if (std::isalpha(static_cast<unsigned char>(ch))) letters.push_back(static_cast<char>(std::tolower(ch)));
    bool spelled = initials == letters;
    if (!spelled && Covered(static_cast<uint32_t>(p > 40 ? p - 3 : 0), static_cast<uint32_t>(p))) continue;
    if (spelled) {
      bool known = false;  // a dictionary name spans the run exactly
      for (const Cand& o : cands_)
        known = known || (!o.dropped && o.begin <= words_[k].begin && o.end >= words_[last].end &&
                          !o.actor_hits.empty());
      if (known) continue;
      for (Cand& o : cands_)
        if (!o.dropped && o.begin >= words_[k].begin && o.end <= words_[last].end) o.dropped = true;
    }
    Cand c;
    c.w0 = static_cast<uint32_t>(k);
    c.w1 = static_cast<uint32_t>(last + 1);
    c.begin = words_[k].begin;
    c.end = words_[last].end;
    c.type = CandType::kNewActor;
    c.new_name = SpanText(c.w0, c.w1);
    c.new_kind = KindFromName(words_[last].lower);
    c.key = NameKey(c.new_name);
    if (Covered(c.begin, c.end)) continue;
    int root = static_cast<int>(cands_.size());
    AddCand(std::move(c));
    std::string key = NameKey(inner);
    doc_alias_[key] = root;
    Cand a;
    a.begin = static_cast<uint32_t>(p + 1);
    a.end = static_cast<uint32_t>(close);
    a.key = key;
    a.bound_to = root;
    int d = CandAt(a.begin, a.end);
    if (d >= 0) cands_[d].bound_to = root;
    else AddCand(std::move(a));
  }
  // "also known as X", "known as X", "a.k.a. X": X names the actor just before.
  std::string lower(text_);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view phrase : {"also known as ", "known as ", "a.k.a. ", "aka "}) {
    for (size_t p = lower.find(phrase); p != std::string::npos; p = lower.find(phrase, p + 1)) {
      if (p > 0 && std::isalpha(static_cast<unsigned char>(lower[p - 1]))) continue;
      size_t q = p + phrase.size();
      while (q < text_.size() && (text_[q] == '"' || text_[q] == '\'' || text_[q] == ' ' ||
                                  static_cast<unsigned char>(text_[q]) == 0xE2)) {
        if (static_cast<unsigned char>(text_[q]) == 0xE2 && q + 2 < text_.size()) q += 3;
        else ++q;
      }
      int prev = -1;
      for (size_t i = 0; i < cands_.size(); ++i)
        if (!cands_[i].dropped && cands_[i].end <= p && p - cands_[i].end < kDefinitionWindowBytes &&
            cands_[i].bound_to < 0 && (prev < 0 || cands_[i].end > cands_[prev].end))
          prev = static_cast<int>(i);
      if (prev < 0) continue;
      int x = -1;
      for (size_t i = 0; i < cands_.size(); ++i)
        if (!cands_[i].dropped && cands_[i].begin == q) x = static_cast<int>(i);
      if (x >= 0) {
        if (x != prev) cands_[x].bound_to = prev;
        doc_alias_[cands_[x].key] = prev;
        continue;
      }
      auto it = std::lower_bound(words_.begin(), words_.end(), static_cast<uint32_t>(q),
                                 [](const Word& w, uint32_t b) { return w.begin < b; });
      uint32_t k0 = static_cast<uint32_t>(it - words_.begin()), k = k0;
      while (k < words_.size() && k - k0 < 6 && (k == k0 || words_[k].gap != Gap::kBreak) &&
             (words_[k].upper || (IsConnector(words_[k].lower) && k > k0)))
        ++k;
      while (k > k0 && !words_[k - 1].upper) --k;
      if (k == k0) continue;
      Cand a;
      a.w0 = k0;
      a.w1 = k;
      a.begin = words_[k0].begin;
      a.end = words_[k - 1].end;
      a.key = NameKey(SpanText(k0, k));
      a.bound_to = prev;
      for (Cand& inside : cands_)  // the defined name replaces names found inside it
        if (inside.begin >= a.begin && inside.end <= a.end) inside.dropped = true;
      doc_alias_[a.key] = prev;
      AddCand(std::move(a));
    }
  }
  // Later uses of a name defined in the text.
  if (doc_alias_.empty()) return;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    if (!words_[w].upper) continue;
    auto it = doc_alias_.find(NameKey(text_.substr(words_[w].begin, words_[w].end - words_[w].begin)));
    if (it == doc_alias_.end()) continue;
    int d = CandAt(words_[w].begin, words_[w].end);
    if (d >= 0) {
      if (d != it->second && cands_[d].w1 - cands_[d].w0 <= 1) cands_[d].bound_to = it->second;
      continue;
    }
    if (Covered(words_[w].begin, words_[w].end)) continue;
    Cand a;
    a.w0 = w;
    a.w1 = w + 1;
    a.begin = words_[w].begin;
    a.end = words_[w].end;
    a.key = it->first;
    a.bound_to = it->second;
    AddCand(std::move(a));
  }
}

}  // namespace sitrep::know
