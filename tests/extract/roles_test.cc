// Roles from the dependency tree (sentences and trees written for these tests, wire style).
// Part 1 gives hand-written UD trees, so the rules are tested apart from the parser; part 2
// runs our tagger and parser on raw sentences and checks the actors the extractor reports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "extract/roles.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/ingest/document.h"

namespace sitrep::extract {
namespace {

// "form/UPOS/head/deprel ..." (heads 1-based, 0 = root) -> a parsed Sentence.
Sentence Tree(const std::string& spec) {
  Sentence s;
  std::istringstream in(spec);
  std::string item;
  uint32_t off = 0;
  while (in >> item) {
    Token t;
    size_t a = item.find('/'), b = item.find('/', a + 1), c = item.find('/', b + 1);
    t.form = item.substr(0, a);
    t.upos = item.substr(a + 1, b - a - 1);
    t.head = std::stoi(item.substr(b + 1, c - b - 1));
    t.deprel = item.substr(c + 1);
    t.begin = off, t.end = off + static_cast<uint32_t>(t.form.size());
    off = t.end + 1;
    s.tokens.push_back(t);
  }
  return s;
}

std::string Text(const Sentence& s, const std::vector<RoleSpan>& spans) {
  if (spans.empty()) return "";
  std::string out;
  for (int i = spans[0].begin; i < spans[0].end; ++i) {
    if (!out.empty()) out += ' ';
    out += s.tokens[i].form;
  }
  return out;
}

int Find(const Sentence& s, const std::string& form) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].form == form) return static_cast<int>(i);
  }
  return -1;
}

struct TreeCase {
  const char* what;
  const char* tree;
  const char* trigger;  // first token of the trigger; the trigger is `trigger_len` tokens
  int trigger_len;
  const char* actor;    // first filler's phrase, "" = none
  const char* target;
  const char* place;
};

