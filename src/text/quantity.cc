// FindQuantities: number phrases with their qualifier, value range and head noun.
#include "sitrep/text/quantity.h"

#include <cstdlib>

#include "sitrep/text/number_words.h"

namespace sitrep {
namespace {

const uint64_t kOf = WordKey("of");

bool InSet(uint64_t key, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (WordKey(w) == key) return true;
  }
  return false;
}

struct KeySet {
  std::vector<uint64_t> keys;
  KeySet(std::initializer_list<const char*> words) {
    for (const char* w : words) keys.push_back(WordKey(w));
  }
  bool Has(uint64_t k) const {
    for (uint64_t x : keys) if (x == k) return true;
    return false;
  }
};

const KeySet& Determiners() {
  static const KeySet* s = new KeySet{"the", "their", "his", "her", "its", "our", "your", "these",
                                      "those", "them", "us", "my"};
  return *s;
}
// Closed-class and other words that end the head-noun search.
const KeySet& HeadStops() {
  static const KeySet* s = new KeySet{
      "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "were", "was",
      "is", "are", "be", "been", "have", "has", "had", "who", "which", "that", "the", "a", "an",
      "more", "than", "as", "since", "after", "before", "during", "while", "when", "into", "across",
      "including", "among", "per", "each", "this", "these", "those", "it", "they", "he", "she",
      "we", "will", "would", "could", "can", "may", "not", "no", "out", "so", "all", "if", "then",
      "over", "under", "about", "around", "ago", "later", "earlier", "against", "between", "did",
      "do", "does", "also", "still", "only", "just", "there", "here", "what", "where", "whom"};
  return *s;
}
// Plural nouns without an -s: they close the head phrase ("84 people fled").
const KeySet& CollectiveNouns() {
  static const KeySet* s = new KeySet{"people", "children", "men", "women", "personnel", "police",
                                      "staff", "crew", "livestock", "cattle", "civilians", "youth"};
  return *s;
}
const KeySet& MoneyWords() {
  static const KeySet* s = new KeySet{"dollars", "dollar", "euros", "euro", "usd", "dinars",
                                      "rials", "yuan", "rupees", "pounds", "sterling", "shekels",
                                      "roubles", "rubles", "lira", "yen"};
  return *s;
}

bool EndsWith(std::string_view text, const ScanToken& t, std::string_view suffix) {
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
}

// The head noun after token j: skips "of the"/"of their", then keeps the last word of up to
// `max_words` content words.
void FindHead(std::string_view text, const std::vector<ScanToken>& toks, size_t j, int max_words,
              Quantity* q) {
  const size_t n = toks.size();
  if (j < n && IsWord(toks[j], kOf)) {
    ++j;
    if (j < n && toks[j].kind == ScanToken::kWord && Determiners().Has(toks[j].key)) ++j;
  }
  int taken = 0;
  for (; j < n && taken < max_words; ++j) {
    const ScanToken& t = toks[j];
    if (t.kind != ScanToken::kWord || t.break_before) break;
    if (HeadStops().Has(t.key)) break;
    if (taken > 0 && (EndsWith(text, t, "ed") || EndsWith(text, t, "ing"))) break;
    if (t.word >= 0 && WordAt(t.word).role != LexWord::kUnit) break;  // another number
    q->head_begin = t.begin;
    q->head_end = t.end;
    ++taken;
    // A plural noun usually closes the phrase: "six members of", "3,500 troops to".
    if ((text[t.end - 1] == 's' && !t.capitalized) || CollectiveNouns().Has(t.key)) break;
  }
}

bool IsMonthToken(const ScanToken& t) {
  return t.kind == ScanToken::kWord && t.word >= 0 && WordAt(t.word).role == LexWord::kMonth &&
         t.capitalized;
}

// Years, dates and clock times are left to the time finder.
bool LooksTemporal(std::string_view text, const std::vector<ScanToken>& toks, size_t i,
                   size_t end, bool qualified) {
  const ScanToken& t = toks[i];
  if (t.kind != ScanToken::kNumber) return false;
  if (!t.has_separator && t.digits == 4 && t.number >= 1000 && t.number <= 2100 && !qualified &&
      end == i + 1)
    return true;
  if (i > 0 && IsMonthToken(toks[i - 1])) return true;
  if (i > 1 && IsPunct(text, toks[i - 1], '.') && IsMonthToken(toks[i - 2])) return true;
  if (end < toks.size() && IsMonthToken(toks[end])) return true;
  if (end + 1 < toks.size() && IsWord(toks[end], kOf) && IsMonthToken(toks[end + 1])) return true;
  if (end < toks.size() && !toks[end].space_before &&
      (IsPunct(text, toks[end], ':') || IsPunct(text, toks[end], '/')))
    return true;
  if (i > 0 && !t.space_before && (IsPunct(text, toks[i - 1], '/') || IsPunct(text, toks[i - 1], ':')))
    return true;
  if (end < toks.size() && toks[end].kind == ScanToken::kWord &&
      InSet(toks[end].key, {"am", "pm", "a", "p", "gmt", "utc", "hrs"}) &&
      (end + 1 >= toks.size() || !IsPunct(text, toks[end + 1], '-')))
    return toks[end].key != WordKey("a") || (end + 1 < toks.size() && IsPunct(text, toks[end + 1], '.'));
  return false;
}

void ApplyRelation(std::string_view rel, double v, Quantity* q) {
  q->min = q->max = v;
  if (rel == "ge") {
    q->max = kUnbounded;
  } else if (rel == "gt") {
    q->min_open = true;
    q->max = kUnbounded;
  } else if (rel == "le") {
    q->min = 0;
  } else if (rel == "lt") {
    q->min = 0;
    q->max_open = true;
  } else if (rel == "approx") {
    q->min = v * 0.9;
    q->max = v * 1.1;
  } else if (rel == "nearly") {
    q->min = v * 0.9;
    q->max_open = true;
  }
}

}  // namespace

