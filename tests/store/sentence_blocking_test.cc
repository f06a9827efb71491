// The store finds the candidates of a report that only a shared sentence can link
// (LinksOnlyBySentence) by sentence, not by date window (src/store/report_index.cc). That is
// exact only while LinksOnlyBySentence agrees with the identity rules in src/fuse/coref.cc:
// this differential test draws report pairs of every kind and checks that whenever such a
// report is Linked to one of another article, the two share a sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "sitrep/fuse/coref.h"
#include "sitrep/store/report_index.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::Day;
using testing_fuse::MakeReport;
using testing_fuse::Place;

Report RandomReport(std::mt19937& rng, int i) {
  const char* types[] = {"Explosions/Remote violence", "Battles", "Protests", ""};
  const std::optional<EventPlace> places[] = {
      Place("Baghdad", "IQ", 33.34, 44.40),         Place("Abu Ghraib", "IQ", 33.29, 44.06),
      Place("Baghdad", "IQ", 0, 0, "admin1"),       Place("Iraq", "IQ", 0, 0, "country"),
      Place("Kabul", "AF", 34.53, 69.17, "point"), std::nullopt};
  const char* sentences[] = {
      "Gunmen killed 12 people near Falluja on Monday.",
      "Officials said an investigation was under way.",
      "Violence in Anbar has risen since 2023.",
      "Residents of Ramadi said 12 people died.",
      "The Sadrist movement held a rally in Najaf.",
      "The group has been fighting the government for more than a decade.",  // boilerplate
      ""};
  Report r = MakeReport("d" + std::to_string(i % 7), i, types[rng() % 4], "2024-01-10",
                        places[rng() % 6], static_cast<int64_t>(rng() % 3) * 6 - 1,
                        sentences[rng() % 7]);
  if (rng() % 3 == 0) {
    r.event.sources.push_back(r.event.sources[0]);
    r.event.sources.back().sentence = sentences[rng() % 7];
  }
  const int64_t d = Day("2024-01-10") + static_cast<int64_t>(rng() % 5);
  switch (rng() % 7) {
    case 0: r.event.date = {d, d, DatePrecision::kDay}; break;
    case 1: r.event.date = {d - 3, d + 3, DatePrecision::kWeek}; break;
    case 2: r.event.date = {d - 9, d + 20, DatePrecision::kMonth}; break;
    case 3: r.event.date = {d - 9, d + 300, DatePrecision::kYear}; break;
    case 4: r.event.date = {d - 40, d, DatePrecision::kMonth}; break;  // two months
    case 5: r.event.date = {d - 70, d, DatePrecision::kMonth}; break;
    default: r.event.date = {}; break;
  }
  r.event.best_day = r.event.date.known() ? r.event.date.earliest : 0;
  if (rng() % 3 == 0) r.event.actor1 = EventActor{"Islamic State", "isis", "", "rebel"};
  return r;
}

bool ShareSentence(const Report& a, const Report& b) {
  std::vector<int64_t> x = SentenceHashes(a), y = SentenceHashes(b);
  for (int64_t h : x) {
    if (std::find(y.begin(), y.end(), h) != y.end()) return true;
  }
  return false;
}

TEST(SentenceBlockingTest, ReportsThatLinkOnlyBySentenceLinkOnlyBySentence) {
  std::mt19937 rng(7);
  const FusionOptions options;
  std::vector<Report> reports;
  for (int i = 0; i < 600; ++i) reports.push_back(RandomReport(rng, i));
  int by_sentence = 0, linked = 0;
  for (const Report& r : reports) by_sentence += LinksOnlyBySentence(r, options);
  for (size_t i = 0; i < reports.size(); ++i) {
    for (size_t j = i + 1; j < reports.size(); ++j) {
      const Report& a = reports[i];
      const Report& b = reports[j];
      if (a.event.sources[0].doc == b.event.sources[0].doc) continue;  // found by article
      if (!LinksOnlyBySentence(a, options) && !LinksOnlyBySentence(b, options)) continue;
      if (!Linked(a, b, options)) continue;
      ++linked;
      EXPECT_TRUE(ShareSentence(a, b)) << a.key << " ~ " << b.key;
    }
  }
  // The corpus exercises the rule: both kinds occur, and such pairs do link.
  EXPECT_GT(by_sentence, 50);
  EXPECT_LT(by_sentence, 500);
  EXPECT_GT(linked, 10);
}

// Only evidential sentences are indexed: a boilerplate, caption or short sentence shared by
// two articles is no identity evidence (src/fuse/shared_sentence.h), and within one article
// the reports are candidates anyway. One line per sentence: indexed or not.
TEST(SentenceBlockingTest, OnlyEvidentialSentencesAreIndexed) {
  struct Case {
    const char* sentence;
    bool indexed;
  };
  const Case cases[] = {
      {"Gunmen killed 12 people near Falluja on Monday.", true},
      {"Officials said an investigation was under way.", true},
      {"Photo: AFP", false},
      {"THIS IMAGE MAY OFFEND OR DISTURB", false},
      {"Five people died.", false},  // fewer than kMinEvidenceWords words
      {"The group has been fighting the government for more than a decade.", false},
      {"", false},
  };
  for (const Case& c : cases) {
    Report r = MakeReport("d", 0, "Battles", "2024-01-10", std::nullopt, -1, c.sentence);
    EXPECT_EQ(SentenceHashes(r).size(), c.indexed ? 1u : 0u) << c.sentence;
  }
}

TEST(SentenceBlockingTest, WhichReportsLinkOnlyBySentence) {
  const FusionOptions options;
  struct Case {
    DateInterval date;
    std::optional<EventPlace> place;
    bool want;
  };
  const int64_t d = Day("2024-01-10");
  const Case cases[] = {
      {{d, d, DatePrecision::kDay}, std::nullopt, false},
      {{d - 3, d + 3, DatePrecision::kWeek}, std::nullopt, false},
      {{d, d + 30, DatePrecision::kMonth}, std::nullopt, false},
      {{d - 40, d, DatePrecision::kMonth}, std::nullopt, false},  // names link within 62 days
      {{d - 70, d, DatePrecision::kMonth}, std::nullopt, true},
      {{d, d + 364, DatePrecision::kYear}, std::nullopt, true},
      {{d, d + 364, DatePrecision::kYear}, Place("Iraq", "IQ", 0, 0, "country"), true},
      {{d, d + 364, DatePrecision::kYear}, Place("Anbar", "IQ", 0, 0, "admin1"), true},
      {{d, d + 364, DatePrecision::kYear}, Place("Baghdad", "IQ", 33.3, 44.4), true},  // a year at a city: no place evidence
      {{}, std::nullopt, true},
      {{}, Place("Baghdad", "IQ", 33.3, 44.4, "point"), false},
  };
  for (const Case& c : cases) {
    Report r = MakeReport("d", 0, "Battles", "2024-01-10", c.place, -1, "x");
    r.event.date = c.date;
    EXPECT_EQ(LinksOnlyBySentence(r, options), c.want)
        << r.event.date.earliest << ".." << r.event.date.latest << " "
        << (c.place ? c.place->precision : "none");
  }
}

}  // namespace
}  // namespace sitrep