TEST(RolesTest, RolesFromHandWrittenTrees) {
  const TreeCase kCases[] = {
      {"active verb", "Militants/NOUN/2/nsubj attacked/VERB/0/root a/DET/5/det police/NOUN/5/compound station/NOUN/2/obj in/ADP/7/case Kano/PROPN/2/obl", "attacked", 1, "Militants", "a police station", "Kano"},
      {"passive with agent", "The/DET/2/det convoy/NOUN/4/nsubj:pass was/AUX/4/aux:pass struck/VERB/0/root by/ADP/7/case Israeli/ADJ/7/amod jets/NOUN/4/obl:agent", "struck", 1, "Israeli jets", "The convoy", ""},
      {"passive, by as plain obl", "Two/NUM/2/nummod soldiers/NOUN/4/nsubj:pass were/AUX/4/aux:pass killed/VERB/0/root by/ADP/6/case rebels/NOUN/4/obl", "killed", 1, "rebels", "Two soldiers", ""},
      {"nominal: on = target, by = actor", "The/DET/2/det strike/NOUN/0/root on/ADP/5/case the/DET/5/det headquarters/NOUN/2/nmod by/ADP/7/case Hezbollah/PROPN/2/nmod", "strike", 1, "Hezbollah", "the headquarters", ""},
      {"nominal: of = victims", "the/DET/2/det deaths/NOUN/0/root of/ADP/5/case both/DET/5/det individuals/NOUN/2/nmod", "deaths", 1, "", "both individuals", ""},
      {"nominal: demonym modifier", "An/DET/3/det Israeli/ADJ/3/amod airstrike/NOUN/4/nsubj hit/VERB/0/root a/DET/6/det car/NOUN/4/obj", "airstrike", 1, "Israeli", "a car", ""},
      {"nominal: named compound, multi-token trigger", "A/DET/4/det U.S./PROPN/4/compound drone/NOUN/4/compound strike/NOUN/5/nsubj killed/VERB/0/root two/NUM/7/nummod commanders/NOUN/5/obj", "drone", 2, "U.S.", "two commanders", ""},
      {"nominal: possessor", "Israel/PROPN/3/nmod:poss 's/PART/1/case strike/NOUN/0/root on/ADP/5/case Damascus/PROPN/3/nmod", "strike", 1, "Israel", "Damascus", ""},
      {"light verb", "U.S./PROPN/2/compound forces/NOUN/3/nsubj carried/VERB/0/root out/ADP/3/compound:prt an/DET/6/det airstrike/NOUN/3/obj on/ADP/9/case a/DET/9/det depot/NOUN/6/nmod", "airstrike", 1, "U.S. forces", "a depot", ""},
      {"light verb, target on the verb", "The/DET/2/det army/NOUN/3/nsubj launched/VERB/0/root strikes/NOUN/3/obj against/ADP/6/case rebels/NOUN/3/obl near/ADP/8/case Goma/PROPN/3/obl", "strikes", 1, "The army", "rebels", "Goma"},
      {"light verb, passive", "The/DET/2/det raid/NOUN/5/nsubj:pass was/AUX/5/aux:pass reportedly/ADV/5/advmod conducted/VERB/0/root by/ADP/8/case special/ADJ/8/amod forces/NOUN/5/obl:agent", "raid", 1, "special forces", "", ""},
      {"relative clause, subject pronoun", "the/DET/2/det militants/NOUN/0/root ,/PUNCT/5/punct who/PRON/5/nsubj attacked/VERB/2/acl:relcl the/DET/7/det base/NOUN/5/obj", "attacked", 1, "the militants", "the base", ""},
      {"relative clause, object pronoun", "the/DET/2/det base/NOUN/0/root that/PRON/5/obj gunmen/NOUN/5/nsubj attacked/VERB/2/acl:relcl", "attacked", 1, "gunmen", "the base", ""},
      {"reduced relative, passive", "a/DET/2/det strike/NOUN/0/root carried/VERB/2/acl out/ADP/3/compound:prt by/ADP/7/case the/DET/7/det coalition/NOUN/3/obl", "strike", 1, "the coalition", "", ""},
      {"apposition on the actor", "Kataib/PROPN/4/nsubj ,/PUNCT/3/punct militia/NOUN/1/appos attacked/VERB/0/root troops/NOUN/4/obj", "attacked", 1, "Kataib", "troops", ""},
      {"xcomp shares the subject", "Rebels/NOUN/2/nsubj vowed/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp the/DET/6/det city/NOUN/4/obj", "attack", 1, "Rebels", "the city", ""},
      {"conj shares the subject", "Gunmen/NOUN/2/nsubj stormed/VERB/0/root the/DET/4/det hotel/NOUN/2/obj and/CCONJ/6/cc killed/VERB/2/conj guests/NOUN/6/obj", "killed", 1, "Gunmen", "guests", ""},
      {"passive conj shares the patient", "Five/NUM/2/nummod people/NOUN/4/nsubj:pass were/AUX/4/aux:pass killed/VERB/0/root and/CCONJ/6/cc wounded/VERB/4/conj", "wounded", 1, "", "Five people", ""},
      {"obl with at = place", "Police/NOUN/2/nsubj arrested/VERB/0/root protesters/NOUN/2/obj at/ADP/6/case the/DET/6/det airport/NOUN/2/obl", "arrested", 1, "Police", "protesters", "the airport"},
      {"unparsed sentence: no roles", "Militants/NOUN/-1/_ attacked/VERB/-1/_", "attacked", 1, "", "", ""},
  };
  for (const TreeCase& c : kCases) {
    SCOPED_TRACE(c.what);
    Sentence s = Tree(c.tree);
    int t = Find(s, c.trigger);
    ASSERT_GE(t, 0);
    Roles r = FindRoles(s, t, t + c.trigger_len);
    EXPECT_EQ(Text(s, r.actor), c.actor);
    EXPECT_EQ(Text(s, r.target), c.target);
    EXPECT_EQ(Text(s, r.place), c.place);
  }
}

// Regression: a trigger whose head token points at itself or out of range must not loop.
TEST(RolesTest, MalformedHeadsAreBounded) {
  Sentence s = Tree("Rebels/NOUN/1/nsubj attacked/VERB/9/root");
  Roles r = FindRoles(s, 1, 2);
  EXPECT_TRUE(r.target.empty());
}

