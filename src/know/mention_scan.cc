#include "know/mention_scan.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_set>

#include "sitrep/know/normalize.h"

namespace sitrep::know {
namespace {

char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  if (c < 0x80) { *len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? 0xFFFD : c & (0x7F >> (n + 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  *len = n;
  return cp;
}

bool IsJoiner(char32_t cp) {
  return cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2010 ||
         cp == 0x2011 || cp == 0x02BF || cp == 0x02BE || cp == '`';
}

const std::unordered_set<std::string_view>& Abbreviations() {
  static const std::unordered_set<std::string_view> s = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "sen", "rep", "gov",
      "adm", "brig", "prof", "st", "jr", "sr", "cpl", "pvt", "cmdr", "lieut", "pres"};
  return s;
}

}  // namespace

std::vector<Word> ScanWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  Gap pending = Gap::kStart;
  bool saw_gap_char = false;
  std::string gap_chars;
  while (i < text.size()) {
    size_t len = 1;
    if (IsWordCodePoint(text, i, &len)) {
      Word w;
      w.begin = static_cast<uint32_t>(i);
      size_t j = i;
      bool first = true, all_upper = true;
      int letters = 0;
      while (j < text.size()) {
        size_t l = 1;
        if (!IsWordCodePoint(text, j, &l)) break;
        char32_t cp = DecodeAt(text, j, &l);
        if (u_isalpha(cp)) {
          ++letters;
          if (first) w.upper = u_isupper(cp) || u_istitle(cp);
          if (!u_isupper(cp)) all_upper = false;
        }
        if (first && u_isdigit(cp)) w.digit = true;
        first = false;
        j += l;
      }
      w.end = static_cast<uint32_t>(j);
      w.caps = all_upper && letters >= 2;
      w.lower = FoldName(text.substr(w.begin, w.end - w.begin));
      // The gap before this word.
      if (words.empty()) {
        w.gap = Gap::kStart;
      } else if (!saw_gap_char) {
        w.gap = Gap::kSpace;  // cannot happen (words are maximal) but be safe
      } else {
        bool only_space = std::all_of(gap_chars.begin(), gap_chars.end(),
                                      [](char c) { return c == ' ' || c == '\t'; });
        int newlines = static_cast<int>(std::count(gap_chars.begin(), gap_chars.end(), '\n'));
        const Word& prev = words.back();
        if (only_space) {
          w.gap = Gap::kSpace;
        } else if (gap_chars == "-" || gap_chars == "'" || gap_chars == "\xE2\x80\x99" ||
                   gap_chars == "\xE2\x80\x98" || gap_chars == "\xCA\xBF" ||
                   gap_chars == "\xCA\xBE" || gap_chars == "`" || gap_chars == "\xE2\x80\x90" ||
                   gap_chars == "\xE2\x80\x91") {
          w.gap = Gap::kJoin;
        } else if ((gap_chars == "." || gap_chars == ". ") && newlines == 0 &&
                   (prev.end - prev.begin == 1 || Abbreviations().count(prev.lower))) {
          w.gap = gap_chars == "." ? Gap::kJoin : Gap::kSpace;
        } else if (gap_chars == ".-" && prev.end - prev.begin == 1) {
          w.gap = Gap::kJoin;  // U.S.-led
        } else {
          w.gap = Gap::kBreak;
        }
        (void)pending;
      }
      words.push_back(std::move(w));
      i = j;
      saw_gap_char = false;
      gap_chars.clear();
      continue;
    }
    char32_t cp = DecodeAt(text, i, &len);
    (void)IsJoiner(cp);
    saw_gap_char = true;
    gap_chars.append(text.substr(i, len));
    i += len;
  }
  return words;
}

uint32_t TitleLength(const std::vector<Word>& words, uint32_t i) {
  // Longest first; every title is lower-case folded words.
  static const std::vector<std::vector<std::string_view>> kTitles = {
      {"grand", "ayatollah"}, {"major", "general"}, {"maj", "gen"}, {"lieutenant", "general"},
      {"lt", "gen"}, {"brigadier", "general"}, {"brig", "gen"}, {"lieutenant", "colonel"},
      {"lt", "col"}, {"rear", "admiral"}, {"vice", "admiral"}, {"prime", "minister"},
      {"vice", "president"}, {"defense", "secretary"}, {"defence", "secretary"},
      {"secretary", "of", "state"}, {"foreign", "minister"}, {"defense", "minister"},
      {"defence", "minister"}, {"interior", "minister"}, {"crown", "prince"},
      {"supreme", "leader"}, {"secretary", "general"}, {"chief", "of", "staff"},
      {"general"}, {"gen"}, {"colonel"}, {"col"}, {"major"}, {"maj"}, {"captain"}, {"capt"},
      {"lieutenant"}, {"lt"}, {"sergeant"}, {"sgt"}, {"admiral"}, {"adm"}, {"commander"},
      {"sheikh"}, {"shaikh"}, {"sheik"}, {"hajj"}, {"haji"}, {"hajji"}, {"ayatollah"},
      {"sayyid"}, {"sayyed"}, {"mullah"}, {"imam"}, {"mr"}, {"mrs"}, {"ms"}, {"dr"},
      {"president"}, {"minister"}, {"senator"}, {"sen"}, {"king"}, {"prince"}, {"emir"},
      {"governor"}, {"gov"}, {"mayor"}, {"judge"}, {"spokesman"}, {"spokesperson"},
      {"speaker"}, {"rep"}, {"representative"}, {"premier"}, {"chancellor"}, {"pope"}};
  for (const auto& t : kTitles) {
    if (i + t.size() > words.size()) continue;
    bool ok = true;
    for (uint32_t k = 0; k < t.size() && ok; ++k) {
      const Word& w = words[i + k];
      if (w.lower != t[k] || (k > 0 && w.gap == Gap::kBreak)) ok = false;
    }
    if (ok) return static_cast<uint32_t>(t.size());
  }
  return 0;
}

std::string_view RolePhrase(const std::vector<Word>& words, uint32_t i, uint32_t* len) {
  struct Phrase {
    std::vector<std::string_view> words;
    std::string_view role;
  };
  static const std::vector<Phrase> kPhrases = {
      {{"prime", "minister"}, "prime_minister"}, {{"premier"}, "prime_minister"},
      {{"supreme", "leader"}, "supreme_leader"}, {{"president"}, "president"},
      {{"defense", "minister"}, "defense_minister"}, {{"defence", "minister"}, "defense_minister"},
      {{"defense", "secretary"}, "defense_minister"}, {{"defence", "secretary"}, "defense_minister"},
      {{"secretary", "of", "defense"}, "defense_minister"},
      {{"minister", "of", "defense"}, "defense_minister"},
      {{"minister", "of", "defence"}, "defense_minister"},
      {{"foreign", "minister"}, "foreign_minister"}, {{"secretary", "of", "state"}, "foreign_minister"},
      {{"commander", "in", "chief"}, "commander_in_chief"},
      {{"national", "security", "adviser"}, "national_security_adviser"},
      {{"national", "security", "advisor"}, "national_security_adviser"},
      {{"military", "spokesman"}, "military_spokesperson"},
      {{"head", "of", "state"}, "head_of_state"}, {{"capital"}, "capital"}};
  for (const Phrase& p : kPhrases) {
    if (i + p.words.size() > words.size()) continue;
    bool ok = true;
    for (uint32_t k = 0; k < p.words.size() && ok; ++k)
      if (words[i + k].lower != p.words[k] || words[i + k].gap == Gap::kBreak) ok = false;
    if (ok) {
      *len = static_cast<uint32_t>(p.words.size());
      return p.role;
    }
  }
  *len = 0;
  return {};
}

std::string RoleDescription(const std::vector<Word>& words, uint32_t i, uint32_t* len) {
  *len = 0;
  if (i >= words.size()) return {};
  const std::string& w = words[i].lower;
  if (w == "spokesman" || w == "spokesperson" || w == "spokeswoman") {
    uint32_t j = i + 1;
    if (j < words.size() && words[j].lower == "for" && words[j].gap != Gap::kBreak) ++j;
    else if (j < words.size() && words[j].lower == "of" && words[j].gap != Gap::kBreak) ++j;
    else return {};
    if (j < words.size() && words[j].lower == "the" && words[j].gap != Gap::kBreak) ++j;
    uint32_t rl = 0;
    std::string_view inner = j < words.size() && words[j].gap != Gap::kBreak
                                 ? RolePhrase(words, j, &rl) : std::string_view();
    if (inner.empty() || inner == "capital") return {};
    *len = j + rl - i;
    return std::string(inner) + "_spokesperson";
  }
  return std::string(RolePhrase(words, i, len));
}

bool IsEventNoun(std::string_view lower) {
  static constexpr std::string_view kNouns[] = {
      "celebration", "celebrations", "festival", "festivities", "ceremony", "parade", "rally",
      "march", "prayer", "prayers", "conference", "summit", "games", "fair", "carnival",
      "procession", "service", "funeral", "wedding", "concert", "match", "tournament",
      "meeting", "congress", "convention", "forum", "day", "eve", "night", "week"};
  return std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns);
}

