// sitrep ner-lexicon: writes the name lists the NER model is trained with ("class<TAB>name"
// lines) from the compiled gazetteer, the actor dictionary, first-name lists and our own
// organisation/title/place word lists. `sitrep train ner --lexicon FILE` embeds them.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <set>
#include <utility>

#include "cli/command.h"
#include "sitrep/base/file.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/model/ner_lexicon.h"

namespace sitrep::cli {
namespace {

// Words that end organisation names, precede person names, or name kinds of place; written
// by the sitrep authors.
constexpr const char* kOrgWords[] = {
    "inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "llc", "plc", "company",
    "corporation", "university", "college", "school", "academy", "institute", "ministry",
    "department", "party", "council", "association", "union", "federation", "committee",
    "commission", "agency", "bureau", "bank", "group", "foundation", "society", "church",
    "hospital", "clinic", "airlines", "airways", "news", "times", "post", "journal", "tribune",
    "herald", "press", "network", "club", "league", "team", "fc", "center", "centre", "court",
    "office", "board", "authority", "services", "systems", "technologies", "international",
    "organization", "organisation", "army", "police", "navy", "forces", "brigade", "front",
    "movement", "coalition", "alliance", "industries", "partners", "holdings", "enterprises",
    "motors", "pharmaceuticals", "labs", "media", "records", "studios", "restaurant", "cafe",
    "hotel", "store", "market", "bar", "grill", "salon", "inn", "pizza"};
constexpr const char* kTitles[] = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "president",
    "minister", "senator", "sen.", "rep.", "gov.", "governor", "gen.", "general", "col.",
    "colonel", "capt.", "captain", "lt.", "sgt.", "king", "queen", "prince", "princess", "pope",
    "sheikh", "rev.", "father", "saint", "mayor", "chairman", "ceo", "secretary", "ambassador",
    "judge", "justice", "officer", "commander", "chief", "leader", "spokesman", "spokeswoman",
    "uncle", "aunt", "brother", "sister", "mom", "dad", "coach"};
constexpr const char* kLocWords[] = {
    "street", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "boulevard", "blvd", "lane",
    "river", "lake", "mountain", "mountains", "mount", "mt.", "island", "islands", "bay",
    "valley", "county", "province", "state", "city", "town", "village", "district", "region",
    "park", "beach", "airport", "station", "square", "bridge", "ocean", "sea", "gulf",
    "desert", "hills", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "canyon", "falls", "coast", "peninsula", "harbor", "harbour", "creek"};

struct LexArgs {
  std::string gazetteer, actors, out;
  std::vector<std::string> first_names;
  uint32_t min_population = 20000;
};

bool Alphabetic(const std::string& w) {
  if (w.size() < 2) return false;
  for (unsigned char c : w)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'')) return false;
  return true;
}

void RunLexicon(const LexArgs& args) {
  std::set<std::pair<std::string, std::string>> rows;  // (class, name), sorted and unique
  auto add = [&](const char* cls, std::string_view name) {
    if (!name.empty() && name.find('\t') == std::string_view::npos &&
        name.find('\n') == std::string_view::npos)
      rows.emplace(cls, std::string(name));
  };
  Result<std::unique_ptr<Gazetteer>> gaz = Gazetteer::Load(args.gazetteer);
  if (!gaz.ok()) throw CommandFailed{gaz.status().message()};
  for (uint32_t i = 0; i < (*gaz)->size(); ++i) {
    const PlaceRecord& p = (*gaz)->place(i);
    std::string_view name = (*gaz)->Name(i);
    switch (p.kind) {
      case PlaceKind::kCountry:
        add("country", name);
        add("demonym", (*gaz)->Demonym(i));
        break;
      case PlaceKind::kAdmin1:
        add("admin1", name);
        break;
      case PlaceKind::kCity:
        if (p.population >= args.min_population) add("city", name);
        if (p.population >= 100000) add("big_city", name);
        break;
      default:
        add("city", name);
    }
  }
  ActorDictionary actors;
  if (Status st = actors.LoadFolder(args.actors); !st.ok()) throw CommandFailed{st.message()};
  for (uint32_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors.actor(i);
    if (a.kind == "civilians") continue;
    const bool person = a.kind == "person";
    std::vector<std::string> names = a.aliases;
    names.push_back(a.name);
    for (const std::string& n : names) {
      add(person ? "person" : "org", n);
      if (!person) continue;
      std::vector<std::string> words = NerLexWords(n);
      if (words.size() < 2) continue;
      if (Alphabetic(words.front())) add("first_name", words.front());
      if (Alphabetic(words.back())) add("last_name", words.back());
    }
  }
  for (const std::string& path : args.first_names) {
    Result<std::string> text = ReadFileBytes(path, 1 << 26);
    if (!text.ok()) throw CommandFailed{text.status().message()};
    size_t pos = 0;
    while (pos < text->size()) {
      size_t end = text->find('\n', pos);
      if (end == std::string::npos) end = text->size();
      std::string w = text->substr(pos, end - pos);
      pos = end + 1;
      if (!w.empty() && w.back() == '\r') w.pop_back();
      if (Alphabetic(w)) add("first_name", w);
    }
  }
  for (const char* w : kOrgWords) add("org_word", w);
  for (const char* w : kTitles) add("title", w);
  for (const char* w : kLocWords) add("loc_word", w);
  std::string out =
      "# NER name lists (class<TAB>name), written by sitrep ner-lexicon; sources: GeoNames via\n"
      "# the compiled gazetteer (CC BY 4.0), world-countries (ODbL), the actor dictionary,\n"
      "# stdlib first-name datasets (Apache-2.0), word lists by the sitrep authors.\n";
  for (const auto& [cls, name] : rows) out += cls + "\t" + name + "\n";
  if (Status st = WriteFileAtomic(args.out, out); !st.ok()) throw CommandFailed{st.message()};
  std::fprintf(stderr, "wrote %s (%zu names)\n", args.out.c_str(), rows.size());
}

void SetupNerLexicon(CLI::App& app) {
  auto args = std::make_shared<LexArgs>();
  CLI::App* cmd = app.add_subcommand("ner-lexicon", "Write the name lists the NER model trains with");
  cmd->add_option("--gazetteer", args->gazetteer, "Compiled gazetteer (build/data/gazetteer.bin)")
      ->required();
  cmd->add_option("--actors", args->actors, "Actor dictionary folder (data/actors)")->required();
  cmd->add_option("--first-names", args->first_names, "Files of first names, one a line");
  cmd->add_option("--min-population", args->min_population, "Smallest city listed")
      ->capture_default_str();
  cmd->add_option("--out", args->out, "Lexicon text file to write")->required();
  cmd->callback([args] { RunLexicon(*args); });
}

}  // namespace

SITREP_COMMAND(83, SetupNerLexicon);

}  // namespace sitrep::cli
