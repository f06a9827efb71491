// Describing a document from its container (JSONL fields, HTML meta) and its header lines:
// title, outlet, byline, date line, dateline with wire credit, and credit lines anywhere.
// Header lines that only carry metadata leave the body with reason "metadata" / "outlet".
#include "sitrep/ingest/describe.h"

#include <cctype>

#include "sitrep/ingest/boilerplate.h"
#include "sitrep/ingest/lexicon.h"
#include "sitrep/ingest/text_date.h"
#include "sitrep/ingest/wire_credit.h"

namespace sitrep {
namespace {

constexpr size_t kHeaderBlocks = 8;  // metadata lines are looked for among the first blocks

std::string Trim(std::string_view s, std::string_view junk = " ,|:;-_\xE2\x80\x93\xE2\x80\x94") {
  auto is_junk = [&](char c) { return junk.find(c) != std::string_view::npos; };
  while (!s.empty() && is_junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_junk(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool StartsUpper(std::string_view w) {
  return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) ||
                        std::isdigit(static_cast<unsigned char>(w[0])) ||
                        static_cast<unsigned char>(w[0]) >= 0x80);
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Removes a pair of quotes wrapping the whole string (“…”, "…", ‘…’).
std::string Unquote(std::string s) {
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\"", "\""}, {"\xE2\x80\x98", "\xE2\x80\x99"}};
  for (auto [open, close] : kPairs) {
    if (s.size() > open.size() + close.size() && s.rfind(open, 0) == 0 &&
        s.compare(s.size() - close.size(), close.size(), close) == 0) {
      return s.substr(open.size(), s.size() - open.size() - close.size());
    }
  }
  return s;
}

bool IsOutletWord(std::string_view w) {
  std::string n = NormalizeCue(Trim(w, ".,:;()"));
  for (const auto& o : LexiconPhrases("boilerplate/outlet_words.txt")) {
    if (n == o) return true;
  }
  return false;
}

// A short capitalised name containing an outlet word: "ICARO Media Group", "Peoples Dispatch".
bool LooksLikeOutlet(std::string_view s) {
  auto words = SplitWords(s);
  if (words.empty() || words.size() > 5 || s.back() == '.') return false;
  bool lower = false;
  for (char c : s) lower = lower || std::islower(static_cast<unsigned char>(c));
  if (!lower && words.size() >= 3) return false;  // an all-caps line is a slogan, not a name
  if (s.find(':') != std::string_view::npos) return false;  // "Photo: X Group" is a credit
  bool outlet_word = false;
  for (auto w : words) {
    if (!StartsUpper(w)) return false;
    if (IsOutletWord(w)) outlet_word = true;
  }
  return outlet_word;
}

// "Coastal Daily Staff" -> "Coastal Daily": drops a trailing newsroom word.
std::string OutletName(std::string name) {
  for (std::string_view tail : {" Staff", " staff", " Desk", " desk", " Newsroom", " Reporters",
                                " Reporter", " Team"}) {
    if (name.size() > tail.size() + 2 && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
      return name.substr(0, name.size() - tail.size());
  }
  return name;
}

// A headline: short, starts with a capital or quote, no final period.
bool LooksLikeHeadline(std::string_view s) {
  int words = CountWords(s);
  if (words < 3 || words > 30 || s.size() > 300) return false;
  if (s.back() == '.' || s.back() == ',' || s.back() == ':' || s.back() == ';') return false;
  if (std::islower(static_cast<unsigned char>(s[0]))) return false;
  if (FindTextDate(s) && words <= 8) return false;
  // A short line with a year and another number is a date in a language we do not read.
  int numbers = 0;
  bool year = false;
  for (auto w : SplitWords(s)) {
    if (!std::isdigit(static_cast<unsigned char>(w[0]))) continue;
    ++numbers;
    if (w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0)) year = true;
  }
  if (year && numbers >= 2 && words <= 5) return false;
  return NormalizeCue(s).rfind("by ", 0) != 0;
}

bool IsTimeOrFiller(std::string_view w) {
  std::string n = NormalizeCue(Trim(w, ".,:;()|"));
  if (n.empty()) return true;
  static const char* kFiller[] = {"published", "updated", "posted", "on", "at", "am", "pm",
                                  "a.m", "p.m", "et", "gmt", "utc", "est", "edt", "ist", "cet",
                                  "bst", "pst", "pdt", "wat", "eat", "last", "date", "time",
                                  "monday", "tuesday", "wednesday", "thursday", "friday",
                                  "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat",
                                  "sun", "hrs", "ago", "read", "min", "mins", "minutes"};
  for (const char* f : kFiller) {
    if (n == f) return true;
  }
  bool timeish = true;  // 8:03, 10.15, 08:00:00
  for (char c : n) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') timeish = false;
  }
  return timeish;
}

struct DateLine {
  TextDate date;
  std::string by;  // the name after "by", when there is one
};

// "January 04, 2020 by Peoples Dispatch", "By | January 5, 2024", "Published: 5 Jan 2024",
// "Nov. 19, 2019 8:03 am ET": a date plus filler words and an optional "by NAME" only.
std::optional<DateLine> ParseDateLine(std::string_view s) {
  if (CountWords(s) > 16) return std::nullopt;
  auto date = FindTextDate(s);
  if (!date) return std::nullopt;
  std::string rest = std::string(s.substr(0, date->begin)) + " | " + std::string(s.substr(date->end));
  DateLine out{*date, ""};
  auto words = SplitWords(rest);
  int other = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (NormalizeCue(words[i]) == "by") {
      std::string name;
      size_t k = i + 1;
      for (; k < words.size() && words[k] != "|" && words[k] != "-" && !IsTimeOrFiller(words[k]); ++k) {
        if (!name.empty()) name += ' ';
        name += words[k];
      }
      out.by = Trim(name);
      i = k - 1;
      continue;
    }
    if (!IsTimeOrFiller(words[i])) {
      ++other;
      if (!StartsUpper(words[i]) || words[i].find('.') != std::string_view::npos) other += 10;
    }
  }
  // Up to three capitalised words may name the place ("14 April 2023, Kanbalu, Sagaing").
  if (other > 3) return std::nullopt;
  return out;
}

