// The event's place (texts and places written for these tests; coordinates approximate): the
// place told for the event beats a more precise one told for something else; a sentence that
// opens "In X, ..." places its events in X; a finer place inside the chosen one refines it;
// a name glued into a compound is no place; an event with no place of its own takes one
// farther off in its sentence, else the article's; the origin of a distance ("100 km from X")
// is no place of the event.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/mention.h"
#include "sitrep/text/segment.h"

namespace sitrep::extract {
namespace {

struct PlaceSpec {
  const char* name;
  double lat, lon;
  Precision precision;
  const char* admin1;
  const char* country;
};

const EventLexicon& Lexicon() {
  static const Result<EventLexicon> lex = EventLexicon::Load(SITREP_SOURCE_DIR "/data/events");
  EXPECT_TRUE(lex.ok()) << lex.status().message();
  return *lex;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The place name of the first typed event of `text`, whose places are exactly `places` (found
// by their names in the text), or "" when it has none.
std::string PlaceOfFirstEvent(const std::string& text, const std::vector<PlaceSpec>& places) {
  DocContext doc;
  doc.text = text;
  doc.sentences = SplitAndTokenize(text);
  doc.info.resize(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    doc.info[i].sentence = &doc.sentences[i];
    for (const Token& t : doc.sentences[i].tokens) doc.info[i].lower.push_back(Lower(t.form));
  }
  for (const PlaceSpec& p : places) {
    Entity e;
    e.id = std::string("test:") + p.name;
    e.name = p.name, e.kind = "place", e.country = p.country;
    Geo g;
    g.name = p.name, g.lat = p.lat, g.lon = p.lon, g.precision = p.precision;
    g.admin1 = p.admin1, g.country = p.country;
    e.geo = g;
    int index = static_cast<int>(doc.entities.size());
    for (size_t at = text.find(p.name); at != std::string::npos; at = text.find(p.name, at + 1)) {
      uint32_t b = static_cast<uint32_t>(at);
      uint32_t end = static_cast<uint32_t>(at + std::string(p.name).size());
      EntityMention em;
      em.text = p.name, em.begin = b, em.end = end;
      e.mentions.push_back(em);
      for (size_t si = 0; si < doc.sentences.size(); ++si) {
        const auto& toks = doc.sentences[si].tokens;
        for (size_t t = 0; t < toks.size(); ++t) {
          if (toks[t].begin != b) continue;
          doc.info[si].entities.push_back({index, b, end, static_cast<int>(t), true});
        }
      }
    }
    doc.entities.push_back(std::move(e));
  }
  for (auto& info : doc.info) {
    std::sort(info.entities.begin(), info.entities.end(),
              [](const EntityRef& a, const EntityRef& b) { return a.begin < b.begin; });
  }
  std::vector<Mention> mentions = FindMentions(doc, Lexicon());
  AttachFigures(doc, Lexicon(), &mentions);
  for (const auto& group : GroupMentionIndices(doc, mentions)) {
    Event ev = BuildEvent(doc, mentions, group, "t", "");
    if (ev.event_type.empty()) continue;
    return ev.location ? ev.location->name : "";
  }
  return "(no event)";
}

constexpr Precision kCity = Precision::kCity, kPoint = Precision::kPoint;
constexpr Precision kAdmin1 = Precision::kAdmin1;

TEST(PlaceChoiceTest, ThePlaceToldForTheEvent) {
  struct Case {
    const char* text;
    std::vector<PlaceSpec> places;
    const char* want;
  } cases[] = {
      // A more precise place told for something else does not win (it used to: point < city).
      {"A drone strike hit a village near Mosul on Monday, officials at Erbil airport said.",
       {{"Mosul", 36.34, 43.13, kCity, "Nineveh", "IQ"},
        {"Erbil airport", 36.24, 43.96, kPoint, "Erbil", "IQ"}},
       "Mosul"},
      // "In X, Y, ..." opens the sentence: X is the place even far from the trigger, and a
      // later name resolved to a far namesake does not replace it.
      {"On 4 May 2020, in Sinop, Mato Grosso, a man was stabbed by an armed man in Cristovao "
       "neighbourhood.",
       {{"Sinop", -11.86, -55.50, kCity, "Mato Grosso", "BR"},
        {"Mato Grosso", -12.9, -55.9, kAdmin1, "Mato Grosso", "BR"},
        {"Cristovao", -10.9, -37.0, kCity, "Sergipe", "BR"}},
       "Sinop"},
      {"On 28 April 2020, in Campo Grande, Mato Grosso do Sul, two suspected thieves were tied "
       "up, beaten up and received electrical shocks by locals.",
       {{"Campo Grande", -20.44, -54.65, kCity, "Mato Grosso do Sul", "BR"}},
       "Campo Grande"},
      // A finer place inside the chosen one refines it.
      {"A car bomb exploded in Baghdad on Monday, hitting a crowded market in the Karrada "
       "district.",
       {{"Baghdad", 33.34, 44.40, kCity, "Baghdad", "IQ"},
        {"Karrada", 33.30, 44.43, kPoint, "Baghdad", "IQ"}},
       "Karrada"},
      {"Protesters blocked the Uruapan-Patzcuaro road in Michoacan on Monday.",
       {{"Michoacan", 19.2, -101.9, kAdmin1, "Michoacan", "MX"},
        {"Uruapan", 19.41, -102.06, kCity, "Michoacan", "MX"}},
       "Uruapan"},
      // A name glued to another by a hyphen names a road, not the place.
      {"Workers staged a protest on the Dhaka-Mymensingh highway in Gazipur on Monday.",
       {{"Dhaka", 23.71, 90.41, kCity, "Dhaka", "BD"},
        {"Gazipur", 24.09, 90.42, kCity, "Dhaka", "BD"}},
       "Gazipur"},
      // No place of its own: the article's opening place.
      {"Kano (Nigeria): police raised the alert on Tuesday.\n\nA suicide bombing at a market "
       "killed four people on Monday.",
       {{"Kano", 12.0, 8.52, kCity, "Kano", "NG"}},
       "Kano"},
      // The origin of a distance locates the place, it is not the event's place.
      {"A car bomb exploded in Pont Sonde, about 100 kilometers from the capital "
       "Port-au-Prince, on Thursday.",
       {{"Pont Sonde", 19.15, -72.61, kCity, "Artibonite", "HT"},
        {"Port-au-Prince", 18.54, -72.34, kCity, "Ouest", "HT"}},
       "Pont Sonde"},
      {"A car bomb exploded in a village about 100 kilometers from Port-au-Prince on "
       "Thursday.",
       {{"Port-au-Prince", 18.54, -72.34, kCity, "Ouest", "HT"}},
       ""},
      {"A car bomb exploded at a checkpoint 60 km north of Kabul on Monday.",
       {{"Kabul", 34.53, 69.17, kCity, "Kabul", "AF"}},
       ""},
      // Control: the same place told as where.
      {"A car bomb exploded in Port-au-Prince on Thursday.",
       {{"Port-au-Prince", 18.54, -72.34, kCity, "Ouest", "HT"}},
       "Port-au-Prince"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOfFirstEvent(c.text, c.places), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep::extract
