// The steps of RecogniseEntities over one text: candidate mentions from the dictionaries,
// definitions made in the text (acronyms, "also known as"), actor choice, surname and
// "the group" links, place resolution. Internal to src/know.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "know/mention_scan.h"
#include "sitrep/know/entities.h"
#include "sitrep/know/place_resolver.h"

namespace sitrep::know {

enum class CandType { kUnresolved, kActor, kPlace, kNewActor };

struct Cand {
  uint32_t begin = 0, end = 0;  // bytes, title included
  uint32_t w0 = 0, w1 = 0;      // words of the name, title excluded
  bool titled = false;          // a person's title or honorific precedes the name
  std::string key;              // NameKey of the name
  std::vector<ActorHit> actor_hits;
  std::vector<NameHit> place_hits;
  CandType type = CandType::kUnresolved;
  uint32_t actor = ActorDictionary::kNoActor;
  uint32_t place = kNoIndex;
  std::string new_name, new_kind, new_country;
  std::string role, role_country;  // "Iraqi Prime Minister" -> prime_minister, IQ
  std::string relation;            // places: "north of", ...
  int bound_to = -1;               // defined in the text as another candidate's alias
  bool headline = false;           // on a title-case line
  bool qualified = false;          // a division or country written after it holds its place
  bool stand_in = false;           // an unknown name placed by the division after it (bound_to)
  bool inner = false;              // read inside a longer capitalised name ("Lac" in "Lac Vert")
  bool dropped = false;
};

class Linker {
 public:
  Linker(const KnowledgeBase& kb, std::string_view text, const EntityOptions& options);

  void FindCandidates();
  void AddNerSpans();
  void BindDefinitions();
  // A country written by a short name that a longer country name of the document contains
  // ("Congo" beside "Democratic Republic of the Congo") is that country (place_support.cc).
  void ShortCountryNames();
  // A first-level division's code ("TN", "J&K", "KPK") keeps that meaning only as the
  // qualifier of a name right before it that lies inside the division; the code's other
  // meanings (Tunisia) are then dropped (division_codes.cc). Runs before ResolveActors.
  void ResolveDivisionCodes();
  void ResolveActors();
  void LinkSurnames();
  void LinkGroupReferences();
  // New actors take the country a country word right before them gives ("Nigerian bandit
  // leader Bello Turji", "the Sudanese group Tamazuj Front"): at most 3 words back, one clause.
  // Runs after ResolvePlaces (uses the country words' resolution).
  void CountryOfNewActors();
  void ResolvePlaces();
  const std::vector<Cand>& candidates() const { return cands_; }
  // Steps of ResolvePlaces that read the divisions written after a name (place_context.cc).
  // Second-level divisions need their first-level division named in the document, or a
  // division word ("Shopian district") and a country of `countries` (or none named).
  void ConfirmDivisions(const std::vector<std::string>& countries);
  // "Juliaca, Puno", "Kimberley (Frances Baard, Northern Cape)", "Gumbacoole in X district":
  // a division or country written right after a name keeps its candidates inside it; a known
  // name with no candidate inside a division becomes a stand-in for that division.
  void NarrowByDivisionAfter();
  // "in Halani town (Naushahro Feroze, Sindh)": an unknown name after a locative preposition
  // and before a division becomes a stand-in for that division (coarser precision).
  void AddStandIns();
  // Beside a place located by the division written after it, a small town resolved far from
  // it and outside its division is dropped: a local name ("Hamirpur village near Rapar town
  // (Kachchh, Gujarat)" is not Hamirpur, Himachal Pradesh). Capitals and division seats stay.
  void DropFarSmallTowns();
  // Steps of ResolvePlaces for names that need support (place_support.cc). A place read
  // inside a longer name keeps only countries and hits spelled as their own name, not a
  // town under 50,000 people, in `countries` (those the document names) when it names any.
  void DropWeakInnerNames(const std::vector<std::string>& countries);
  // "the Sahel region", "the Maghreb": a supranational region's name keeps no division of
  // one country when the document names another country of that region (supranational.cc).
  void DropSupranationalDivisions();
  // True when a division named by another candidate holds one of the candidate's hits.
  bool InNamedDivision(const Cand& c) const;
  // True when a division named by another candidate holds `place`, or when no other
  // candidate may name a division at all.
  bool InNamedDivisions(const Cand& c, uint32_t place) const;
  // When the document locates towns in the countries it names (`named`: country words,
  // demonyms, national actors), a town in another country farther than 1,000 km from all of
  // them is dropped, unless a capital, a seat or 1 M people.
  void DropStrayForeignTowns(const std::vector<std::string>& named);