// "By Jane Doe", "By Jane Doe and John Roe, Reuters": the name part, or "".
std::string ParseByline(std::string_view s) {
  if (CountWords(s) > 12 || NormalizeCue(s).rfind("by ", 0) != 0) return "";
  std::string name = Trim(s.substr(3));
  if (name.empty() || !StartsUpper(name)) return "";
  std::string n = NormalizeCue(name);
  for (const char* generic : {"admin", "administrator", "editor", "staff", "web desk", "news desk"}) {
    if (n == generic) return "-";  // a byline line without a person's name
  }
  for (auto w : SplitWords(name)) {
    if (!StartsUpper(w) && w != "and" && w != "&" && w != "de" && w != "al" && w != "van" &&
        w != "von" && w.rfind("al-", 0) != 0)
      return "";
  }
  return name;
}

// The dateline at the start of the first body paragraph: "BAGHDAD –", "PORT SUDAN, March 14,
// 2031 (Meridian Wire) –", "(AP) —", "Istanbul/Athens, 7 December 2023 (dpa/MIA) -".
struct Dateline {
  std::string place;
  std::optional<TextDate> date;
  std::vector<std::string> credits;
};

std::optional<Dateline> ParseDateline(std::string_view s) {
  size_t sep = std::string_view::npos, sep_len = 0;
  for (std::string_view d : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " // ", "_ ", " \xE2\x80\x94", "\xE2\x80\x94 "}) {
    size_t at = s.substr(0, 120).find(d);
    if (at != std::string_view::npos && at < sep) {
      sep = at;
      sep_len = d.size();
    }
  }
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  std::string_view prefix = s.substr(0, sep);
  if (CountWords(prefix) > 12) return std::nullopt;
  Dateline out;
  if (prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string inside(prefix.substr(open + 1, prefix.size() - open - 2));
    prefix = prefix.substr(0, open);
    size_t start = 0;
    for (size_t i = 0; i <= inside.size(); ++i) {
      if (i == inside.size() || inside[i] == '/' || inside[i] == ',' || inside[i] == ';') {
        std::string piece = Trim(inside.substr(start, i - start), " ");
        std::string canon = CanonicalAgency(piece);
        if (canon.empty() && CountWords(piece) <= 4 && StartsUpper(piece)) canon = piece;
        AddCredit(canon, &out.credits);
        start = i + 1;
      }
    }
  }
  std::string_view place = prefix;
  if (auto d = FindTextDate(prefix)) {
    out.date = d;
    place = prefix.substr(0, d->begin);
  }
  out.place = Trim(place, " ,");
  // "ABUJA, Feb 27": a day without a year is not part of the place.
  if (size_t comma = out.place.rfind(", "); comma != std::string::npos) {
    auto tail = SplitWords(std::string_view(out.place).substr(comma + 2));
    if (!tail.empty() && MonthFromName(Trim(tail[0], "."))) out.place = Trim(out.place.substr(0, comma), " ,");
  }
  bool caps = !out.place.empty();
  int letters = 0;
  for (char c : out.place) {
    if (std::islower(static_cast<unsigned char>(c))) caps = false;
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  if (caps && letters >= 2 && CountWords(out.place) <= 5) return out;
  if ((out.date || !out.credits.empty()) && CountWords(out.place) <= 4) {
    for (auto w : SplitWords(out.place)) {
      if (!StartsUpper(w)) return std::nullopt;
    }
    return out;
  }
  (void)sep_len;
  return std::nullopt;
}