std::string_view RelationBefore(std::string_view text, uint32_t pos) {
  static constexpr std::string_view kRelations[] = {
      "northeast of", "northwest of", "southeast of", "southwest of", "north-east of",
      "north-west of", "south-east of", "south-west of", "north of", "south of", "east of",
      "west of", "outskirts of", "outside", "near", "close to", "kilometers from",
      "kilometres from", "km from", "miles from", "border with", "vicinity of", "northern",
      "southern", "eastern", "western", "central"};
  size_t start = pos > 24 ? pos - 24 : 0;
  std::string before(text.substr(start, pos - start));
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!before.empty() && before.back() == ' ') before.pop_back();
  // Skip a leading "the " between the phrase and the name.
  if (before.size() >= 4 && before.substr(before.size() - 4) == " the") before.resize(before.size() - 4);
  for (std::string_view r : kRelations) {
    if (before.size() < r.size()) continue;
    if (before.compare(before.size() - r.size(), r.size(), r) != 0) continue;
    size_t k = before.size() - r.size();
    if (k > 0 && std::isalpha(static_cast<unsigned char>(before[k - 1]))) continue;
    return r;
  }
  return {};
}

bool IsGenericNoun(std::string_view lower) {
  static const std::unordered_set<std::string_view> kNouns = {
      "base", "air", "airbase", "airport", "crossing", "border", "camp", "prison", "street",
      "square", "bridge", "plant", "province", "governorate", "oblast", "region", "district",
      "government", "military", "army", "forces", "force", "troops", "soldiers", "police",
      "authorities", "officials", "official", "administration", "cabinet", "coalition",
      "movement", "rebels", "militia", "militias", "group", "ministry", "navy", "warplanes",
      "security", "defense", "defence", "armed", "nuclear", "power", "station", "field",
      "refugee", "city", "dam", "port", "strait", "corridor", "island", "news", "agency",
      "party", "brigades", "front", "council", "court", "committee", "spokesman", "minister",
      "secretary", "chief", "commander", "general", "leader", "president", "corps", "guard",
      "guards", "units", "organization", "organisation", "service", "services",
      "intelligence", "command", "fleet", "mission", "facility", "complex", "hospital",
      "mosque", "valley", "river", "mountains", "desert", "zone", "gate", "hill", "airfield",
      "garrison", "compound", "interior", "foreign", "affairs", "ministry", "fighters",
      "gunmen", "insurgents", "cartel", "gang", "gangs", "junta", "regime", "authority",
      "parliament", "assembly", "senate", "office", "department", "embassy", "consulate",
      "municipality", "county", "subdistrict", "tehsil", "prefecture"};
  return kNouns.count(lower) > 0;
}

