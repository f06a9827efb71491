// A generated news corpus for the ingest benchmark, written from our own templates (no shared
// text): stories of violent events, protests and arrests in ~80 cities, dated at a constant
// density (kStoriesPerDay) so that a larger corpus covers a longer period, as an archive does.
// Each story is told by 1-5 articles: wire copies credited to an agency, light rewrites (other
// outlet, shuffled paragraphs, synonyms, a revised toll) and independent reports. Articles
// arrive out of order within windows of kArrivalWindow. Article(i) is a pure function of i.
#pragma once

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sitrep/base/date.h"
#include "sitrep/ingest/document.h"

namespace sitrep::bench {

inline constexpr int kStoriesPerDay = 33;
inline constexpr int kArrivalWindow = 600;

struct City {
  const char* name;
  const char* country;  // as a reporter writes it
};

inline const City kCities[] = {
    {"Baghdad", "Iraq"}, {"Mosul", "Iraq"}, {"Basra", "Iraq"}, {"Kirkuk", "Iraq"},
    {"Erbil", "Iraq"}, {"Damascus", "Syria"}, {"Aleppo", "Syria"}, {"Homs", "Syria"},
    {"Idlib", "Syria"}, {"Deir ez-Zor", "Syria"}, {"Beirut", "Lebanon"}, {"Tyre", "Lebanon"},
    {"Sanaa", "Yemen"}, {"Aden", "Yemen"}, {"Taiz", "Yemen"}, {"Hodeidah", "Yemen"},
    {"Kabul", "Afghanistan"}, {"Kandahar", "Afghanistan"}, {"Herat", "Afghanistan"},
    {"Jalalabad", "Afghanistan"}, {"Quetta", "Pakistan"}, {"Peshawar", "Pakistan"},
    {"Karachi", "Pakistan"}, {"Lahore", "Pakistan"}, {"Tripoli", "Libya"},
    {"Benghazi", "Libya"}, {"Misrata", "Libya"}, {"Khartoum", "Sudan"}, {"El Fasher", "Sudan"},
    {"Omdurman", "Sudan"}, {"Mogadishu", "Somalia"}, {"Kismayo", "Somalia"},
    {"Bamako", "Mali"}, {"Gao", "Mali"}, {"Timbuktu", "Mali"}, {"Ouagadougou", "Burkina Faso"},
    {"Niamey", "Niger"}, {"Maiduguri", "Nigeria"}, {"Kaduna", "Nigeria"}, {"Lagos", "Nigeria"},
    {"Goma", "Democratic Republic of the Congo"}, {"Bunia", "Democratic Republic of the Congo"},
    {"Bangui", "Central African Republic"}, {"Juba", "South Sudan"}, {"Addis Ababa", "Ethiopia"},
    {"Mekelle", "Ethiopia"}, {"Kharkiv", "Ukraine"}, {"Odesa", "Ukraine"},
    {"Zaporizhzhia", "Ukraine"}, {"Kherson", "Ukraine"}, {"Dnipro", "Ukraine"},
    {"Belgorod", "Russia"}, {"Gaza City", "Palestine"}, {"Khan Younis", "Palestine"},
    {"Jenin", "Palestine"}, {"Nablus", "Palestine"}, {"Yangon", "Myanmar"},
    {"Mandalay", "Myanmar"}, {"Manila", "Philippines"}, {"Marawi", "Philippines"},
    {"Srinagar", "India"}, {"Imphal", "India"}, {"Dhaka", "Bangladesh"},
    {"Colombo", "Sri Lanka"}, {"Tehran", "Iran"}, {"Zahedan", "Iran"}, {"Istanbul", "Turkey"},
    {"Diyarbakir", "Turkey"}, {"Cairo", "Egypt"}, {"Arish", "Egypt"}, {"Tunis", "Tunisia"},
    {"Algiers", "Algeria"}, {"Bogota", "Colombia"}, {"Cali", "Colombia"},
    {"Culiacan", "Mexico"}, {"Port-au-Prince", "Haiti"}, {"Caracas", "Venezuela"},
    {"Lima", "Peru"}, {"Nairobi", "Kenya"}, {"Cabo Delgado", "Mozambique"}};

inline const char* const kArmedActors[] = {
    "the army", "government forces", "rebel fighters", "an armed group", "militants",
    "security forces", "insurgents", "a militia", "police", "separatist fighters",
    "the air force", "unidentified gunmen"};
inline const char* const kWires[] = {"Reuters", "AP", "AFP"};
inline const char* const kOutlets[] = {
    "The Daily Ledger", "Morning Courier", "Global Wire Review", "The Evening Standard Times",
    "Capital Chronicle", "Coastal Herald", "The Frontier Post Journal", "Metro Observer",
    "World Affairs Daily", "The Regional Tribune", "North Star News", "The Harbour Gazette"};
inline const char* const kTargets[] = {
    "market", "checkpoint", "school", "hospital", "military base", "police station",
    "residential building", "convoy", "mosque", "bus station", "power plant", "village"};
inline const char* const kIssues[] = {
    "rising fuel prices", "the arrest of opposition leaders", "power cuts", "a new tax law",
    "corruption", "the election results", "unpaid salaries", "food shortages"};
inline const char* const kMonths[] = {"January", "February", "March", "April", "May", "June",
                                      "July", "August", "September", "October", "November",
                                      "December"};
inline const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                        "Saturday", "Sunday"};

