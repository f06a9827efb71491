// NER name lists: phrase keys, the section format, and per-sentence span/run features.
#include "sitrep/model/ner_lexicon.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "sitrep/model/linear.h"
#include "sitrep/model/word_features.h"
#include "key_section.h"

namespace sitrep {
namespace {

constexpr char kMagic[8] = {'N', 'E', 'R', 'L', 'E', 'X', '0', '1'};
constexpr uint64_t kMaskBits = 0xFFFF;
constexpr uint32_t kPrefixBit = 1u << 15;  // the phrase starts a longer one
constexpr size_t kMaxFeatures = 40;

constexpr const char* kClassNames[kLexClassCount] = {
    "city", "big_city", "admin1", "country", "demonym", "first_name",
    "last_name", "person", "org", "org_word", "title", "loc_word",
    "cap_always", "cap_often", "lower_word"};

uint64_t PhraseHash(std::string_view phrase) { return HashString(phrase) & ~kMaskBits; }

bool IsSplitChar(char c) {
  return c == ',' || c == '(' || c == ')' || c == '"' || c == '-' || c == '/' || c == ';' ||
         c == ':' || c == '!' || c == '?';
}

// Connectors allowed inside a capitalised run ("Bank of America", "Procter & Gamble").
bool IsConnector(std::string_view lower) {
  return lower == "of" || lower == "the" || lower == "and" || lower == "&" || lower == "de" ||
         lower == "for" || lower == "-" || lower == "'s" || lower == "al" || lower == "la";
}

bool Capitalised(std::string_view form) {
  return !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
}

}  // namespace

int NerLexClassByName(std::string_view name) {
  for (int c = 0; c < kLexClassCount; ++c)
    if (name == kClassNames[c]) return c;
  return kLexClassCount;
}

const char* NerLexClassName(int cls) {
  return cls >= 0 && cls < kLexClassCount ? kClassNames[cls] : "?";
}

std::vector<std::string> NerLexWords(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.size() > 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) {
      out.push_back(cur.substr(0, cur.size() - 2));
      out.push_back("'s");
    } else if (!cur.empty()) {
      out.push_back(cur);
    }
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      flush();
    } else if (IsSplitChar(c)) {
      flush();
      out.push_back(std::string(1, c));
    } else {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  flush();
  return out;
}

std::string LearnCaseWords(const std::vector<std::vector<std::string>>& sentences,
                           const CaseWordOptions& options) {
  struct Count {
    int64_t cap = 0, all = 0;
  };
  std::map<std::string, Count> counts;  // ordered: deterministic output
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (const std::vector<std::string>& s : sentences) {
    int caps = 0, lowers = 0;
    for (const std::string& w : s) {
      if (w.empty() || !letter(w[0])) continue;
      (Capitalised(w) ? caps : lowers) += 1;
    }
    if (caps > lowers) continue;  // headline or all-caps line: case says nothing
    bool first = true;
    for (const std::string& w : s) {
      if (w.empty() || !letter(w[0])) {
        first = first || w == "." || w == "!" || w == "?" || w == ":" || w == "\"";
        continue;
      }
      if (!first) {
        Count& c = counts[AsciiLower(w)];
        c.cap += Capitalised(w);
        ++c.all;
      }
      first = false;
    }
  }
  std::string out;
  for (const auto& [word, c] : counts) {
    if (c.all < options.min_count) continue;
    const double share = static_cast<double>(c.cap) / static_cast<double>(c.all);
    const char* cls = share >= options.always  ? "cap_always"
                      : share >= options.often ? "cap_often"
                      : share <= options.lower ? "lower_word"
                                               : nullptr;
    if (cls) out += std::string(cls) + "\t" + word + "\n";
  }
  return out;
}

void NerLexicon::Add(std::string_view name, int cls) {
  if (cls < 0 || cls >= kLexClassCount) return;
  std::vector<std::string> words = NerLexWords(name);
  if (words.empty() || words.size() > kMaxWords) return;
  std::string phrase;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) phrase += ' ';
    phrase += words[k];
    const uint64_t mask = k + 1 < words.size() ? kPrefixBit : (1u << cls);
    build_.push_back(PhraseHash(phrase) | mask);
  }
}

Status NerLexicon::AddText(std::string_view text) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      return Status::InvalidArgument("lexicon line " + std::to_string(line_no) + ": no tab");
    int cls = NerLexClassByName(line.substr(0, tab));
    if (cls == kLexClassCount)
      return Status::InvalidArgument("lexicon line " + std::to_string(line_no) +
                                     ": unknown class '" + std::string(line.substr(0, tab)) + "'");
    Add(line.substr(tab + 1), cls);
  }
  return Status::Ok();
}