std::string_view QuantityKindName(QuantityKind k) {
  switch (k) {
    case QuantityKind::kCardinal: return "cardinal";
    case QuantityKind::kVague: return "vague";
    case QuantityKind::kOrdinal: return "ordinal";
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
  }
  return "";
}

std::vector<Quantity> FindQuantities(std::string_view text, const QuantityOptions& options) {
  thread_local std::vector<ScanToken> toks;
  ScanText(text, &toks);
  return FindQuantitiesInTokens(text, toks, options);
}

std::vector<Quantity> FindQuantitiesInTokens(std::string_view text, const std::vector<ScanToken>& toks,
                                             const QuantityOptions& options) {
  const LexPhraseTable& phrases = LexPhraseTable::Get();
  static const uint64_t kOne = WordKey("one");
  std::vector<Quantity> out;
  const size_t n = toks.size();
  for (size_t i = 0; i < n && out.size() < options.max_quantities; ++i) {
    const ScanToken& t = toks[i];
    if (t.kind == ScanToken::kPunct) continue;
    // Only number words, "a"/"an" and phrase words can start a quantity.
    if (t.kind == ScanToken::kWord && t.word < 0 && !phrases.MaxWordsFrom(t.key)) continue;
    Quantity q;
    size_t end;
    int vlen = 0;
    int vp = phrases.Match(toks, i, "vague", &vlen);
    auto np = vp >= 0 ? std::nullopt : ParseNumberPhrase(text, toks, i);
    if (vp < 0 && !np) continue;
    // The qualifier that ends right before token i, longest first.
    std::string_view rel, qual;
    size_t qual_begin = i;
    for (int k = 4; k >= 1; --k) {
      if (i < static_cast<size_t>(k)) continue;
      int p = phrases.Exact(toks, i - k, k, "qual");
      if (p >= 0) {
        rel = phrases.At(p).fields[0];
        qual = phrases.At(p).phrase;
        qual_begin = i - k;
        break;
      }
    }
    if (vp >= 0) {
      const LexPhrase& v = phrases.At(vp);
      q.kind = QuantityKind::kVague;
      q.min = q.value = std::strtod(v.fields[0].c_str(), nullptr);
      q.max = v.fields[1] == "inf" ? kUnbounded : std::strtod(v.fields[1].c_str(), nullptr);
      q.max_open = v.fields.size() > 2 && v.fields[2] == "1";
      if (rel == "gt" || rel == "ge") q.max = kUnbounded, q.max_open = false;
      end = i + vlen;
    } else if (np) {
      end = np->end;
      if (LooksTemporal(text, toks, i, end, !rel.empty())) {
        i = end - 1;
        continue;
      }
      if (t.key == kOne && i > 0 && toks[i - 1].kind == ScanToken::kWord &&
          InSet(toks[i - 1].key, {"no", "the", "any", "every", "each", "which"}))
        continue;
      // "one-way", "three-day": a compound adjective, not a count.
      if (end < n && IsPunct(text, toks[end], '-') && !toks[end].space_before && end + 1 < n &&
          toks[end + 1].kind == ScanToken::kWord && !toks[end + 1].space_before)
        { i = end; continue; }
      q.value = np->value;
      if (np->ordinal) {
        q.kind = QuantityKind::kOrdinal;
        q.min = q.max = q.value;
      } else {
        ApplyRelation(rel, q.value, &q);
        if (i > 0 && toks[i - 1].kind == ScanToken::kPunct &&
            (text[toks[i - 1].begin] == '$' || text.substr(toks[i - 1].begin, 2) == "\xC2\xA3" ||
             text.substr(toks[i - 1].begin, 3) == "\xE2\x82\xAC"))
          q.kind = QuantityKind::kMoney;
        if (end < n && toks[end].kind == ScanToken::kWord && MoneyWords().Has(toks[end].key))
          q.kind = QuantityKind::kMoney;
        if (end < n && (IsPunct(text, toks[end], '%') ||
                        IsWord(toks[end], WordKey("percent")) ||
                        (IsWord(toks[end], WordKey("per")) && end + 1 < n &&
                         IsWord(toks[end + 1], WordKey("cent")))))
          q.kind = QuantityKind::kPercent;
      }
    } else {
      continue;
    }
    q.number_begin = t.begin;
    q.number_end = toks[end - 1].end;
    q.begin = toks[qual_begin].begin;
    q.end = q.number_end;
    if (q.kind != QuantityKind::kOrdinal) q.qualifier = qual;
    if (q.kind == QuantityKind::kOrdinal) q.begin = q.number_begin;
    if (q.kind == QuantityKind::kCardinal || q.kind == QuantityKind::kVague ||
        q.kind == QuantityKind::kOrdinal)
      FindHead(text, toks, end, options.max_head_words, &q);
    out.push_back(q);
    i = end - 1;
  }
  return out;
}

}  // namespace sitrep