bool IsOrganisationHead(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "committee", "committees", "council", "councils", "brigade", "brigades", "battalion",
      "battalions", "front", "movement", "party", "union", "association", "network",
      "coalition", "alliance", "federation", "league", "organisation", "organization",
      "militia", "militias", "units", "club", "foundation", "society", "syndicate"};
  return kHeads.count(lower) > 0;
}

bool IsDeterminer(std::string_view lower) { return lower == "the" || lower == "a" || lower == "an"; }

std::vector<bool> HeadlineWords(const std::vector<Word>& words, std::string_view text) {
  std::vector<bool> out(words.size(), false);
  size_t i = 0;
  while (i < words.size()) {
    size_t line_end = text.find('\n', words[i].begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t j = i;
    int upper = 0, counted = 0;
    while (j < words.size() && words[j].begin < line_end) {
      const Word& w = words[j];
      if (!w.digit && w.lower.size() > 3) {
        ++counted;
        if (w.upper) ++upper;
      }
      ++j;
    }
    bool headline = counted >= 3 && upper * 10 >= counted * 7;
    for (size_t k = i; k < j; ++k) out[k] = headline;
    i = j > i ? j : i + 1;
  }
  return out;
}

bool IsToponymHead(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "abu", "abou", "umm", "um", "bir", "wadi", "ain", "ayn", "ein", "sidi", "ras", "tal",
      "tall", "tell", "kafr", "deir", "dayr", "khan", "bab", "bani", "beni", "bou", "ouled",
      "oulad", "jabal", "jebel", "qasr", "hay", "hayy", "nahr", "jisr", "bayt", "beit", "qaryat",
      "colonia", "barrio", "fraccionamiento", "bairro", "cerro"};
  return kHeads.count(lower) > 0;
}

bool IsArticleWord(std::string_view lower) {
  return lower == "al" || lower == "el" || lower == "ad" || lower == "as" || lower == "ash" ||
         lower == "at" || lower == "az" || lower == "ar" || lower == "an" || lower == "ed";
}

}  // namespace sitrep::know
