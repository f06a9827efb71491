// The per-event word-set memo (src/fuse/report_features.cc) must give exactly what computing
// afresh gives: differential against DistinctiveNames/SharedNames on events that differ in
// one field at a time (sentences, actor names, place), and across a memo reset.
#include "sitrep/fuse/report_features.h"

#include <gtest/gtest.h>

#include "sitrep/fuse/identity.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;

std::set<std::string> FirstWords(const Event& e) {
  std::set<std::string> out;
  for (const EventSource& s : e.sources) out.insert(s.sentence.substr(0, s.sentence.find(' ')));
  return out;
}

std::vector<Event> Variants() {
  std::vector<Event> out;
  const char* sentences[] = {"Gunmen from Falluja attacked Ramadi on Monday.",
                             "Officials in Basra met the Sadrist leaders of Najaf.",
                             "Residents of Anbar fled to Baghdad and Karbala.", ""};
  const std::optional<EventPlace> places[] = {Place("Baghdad", "IQ", 33.3, 44.4),
                                              Place("Anbar", "IQ", 0, 0, "admin1"),
                                              Place("Najaf", "IQ", 0, 0, "country"),
                                              std::nullopt};
  const std::optional<EventActor> actors[] = {EventActor{"Ramadi Brigade", "", "", ""},
                                              EventActor{"Basra Police", "x", "", ""},
                                              std::nullopt};
  for (const char* s : sentences) {
    for (const auto& p : places) {
      for (const auto& a : actors) {
        Event e = MakeReport("d", 0, "Battles", "2024-01-01", p, -1, s).event;
        e.actor1 = a;
        out.push_back(e);
        e.actor2 = actors[0];
        e.sources.push_back(e.sources[0]);
        e.sources.back().sentence = sentences[2];
        out.push_back(e);
      }
    }
  }
  return out;
}

TEST(ReportFeaturesTest, MemoisedNamesEqualFreshOnes) {
  std::vector<Event> events = Variants();
  for (int round = 0; round < 2; ++round) {  // the second round reads the memo
    for (const Event& a : events) {
      EXPECT_EQ(*CachedDistinctiveNames(a), DistinctiveNames(a));
      for (const Event& b : events) EXPECT_EQ(CachedSharedNames(a, b), SharedNames(a, b));
    }
  }
}

TEST(ReportFeaturesTest, SentenceSetsAreKeyedByTagAndSentences) {
  Event a = MakeReport("d", 0, "Battles", "2024-01-01", std::nullopt, -1, "Alpha beta.").event;
  Event b = a;
  b.sources[0].sentence = "Gamma delta.";
  EXPECT_EQ(*SentenceWordSet(a, 'F', &FirstWords), std::set<std::string>{"Alpha"});
  EXPECT_EQ(*SentenceWordSet(b, 'F', &FirstWords), std::set<std::string>{"Gamma"});
  // Two sentences "a b" + "c" are not one sentence "a bc" (length-prefixed key).
  Event c = a, d = a;
  c.sources[0].sentence = "x y";
  c.sources.push_back(c.sources[0]);
  c.sources[1].sentence = "z";
  d.sources[0].sentence = "x yz";
  EXPECT_EQ(*SentenceWordSet(c, 'F', &FirstWords), (std::set<std::string>{"x", "z"}));
  EXPECT_EQ(*SentenceWordSet(d, 'F', &FirstWords), std::set<std::string>{"x"});
}

}  // namespace
}  // namespace sitrep
