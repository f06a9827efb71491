#include "sitrep/fuse/identity.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "sitrep/fuse/shared_sentence.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

// Capitalised words that name a time or a role, not an event's participants or place.
constexpr std::string_view kNotNames[] = {
    "monday",   "tuesday",    "wednesday",  "thursday", "friday",     "saturday",
    "sunday",   "january",    "february",   "march",    "april",      "june",
    "july",     "august",     "september",  "october",  "november",   "december",
    "president", "minister",  "ministry",   "prime",    "government", "police",
    "army",     "military",   "forces",     "force",    "state",      "states",
    "national", "united",     "nations",    "republic", "security",   "council",
    "general",  "officials",  "official",   "spokesman", "spokesperson", "authorities",
    "according", "however",   "meanwhile",  "while",    "after",      "this",
    // Words of a place's kind, capitalised inside its name ("Sagaing Region", "Kanbalu
    // Township"): shared by every place of that kind.
    "region",   "province",   "district",   "township", "village",    "city",
    "county",   "governorate", "municipality"};

bool IsNotName(std::string_view lower) {
  return std::find(std::begin(kNotNames), std::end(kNotNames), lower) != std::end(kNotNames);
}

// Words of a sentence: runs of letters/digits (any script), joined across inner hyphens and
// apostrophes ("Pont-Sondé", "Sa’ad").
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0, start = std::string_view::npos;
  while (i < s.size()) {
    size_t len = 1;
    bool word = IsWordCodePoint(s, i, &len);
    if (!word && start != std::string_view::npos && i + len < s.size()) {
      size_t next_len = 1;
      bool joiner = s[i] == '-' || s[i] == '\'' ||
                    (len == 3 && s.substr(i, 3) == "\xE2\x80\x99");  // ’
      if (joiner && IsWordCodePoint(s, i + len, &next_len)) {
        i += len;
        continue;
      }
    }
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      out.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
    }
    i += len;
  }
  if (start != std::string_view::npos) out.push_back(s.substr(start));
  return out;
}

// "Kaduna’s" / "Kaduna's" -> "Kaduna": a possessive names the same thing.
std::string_view StripPossessive(std::string_view w) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
      return w.substr(0, w.size() - suffix.size());
    }
  }
  return w;
}

bool Capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// A name behind a lower-case article: "al-Nourah", "el-Fasher", "ash-Shifa" (the article is
// at most three letters, the name after the hyphen capitalised).
bool ArticleName(std::string_view w) {
  size_t hyphen = w.find('-');
  if (hyphen == 0 || hyphen > 3 || hyphen + 1 >= w.size()) return false;
  for (size_t i = 0; i < hyphen; ++i) {
    if (w[i] < 'a' || w[i] > 'z') return false;
  }
  return Capitalised(w.substr(hyphen + 1));
}

// The word `w` (a view into `sentence`) starts a clause after a dash: a dateline's "Gao, May 3
// (AFP) - Insurgents shelled ..." or an em dash. Its capital is the clause's, not a name's.
bool AfterDash(std::string_view sentence, std::string_view w) {
  size_t i = static_cast<size_t>(w.data() - sentence.data());
  while (i > 0 && sentence[i - 1] == ' ') --i;
  if (i == 0) return false;
  if (sentence[i - 1] == '-') return i < 2 || sentence[i - 2] == ' ' || sentence[i - 2] == '-';
  return i >= 3 && sentence.substr(i - 3, 2) == "\xE2\x80" &&
         (sentence[i - 1] == '\x93' || sentence[i - 1] == '\x94');  // en or em dash
}

// A nationality or people ("Iranian-backed", "Sudanese", "Iraqi", "Kurdish"): shared by every
// event in (or about) a country, so no evidence of one incident. Judged on the word's first
// hyphen part by its ending; also drops a few place names ending in -i (accepted).
bool LooksLikeDemonym(std::string_view w) {
  w = w.substr(0, w.find('-'));
  auto ends = [&](std::string_view suffix) {
    return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
  };
  // "-i" after a consonant ("Iraqi", "Israeli", "Yemeni", "Saudi", "Kuwaiti", "Qatari",
  // "Bangladeshi"), not after a vowel or "y"/"g" ("Pazigyi", "Kigali" stays dropped: accepted).
  const bool i_demonym = ends("i") && std::string_view("qlndtrhsz").find(
                                          w[w.size() - 2]) != std::string_view::npos;
  return ends("ian") || ends("ean") || ends("ese") || ends("ish") || i_demonym;
}

