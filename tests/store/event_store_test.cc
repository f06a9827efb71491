// The store: schema and migrations, idempotent and incremental ingest equal to fusing all at
// once (differential against the fusion library), replacement of changed articles, filters.
#include "sitrep/store/event_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sitrep/know/gazetteer.h"
#include "sitrep/store/schema.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_store::Article;
using testing_store::DumpEvents;
using testing_store::TempDb;

const EventPlace kBaghdad = Place("Baghdad", "IQ", 33.34, 44.40);
const EventPlace kKabul = Place("Kabul", "AF", 34.53, 69.17);
const char* kStrike = "Explosions/Remote violence";

std::string Words(int seed, int n = 80) {
  std::string t;
  for (int i = 0; i < n; ++i) t += "t" + std::to_string(seed) + "x" + std::to_string(i) + " ";
  return t;
}

std::vector<AnalysedArticle> SmallCorpus() {
  std::vector<AnalysedArticle> a;
  // One strike in Baghdad reported by a wire story, a copy of it, and an independent report.
  a.push_back(Article("a_wire", Words(1),
                      {MakeReport("a_wire", 0, kStrike, "2024-01-04", kBaghdad, 2,
                                  "A drone strike killed two people in Baghdad.")}));
  a.push_back(Article("b_copy", Words(1) + " extra",
                      {MakeReport("b_copy", 0, kStrike, "2024-01-04", kBaghdad, 2,
                                  "A drone strike killed two people in Baghdad.")}));
  a.push_back(Article("c_indep", Words(2),
                      {MakeReport("c_indep", 0, kStrike, "2024-01-04", kBaghdad, 4,
                                  "Four died when a drone hit a car in Baghdad."),
                       MakeReport("c_indep", 1, kStrike, "2020-01-03", kBaghdad, 10,
                                  "The 2020 strike in Baghdad killed ten.")}));
  a.push_back(Article("d_kabul", Words(3),
                      {MakeReport("d_kabul", 0, "Protests", "2024-01-04", kKabul, -1,
                                  "Hundreds protested in Kabul.")}));
  return a;
}

TEST(EventStoreTest, SchemaVersionAndMigrations) {
  TempDb tmp;
  {
    auto store = EventStore::Open(tmp.path());
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ(*QueryInt((*store)->db(), "PRAGMA user_version").value(), kSchemaVersion);
    EXPECT_EQ(*QueryInt((*store)->db(), "SELECT count(*) FROM migrations").value(),
              static_cast<int64_t>(Migrations().size()));
    EXPECT_EQ(*QueryInt((*store)->db(), "PRAGMA foreign_keys").value(), 1);
    (void)(*store)->db().Exec("PRAGMA user_version = 99");
  }
  auto newer = EventStore::Open(tmp.path());
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
}

TEST(EventStoreTest, IngestFusesCountsOriginsAndIsIdempotent) {
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  auto stats = store->IngestBatch(SmallCorpus());
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->added, 4);
  auto events = store->Events({}).value();
  ASSERT_EQ(events.size(), 3u);  // 2020 strike, 2024 strike, protest
  const Event* strike = nullptr;
  for (const Event& e : events) {
    if (e.event_type == kStrike && FormatIsoDate(e.best_day) == "2024-01-04") strike = &e;
  }
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->sources.size(), 3u);
  EXPECT_EQ(strike->independent_sources, 2);
  EXPECT_EQ(strike->fatalities->best, 2);
  EXPECT_EQ(strike->fatalities->max, 4);
  EXPECT_TRUE(store->CheckIntegrity().ok());

  const std::string before = DumpEvents(*store);
  auto again = store->IngestBatch(SmallCorpus());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 4);
  EXPECT_EQ(again->events_written, 0);
  EXPECT_EQ(DumpEvents(*store), before);
}