enum class Kind { kAirStrike, kShelling, kBombing, kClash, kAmbush, kProtest, kArrest, kAbduction };

struct Story {
  int64_t day = 0;
  const City* city = nullptr;
  Kind kind = Kind::kAirStrike;
  const char* actor = nullptr;
  const char* actor2 = nullptr;
  const char* target = nullptr;
  const char* issue = nullptr;
  int killed = 0, injured = 0, copies = 1;
  const char* wire = nullptr;  // the agency when the story is a wire story, else null
};

inline uint64_t Mix(uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

template <typename T, size_t N>
const T& Pick(const T (&items)[N], uint64_t h) {
  return items[h % N];
}

inline Story MakeStory(int64_t s) {
  const int64_t day0 = DaysFromCivil(2021, 1, 1);
  std::mt19937_64 r(Mix(static_cast<uint64_t>(s) + 17));
  Story st;
  st.day = day0 + s / kStoriesPerDay;
  st.city = &Pick(kCities, r());
  st.kind = static_cast<Kind>(r() % 8);
  st.actor = Pick(kArmedActors, r());
  st.actor2 = Pick(kArmedActors, r());
  if (st.actor2 == st.actor) st.actor2 = "local fighters";
  st.target = Pick(kTargets, r());
  st.issue = Pick(kIssues, r());
  st.killed = static_cast<int>(r() % 4 == 0 ? r() % 60 : r() % 12);
  st.injured = static_cast<int>(r() % 30);
  st.copies = 1 + static_cast<int>(r() % 5);
  st.wire = r() % 2 ? Pick(kWires, r()) : nullptr;
  return st;
}

// (story, copy) of every article of an n-article corpus, in arrival order.
inline std::vector<std::pair<int64_t, int>> ArrivalOrder(int64_t n) {
  std::vector<std::pair<int64_t, int>> order;
  for (int64_t s = 0; static_cast<int64_t>(order.size()) < n; ++s) {
    Story st = MakeStory(s);
    for (int c = 0; c < st.copies && static_cast<int64_t>(order.size()) < n; ++c) {
      order.emplace_back(s, c);
    }
  }
  std::mt19937_64 r(static_cast<uint64_t>(n));
  for (size_t i = 0; i < order.size(); i += kArrivalWindow) {
    auto end = order.begin() + static_cast<std::ptrdiff_t>(
                                   std::min(order.size(), i + kArrivalWindow));
    std::shuffle(order.begin() + static_cast<std::ptrdiff_t>(i), end, r);
  }
  return order;
}

inline std::string Fill(std::string t, const Story& st, const std::string& outlet) {
  auto put = [&](const std::string& key, const std::string& value) {
    for (size_t at = t.find(key); at != std::string::npos; at = t.find(key, at + value.size())) {
      t.replace(at, key.size(), value);
    }
  };
  CivilDate d = CivilFromDays(st.day);
  put("{city}", st.city->name);
  put("{country}", st.city->country);
  put("{actor}", st.actor);
  put("{actor2}", st.actor2);
  put("{target}", st.target);
  put("{issue}", st.issue);
  put("{n}", std::to_string(st.killed));
  put("{m}", std::to_string(st.injured));
  put("{n2}", std::to_string(st.killed + 3));
  put("{weekday}", kWeekdays[Weekday(st.day)]);
  put("{date}", std::string(kMonths[d.month - 1]) + " " + std::to_string(d.day));
  put("{year}", std::to_string(d.year));
  put("{past}", std::to_string(d.year - 3 - static_cast<int>(st.killed % 9)));
  put("{outlet}", outlet);
  return t;
}

inline const char* const kTitles[] = {
    "Air strike kills {n} in {city}", "Shelling kills {n} civilians in {city}",
    "Bomb blast kills {n} near {city} {target}", "{n} killed in clashes near {city}",
    "Ambush on convoy kills {n} near {city}", "Thousands protest in {city} over {issue}",
    "Police arrest {n} after unrest in {city}", "Gunmen abduct {n} people near {city}"};

// Two wordings of the lead per kind (rewrites take the other one).
inline const char* const kLeads[][2] = {
    {"An air strike carried out by {actor} hit a {target} in {city} on {weekday}, killing {n} "
     "people and wounding {m} others, local officials said.",
     "At least {n} people were killed and {m} wounded when warplanes of {actor} struck a {target} "
     "in {city} on {weekday}, officials said."},
    {"Artillery shelling by {actor} struck a {target} in {city} on {weekday}, killing {n} "
     "civilians and injuring {m}, the regional governor said.",
     "{actor} shelled a {target} in the city of {city} on {weekday}, killing {n} civilians and "
     "wounding {m} others, according to the governor."},
    {"A car bomb exploded near a {target} in {city} on {weekday}, killing {n} people and "
     "wounding {m}, police said.",
     "An explosion from a bomb hidden in a parked car tore through a {target} in {city} on "
     "{weekday}, killing {n} and injuring {m} others, police said."},
    {"Heavy fighting broke out between {actor} and {actor2} on the outskirts of {city} on "
     "{weekday}, leaving {n} fighters dead and {m} wounded, a military spokesman said.",
     "{actor} clashed with {actor2} near {city} on {weekday}; {n} fighters were killed and {m} "
     "were wounded, a spokesman said."},
    {"Gunmen ambushed a convoy of {actor} on a road outside {city} on {weekday}, killing {n} "
     "soldiers and wounding {m}, security sources said.",
     "{n} soldiers were killed and {m} wounded when attackers ambushed a convoy near {city} on "
     "{weekday}, security sources said."},
    {"Thousands of people protested in {city} on {weekday} against {issue}, marching peacefully "
     "through the center of the city, organisers said.",
     "Large crowds demonstrated in the streets of {city} on {weekday} to protest against {issue}, "
     "witnesses said."},
    {"Police in {city} arrested {n} people on {weekday} after a night of unrest over {issue}, "
     "the interior ministry said.",
     "Security forces detained {n} people in {city} on {weekday} following protests over {issue}, "
     "the ministry said."},
    {"Gunmen abducted {n} people from a {target} near {city} on {weekday}, residents said, in "
     "the latest kidnapping in the region.",
     "{n} people were kidnapped by armed men at a {target} outside {city} on {weekday}, residents "
     "told reporters."}};

inline const char* const kBody[] = {
    "Witnesses described scenes of chaos as residents rushed to help the wounded. \"We heard a "
    "loud noise and then everyone was running,\" said a shopkeeper who asked not to be named. "
    "Ambulances took the injured to hospitals across {city}, where doctors appealed for blood "
    "donations.",
    "The government condemned the violence and promised an investigation. A spokesman said "
    "those responsible would be held to account, and that additional security measures would "
    "be put in place around public buildings in {city} in the coming days.",
    "The United Nations called on all parties to respect international humanitarian law and to "
    "protect civilians. Aid agencies said the situation in and around {city} had deteriorated "
    "sharply over recent months, with thousands of families forced from their homes.",
    "The region has seen repeated unrest since {past}, when a wave of violence displaced "
    "hundreds of thousands of people. Analysts say economic hardship, weak institutions and "
    "competition over land and resources have fuelled the cycle of attacks and reprisals.",
    "No group immediately claimed responsibility. Officials said they were still gathering "
    "information and that the figures could change as rescue teams searched the area. Local "
    "media published images showing damaged vehicles and shattered windows.",
    "Residents of {city} said they were exhausted by years of insecurity. \"Every week there is "
    "something new, and nobody protects us,\" said a teacher who has lived in the city for two "
    "decades. Schools in several neighbourhoods were closed as a precaution.",
    "The violence comes as negotiations between the government and opposition groups remain "
    "stalled. Diplomats said talks planned for next month in a neighbouring capital could be "
    "postponed, and regional leaders urged restraint from all sides.",
    "Hospital officials in {city} said they were struggling to cope with the number of patients, "
    "citing shortages of medicine, fuel for generators and trained staff. Several of the injured "
    "were in a critical condition, they said.",
    "In a statement, {actor} said its operations were aimed at restoring order and accused its "
    "opponents of using civilian areas as cover. The statement could not be independently "
    "verified by {outlet}.",
    "Human rights groups have documented dozens of incidents in {country} this year and called "
    "for an independent inquiry. They say the lack of accountability has encouraged further "
    "abuses against civilians and journalists.",
    "Prices of food and fuel in {city} have risen sharply this year, adding to public anger. "
    "Traders said many shops had closed early and that deliveries from the capital had been "
    "delayed by checkpoints on the main roads.",
    "The interior minister visited {city} later in the day and met community leaders. He said "
    "the government would compensate the families of the victims and rebuild damaged homes, "
    "but residents said similar promises in the past had not been kept.",
    "Opposition politicians criticised the authorities' response and demanded the resignation "
    "of the regional governor. Parliament is expected to debate the security situation in "
    "{country} when it reconvenes next week.",
    "Satellite images reviewed by independent researchers showed damage to several buildings "
    "in the area. The researchers said they would publish a fuller assessment once they had "
    "compared the images with accounts from residents.",
    "Relatives gathered outside the morgue in {city} on {weekday} evening waiting for news. "
    "Funerals were expected to take place the following day, in line with local custom, and "
    "mourners said they feared more violence.",
    "{outlet} could not independently confirm the number of casualties. Figures given by "
    "officials and by local activists differed, as they often do in the first hours after an "
    "incident in {country}."};

// How an article dates itself: by its publication date and dateline (as the generated corpus
// always did), not at all (no date anywhere, as a third of real feeds' articles), or only by
// the story's year mentioned in its text (a window of two years).
enum class Dating { kDated, kUndated, kYearOnly };

inline std::string ArticleText(const Story& st, int copy, int64_t published,
                               const std::string& outlet, uint64_t h,
                               Dating dating = Dating::kDated) {
  const int kind = static_cast<int>(st.kind);
  const bool rewrite = h % 2 == 1;
  CivilDate pd = CivilFromDays(published);
  std::string text = Fill(kTitles[kind], st, outlet);
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  text += "\n\n";
  std::string dateline = std::string(st.city->name) + ", " + kMonths[pd.month - 1] + " " +
                         std::to_string(pd.day) + " (" + outlet + ") - ";
  if (dating != Dating::kDated) dateline = std::string(st.city->name) + " (" + outlet + ") - ";
  std::string lead = Fill(kLeads[kind][rewrite ? 1 : 0], st, outlet);
  lead[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lead[0])));
  text += dateline + lead;
  if (st.killed > 0 && kind <= 4 && h % 4 == 3) {
    text += Fill(" The death toll later rose to {n2}, a health official said.", st, outlet);
  }
  text += "\n\n";
  if (dating == Dating::kYearOnly) {
    text += Fill("Officials said dozens of similar incidents had been recorded across {country} "
                 "in {year}.\n\n", st, outlet);
  }
  // Seven body paragraphs, chosen and ordered by h (copies with the same h are verbatim).
  std::vector<int> body(std::size(kBody));
  for (size_t i = 0; i < body.size(); ++i) body[i] = static_cast<int>(i);
  std::mt19937_64 r(h);
  std::shuffle(body.begin(), body.end(), r);
  // Every body sentence names its story's place and day, so unrelated stories never share a
  // sentence verbatim (they do not in real news; fusion takes a shared sentence as identity).
  for (int i = 0; i < 7; ++i) {
    std::string para = kBody[body[i]], tagged;
    for (size_t at = 0; at < para.size(); ++at) {
      bool end = para[at] == '.' && (at + 1 == para.size() || para[at + 1] == ' ');
      if (end) tagged += " ({city}, {date})";
      tagged += para[at];
    }
    text += Fill(tagged, st, outlet) + "\n\n";
  }
  text += "Reporting by " + outlet + " staff; editing by the " +
          (copy % 2 ? std::string("foreign") : std::string("news")) + " desk.\n";
  return text;
}

