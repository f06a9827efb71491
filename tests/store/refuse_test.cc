// Incremental re-fusion (src/store/refuse.cc) re-clusters only a batch's neighbourhood; these
// tests check it against fusing everything at once (the library) on corpora dense enough that
// the link graph is one long chain of days, where a neighbourhood is much smaller than the
// connected part, with batches of random sizes in random orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sitrep/store/event_codec.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::Day;
using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_store::Article;
using testing_store::DumpEvents;
using testing_store::TempDb;

std::string Words(int seed, int n = 60) {
  std::string t;
  for (int i = 0; i < n; ++i) t += "w" + std::to_string(seed) + "y" + std::to_string(i) + " ";
  return t;
}

struct Corpus {
  std::vector<AnalysedArticle> articles;
  std::vector<Report> reports;
  DocPrints prints;
};

// Stories on 12 consecutive days (each day links to the next through the date slack) in a few
// places, some near each other, some reports placeless or country-wide, some sharing a stock
// sentence, told by 1-4 outlets with a second, secondary report now and then.
// A country-wide place, as extraction writes it: no coordinates (the stored JSON keeps none).
EventPlace Country(const std::string& name, const std::string& iso2) {
  EventPlace p = Place(name, iso2, 0, 0, "country");
  p.has_coords = false;
  return p;
}

// A report that only a shared sentence can link (store blocking finds it by sentence): a
// year-wide or undated mention, placeless or country-wide; `year_city` gives it a city instead.
Report Background(const std::string& doc, int n, const char* type,
                  std::optional<EventPlace> place, bool undated, const std::string& sentence) {
  Report r = MakeReport(doc, n, type, "2024-01-01", std::move(place), -1, sentence);
  r.event.date = undated ? DateInterval{}
                         : DateInterval{Day("2023-01-01"), Day("2024-12-31"), DatePrecision::kYear};
  r.event.best_day = undated ? 0 : Day("2023-01-01");
  return r;
}

// With `background`, articles also carry year-wide and undated reports that share their story's
// sentence, a stock sentence or nothing, placeless, country-wide or (then found by window) in a
// city.
Corpus DenseCorpus(uint32_t seed, int stories, bool background = false) {
  std::mt19937 rng(seed);
  const std::optional<EventPlace> places[] = {
      Place("Baghdad", "IQ", 33.34, 44.40), Place("Abu Ghraib", "IQ", 33.29, 44.06),
      Place("Basra", "IQ", 30.51, 47.78),   Country("Iraq", "IQ"),
      Place("Kabul", "AF", 34.53, 69.17),   std::nullopt};
  const char* types[] = {"Explosions/Remote violence", "Battles", "Protests", ""};
  const char* days[] = {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04",
                        "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08",
                        "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12"};
  const char* stock[] = {"Officials said an investigation was under way.",
                         "The situation was calm on the following day."};
  Corpus c;
  for (int story = 0; story < stories; ++story) {
    const auto& place = places[rng() % 6];
    const char* type = types[rng() % 4];
    const char* day = days[rng() % 12];
    int outlets = 1 + static_cast<int>(rng() % 4);
    for (int o = 0; o < outlets; ++o) {
      std::string id = "d" + std::to_string(story) + "_" + std::to_string(o);
      std::string sentence = rng() % 3 == 0 ? stock[rng() % 2]
                                            : "Story " + std::to_string(story) + " told.";
      std::vector<Report> reports = {MakeReport(id, 0, type, day, place,
                                                static_cast<int64_t>(rng() % 4) - 1, sentence)};
      if (rng() % 4 == 0) {
        reports.push_back(MakeReport(id, 1, types[rng() % 4], days[rng() % 12],
                                     places[rng() % 6], -1, stock[rng() % 2]));
      }
      if (background && rng() % 2 == 0) {
        const std::string said[] = {sentence, stock[rng() % 2],
                                    "Violence has risen since 2023.", "Said " + id + "."};
        std::optional<EventPlace> where;
        switch (rng() % 4) {
          case 0: where = Country("Iraq", "IQ"); break;
          case 1: where = places[rng() % 6]; break;
          default: break;
        }
        reports.push_back(Background(id, static_cast<int>(reports.size()), types[rng() % 4],
                                     where, rng() % 3 == 0, said[rng() % 4]));
      }
      std::string text = Words(story) + (rng() % 2 ? "" : Words(1000 + story * 10 + o));
      c.articles.push_back(Article(id, text, reports));
      for (Report& r : MakeReports(id, c.articles.back().events)) c.reports.push_back(r);
      c.prints[id] = MakeDocPrint(c.articles.back().doc, FusionOptions{}.minhash);
    }
  }
  return c;
}

