// The seeds against ../shared/gold/seeds.entities.jsonl: every gold entity found, every gold
// mention attached to the right entity, no two gold entities merged, gold places within 25 km
// (admin1 regions: 100 km of their centre). Prints the figures.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "know_test_support.h"
#include "sitrep/base/date.h"
#include "sitrep/base/file.h"
#include "sitrep/know/entities.h"

namespace sitrep {
namespace {

struct Truth {
  double lat, lon, km;
};

// True positions of the gold places (public reference coordinates, written by us).
const std::map<std::string, Truth>& PlaceTruth() {
  static const std::map<std::string, Truth> t = {
      {"baghdad", {33.3406, 44.4009, 25}},    {"palestine_street", {33.3420, 44.4400, 25}},
      {"al_qaim", {34.3717, 41.0945, 25}},    {"anbar", {33.0, 42.0, 150}},
      {"jurf_al_nasr", {32.85, 44.13, 25}},   {"babil", {32.5, 44.5, 100}},
      {"al_asad_air_base", {33.7856, 42.4412, 25}}, {"kerman", {30.2832, 57.0788, 25}},
      {"damascus", {33.5102, 36.2913, 25}},   {"beirut", {33.8938, 35.5018, 25}},
      {"gaza", {31.5017, 34.4668, 25}}};
  return t;
}

TEST(SeedsEntitiesGolden, FindsAttachesAndPlaces) {
  const std::string shared = SITREP_SHARED_DIR;
  Result<std::string> gold_text = ReadFileBytes(shared + "/gold/seeds.entities.jsonl", 1 << 24);
  if (!gold_text.ok()) GTEST_SKIP() << "no ../shared gold";
  const KnowledgeBase* kb = testing::TestKnowledgeBase();
  if (!kb) GTEST_SKIP() << "third_party/npm/node_modules absent: run scripts/setup.sh";
  Result<std::vector<std::string>> seeds = ListFilesRecursive(shared + "/seeds");
  ASSERT_TRUE(seeds.ok());
  // Our entities per seed.
  struct Doc { std::string text; std::vector<Entity> entities; };
  std::vector<Doc> docs;
  for (const std::string& path : *seeds) {
    if (path.size() < 4 || path.substr(path.size() - 4) != ".txt") continue;
    Result<std::string> text = ReadFileBytes(path, 1 << 24);
    ASSERT_TRUE(text.ok());
    EntityOptions options;
    options.day = *ParseIsoDate("2024-01-05");
    docs.push_back({*text, RecogniseEntities(*kb, *text, options)});
  }
  int gold_entities = 0, found_entities = 0, gold_mentions = 0, attached = 0, places = 0,
      places_ok = 0;
  std::map<std::string, std::string> majority;  // gold id -> our id
  std::map<std::string, std::set<std::string>> claimed;  // our id -> gold ids
  std::vector<std::string> problems;
  for (std::string_view line : [&] {
         std::vector<std::string_view> v;
         std::string_view all = *gold_text;
         for (size_t p = 0; p < all.size();) {
           size_t e = all.find('\n', p);
           if (e == std::string_view::npos) e = all.size();
           if (e > p) v.push_back(all.substr(p, e - p));
           p = e + 1;
         }
         return v;
       }()) {
    nlohmann::json g = nlohmann::json::parse(line);
    std::string gid = g["id"];
    ++gold_entities;
    std::map<std::string, int> votes;
    std::vector<std::pair<std::string, std::string>> mention_ids;  // mention -> our id
    const Entity* place_entity = nullptr;
    for (const auto& m : g["mentions"]) {
      std::string mention = m;
      ++gold_mentions;
      std::string ours;
      for (const Doc& d : docs) {
        for (size_t p = d.text.find(mention); p != std::string::npos && ours.empty();
             p = d.text.find(mention, p + 1)) {
          for (const Entity& e : d.entities)
            for (const EntityMention& em : e.mentions)
              if (em.begin < p + mention.size() && p < em.end) {
                ours = e.id;
                if (e.geo) place_entity = &e;
              }
        }
        if (!ours.empty()) break;
      }
      mention_ids.push_back({mention, ours});
      if (!ours.empty()) votes[ours]++;
    }
    std::string best;
    int best_votes = 0;
    for (const auto& [id, n] : votes)
      if (n > best_votes) { best = id; best_votes = n; }
    if (!best.empty()) {
      ++found_entities;
      claimed[best].insert(gid);
    } else {
      problems.push_back("not found: " + gid);
    }
    majority[gid] = best;
    for (const auto& [mention, ours] : mention_ids) {
      if (!ours.empty() && ours == best) ++attached;
      else problems.push_back("mention '" + mention + "' of " + gid + " -> '" + ours + "'");
    }
    auto truth = PlaceTruth().find(gid);
    if (truth != PlaceTruth().end()) {
      ++places;
      if (place_entity && place_entity->id == best) {
        double km = DistanceKm(place_entity->geo->lat, place_entity->geo->lon, truth->second.lat,
                               truth->second.lon);
        if (km <= truth->second.km) ++places_ok;
        else problems.push_back(gid + " is " + std::to_string(km) + " km off");
      } else {
        problems.push_back("no place for " + gid);
      }
    }
  }
  int merged = 0;
  for (const auto& [ours, golds] : claimed)
    if (golds.size() > 1) {
      ++merged;
      problems.push_back("merged into " + ours + ": " + std::to_string(golds.size()) + " gold entities");
    }
  std::printf("entities found %d/%d, mentions attached %d/%d, merged %d, places within range %d/%d\n",
              found_entities, gold_entities, attached, gold_mentions, merged, places_ok, places);
  for (const std::string& p : problems) std::printf("  %s\n", p.c_str());
  EXPECT_EQ(found_entities, gold_entities);
  EXPECT_EQ(merged, 0);
  EXPECT_EQ(places_ok, places);
  EXPECT_GE(attached * 100, gold_mentions * 90);  // at least 90% of the gold mentions
}

}  // namespace
}  // namespace sitrep