 private:
  std::string CountryOf(const Cand& c) const;  // a country place's or an organisation's country
  struct Match {
    uint32_t len = 0;
    std::vector<ActorHit> actors;
    std::vector<NameHit> places;
  };
  Match TryMatch(uint32_t s, bool titled) const;
  // How a capitalised common word at `s`, mid-sentence and alone, is written as a town's
  // name: before "town"/"city" ("Man town"), before ", <Country>" ("Split, Croatia"), after
  // "in" ("in Split": only towns of 50,000+ people then), or not (months and days never).
  enum class CommonPlace { kNo, kSettlement, kBeforeCountry, kAfterIn };
  CommonPlace CommonWordPlace(uint32_t s) const;
  // "J&K", "AJ&K" at word `s` written as a division code: the division hits, len 2, or none.
  Match AmpersandCode(uint32_t s) const;
  // True when the `len` words at `w` are written as a qualifier code: right after a
  // capitalised name or a settlement/division word and "(" or "," ("Salem, TN", "Poonch
  // district (J&K)"), and before ")", ",", ".", ";", ":" or the end of the line.
  bool DivisionCodeContext(uint32_t w, uint32_t len) const;
  // Words at `s` naming a country (name, demonym, code); sets *iso2. 0 when none.
  uint32_t CountryAt(uint32_t s, std::string* iso2) const;
  void MergeDemonymPrefixes();
  // True when the two-letter word `w` is written as a country code: after "<Name>, " and
  // before the end of the line or clause ("Kyiv, UA"), never inside running text.
  bool CodeContext(uint32_t w) const;
  // True when the candidate's text is the place's own name (an article before it allowed).
  bool SpellsOwnName(uint32_t place, const Cand& c) const;
  // SpellsOwnName, or one of a large town's alternate spellings as written ("Geneva" for
  // Genève): enough for a town abroad to need no further support.
  bool SpellsName(uint32_t place, const Cand& c) const;
  // False for a town or division matched only through a normalised key (not its own
  // spelling) in a country the document never names and far from the document's other places
  // ("Kiro" -> Kiel, "Kara" -> Ceará).
  bool Supported(uint32_t place, const Cand& c, const PlaceContext& ctx) const;
  // True when the place match at words [start, start+len) is part of a longer name headed by
  // a generic word: after "Abu", "Wadi", "Sidi"... or that head word alone before a name.
  bool PartOfHeadedName(uint32_t start, uint32_t len) const;
  // True when the candidate is read inside a longer capitalised name: a capitalised word
  // right after it or inside the sentence right before it that is no other name, generic
  // noun, division word or common word ("Gran Grif", "Prophane Victor"), or "Jama'at".
  bool InsideLongerName(const Cand& c) const;
  // True when the candidate, a name of towns only, heads an organisation's name: capitalised
  // words after it end in a head noun ("Madani Resistance Committee", "Sinjar Resistance
  // Units"), or in an event noun ("Independence Day Parade"), or a lower-case road word
  // follows ("Murree road"). Such a name is read as inside
  // a longer name even in a division the text names.
  bool HeadsOrganisationName(const Cand& c) const;
  // A known name made the stand-in of a division: widened back over the capitalised words of
  // the same name before it ("Tudun Biri", "Wad al-Noura", "Pazigyi Village"); a lone
  // settlement word ("Village") is no name and is dropped.
  void WidenStandIn(Cand* c);
  // "X town (Erode, TN)": keeps the hits of `c` within 100 km of a same-country town hit of
  // `town` (and those town hits); `c` is then qualified. No change when none is near.
  void NarrowNearTown(Cand* c, Cand* town);
  // True when `hits` (one name's) hold the first-level division of `town`, or a second-level
  // one of it within 150 km: the town is named like its own division (its seat).
  bool NamesOwnDivision(uint32_t town, const std::vector<NameHit>& hits) const;
  // True when the candidate follows "in", "near", "at", "outside", "around" or "the town
  // of", or is followed by "town" or "village": the text places it.
  bool AfterLocative(const Cand& c) const;
  // True when word `w` begins a sentence or a line (after . ! ? : a quote or a line break).
  bool SentenceStart(uint32_t w) const;
  // The non-dropped place candidate that follows byte `end` across a gap naming it as the
  // division the place lies in (", ", " (", " in ", after an optional "town"/"district"), or -1.
  // ", in the state of " and " in the " count as such gaps too.
  int DivisionAfter(uint32_t end) const;
  // The first word of the gap before a division starting at word `w` ("in", "in the",
  // "in the state of"), or `w` when none.
  uint32_t DivisionGapStart(uint32_t w) const;
  // True when one of the candidate's place hits is a division or a country.
  bool NamesDivision(const Cand& c) const;
  // True when the place hit `h` lies inside the division or country hit `a`.
  bool Inside(uint32_t h, uint32_t a) const;
  // A role description starting at word `i` ("the spokesman of the Commander-in-Chief",
  // "prime minister of Iraq"): adds it and sets *next past it; false when none.
  bool AddRoleDescription(uint32_t i, uint32_t* next);
  // The country whose capital is named right after a "capital" role ("the capital,
  // Ouagadougou"), or "".
  std::string CapitalNamedAfter(const Cand& c) const;
  // Countries the document names, most often named first (ties: first named first).
  std::vector<std::string> ContextCountries() const;
  // Holders of `role` in `country` on the document's date (commander-in-chief falls back to
  // the head of state).
  std::vector<uint32_t> HoldersOf(const std::string& country, std::string_view role) const;
  std::string SpanText(uint32_t w0, uint32_t w1) const;
  bool Covered(uint32_t begin, uint32_t end) const;
  int CandAt(uint32_t begin, uint32_t end) const;
  void AddCand(Cand c);
  uint32_t ChooseActor(const std::vector<ActorHit>& hits) const;
  bool IsPerson(const Cand& c) const;
  void CopyResolution(Cand* to, const Cand& from) const;

  const KnowledgeBase& kb_;
  std::string_view text_;
  EntityOptions options_;
  int64_t day_;
  std::vector<Word> words_;
  std::vector<bool> headline_;
  std::vector<Cand> cands_;
  std::vector<std::string> doc_countries_;
  std::unordered_map<std::string, int> doc_alias_;  // key -> candidate it names
};

// A town of at least this population is "large" (its own name beats a country's alternate).
inline constexpr uint32_t kStrongPopulation = 50000;
inline bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
std::string Slug(std::string_view name);
// Lower-case words that may join the words of a name ("of", "the", "al", "bin", "de", "de la",
// "del", "do": "Martinez de la Torre", "Bom Jesus do Galho").
bool IsConnector(std::string_view lower);
std::string PlaceId(const Gazetteer& g, uint32_t place);

}  // namespace sitrep::know
