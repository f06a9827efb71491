// Recognition of time expressions over scanned tokens; resolution is in time_resolve.cc.
#include "sitrep/text/time_expression.h"

#include <cctype>
#include <cstdlib>

#include "sitrep/text/number_words.h"

namespace sitrep {
namespace {

struct Keys {
  uint64_t on = WordKey("on"), last = WordKey("last"), next = WordKey("next"),
           this_ = WordKey("this"), every = WordKey("every"), each = WordKey("each"),
           since = WordKey("since"), of = WordKey("of"), the = WordKey("the"),
           early = WordKey("early"), mid = WordKey("mid"), late = WordKey("late"),
           end = WordKey("end"), beginning = WordKey("beginning"), start = WordKey("start"),
           ago = WordKey("ago"), later = WordKey("later"), earlier = WordKey("earlier"),
           after = WordKey("after"), before = WordKey("before"), for_ = WordKey("for"),
           a = WordKey("a"), an = WordKey("an"), anniversary = WordKey("anniversary"),
           past = WordKey("past"), in = WordKey("in"), daily = WordKey("daily"),
           weekly = WordKey("weekly"), monthly = WordKey("monthly"),
           annually = WordKey("annually"), yearly = WordKey("yearly"), coming = WordKey("coming"),
           hours = WordKey("hours"), days = WordKey("days"), weeks = WordKey("weeks"),
           months = WordKey("months"), years = WordKey("years"), few = WordKey("few"),
           several = WordKey("several"), by = WordKey("by"), until = WordKey("until");
};
const Keys& K() {
  static const Keys* k = new Keys();
  return *k;
}

const LexWord* Info(const ScanToken& t, LexWord::Role role) {
  if (t.kind != ScanToken::kWord || t.word < 0) return nullptr;
  const LexWord& w = WordAt(t.word);
  return w.role == role ? &w : nullptr;
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
#define SITREP_KEYSET(name, ...)                          \
  const KeySet& name() {                                  \
    static const KeySet* s = new KeySet{__VA_ARGS__};     \
    return *s;                                            \
  }
SITREP_KEYSET(OrdinalSuffixes, "st", "nd", "rd", "th")
SITREP_KEYSET(MonthPrepositions, "in", "since", "until", "by", "of", "last", "next", "this", "from",
              "through", "during", "before", "after")
SITREP_KEYSET(PluralUnits, "hours", "days", "weeks", "months", "years", "decades")
SITREP_KEYSET(Frequencies, "daily", "weekly", "monthly", "annually", "yearly", "nightly")
SITREP_KEYSET(FutureMarkers, "will", "shall", "ll", "scheduled", "upcoming", "plans", "planned")
SITREP_KEYSET(Triggers, "a", "an", "every", "each", "daily", "weekly", "monthly", "annually",
              "yearly", "nightly", "few", "several", "middle")
#undef SITREP_KEYSET

class Recognizer {
 public:
  Recognizer(std::string_view text, const std::vector<ScanToken>& toks, const TimeOptions& opt)
      : s_(text), t_(toks), n_(toks.size()), opt_(opt) {}

  // Whether an expression can start at token i: numbers, lexicon words, phrase starts.
  bool CanStart(size_t i) const {
    const ScanToken& t = t_[i];
    if (t.kind == ScanToken::kNumber) return true;
    if (t.kind != ScanToken::kWord) return false;
    return t.word >= 0 || LexPhraseTable::Get().MaxWordsFrom(t.key) || Triggers().Has(t.key);
  }

  void Run(std::vector<TimeExpression>* out) {
    for (size_t i = 0; i < n_ && out->size() < opt_.max_expressions;) {
      if (!CanStart(i)) {
        ++i;
        continue;
      }
      TimeExpression e;
      size_t end = Try(i, &e);
      if (end <= i) {
        ++i;
        continue;
      }
      Finish(i, end, &e);
      out->push_back(std::move(e));
      i = end;
    }
  }

 private:
  bool Word(size_t i, uint64_t key) const { return i < n_ && IsWord(t_[i], key); }
  bool Punct(size_t i, char c) const { return i < n_ && IsPunct(s_, t_[i], c); }
  bool PlainNumber(size_t i) const {
    return i < n_ && t_[i].kind == ScanToken::kNumber && t_[i].key == 0 && !t_[i].has_separator;
  }
  bool YearAt(size_t i) const {
    return PlainNumber(i) && t_[i].digits == 4 && t_[i].number >= 1800 && t_[i].number <= 2100;
  }
  // A day of month, "4", "04" or "4th".
  int DayAt(size_t i) const {
    if (i >= n_ || t_[i].kind != ScanToken::kNumber || t_[i].has_separator || t_[i].digits > 2)
      return 0;
    if (t_[i].key != 0 && !OrdinalSuffixes().Has(t_[i].key)) return 0;
    int d = static_cast<int>(t_[i].number);
    return d >= 1 && d <= 31 ? d : 0;
  }
  // Month name at i (full names capitalised; abbreviations need "." or a following number).
  int MonthAt(size_t i, size_t* after) const {
    if (i >= n_) return 0;
    const LexWord* w = Info(t_[i], LexWord::kMonth);
    if (!w || !t_[i].capitalized) return 0;
    size_t j = i + 1;
    bool abbrev = w->word.size() <= 4 && w->word != "june" && w->word != "july" && w->word != "may";
    if (abbrev && Punct(j, '.') && !t_[j].space_before) ++j;
    else if (abbrev && !DayAt(j) && !YearAt(j)) return 0;
    *after = j;
    return static_cast<int>(w->value);
  }
  int WeekdayAt(size_t i, size_t* after) const {
    if (i >= n_) return -1;
    const LexWord* w = Info(t_[i], LexWord::kWeekday);
    if (!w || !t_[i].capitalized) return -1;
    size_t j = i + 1;
    bool abbrev = w->word.size() <= 5 && w->word != "sunday" && w->word != "monday" &&
                  w->word != "friday";
    if (abbrev && Punct(j, '.') && !t_[j].space_before) ++j;
    else if (abbrev) return -1;
    *after = j;
    if (j < n_ && IsPunct(s_, t_[j], '\'')) {}  // "Thursday's" keeps the weekday
    return static_cast<int>(w->value);
  }
  bool QualifierBefore(size_t i) const {
    const LexPhraseTable& p = LexPhraseTable::Get();
    for (int k = 1; k <= 3; ++k)
      if (i >= static_cast<size_t>(k) && p.Exact(t_, i - k, k, "qual") >= 0) return true;
    return false;
  }

  // "early" / "mid-" / "late" / "the end of" before token i: sets part, returns its start.
  size_t PartBefore(size_t i, int* part) const {
    if (i >= 2 && Punct(i - 1, '-') && Word(i - 2, K().mid)) { *part = 2; return i - 2; }
    if (i >= 1 && (Word(i - 1, K().early))) { *part = 1; return i - 1; }
    if (i >= 1 && (Word(i - 1, K().mid) || t_[i - 1].key == WordKey("middle"))) { *part = 2; return i - 1; }
    if (i >= 1 && Word(i - 1, K().late)) { *part = 3; return i - 1; }
    if (i >= 2 && Word(i - 1, K().of) && Word(i - 2, K().end)) {
      *part = 3;
      return i >= 3 && Word(i - 3, K().the) ? i - 3 : i - 2;
    }
    if (i >= 2 && Word(i - 1, K().of) && (Word(i - 2, K().beginning) || Word(i - 2, K().start))) {
      *part = 1;
      return i >= 3 && Word(i - 3, K().the) ? i - 3 : i - 2;
    }
    return i;
  }

  size_t Try(size_t i, TimeExpression* e);
  size_t TryCalendar(size_t i, TimeExpression* e);
  size_t TryUnitPhrase(size_t i, TimeExpression* e);
  size_t EventPhraseEnd(size_t i) const;
  void Finish(size_t begin, size_t end, TimeExpression* e);

  std::string_view s_;
  const std::vector<ScanToken>& t_;
  size_t n_;
  const TimeOptions& opt_;
  size_t start_ = 0;  // first token of the current expression (may move left for prefixes)
};

size_t Recognizer::EventPhraseEnd(size_t i) const {
  size_t j = i, limit = i + opt_.max_event_tokens;
  while (j < n_ && j < limit && !t_[j].break_before) {
    if (t_[j].kind == ScanToken::kPunct) {
      char c = s_[t_[j].begin];
      bool abbreviation = c == '.' && j > 0 && t_[j - 1].kind == ScanToken::kWord &&
                          t_[j - 1].end - t_[j - 1].begin <= 2 && t_[j - 1].capitalized;
      if ((c == '.' && !abbreviation) || c == ';' || c == '!' || c == '?' || c == ',') break;
    }
    ++j;
  }
  return j;
}

size_t Recognizer::TryCalendar(size_t i, TimeExpression* e) {
  size_t j = i;
  int wd = WeekdayAt(i, &j);
  size_t k = wd >= 0 ? j : i;
  if (wd >= 0 && Punct(k, ',')) ++k;
  size_t after = k;
  int month = MonthAt(k, &after);
  if (month) {  // Month [Day][,] [Year] | Month Year | Month
    e->month = month;
    size_t m = after;
    if (int d = DayAt(m); d && !(m + 1 < n_ && Punct(m + 1, ':'))) {
      e->day = d;
      ++m;
      size_t y = Punct(m, ',') ? m + 1 : m;
      if (YearAt(y)) e->year = static_cast<int>(t_[y].number), m = y + 1;
    } else if (YearAt(m)) {
      e->year = static_cast<int>(t_[m].number);
      ++m;
    } else if (wd < 0) {
      // A month name alone needs a preposition or part word before it ("in March", "mid-March").
      int part = 0;
      PartBefore(i, &part);
      bool prep = i > 0 && t_[i - 1].kind == ScanToken::kWord &&
                  MonthPrepositions().Has(t_[i - 1].key);
      if (!part && !prep) return i;
    }
    if (wd >= 0) e->weekday = wd;
    if (!e->day && !e->year) {
      int part = 0;
      start_ = PartBefore(i, &part);
      e->part = part;
    }
    return m;
  }
  if (wd >= 0) {  // Weekday [,] Day [of] Month [Year]
    size_t d = k;
    if (int dd = DayAt(d)) {
      size_t m = d + 1;
      if (Word(m, K().of)) ++m;
      if (int mo = MonthAt(m, &after)) {
        e->weekday = wd, e->day = dd, e->month = mo;
        size_t y = Punct(after, ',') ? after + 1 : after;
        if (YearAt(y)) e->year = static_cast<int>(t_[y].number), after = y + 1;
        return after;
      }
    }
    return i;
  }
  if (int dd = DayAt(i)) {  // Day [of] Month [Year]
    size_t m = i + 1;
    if (Word(m, K().of)) ++m;
    // Not across a paragraph: "... kills 27\n\nNovember 10, 2024" (headline, then dateline).
    int mo = t_[m < n_ ? m : i].break_before ? 0 : MonthAt(m, &after);
    if (mo) {
      e->day = dd, e->month = mo;
      if (YearAt(after)) e->year = static_cast<int>(t_[after].number), ++after;
      return after;
    }
  }
  if (YearAt(i) && !QualifierBefore(i) && !(i > 0 && Punct(i - 1, '$'))) {
    // ISO date "2024-01-05".
    if (Punct(i + 1, '-') && PlainNumber(i + 2) && t_[i + 2].digits == 2 && Punct(i + 3, '-') &&
        PlainNumber(i + 4) && t_[i + 4].digits == 2 && !t_[i + 2].space_before &&
        !t_[i + 4].space_before) {
      e->year = static_cast<int>(t_[i].number);
      e->month = static_cast<int>(t_[i + 2].number);
      e->day = static_cast<int>(t_[i + 4].number);
      if (e->month >= 1 && e->month <= 12 && e->day >= 1 && e->day <= 31) return i + 5;
      e->month = e->day = 0;
    }
    e->year = static_cast<int>(t_[i].number);
    int part = 0;
    start_ = PartBefore(i, &part);
    e->part = part;
    return i + 1;
  }
  if (i < n_ && t_[i].kind == ScanToken::kNumber && t_[i].digits == 4 && !t_[i].has_separator &&
      t_[i].key == WordKey("s") && static_cast<int>(t_[i].number) % 10 == 0) {
    e->form = TimeForm::kDecade;
    e->year = static_cast<int>(t_[i].number);
    if (i > 0 && Word(i - 1, K().the)) start_ = i - 1;
    return i + 1;
  }
  return i;
}

// Number + unit: "three days ago", "two days later", "a day after X", "for four years".
size_t Recognizer::TryUnitPhrase(size_t i, TimeExpression* e) {
  double count = 0;
  size_t u = i;
  bool vague = false;
  if (i < n_ && t_[i].kind == ScanToken::kWord && Info(t_[i], LexWord::kUnit) &&
      PluralUnits().Has(t_[i].key)) {
    vague = true;  // "hours after", "days later"
  } else if (Word(i, K().a) || Word(i, K().an)) {
    count = 1;
    u = i + 1;
  } else if (Word(i, K().few) || Word(i, K().several)) {
    count = 3;
    vague = true;
    u = i + 1;
  } else {
    auto np = ParseNumberPhrase(s_, t_, i);
    if (!np || np->ordinal) return i;
    count = np->value;
    u = np->end;
  }
  const LexWord* unit = u < n_ ? Info(t_[u], LexWord::kUnit) : nullptr;
  if (!unit) return i;
  e->unit = unit->unit;
  e->offset = static_cast<int>(count);
  size_t after = u + 1;
  if (Word(after, K().ago)) {
    e->form = TimeForm::kAgo;
    e->vague = vague;
    return after + 1;
  }
  if (Word(after, K().later) || Word(after, K().earlier)) {
    e->form = TimeForm::kLater;
    e->vague = vague;
    if (vague) e->offset = 1;
    if (Word(after, K().earlier)) e->offset = -e->offset;
    return after + 1;
  }
  if (Word(after, K().after) || Word(after, K().before)) {
    e->form = TimeForm::kEventOffset;
    if (Word(after, K().before)) e->offset = -e->offset;
    if (vague) e->offset = 0;
    size_t ev = after + 1, ev_end = EventPhraseEnd(ev);
    if (ev_end > ev) e->event_begin = t_[ev].begin, e->event_end = t_[ev_end - 1].end;
    return after + 1;
  }
  // "the past three days", "the last two weeks"
  if (i >= 2 && Word(i - 2, K().the) && (Word(i - 1, K().past) || Word(i - 1, K().last)) && !vague) {
    e->form = TimeForm::kPastDays;
    start_ = i - 2;
    return after;
  }
  if (vague && count == 0) return i;  // bare "days" is not an expression
  e->form = TimeForm::kDuration;
  e->kind = TimeKind::kDuration;
  if (i >= 1 && Word(i - 1, K().for_)) start_ = i - 1;
  return after;
}

size_t Recognizer::Try(size_t i, TimeExpression* e) {
  start_ = i;
  const ScanToken& t = t_[i];
  if (t.kind == ScanToken::kPunct) return i;
  // Relative phrases from data/lexicon/time_phrases.tsv.
  int len = 0;
  int p = LexPhraseTable::Get().Match(t_, i, "time", &len);
  if (p >= 0) {
    const LexPhrase& ph = LexPhraseTable::Get().At(p);
    const std::string& form = ph.fields[0];
    int off = std::atoi(ph.fields[1].c_str());
    e->offset = off;
    if (form == "day") e->form = TimeForm::kDayOffset;
    else if (form == "week") e->form = TimeForm::kWeekOffset;
    else if (form == "month") e->form = TimeForm::kMonthOffset;
    else if (form == "year") e->form = TimeForm::kYearOffset;
    else if (form == "past_days") e->form = TimeForm::kPastDays, e->unit = 'd';
    else if (form == "to_date") e->form = TimeForm::kToDate, e->unit = ph.fields[1][0], e->offset = 0;
    else if (form == "anchor_day") e->form = TimeForm::kAnchorDay;
    else if (form == "weekend") e->form = TimeForm::kWeekend, e->last = off < 0;
    else return i;
    if (i >= 1 && Word(i - 1, K().in) && e->form == TimeForm::kPastDays) start_ = i - 1;
    return i + len;
  }
  // Sets: "every Friday", "each year", "daily".
  if (Word(i, K().every) || Word(i, K().each)) {
    size_t a = i + 1;
    int wd = WeekdayAt(a, &a);
    if (wd >= 0) {
      e->kind = TimeKind::kSet, e->form = TimeForm::kSet, e->weekday = wd;
      e->set = "XXXX-WXX-" + std::to_string(wd + 1);
      e->duration = "P1W";
      return a;
    }
    if (const LexWord* u = i + 1 < n_ ? Info(t_[i + 1], LexWord::kUnit) : nullptr) {
      e->kind = TimeKind::kSet, e->form = TimeForm::kSet, e->unit = u->unit;
      e->duration = std::string("P1") + (u->unit == 'h' ? "H" : std::string(1, static_cast<char>(std::toupper(u->unit))));
      e->set = e->duration;
      return i + 2;
    }
  }
  if (t.kind == ScanToken::kWord &&
      Frequencies().Has(t.key)) {
    // Adjective use ("a daily newspaper") is still a set.
    e->kind = TimeKind::kSet, e->form = TimeForm::kSet;
    char u = t.key == K().weekly ? 'W' : t.key == K().monthly ? 'M'
             : (t.key == K().annually || t.key == K().yearly) ? 'Y' : 'D';
    e->duration = std::string("P1") + u;
    e->set = e->duration;
    return i + 1;
  }
  // Anniversaries: "the fourth anniversary of X", "4th anniversary".
  if (auto np = ParseNumberPhrase(s_, t_, i); np && np->ordinal && Word(np->end, K().anniversary)) {
    e->form = TimeForm::kAnniversary;
    e->offset = static_cast<int>(np->value);
    if (i > 0 && Word(i - 1, K().the)) start_ = i - 1;
    size_t a = np->end + 1;
    if (Word(a, K().of)) {
      size_t ev = a + 1, ev_end = EventPhraseEnd(ev);
      if (ev_end > ev) e->event_begin = t_[ev].begin, e->event_end = t_[ev_end - 1].end;
    }
    return np->end + 1;
  }
  size_t end = TryCalendar(i, e);
  if (end > i) return end;
  *e = TimeExpression();
  start_ = i;
  // Weekdays: "on Thursday", "last Saturday", "next Monday", "Thursday".
  size_t a = i;
  int wd = WeekdayAt(i, &a);
  if (wd >= 0) {
    e->form = TimeForm::kWeekday;
    e->weekday = wd;
    if (i >= 1 && Word(i - 1, K().last)) e->last = true, start_ = i - 1;
    else if (i >= 1 && (Word(i - 1, K().next) || Word(i - 1, K().coming))) e->future = true, start_ = i - 1;
    else if (i >= 1 && Word(i - 1, K().this_)) start_ = i - 1;
    else if (i >= 1 && Word(i - 1, K().on)) start_ = i - 1;
    return a;
  }
  *e = TimeExpression();
  start_ = i;
  return TryUnitPhrase(i, e);
}

void Recognizer::Finish(size_t begin, size_t end, TimeExpression* e) {
  size_t first = start_ < begin ? start_ : begin;
  e->begin = t_[first].begin;
  e->end = t_[end - 1].end;
  if (e->kind == TimeKind::kDuration) {
    char u = e->unit;
    std::string iso = "P";
    if (u == 'h' || u == 'n') iso += "T";
    int count = e->offset * (u == 'D' ? 10 : 1);
    iso += std::to_string(count);
    iso += u == 'd' ? 'D' : u == 'w' ? 'W' : u == 'm' ? 'M' : u == 'h' ? 'H' : u == 'n' ? 'M' : 'Y';
    e->duration = iso;
  }
  if (first >= 1 && Word(first - 1, K().since)) e->since = true;
  // Tense: future markers in the sentence before the expression.
  for (size_t j = first; j-- > 0;) {
    const ScanToken& t = t_[j];
    if (t.kind == ScanToken::kPunct) {
      char c = s_[t.begin];
      if (c == '.' || c == '!' || c == '?') break;
    }
    if (t.kind == ScanToken::kWord &&
        FutureMarkers().Has(t.key))
      e->future = true;
    if (t.break_before) break;
  }
  if (e->last) e->future = false;
}

}  // namespace

std::string_view TimeKindName(TimeKind k) {
  switch (k) {
    case TimeKind::kPoint: return "point";
    case TimeKind::kDuration: return "duration";
    case TimeKind::kSet: return "set";
  }
  return "";
}

std::string_view TimeAnchorName(TimeAnchor a) {
  switch (a) {
    case TimeAnchor::kNone: return "";
    case TimeAnchor::kAbsolute: return "absolute";
    case TimeAnchor::kDocument: return "document";
    case TimeAnchor::kExpression: return "expression";
    case TimeAnchor::kEvent: return "event";
  }
  return "";
}

std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const DateInterval& reference,
                                                const TimeOptions& options) {
  thread_local std::vector<ScanToken> toks;
  ScanText(text, &toks);
  return FindTimeExpressionsInTokens(text, toks, reference, options);
}

std::vector<TimeExpression> FindTimeExpressionsInTokens(std::string_view text,
                                                        const std::vector<ScanToken>& toks,
                                                        const DateInterval& reference,
                                                        const TimeOptions& options) {
  std::vector<TimeExpression> out;
  Recognizer(text, toks, options).Run(&out);
  ResolveTimeExpressions(text, reference, &out);
  return out;
}

}  // namespace sitrep
