// In-document coreference: surnames and short forms point back to the full name, "the group"
// to the nearest armed group or party before it.
#include "know/entity_linking.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

constexpr uint32_t kGroupWindowBytes = 1500;

}  // namespace

void Linker::LinkSurnames() {
  // Surname (last word) -> the person it belongs to; ambiguous surnames are left out.
  struct Target { int cand; bool ambiguous; };
  std::unordered_map<std::string, Target> surnames;
  auto add = [&](const std::string& key, int cand) {
    if (key.size() < 3) return;
    auto [it, inserted] = surnames.emplace(key, Target{cand, false});
    if (!inserted) {
      const Cand& a = cands_[it->second.cand];
      const Cand& b = cands_[cand];
      bool same = a.type == b.type && a.actor == b.actor &&
                  (a.type != CandType::kNewActor || a.new_name == b.new_name);
      if (!same) it->second.ambiguous = true;
    }
  };
  auto last_word_key = [](std::string_view name) {
    std::string key = NameKey(name);
    size_t sp = key.rfind(' ');
    return sp == std::string::npos ? std::string() : key.substr(sp + 1);
  };
  for (size_t i = 0; i < cands_.size(); ++i) {
    const Cand& c = cands_[i];
    if (c.dropped || !IsPerson(c)) continue;
    std::string_view span = text_.substr(words_.empty() ? 0 : c.begin, c.end - c.begin);
    if (c.w1 > c.w0 + 1) add(last_word_key(SpanText(c.w0, c.w1)), static_cast<int>(i));
    else if (c.w1 == c.w0 && !span.empty()) add(last_word_key(span), static_cast<int>(i));
    if (c.type == CandType::kActor) {
      const Actor& a = kb_.actors.actor(c.actor);
      add(last_word_key(a.name), static_cast<int>(i));
      for (const std::string& al : a.aliases) add(last_word_key(al), static_cast<int>(i));
    }
  }
  auto name_words = [&](const Cand& c) {
    uint32_t n = c.w1 - c.w0;
    if (n == 2 && IsArticleWord(words_[c.w0].lower)) n = 1;
    return n;
  };
  for (Cand& c : cands_) {
    if (c.dropped || c.w1 <= c.w0 || name_words(c) != 1 || c.bound_to >= 0) continue;
    if (c.type == CandType::kActor && kb_.actors.actor(c.actor).source == ActorSource::kCurated &&
        kb_.actors.actor(c.actor).kind != "person")
      continue;
    if (c.type == CandType::kPlace && !c.titled) {
      // A known surname beats a small place of the same name, not a country or a city.
      bool strong = false;
      for (const NameHit& h : c.place_hits)
        if (kb_.gazetteer->place(h.place).kind == PlaceKind::kCountry) strong = true;
      if (strong) continue;
    }
    auto it = surnames.find(c.key);
    if (it == surnames.end() || it->second.ambiguous) {
      if (c.type == CandType::kNewActor && c.new_kind == "person" && c.titled) continue;
      continue;
    }
    const Cand& target = cands_[it->second.cand];
    if (&target == &c) continue;
    CopyResolution(&c, target);
  }
  // Surnames not matched by any dictionary: "Rasoul said", "al-Saidi".
  const uint32_t n = static_cast<uint32_t>(words_.size());
  for (uint32_t w = 0; w < n; ++w) {
    if (!words_[w].upper || Covered(words_[w].begin, words_[w].end)) continue;
    uint32_t w0 = w;
    if (w > 0 && IsArticleWord(words_[w - 1].lower) && words_[w].gap == Gap::kJoin &&
        !Covered(words_[w - 1].begin, words_[w - 1].end))
      w0 = w - 1;
    if (w + 1 < n && words_[w + 1].upper && words_[w + 1].gap != Gap::kBreak) continue;
    std::string key = NameKey(text_.substr(words_[w].begin, words_[w].end - words_[w].begin));
    auto it = surnames.find(key);
    if (it == surnames.end() || it->second.ambiguous) continue;
    Cand c;
    c.w0 = w0;
    c.w1 = w + 1;
    c.begin = words_[w0].begin;
    c.end = words_[w].end;
    c.key = key;
    CopyResolution(&c, cands_[it->second.cand]);
    AddCand(std::move(c));
  }
}

void Linker::LinkGroupReferences() {
  std::string lower(text_);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (size_t p = lower.find("the group"); p != std::string::npos; p = lower.find("the group", p + 1)) {
    size_t e = p + 9;
    if (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) continue;
    if (p > 0 && std::isalpha(static_cast<unsigned char>(lower[p - 1]))) continue;
    if (Covered(static_cast<uint32_t>(p), static_cast<uint32_t>(e))) continue;
    int best = -1;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Cand& c = cands_[i];
      if (c.dropped || c.end > p || p - c.end > kGroupWindowBytes) continue;
      std::string kind = c.type == CandType::kActor ? kb_.actors.actor(c.actor).kind
                         : c.type == CandType::kNewActor ? c.new_kind : "";
      if (kind != "militia" && kind != "rebel_group" && kind != "political_party") continue;
      if (best < 0 || c.end > cands_[best].end) best = static_cast<int>(i);
    }
    if (best < 0) continue;
    Cand c;
    c.begin = static_cast<uint32_t>(p);
    c.end = static_cast<uint32_t>(e);
    c.w0 = c.w1 = 0;
    CopyResolution(&c, cands_[best]);
    AddCand(std::move(c));
  }
}

}  // namespace sitrep::know