TEST(RolesTest, InstrumentsAndTimes) {
  Sentence s = Tree("Rebels/NOUN/2/nsubj shelled/VERB/0/root the/DET/4/det town/NOUN/2/obj with/ADP/6/case mortars/NOUN/2/obl on/ADP/8/case Monday/PROPN/2/obl");
  Roles r = FindRoles(s, 1, 2);
  EXPECT_EQ(Text(s, r.instrument), "mortars");
  EXPECT_EQ(Text(s, r.time), "Monday");
  Sentence d = Tree("a/DET/3/det drone/NOUN/3/compound strike/NOUN/0/root");
  EXPECT_EQ(Text(d, FindRoles(d, 1, 3).instrument), "drone");
}

}  // namespace
}  // namespace sitrep::extract

namespace sitrep {
namespace {

// Part 2: our tagger and parser on raw wire-style sentences; actors as the extractor reports
// them (actor dictionary of data/, no gazetteer). Skipped when the models are absent.
const EventExtractor* ModelExtractor() {
  static std::unique_ptr<EventExtractor> ex = []() -> std::unique_ptr<EventExtractor> {
    setenv("SITREP_DATA_DIR", SITREP_SOURCE_DIR "/data", 1);
    auto r = EventExtractor::Create({SITREP_SOURCE_DIR "/data", SITREP_SOURCE_DIR "/models"});
    return r.ok() ? std::move(*r) : nullptr;
  }();
  return ex.get();
}

struct ActorCase {
  const char* text;
  const char* actor1;  // "" = none expected
  const char* actor2;
};

TEST(RolesTest, ActorsFromParsedWireSentences) {
  const EventExtractor* ex = ModelExtractor();
  if (!ex) GTEST_SKIP() << "models/ not loadable";
  const ActorCase kCases[] = {
      // passive with agent: the subject is the target
      {"Two Hamas commanders were killed by Israeli forces in Gaza on Monday.", "Israel armed forces", "Hamas"},
      // light verb
      {"Hezbollah carried out a drone attack on an army post on Tuesday.", "Hezbollah", ""},
      // apposition on the subject
      {"The Houthis, an Iran-backed group, fired missiles at a cargo ship on Sunday.", "Houthis", ""},
      // nominal event with a demonym modifier and the noun as subject
      {"An Israeli airstrike killed three Hamas commanders on Monday.", "Israel", "Hamas"},
  };
  for (const ActorCase& c : kCases) {
    SCOPED_TRACE(c.text);
    Document d;
    d.id = "t.txt", d.text = c.text;
    d.published = DateInterval{DaysFromCivil(2024, 1, 10), DaysFromCivil(2024, 1, 10), DatePrecision::kDay};
    auto evs = ex->Extract(d);
    ASSERT_FALSE(evs.empty());
    const Event& e = evs[0];
    EXPECT_EQ(e.actor1 ? e.actor1->name : "", c.actor1);
    if (*c.actor2) {
      EXPECT_EQ(e.actor2 ? e.actor2->name : "", c.actor2);
    }
  }
}

// Who a statement was made to or comes from is a source of the report, not a party to the
// event told in the same sentence.
TEST(RolesTest, WhoWasToldIsNoParty) {
  const EventExtractor* ex = ModelExtractor();
  if (!ex) GTEST_SKIP() << "models/ not loadable";
  const char* kTexts[] = {
      "The blast tore through the bus station on Monday, a police officer told The Associated "
      "Press.",
      "The bombing killed four people at the market on Monday, a medic said to Reuters.",
      "Gunmen shot dead two farmers on Monday, a villager said in an interview with Reuters.",
  };
  for (const char* text : kTexts) {
    SCOPED_TRACE(text);
    Document d;
    d.id = "t.txt", d.text = text;
    d.published = DateInterval{DaysFromCivil(2024, 1, 10), DaysFromCivil(2024, 1, 10), DatePrecision::kDay};
    auto evs = ex->Extract(d);
    ASSERT_FALSE(evs.empty());
    for (const Event& e : evs) {
      for (const auto* a : {&e.actor1, &e.actor2}) {
        if (!*a) continue;
        EXPECT_NE((*a)->name, "Associated Press");
        EXPECT_NE((*a)->name, "Reuters");
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