TEST(EventStoreTest, OneByOneInAnyOrderEqualsAllAtOnceAndTheLibrary) {
  // A bigger random corpus: stories reported by 1-4 outlets, some copies, some far apart.
  std::mt19937 rng(5);
  std::vector<AnalysedArticle> corpus;
  std::vector<Report> all_reports;
  DocPrints prints;
  const EventPlace places[] = {kBaghdad, kKabul, Place("Basra", "IQ", 30.51, 47.78)};
  const char* days[] = {"2020-01-03", "2024-01-04", "2024-01-05", "2024-03-01"};
  for (int story = 0; story < 30; ++story) {
    int outlets = 1 + static_cast<int>(rng() % 4);
    const EventPlace& place = places[rng() % 3];
    const char* day = days[rng() % 4];
    for (int o = 0; o < outlets; ++o) {
      std::string id = "s" + std::to_string(story) + "_" + std::to_string(o);
      std::string text = Words(story) + (rng() % 2 ? "" : Words(1000 + story * 10 + o));
      corpus.push_back(Article(id, text, {MakeReport(id, 0, kStrike, day, place,
                                                     static_cast<int64_t>(rng() % 5), "x")}));
      for (Report& r : MakeReports(id, corpus.back().events)) all_reports.push_back(r);
      prints[id] = MakeDocPrint(corpus.back().doc, FusionOptions{}.minhash);
    }
  }
  TempDb tmp;
  auto together = std::move(EventStore::Open(tmp.path("all.db")).value());
  ASSERT_TRUE(together->IngestBatch(corpus).ok());
  const std::string expected = DumpEvents(*together);

  // The library's fusion of the same reports gives the same events.
  FusedSet lib = Fuse(all_reports, prints, FusionOptions{});
  std::string lib_dump;
  {
    std::vector<std::string> lines;
    for (const Event& e : lib.events) lines.push_back(EncodeEvent(e));
    std::sort(lines.begin(), lines.end());
    for (const auto& l : lines) lib_dump += l + "\n";
  }
  EXPECT_EQ(lib_dump, expected);

  for (int trial = 0; trial < 2; ++trial) {
    std::shuffle(corpus.begin(), corpus.end(), rng);
    auto one = std::move(EventStore::Open(tmp.path("one" + std::to_string(trial) + ".db")).value());
    for (const AnalysedArticle& a : corpus) ASSERT_TRUE(one->IngestBatch({a}).ok());
    EXPECT_EQ(DumpEvents(*one), expected) << "trial " << trial;
    EXPECT_TRUE(one->CheckIntegrity().ok());
  }
}

TEST(EventStoreTest, ChangedArticleReplacesItsOldVersion) {
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  ASSERT_TRUE(store->IngestBatch(SmallCorpus()).ok());
  // c_indep is corrected: it no longer reports the 2020 strike and now says 3 killed.
  AnalysedArticle changed = Article("c_indep", Words(2) + " corrected",
      {MakeReport("c_indep", 0, kStrike, "2024-01-04", kBaghdad, 3, "Three died in Baghdad.")});
  auto stats = store->IngestBatch({changed});
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->replaced, 1);
  auto events = store->Events({}).value();
  EXPECT_EQ(events.size(), 2u);
  // Equal to a fresh database built from the final versions.
  std::vector<AnalysedArticle> final_corpus = SmallCorpus();
  final_corpus[2] = changed;
  auto fresh = std::move(EventStore::Open(tmp.path("fresh.db")).value());
  ASSERT_TRUE(fresh->IngestBatch(final_corpus).ok());
  EXPECT_EQ(DumpEvents(*store), DumpEvents(*fresh));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(EventStoreTest, FiltersTable) {
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  std::vector<AnalysedArticle> corpus = SmallCorpus();
  corpus[3].doc.text = "Hundreds protested in Kabul against the fuel tax.";
  ASSERT_TRUE(store->IngestBatch(corpus).ok());
  struct Case {
    EventFilter filter;
    size_t expected;
    const char* what;
  } cases[] = {
      {{}, 3, "all"},
      {{.country = "IQ"}, 2, "country"},
      {{.country = "af"}, 1, "country, any case"},
      {{.from = *ParseIsoDate("2024-01-01")}, 2, "from"},
      {{.to = *ParseIsoDate("2021-01-01")}, 1, "to"},
      {{.lat = 34.5, .lon = 69.2, .km = 20}, 1, "near Kabul"},
      {{.type = "protests"}, 1, "type"},
      {{.type = "Air/drone strike"}, 2, "sub-type"},
      {{.text = "fuel"}, 1, "full text"},
      {{.text = "nothingmatches"}, 0, "full text, none"},
  };
  for (const Case& c : cases) {
    auto got = store->Events(c.filter);
    ASSERT_TRUE(got.ok()) << c.what << ": " << got.status().message();
    EXPECT_EQ(got->size(), c.expected) << c.what;
  }
  auto one = store->Events({}).value().front();
  auto by_prefix = store->GetEvent(one.id.substr(0, 10));
  ASSERT_TRUE(by_prefix.ok());
  ASSERT_TRUE(by_prefix->has_value());
  EXPECT_EQ((*by_prefix)->id, one.id);
  EXPECT_FALSE(store->GetEvent("ev-nothere").value().has_value());
}