std::string NerLexicon::Serialize() const {
  std::vector<uint64_t> keys(build_);
  keys.insert(keys.end(), keys_, keys_ + n_);
  std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> merged;
  for (uint64_t k : keys) {
    if (!merged.empty() && (merged.back() & ~kMaskBits) == (k & ~kMaskBits))
      merged.back() |= k & kMaskBits;
    else
      merged.push_back(k);
  }
  return WriteKeySection(kMagic, merged);
}

Result<std::unique_ptr<NerLexicon>> NerLexicon::FromSection(std::string_view bytes,
                                                            std::shared_ptr<const void> owner) {
  ASSIGN_OR_RETURN(std::span<const uint64_t> keys,
                   ReadKeySection(bytes, kMagic, "NER lexicon", kMaskBits));
  auto lex = std::make_unique<NerLexicon>();
  lex->keys_ = keys.data();
  lex->n_ = keys.size();
  lex->owner_ = std::move(owner);
  return lex;
}

uint32_t NerLexicon::Find(uint64_t h) const {
  const uint64_t* end = keys_ + n_;
  const uint64_t* it = std::lower_bound(keys_, end, h);
  if (it == end || (*it & ~kMaskBits) != h) return 0;
  return static_cast<uint32_t>(*it & kMaskBits);
}

uint16_t NerLexicon::Classes(std::string_view phrase) const {
  return static_cast<uint16_t>(Find(PhraseHash(phrase)) & ~kPrefixBit);
}

void NerLexicon::Features(const Sentence& s, size_t i, std::vector<std::string>* out) const {
  std::vector<std::vector<uint64_t>> all;
  SentenceFeatures(s, &all);
  for (uint64_t h : all[i]) out->push_back(std::to_string(h));
}

// Per token: classes of every listed phrase covering it (with its position in the phrase and
// capitalisation), classes of the first and last word of its capitalised run, and classes of
// the neighbouring words.
void NerLexicon::SentenceFeatures(const Sentence& s,
                                  std::vector<std::vector<uint64_t>>* out) const {
  const size_t n = s.tokens.size();
  out->assign(n, {});
  std::vector<std::string> lower(n);
  std::vector<uint32_t> single(n);
  for (size_t i = 0; i < n; ++i) lower[i] = AsciiLower(s.tokens[i].form);
  auto add = [&](size_t i, uint64_t f) {
    std::vector<uint64_t>& v = (*out)[i];
    if (v.size() < kMaxFeatures && std::find(v.begin(), v.end(), f) == v.end()) v.push_back(f);
  };
  std::string phrase;
  for (size_t j = 0; j < n; ++j) {
    phrase.clear();
    for (size_t k = j; k < n && k < j + kMaxWords; ++k) {
      if (k > j) phrase += ' ';
      phrase += lower[k];
      const uint32_t mask = Find(PhraseHash(phrase));
      if (k == j) single[j] = mask & ~kPrefixBit;
      if (mask == 0) break;
      const uint32_t classes = mask & ~kPrefixBit;
      if (!classes) continue;
      const int cap = Capitalised(s.tokens[j].form) + 2 * Capitalised(s.tokens[k].form);
      for (int c = 0; c < kLexClassCount; ++c) {
        if (!(classes & (1u << c))) continue;
        for (size_t t = j; t <= k; ++t) {
          const int pos = j == k ? 0 : t == j ? 1 : t == k ? 3 : 2;
          add(t, Feat(600, c, pos, cap + 1));
        }
      }
    }
  }
  // Capitalised runs (connectors allowed inside): classes of their first and last word.
  for (size_t i = 0; i < n;) {
    if (!Capitalised(s.tokens[i].form)) {
      ++i;
      continue;
    }
    size_t j = i + 1, last = i;
    while (j < n && (Capitalised(s.tokens[j].form) || IsConnector(lower[j]))) {
      if (Capitalised(s.tokens[j].form)) last = j;
      ++j;
    }
    for (size_t t = i; t <= last; ++t) {
      const int pos = i == last ? 0 : t == i ? 1 : t == last ? 3 : 2;
      for (int c = 0; c < kLexClassCount; ++c) {
        if (single[last] & (1u << c)) add(t, Feat(610, c, pos));
        if (single[i] & (1u << c)) add(t, Feat(611, c, pos));
      }
    }
    i = last + 1;
  }
  for (size_t i = 0; i < n; ++i)
    for (int c = 0; c < kLexClassCount; ++c) {
      if (i > 0 && (single[i - 1] & (1u << c))) add(i, Feat(620, c));
      if (i + 1 < n && (single[i + 1] & (1u << c))) add(i, Feat(621, c));
    }
}

}  // namespace sitrep