std::string LibraryDump(const Corpus& c) {
  FusedSet lib = Fuse(c.reports, c.prints, FusionOptions{});
  std::vector<std::string> lines;
  for (const Event& e : lib.events) lines.push_back(EncodeEvent(e));
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(RefuseTest, OneBatchOfADenseCorpusEqualsTheLibrary) {
  Corpus c = DenseCorpus(1, 45);
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  ASSERT_TRUE(store->IngestBatch(c.articles).ok());
  EXPECT_EQ(DumpEvents(*store), LibraryDump(c));
}

TEST(RefuseTest, RandomBatchesOfADenseCorpusEqualTheLibrary) {
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
    Corpus c = DenseCorpus(seed, 45);
    const std::string expected = LibraryDump(c);
    std::mt19937 rng(seed * 7);
    TempDb tmp;
    for (int trial = 0; trial < 3; ++trial) {
      std::shuffle(c.articles.begin(), c.articles.end(), rng);
      auto store = std::move(EventStore::Open(tmp.path("t" + std::to_string(trial))).value());
      for (size_t i = 0; i < c.articles.size();) {
        size_t n = std::min(c.articles.size() - i, size_t{1} + rng() % 8);
        std::vector<AnalysedArticle> batch(c.articles.begin() + static_cast<long>(i),
                                           c.articles.begin() + static_cast<long>(i + n));
        auto stats = store->IngestBatch(batch);
        ASSERT_TRUE(stats.ok()) << stats.status().message();
        i += n;
      }
      EXPECT_EQ(DumpEvents(*store), expected) << "seed " << seed << " trial " << trial;
      EXPECT_TRUE(store->CheckIntegrity().ok());
    }
  }
}

// Regression (issue 7): year-wide and undated reports were candidates of every query in their
// window and made store+fusion super-linear; they are now found by sentence. Same events.
TEST(RefuseTest, RandomBatchesWithBackgroundReportsEqualTheLibrary) {
  for (uint32_t seed : {21u, 22u, 23u, 24u, 25u, 26u}) {
    Corpus c = DenseCorpus(seed, 45, /*background=*/true);
    const std::string expected = LibraryDump(c);
    std::mt19937 rng(seed * 7);
    TempDb tmp;
    for (int trial = 0; trial < 3; ++trial) {
      std::shuffle(c.articles.begin(), c.articles.end(), rng);
      auto store = std::move(EventStore::Open(tmp.path("t" + std::to_string(trial))).value());
      for (size_t i = 0; i < c.articles.size();) {
        size_t n = std::min(c.articles.size() - i, size_t{1} + rng() % 8);
        std::vector<AnalysedArticle> batch(c.articles.begin() + static_cast<long>(i),
                                           c.articles.begin() + static_cast<long>(i + n));
        auto stats = store->IngestBatch(batch);
        ASSERT_TRUE(stats.ok()) << stats.status().message();
        i += n;
      }
      EXPECT_EQ(DumpEvents(*store), expected) << "seed " << seed << " trial " << trial;
      EXPECT_TRUE(store->CheckIntegrity().ok());
    }
  }
}

TEST(RefuseTest, ReplacingArticlesInADenseCorpusEqualsTheLibrary) {
  Corpus c = DenseCorpus(9, 40);
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  ASSERT_TRUE(store->IngestBatch(c.articles).ok());
  // Every third article changes: one report's day moves (its old events must be re-fused).
  Corpus changed = c;
  changed.reports.clear();
  for (size_t i = 0; i < changed.articles.size(); ++i) {
    AnalysedArticle& a = changed.articles[i];
    if (i % 3 == 0 && !a.events.empty()) {
      a.doc.raw += " (updated)";
      a.events[0].date.earliest += 1;
      a.events[0].date.latest += 1;
      a.events[0].best_day += 1;
      ASSERT_TRUE(store->IngestBatch({a}).ok());
    }
    for (Report& r : MakeReports(a.doc.id, a.events)) changed.reports.push_back(r);
  }
  EXPECT_EQ(DumpEvents(*store), LibraryDump(changed));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(RefuseTest, UnchangedEventsAreKeptNotRewritten) {
  Corpus c = DenseCorpus(11, 30);
  TempDb tmp;
  auto store = std::move(EventStore::Open(tmp.path()).value());
  ASSERT_TRUE(store->IngestBatch(c.articles).ok());
  // A far-away, unrelated article touches nothing that is stored.
  auto far = Article("far", Words(5000),
                     {MakeReport("far", 0, "Protests", "2030-06-01",
                                 Place("Lima", "PE", -12.05, -77.04), -1, "Far away.")});
  auto stats = store->IngestBatch({far});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->events_written, 1);
  EXPECT_EQ(stats->events_removed, 0);
  EXPECT_EQ(stats->reports_fused, 1);
}

}  // namespace
}  // namespace sitrep
