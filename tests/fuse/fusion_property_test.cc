// Fusion is a function of the set of reports: random splits of a hand-built corpus, fused in
// random orders and merge trees, give the same events (same ids, same values).
#include "sitrep/fuse/fusion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fuse_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_fuse::Print;

// A canonical text of a fused set (every value that matters).
std::string Describe(const FusedSet& s) {
  std::string out;
  for (size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = s.events[i];
    out += e.id + " " + e.event_type + " " + FormatIsoDate(e.best_day) + " " +
           (e.location ? e.location->name : "-") + " src=" +
           std::to_string(e.independent_sources);
    if (e.fatalities) {
      out += " f=" + std::to_string(e.fatalities->best) + "/" + std::to_string(e.fatalities->min) +
             "/" + std::to_string(e.fatalities->max);
    }
    for (const EventSource& src : e.sources) out += " " + src.doc + ":" + src.origin;
    for (const Conflict& c : e.conflicts) out += " !" + c.field;
    for (const std::string& k : s.members[i]) out += " " + k;
    out += "\n";
  }
  return out;
}

struct Corpus {
  std::vector<Report> reports;
  DocPrints prints;
};

Corpus MakeCorpus(std::mt19937& rng) {
  const EventPlace places[] = {Place("Baghdad", "IQ", 33.34, 44.40),
                               Place("Basra", "IQ", 30.51, 47.78),
                               Place("Mosul", "IQ", 36.34, 43.13),
                               Place("Iraq", "IQ", 33.0, 44.0, "country"),
                               Place("Kabul", "AF", 34.53, 69.17)};
  const char* types[] = {"Explosions/Remote violence", "Battles", "Protests"};
  const char* days[] = {"2020-01-03", "2024-01-04", "2024-01-05", "2024-01-09"};
  Corpus c;
  for (int story = 0; story < 25; ++story) {
    int place = static_cast<int>(rng() % 5), type = static_cast<int>(rng() % 3),
        day = static_cast<int>(rng() % 4);
    int outlets = 1 + static_cast<int>(rng() % 4);
    std::string text;
    for (int k = 0; k < 60; ++k) text += "s" + std::to_string(story) + "w" + std::to_string(k) + " ";
    for (int o = 0; o < outlets; ++o) {
      std::string doc = "doc" + std::to_string(story) + "_" + std::to_string(o);
      int64_t dead = static_cast<int64_t>(rng() % 4);
      bool copy = o > 0 && rng() % 2;
      std::optional<EventPlace> p = places[place];
      if (rng() % 6 == 0) p = std::nullopt;
      c.reports.push_back(MakeReport(doc, 0, types[type], days[day], p, dead,
                                     "Story " + std::to_string(story) + " sentence."));
      c.prints[doc] = Print(doc, copy ? text : text + doc + " extra words " + doc);
      if (rng() % 3 == 0) {  // a second, unrelated event in the same article
        c.reports.push_back(MakeReport(doc, 1, types[(type + 1) % 3], days[(day + 2) % 4],
                                       places[(place + 1) % 5], -1, "Other thing."));
      }
    }
  }
  return c;
}

FusedSet FuseTree(std::vector<FusedSet> parts, std::mt19937& rng, const FusionOptions& o) {
  while (parts.size() > 1) {
    size_t i = rng() % parts.size();
    FusedSet a = std::move(parts[i]);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(i));
    size_t j = rng() % parts.size();
    FusedSet b = std::move(parts[j]);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(j));
    parts.push_back(rng() % 2 ? Merge(a, b, o) : Merge(b, a, o));
  }
  return parts.front();
}

TEST(FusionPropertyTest, RandomSplitsOrdersAndTreesAgree) {
  FusionOptions o;
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    Corpus corpus = MakeCorpus(rng);
    const std::string whole = Describe(Fuse(corpus.reports, corpus.prints, o));
    // Some events merged, some not.
    FusedSet all = Fuse(corpus.reports, corpus.prints, o);
    EXPECT_LT(all.events.size(), corpus.reports.size());
    for (int trial = 0; trial < 3; ++trial) {
      std::vector<Report> shuffled = corpus.reports;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      size_t nparts = 1 + rng() % 6;
      std::vector<FusedSet> parts;
      size_t pos = 0;
      for (size_t p = 0; p < nparts; ++p) {
        size_t end = p + 1 == nparts ? shuffled.size()
                                     : pos + rng() % (shuffled.size() - pos + 1);
        std::vector<Report> slice(shuffled.begin() + static_cast<std::ptrdiff_t>(pos),
                                  shuffled.begin() + static_cast<std::ptrdiff_t>(end));
        DocPrints prints;
        for (const Report& r : slice) {
          const std::string& doc = r.event.sources[0].doc;
          prints[doc] = corpus.prints[doc];
        }
        parts.push_back(Fuse(std::move(slice), std::move(prints), o));
        pos = end;
      }
      EXPECT_EQ(Describe(FuseTree(std::move(parts), rng, o)), whole) << "seed " << seed;
    }
  }
}

TEST(FusionPropertyTest, MergeWithItselfChangesNothing) {
  std::mt19937 rng(99);
  Corpus corpus = MakeCorpus(rng);
  FusionOptions o;
  FusedSet a = Fuse(corpus.reports, corpus.prints, o);
  EXPECT_EQ(Describe(Merge(a, a, o)), Describe(a));
}

}  // namespace
}  // namespace sitrep
