// Multi-word phrase tables and number phrases ("twenty-two", "1.2 million", "a dozen").
#include <algorithm>

#include "sitrep/text/number_words.h"

namespace sitrep {
namespace {

constexpr std::string_view kQuantityPhrases =
#include "../../data/lexicon/quantity_phrases.tsv"
    ;
constexpr std::string_view kTimePhrases =
#include "../../data/lexicon/time_phrases.tsv"
    ;

constexpr int kMaxPhraseWords = 5;

inline uint64_t Combine(uint64_t h, uint64_t k) { return (h ^ k) * 0x9E3779B97F4A7C15ull + 7; }

const uint64_t kA = WordKey("a");
const uint64_t kAn = WordKey("an");
const uint64_t kAnd = WordKey("and");

bool IsOrdinalSuffix(uint64_t key) {
  static const uint64_t st = WordKey("st"), nd = WordKey("nd"), rd = WordKey("rd"),
                        th = WordKey("th");
  return key == st || key == nd || key == rd || key == th;
}

}  // namespace

LexPhraseTable::LexPhraseTable() {
  std::vector<uint64_t> firsts;
  std::vector<int> lengths;
  auto add = [&](std::string table, const std::string& phrase, std::vector<std::string> fields) {
    LexPhrase p;
    p.table = std::move(table);
    p.phrase = phrase;
    p.fields = std::move(fields);
    uint64_t h = 0;
    size_t pos = 0;
    firsts.push_back(WordKey(std::string_view(phrase).substr(0, phrase.find(' '))));
    while (pos <= phrase.size()) {
      size_t sp = phrase.find(' ', pos);
      if (sp == std::string::npos) sp = phrase.size();
      h = Combine(h, WordKey(std::string_view(phrase).substr(pos, sp - pos)));
      ++p.words;
      pos = sp + 1;
    }
    index_.push_back({h, static_cast<int>(phrases_.size())});
    lengths.push_back(p.words);
    phrases_.push_back(std::move(p));
  };

  for (auto& row : LexiconRows(kQuantityPhrases)) {
    if (row.size() >= 3) add(row[0], row[1], {row.begin() + 2, row.end()});
  }
  for (auto& row : LexiconRows(kTimePhrases)) {
    if (row.size() >= 3) add("time", row[0], {row.begin() + 1, row.end()});
  }
  std::sort(index_.begin(), index_.end());
  size_t size = 256;
  while (size < firsts.size() * 4) size *= 2;
  first_.assign(size, {0, 0});
  first_mask_ = size - 1;
  for (size_t i = 0; i < firsts.size(); ++i) {
    size_t slot = firsts[i] & first_mask_;
    while (first_[slot].second != 0 && first_[slot].first != firsts[i]) slot = (slot + 1) & first_mask_;
    first_[slot] = {firsts[i], std::max(first_[slot].second, lengths[i])};
  }
}

const LexPhraseTable& LexPhraseTable::Get() {
  static const LexPhraseTable* table = new LexPhraseTable();
  return *table;
}

int LexPhraseTable::Exact(const std::vector<ScanToken>& toks, size_t i, int len,
                       std::string_view table) const {
  if (i + len > toks.size() || toks[i].kind != ScanToken::kWord ||
      MaxWordsFrom(toks[i].key) < len)
    return -1;
  uint64_t h = 0;
  for (int k = 0; k < len; ++k) {
    const ScanToken& t = toks[i + k];
    if (t.kind != ScanToken::kWord) return -1;
    if (k > 0 && !t.space_before) return -1;
    h = Combine(h, t.key);
  }
  auto it = std::lower_bound(index_.begin(), index_.end(), std::make_pair(h, -1));
  for (; it != index_.end() && it->first == h; ++it) {
    const LexPhrase& ph = phrases_[it->second];
    if (ph.table[0] == table[0] && ph.words == len) return it->second;
  }
  return -1;
}

int LexPhraseTable::Match(const std::vector<ScanToken>& toks, size_t i, std::string_view table,
                       int* len) const {
  if (i >= toks.size() || toks[i].kind != ScanToken::kWord) return -1;
  int longest = std::min(MaxWordsFrom(toks[i].key), kMaxPhraseWords);
  for (int l = longest; l >= 1; --l) {
    int p = Exact(toks, i, l, table);
    if (p >= 0) {
      *len = l;
      return p;
    }
  }
  return -1;
}

std::optional<NumberPhrase> ParseNumberPhrase(std::string_view text,
                                              const std::vector<ScanToken>& toks, size_t i) {
  const size_t n = toks.size();
  if (i >= n) return std::nullopt;
  NumberPhrase out;
  const ScanToken& first = toks[i];
  auto multiplier_at = [&](size_t j) -> double {
    if (j >= n || toks[j].kind != ScanToken::kWord || toks[j].word < 0) return 0;
    const LexWord& w = WordAt(toks[j].word);
    return w.role == LexWord::kMultiplier ? w.value : 0;
  };
  if (first.kind == ScanToken::kNumber) {
    if (first.key != 0) {
      if (!IsOrdinalSuffix(first.key) || first.has_separator) return std::nullopt;
      out.value = first.number;
      out.ordinal = true;
      out.end = i + 1;
      return out;
    }
    out.value = first.number;
    size_t j = i + 1;
    while (double m = multiplier_at(j)) {
      if (m == 12) break;  // "3 dozen" is rare; keep "dozen" for "a dozen"
      out.value *= m;
      ++j;
    }
    out.end = j;
    return out;
  }
  if (first.kind != ScanToken::kWord) return std::nullopt;
  out.words = true;
  if ((first.key == kA || first.key == kAn)) {
    double m = multiplier_at(i + 1);
    if (!m) return std::nullopt;
    out.value = m;
    out.end = i + 2;
    return out;
  }
  double total = 0, current = 0;
  bool any = false;
  int last_card = -1;  // value of the last cardinal word, -1 after a multiplier
  size_t j = i;
  while (j < n) {
    const ScanToken& t = toks[j];
    if (t.kind == ScanToken::kPunct && text[t.begin] == '-' && any && !t.space_before &&
        j + 1 < n && !toks[j + 1].space_before && toks[j + 1].word >= 0) {
      ++j;  // "twenty-two"
      continue;
    }
    if (t.kind == ScanToken::kWord && t.key == kAnd && any && last_card < 0 && j + 1 < n &&
        toks[j + 1].word >= 0 && WordAt(toks[j + 1].word).role == LexWord::kCardinal) {
      ++j;  // "three hundred and fifty"
      continue;
    }
    if (t.kind != ScanToken::kWord || t.word < 0) break;
    const LexWord& w = WordAt(t.word);
    if (w.role == LexWord::kCardinal) {
      if (last_card >= 0 && !(last_card >= 20 && last_card % 10 == 0 && w.value < 10)) break;
      current += w.value;
      last_card = static_cast<int>(w.value);
      any = true;
      ++j;
    } else if (w.role == LexWord::kMultiplier && any && w.value != 12) {
      if (w.value == 100) {
        current *= 100;
      } else {
        total += current * w.value;
        current = 0;
      }
      last_card = -1;
      ++j;
    } else if (w.role == LexWord::kOrdinal &&
               (!any || (last_card >= 20 && last_card % 10 == 0) || last_card < 0)) {
      if (any && last_card >= 0 && w.value >= 10) break;
      current += w.value;
      out.ordinal = true;
      any = true;
      ++j;
      break;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  // Do not end on a hyphen or "and" that we consumed tentatively.
  out.value = total + current;
  out.end = j;
  return out;
}

}  // namespace sitrep
