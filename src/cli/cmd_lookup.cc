// sitrep gazetteer: compiles the gazetteer index from the fetched npm data packages.
// sitrep lookup NAME...: resolves names against the gazetteer and the actor dictionary.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/base/file.h"
#include "sitrep/know/entities.h"
#include "sitrep/know/gazetteer_build.h"
#include "sitrep/know/knowledge_base.h"
#include "sitrep/know/normalize.h"
#include "sitrep/know/place_resolver.h"

namespace sitrep::cli {
namespace {

struct GazetteerArgs {
  std::string node_modules = "third_party/npm/node_modules";
  std::string places = "data/places.tsv";
  std::string out = "build/data/gazetteer.bin";
};

void RunGazetteer(const GazetteerArgs& args) {
  auto t0 = std::chrono::steady_clock::now();
  GazetteerBuildStats stats;
  Result<std::string> bytes = BuildGazetteer({args.node_modules, args.places}, &stats);
  if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
  Status st = WriteFileAtomic(args.out, *bytes);
  if (!st.ok()) throw CommandFailed{st.message()};
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr,
               "gazetteer: %u places (%u countries, %u admin1, %u sites), %u keys, %zu bytes "
               "-> %s in %.2f s\n",
               stats.places, stats.countries, stats.admin1, stats.sites, stats.keys, stats.bytes,
               args.out.c_str(), secs);
}

struct LookupArgs {
  std::vector<std::string> names;
  std::vector<std::string> countries;
  std::string date;
};

void RunLookup(const LookupArgs& args) {
  Result<const KnowledgeBase*> kb = DefaultKnowledgeBase();
  if (!kb.ok()) throw CommandFailed{kb.status().message()};
  EntityOptions options;
  if (!args.date.empty()) {
    auto d = ParseIsoDate(args.date);
    if (!d) throw CommandFailed{"--date: expected YYYY-MM-DD"};
    options.day = *d;
  }
  for (const std::string& name : args.names) {
    nlohmann::json j;
    j["name"] = name;
    j["key"] = NameKey(name);
    std::vector<ActorHit> hits;
    (*kb)->actors.LookupKey(NameKey(name), &hits);
    nlohmann::json actors = nlohmann::json::array();
    for (const ActorHit& h : hits) {
      const Actor& a = (*kb)->actors.actor(h.actor);
      actors.push_back({{"id", a.id}, {"name", a.name}, {"kind", a.kind}, {"country", a.country}});
    }
    j["actors"] = actors;
    if ((*kb)->gazetteer) {
      PlaceResolver resolver(*(*kb)->gazetteer);
      PlaceContext ctx;
      ctx.countries = args.countries;
      std::optional<Geo> geo = resolver.Resolve(name, ctx);
      if (geo)
        j["place"] = {{"name", geo->name}, {"geonameid", geo->geonameid}, {"lat", geo->lat},
                      {"lon", geo->lon}, {"admin1", geo->admin1}, {"country", geo->country},
                      {"precision", std::string(PrecisionName(geo->precision))}};
    }
    j["entities"] = EntitiesJson(RecogniseEntities(**kb, name, options));
    std::printf("%s\n", DumpJson(j, 2).c_str());
  }
}

void SetupLookup(CLI::App& app) {
  auto g = std::make_shared<GazetteerArgs>();
  CLI::App* build = app.add_subcommand(
      "gazetteer", "Compile the gazetteer index from the npm data packages and data/places.tsv");
  build->add_option("--npm", g->node_modules, "node_modules folder")->capture_default_str();
  build->add_option("--places", g->places, "our supplement (TSV)")->capture_default_str();
  build->add_option("--out", g->out, "index file to write")->capture_default_str();
  build->callback([g] { RunGazetteer(*g); });

  auto l = std::make_shared<LookupArgs>();
  CLI::App* lookup = app.add_subcommand(
      "lookup", "Resolve names against the gazetteer and the actor dictionary");
  lookup->add_option("names", l->names, "Names or short texts")->required();
  lookup->add_option("--country", l->countries, "ISO2 codes the context mentions");
  lookup->add_option("--date", l->date, "Date of the context (YYYY-MM-DD) for roles");
  lookup->callback([l] { RunLookup(*l); });
}

}  // namespace

SITREP_COMMAND(80, SetupLookup);

}  // namespace sitrep::cli