// Wire credits on a line that credits the copy: contributor lines, "X contributed to this
// report", a line that is only an agency name ("— Reuters"), copyright lines.
bool CreditLine(std::string_view text, std::vector<std::string>* credits) {
  std::string norm = NormalizeCue(text);
  int words = CountWords(text);
  std::string canon = CanonicalAgency(Trim(text, " -\xE2\x80\x93\xE2\x80\x94()[].,:"));
  if (!canon.empty() && words <= 5) {
    AddCredit(canon, credits);
    return true;  // the line is nothing but the credit
  }
  bool crediting = norm.find("contributed to this") != std::string::npos ||
                   norm.find("contributed reporting") != std::string::npos ||
                   (words <= 12 && (norm.find("copyright") != std::string::npos ||
                                    norm.find("\xC2\xA9") != std::string::npos ||
                                    norm.rfind("source:", 0) == 0));
  for (const auto& cue : LexiconPhrases("boilerplate/contributors.txt")) {
    if (StartsWithCue(norm, cue)) crediting = true;
  }
  if (crediting && words <= 60) {
    for (const auto& a : FindAgencies(text)) AddCredit(a, credits);
  }
  return false;
}

std::string MetaValue(const HtmlPage* page, std::initializer_list<std::string_view> keys) {
  if (!page) return "";
  for (auto key : keys) {
    for (const auto& [k, v] : page->meta) {
      if (NormalizeCue(k) == NormalizeCue(key) && !v.empty()) return v;
    }
  }
  return "";
}

// "Police detain activists - Valley Times" -> title and site name.
std::string StripSiteSuffix(const std::string& title, std::string* site) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    std::string tail = title.substr(at + sep.size());
    if (CountWords(tail) <= 5 && CountWords(title.substr(0, at)) >= 3) {
      *site = Trim(tail);
      return title.substr(0, at);
    }
  }
  return title;
}

void SetDate(int64_t day, std::string evidence, Document* doc) {
  doc->published = {day, day, DatePrecision::kDay};
  doc->published_evidence = std::move(evidence);
}

}  // namespace