std::string AsciiLower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The word `w` (a view into `sentence`) is inside a parenthesis that a dash follows: a
// dateline's credit, "Gao, May 3 (The Harbour Gazette) - ...", shared by all the outlet's stories.
bool InDatelineCredit(std::string_view sentence, std::string_view w) {
  size_t at = static_cast<size_t>(w.data() - sentence.data());
  size_t open = sentence.rfind('(', at);
  if (open == std::string_view::npos || sentence.substr(open, at - open).find(')') !=
                                            std::string_view::npos) {
    return false;
  }
  size_t close = sentence.find(')', at);
  if (close == std::string_view::npos) return false;
  size_t next = sentence.find_first_not_of(' ', close + 1);
  if (next == std::string_view::npos) return false;
  return sentence[next] == '-' || sentence.substr(next, 3) == "\xE2\x80\x93" ||
         sentence.substr(next, 3) == "\xE2\x80\x94";
}

}  // namespace

std::set<std::string> DistinctiveNames(const Event& e) {
  constexpr size_t kMinLetters = 4;
  std::set<std::string> names;
  for (const EventSource& src : e.sources) {
    // A caption or credit names photographers and agencies, not the event's participants.
    if (CaptionOrCredit(src.sentence)) continue;
    std::vector<std::string_view> words = Words(src.sentence);
    size_t long_words = 0, capitalised = 0;
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i].size() < kMinLetters) continue;
      ++long_words;
      capitalised += Capitalised(words[i]);
    }
    // A headline capitalises (nearly) all its words: its capitals say nothing about names.
    if (long_words >= 3 && capitalised * 10 >= long_words * 7) continue;
    for (size_t i = 1; i < words.size(); ++i) {
      // "Tuesday’s" is "Tuesday": the possessive goes before the word lists are consulted.
      std::string_view w = StripPossessive(words[i]);
      if (w.size() < kMinLetters || !(Capitalised(w) || ArticleName(w)) ||
          IsNotName(AsciiLower(w)) ||
          LooksLikeDemonym(w) || AfterDash(src.sentence, w) ||
          InDatelineCredit(src.sentence, w)) {
        continue;
      }
      std::string key = NameKey(w);
      if (key.size() >= 3) names.insert(std::move(key));
    }
  }
  // An actor's name (a group, a force) is shared by every incident it takes part in.
  for (const std::optional<EventActor>* actor : {&e.actor1, &e.actor2}) {
    if (!*actor) continue;
    for (std::string_view w : Words((*actor)->name)) names.erase(NameKey(w));
  }
  // The name of a coarse place the report is placed in (its country or province) is shared
  // by every event there.
  // Each word counts: "Burkina Faso" erases "Burkina" and "Faso", "Sagaing Region" "Sagaing".
  if (e.location && (e.location->precision == "country" || e.location->precision == "admin1")) {
    for (const std::string* place : {&e.location->name, &e.location->admin1}) {
      names.erase(NameKey(*place));
      for (std::string_view w : Words(*place)) names.erase(NameKey(w));
    }
  }
  return names;
}

std::vector<std::string_view> NameWords(std::string_view text) { return Words(text); }

bool SamePlaceName(const EventPlace& a, const EventPlace& b) {
  if (a.geonameid != 0 && a.geonameid == b.geonameid) return true;
  return !a.name.empty() && AsciiLower(a.name) == AsciiLower(b.name);
}

bool Placeless(const Event& e) { return !e.location || e.location->country.empty(); }

size_t SharedNames(const Event& a, const Event& b) {
  std::set<std::string> x = DistinctiveNames(a), y = DistinctiveNames(b);
  size_t n = 0;
  for (const std::string& k : x) n += y.count(k);
  return n;
}

std::string ActorKey(const std::optional<EventActor>& actor) {
  if (!actor) return "";
  if (!actor->id.empty() && actor->id.rfind("new:", 0) != 0) return actor->id;
  std::string key = NameKey(actor->name);
  return key.empty() ? actor->id : "name:" + key;
}

bool SameFigure(const Event& a, const Event& b, int64_t min_count) {
  if (a.fatalities && b.fatalities && a.fatalities->best >= min_count &&
      a.fatalities->best == b.fatalities->best) {
    return true;
  }
  return a.injured && b.injured && a.injured->best >= min_count &&
         a.injured->best == b.injured->best;
}

}  // namespace sitrep