// The raw input of article `index` of an n-article corpus whose arrival order is `order`.
// `undated_percent` of the articles (chosen by a hash of story and copy, so copies of one
// story differ) carry no publication date and no date in their dateline; a quarter of those
// mention the story's year (Dating::kYearOnly). 0 gives the corpus of earlier sessions.
inline RawInput Article(const std::vector<std::pair<int64_t, int>>& order, size_t index,
                        int undated_percent = 0) {
  auto [s, copy] = order[index];
  Story st = MakeStory(s);
  uint64_t h = Mix(static_cast<uint64_t>(s) * 131 + static_cast<uint64_t>(copy));
  // Copy 0 and wire copies carry the agency; other copies are rewrites or own reports.
  bool wire_copy = st.wire && (copy == 0 || h % 3 != 0);
  std::string outlet = copy == 0 && st.wire ? st.wire : Pick(kOutlets, h >> 8);
  int64_t published = st.day + (copy == 0 ? 0 : static_cast<int64_t>(h % 2));
  RawInput in;
  in.id = "gen-" + std::to_string(s) + "-" + std::to_string(copy) + ".txt";
  in.origin = "generated:" + std::to_string(index);
  in.outlet = outlet;
  const uint64_t u = Mix(h ^ 0xD1CEULL);
  Dating dating = Dating::kDated;
  if (static_cast<int>(u % 100) < undated_percent) {
    dating = (u / 100) % 4 == 0 ? Dating::kYearOnly : Dating::kUndated;
  }
  in.published = dating == Dating::kDated ? FormatIsoDate(published) : "";
  // Not "/<s>/": a story number like 2023 would read as the URL's year (DateFromUrl).
  in.url = std::string(dating == Dating::kDated ? "https://news.example/"
                                                : "https://news.example/story-") +
           std::to_string(s) + "/" + std::to_string(copy);
  in.bytes = ArticleText(st, copy, published, wire_copy ? std::string(st.wire) : outlet,
                         wire_copy ? Mix(static_cast<uint64_t>(s)) : h, dating);
  return in;
}

}  // namespace sitrep::bench