void DescribeDocument(const RawInput& input, const HtmlPage* page,
                      const std::string& published_override, std::vector<TextBlock>* blocks,
                      Document* doc) {
  std::vector<std::string> reason(blocks->size());
  // Title: the container's, the page's, or a headline-shaped first line.
  std::string site;
  if (!input.title.empty()) {
    doc->title = input.title;
  } else if (page) {
    std::string t = MetaValue(page, {"og:title", "twitter:title"});
    if (t.empty()) t = page->title;
    doc->title = StripSiteSuffix(Trim(t, " "), &site);
  } else if (!blocks->empty() && LooksLikeHeadline((*blocks)[0].text) &&
             BoilerplateReason((*blocks)[0]).empty()) {
    doc->title = Unquote((*blocks)[0].text);
  }
  if (!blocks->empty() && !doc->title.empty() &&
      NormalizeCue(Unquote((*blocks)[0].text)) == NormalizeCue(doc->title)) {
    (*blocks)[0].kind = Block::Kind::kTitle;
  }
  doc->outlet = input.outlet;
  if (doc->outlet.empty()) doc->outlet = MetaValue(page, {"og:site_name", "application-name", "ld:publisher.name"});

  // Header lines: date line, byline, outlet line.
  std::optional<DateLine> date_line;
  std::string date_line_text;
  for (size_t i = 0; i < blocks->size() && i < kHeaderBlocks; ++i) {
    const TextBlock& b = (*blocks)[i];
    if (b.kind == Block::Kind::kTitle) continue;
    if (auto dl = ParseDateLine(b.text)) {
      if (NormalizeCue(dl->by) == "admin" || NormalizeCue(dl->by) == "editor") dl->by.clear();
      reason[i] = "metadata";
      if (!date_line) {
        date_line = dl;
        date_line_text = b.text;
      }
      if (!dl->by.empty()) {
        if (LooksLikeOutlet(dl->by) || NormalizeCue(dl->by) == NormalizeCue(doc->outlet)) {
          if (doc->outlet.empty()) doc->outlet = OutletName(dl->by);
        } else if (doc->byline.empty()) {
          doc->byline = dl->by;
        }
      }
      continue;
    }
    if (std::string by = ParseByline(b.text); !by.empty()) {
      reason[i] = "metadata";
      size_t comma = by.find(',');
      if (comma != std::string::npos) {
        AddCredit(CanonicalAgency(by.substr(comma + 1)), &doc->wire_credits);
        by = by.substr(0, comma);
      }
      if (doc->byline.empty() && by != "-") doc->byline = by;
      continue;
    }
    if ((LooksLikeOutlet(b.text) ||
                   (!doc->outlet.empty() && NormalizeCue(b.text) == NormalizeCue(doc->outlet)))) {
      reason[i] = "outlet";
      if (doc->outlet.empty()) doc->outlet = OutletName(b.text);
    }
  }
  if (doc->outlet.empty()) doc->outlet = site;

  // Dateline: at the start of the first long paragraph.
  std::optional<Dateline> dateline;
  for (size_t i = 0; i < blocks->size() && i < kHeaderBlocks + 4; ++i) {
    const TextBlock& b = (*blocks)[i];
    if (!reason[i].empty() || b.kind == Block::Kind::kTitle || CountWords(b.text) < 12) continue;
    dateline = ParseDateline(b.text);
    break;
  }
  if (dateline) {
    doc->dateline = dateline->place;
    for (const auto& c : dateline->credits) AddCredit(c, &doc->wire_credits);
  }
  // Credit lines anywhere; a line that is only an agency name leaves the body.
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (CreditLine((*blocks)[i].text, &doc->wire_credits) && reason[i].empty()) reason[i] = "credit";
  }

  // Publication date, strongest evidence first.
  std::string meta_key;
  std::optional<int64_t> meta_day;
  for (std::string_view key : {"article:published_time", "datePublished", "ld:datePublished",
                               "og:published_time", "publish-date", "pubdate", "date",
                               "DC.date.issued", "DC.date", "dcterms.created", "sailthru.date",
                               "parsely-pub-date"}) {
    std::string v = MetaValue(page, {key});
    if (v.empty()) continue;
    meta_day = ParseIsoDate(Trim(v, " "));
    if (!meta_day) {
      if (auto td = FindTextDate(v)) meta_day = td->day;
    }
    if (meta_day) {
      meta_key = std::string(key);
      break;
    }
  }
  if (auto d = ParseIsoDate(published_override); d && !published_override.empty()) {
    SetDate(*d, "--published", doc);
  } else if (auto r = ParseIsoDate(input.published); r && !input.published.empty()) {
    SetDate(*r, "record field published", doc);
  } else if (meta_day) {
    SetDate(*meta_day, "meta " + meta_key, doc);
  } else if (date_line) {
    SetDate(date_line->date.day, "date line: '" + date_line_text + "'", doc);
  } else if (dateline && dateline->date) {
    SetDate(dateline->date->day, "dateline: '" + dateline->place + "'", doc);
  }

  // Take the metadata lines out of the body.
  RemoveMarkedBlocks(blocks, reason, &doc->removed);
}

}  // namespace sitrep
