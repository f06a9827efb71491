// Blocking (CandidatePairs) must keep every pair Linked accepts, and must not pair a report
// that only evidence can link (undated, or dated by a window of months or years) with every
// report of its country: that made fusion quadratic in undated reports (bench/results/
// fusion.md, session 9). Events are written by us.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "fuse_test_util.h"
#include "sitrep/fuse/coref.h"

namespace sitrep::testing_fuse {
namespace {

const char* const kStrike = "Explosions/Remote violence";

// A random report from small pools of places, names, tolls, actors, dates and sentences, so
// that pairs often link by each kind of evidence: the same town and day, a shared sentence
// (copies), UndatedIdentity (names, tolls, actors), the same article.
Report RandomReport(std::mt19937_64& r, int n) {
  static const EventPlace kPlaces[] = {
      Place("Port Velen", "XA", 10.00, 20.00),
      Place("Velen Concert Hall", "XA", 10.10, 20.05, "point"),
      Place("Kessa", "XA", 10.30, 20.40),
      Place("Lund", "XA", 12.00, 22.00),
      Place("Norland", "XA", 11.0, 21.0, "admin1"),
      Place("XA", "XA", 0, 0, "country"),
      Place("Marrow", "XB", 10.0, 20.0),
      Place("Somewhere", "", 0, 0, "city"),  // placed in no country
  };
  static const char* const kNames[] = {"Marrow", "Velen", "Kessa", "Deborah", "Shagari", "Lund"};
  static const int64_t kFigures[] = {-1, 0, 3, 5, 30};
  static const char* const kDays[] = {"2024-08-24", "2024-08-25", "2024-09-30", "2023-01-02"};
  std::string sentence = "The attack on the road hit";
  for (int i = static_cast<int>(r() % 3); i > 0; --i) {
    sentence += std::string(" ") + kNames[r() % std::size(kNames)] + " and";
  }
  sentence += " the market, officials said.";
  // Articles of one to three reports: doc d<n/2> (some pairs share an article).
  Report rep = MakeReport("d" + std::to_string(n / 2), n % 2, kStrike, kDays[r() % 4],
                          kPlaces[r() % std::size(kPlaces)], kFigures[r() % std::size(kFigures)],
                          sentence);
  if (r() % 7 == 0) rep.event.location.reset();
  switch (r() % 3) {
    case 0: rep.event.actor1 = EventActor{"grp1", "Red Hand", "", "rebel_group"}; break;
    case 1: rep.event.actor2 = EventActor{"grp2", "Blue Guard", "", "militia"}; break;
    default: break;
  }
  switch (r() % 6) {
    case 0: rep.event.date = {}; rep.event.best_day = 0; break;                // undated
    case 1: rep.event.date = {Day("2014-01-01"), Day("2025-12-31"), DatePrecision::kYear};
            break;                                                               // years
    case 2: rep.event.date = {Day("2024-01-01"), Day("2024-12-31"), DatePrecision::kYear};
            break;                                                               // one year
    case 3: rep.event.date = {Day("2024-08-19"), Day("2024-08-25"), DatePrecision::kWeek};
            break;
    default: break;                                                              // a day
  }
  return rep;
}

TEST(BlockingTest, CandidatePairsHoldEveryLinkedPair) {
  FusionOptions o;
  std::mt19937_64 r(909);
  int linked = 0, by_evidence = 0;
  for (int round = 0; round < 30; ++round) {
    std::vector<Report> reports;
    for (int i = 0; i < 80; ++i) reports.push_back(RandomReport(r, i));
    std::vector<const Report*> ptrs;
    for (const Report& x : reports) ptrs.push_back(&x);
    const auto pairs = CandidatePairs(ptrs, o);
    const std::set<std::pair<size_t, size_t>> got(pairs.begin(), pairs.end());
    for (size_t i = 0; i < ptrs.size(); ++i) {
      for (size_t j = i + 1; j < ptrs.size(); ++j) {
        if (!Linked(*ptrs[i], *ptrs[j], o)) continue;
        ++linked;
        if (FoundOnlyByEvidence(*ptrs[i], o) || FoundOnlyByEvidence(*ptrs[j], o)) ++by_evidence;
        EXPECT_TRUE(got.count({i, j}))
            << ptrs[i]->key << " " << ptrs[j]->key << ": " << ptrs[i]->event.sources[0].sentence
            << " | " << ptrs[j]->event.sources[0].sentence;
      }
    }
  }
  EXPECT_GT(linked, 1000);
  EXPECT_GT(by_evidence, 200);  // the pools make undated and wide reports link often
}

// Undated reports of one country that share nothing are not paired with each other, nor
// with the dated reports of that country (before: every pair, quadratic).
TEST(BlockingTest, UndatedReportsSharingNothingAreNotPaired) {
  FusionOptions o;
  std::vector<Report> reports;
  for (int i = 0; i < 60; ++i) {
    const std::string n = std::to_string(i);
    Report dated = MakeReport("a" + n, 0, kStrike, "2024-08-24",
                              Place("Town" + n, "XA", 10 + i, 20), 3 + i,
                              "A strike hit the Town" + n + " market on the main road today.");
    Report undated = MakeReport("b" + n, 0, kStrike, "2024-08-24",
                                Place("Village" + n, "XA", 10 + i, 30), 100 + i,
                                "A strike hit the Village" + n + " market on the main road.");
    undated.event.date = {};
    undated.event.best_day = 0;
    Report year = MakeReport("c" + n, 0, kStrike, "2024-08-24", Place("Hamlet" + n, "XA", 10, 40),
                             200 + i, "Dozens of strikes were recorded in the Hamlet" + n +
                                          " area this year.");
    year.event.date = {Day("2024-01-01"), Day("2024-12-31"), DatePrecision::kYear};
    reports.push_back(dated);
    reports.push_back(undated);
    reports.push_back(year);
  }
  std::vector<const Report*> ptrs;
  for (const Report& x : reports) ptrs.push_back(&x);
  for (const auto& [i, j] : CandidatePairs(ptrs, o)) {
    EXPECT_FALSE(FoundOnlyByEvidence(*ptrs[i], o) || FoundOnlyByEvidence(*ptrs[j], o))
        << ptrs[i]->key << " " << ptrs[j]->key;
  }
  // A copy of one undated report's sentence, and a dated report with its toll at its town,
  // are paired with it.
  Report copy = reports[1];
  copy.key = "copy#0";
  copy.event.sources[0].doc = "copy";
  Report toll = MakeReport("toll", 0, kStrike, "2021-03-02", Place("Village0", "XA", 10, 30), 100,
                           "Gunmen killed one hundred people there, officials said.");
  ptrs.push_back(&copy);
  ptrs.push_back(&toll);
  const auto pairs = CandidatePairs(ptrs, o);
  const std::set<std::pair<size_t, size_t>> got(pairs.begin(), pairs.end());
  EXPECT_TRUE(got.count({1, ptrs.size() - 2}));
  EXPECT_TRUE(got.count({1, ptrs.size() - 1}));
}

}  // namespace
}  // namespace sitrep::testing_fuse