TEST(EventCodecTest, RoundTrip) {
  Report r = MakeReport("d", 0, kStrike, "2024-01-04", kBaghdad, 3, "A sentence.", "2024-01-05");
  r.event.id = "ev-1";
  r.event.sources[0].revised = true;
  r.event.sources[0].origin = "other";
  r.event.sources[0].trigger = "strike";
  r.event.actor1 = EventActor{"United States", "us", "US", "state_military"};
  r.event.conflicts.push_back({"fatalities", {{"3", {"d"}}, {"4", {"e"}}}});
  std::string once = EncodeEvent(r.event);
  auto back = DecodeEvent(once);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(EncodeEvent(*back), once);
  EXPECT_FALSE(DecodeEvent("[1]").ok());
  EXPECT_FALSE(DecodeEvent("{\"date_precision\":\"day\"}").ok());
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// --near pre-filters with a lat/lon box in SQL; differential against the naive distance check
// over every event, for points near, far, at a pole and across the antimeridian.
TEST(EventStoreTest, NearEqualsTheNaiveDistanceFilter) {
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  std::vector<AnalysedArticle> corpus = SmallCorpus();
  const EventPlace far[] = {Place("Suva", "FJ", -18.14, 178.44), Place("Apia", "WS", -13.83, -171.76),
                            Place("Longyearbyen", "SJ", 78.22, 15.65), Place("Basra", "IQ", 30.51, 47.78)};
  for (size_t i = 0; i < std::size(far); ++i) {
    std::string id = "far" + std::to_string(i);
    corpus.push_back(Article(id, Words(900 + static_cast<int>(i)),
                             {MakeReport(id, 0, "Protests", "2024-02-01", far[i], -1, "P.")}));
  }
  ASSERT_TRUE(store->IngestBatch(corpus).ok());
  const std::vector<Event> all = store->Events({}).value();
  const struct { double lat, lon, km; } cases[] = {
      {33.3, 44.4, 50}, {33.3, 44.4, 600}, {34.5, 69.2, 10}, {-16.0, 179.9, 1200},
      {-16.0, -179.9, 1200}, {89.0, 0.0, 1500}, {0, 0, 20000}, {30.5, 47.8, 0.5}};
  for (const auto& c : cases) {
    EventFilter f;
    f.lat = c.lat;
    f.lon = c.lon;
    f.km = c.km;
    std::vector<std::string> want, got;
    for (const Event& e : all) {
      if (e.location && e.location->has_coords &&
          DistanceKm(c.lat, c.lon, e.location->lat, e.location->lon) <= c.km) {
        want.push_back(e.id);
      }
    }
    const std::vector<Event> near = store->Events(f).value();
    for (const Event& e : near) got.push_back(e.id);
    EXPECT_EQ(got, want) << c.lat << "," << c.lon << " " << c.km;
  }
}

}  // namespace
}  // namespace sitrep
