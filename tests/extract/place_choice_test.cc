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
  const char* id = nullptr;  // the know stage's id when a rule reads it ("admin2:NG:...")
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
    e.id = p.id ? std::string(p.id) : std::string("test:") + p.name;
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
      // A dateline is where the report was filed: a place the text tells beats it, and it
      // stands in only when the text names no other.
      {"BAMAKO, March 3 (Reuters) - A car bomb exploded at a crowded market on Sunday.\n\n"
       "The market is the largest in the Mopti region.",
       {{"BAMAKO", 12.65, -8.0, kCity, "Bamako", "ML"},
        {"Mopti region", 14.5, -3.9, kAdmin1, "Mopti", "ML"}},
       "Mopti region"},
      {"BAMAKO, March 3 (Reuters) - A car bomb exploded at a market on Sunday.",
       {{"BAMAKO", 12.65, -8.0, kCity, "Bamako", "ML"}},
       "BAMAKO"},
      // Control: a dateline place the prose names again is a place of the article.
      {"BAMAKO, March 3 (Reuters) - A car bomb exploded at a market in BAMAKO on Sunday, "
       "police in the Mopti region said.",
       {{"BAMAKO", 12.65, -8.0, kCity, "Bamako", "ML"},
        {"Mopti region", 14.5, -3.9, kAdmin1, "Mopti", "ML"}},
       "BAMAKO"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOfFirstEvent(c.text, c.places), c.want) << c.text;
}

// A name whose qualifier does not hold it was resolved to a namesake: the qualifier is the
// place. A lone place of another country than the article's other places is a namesake abroad.
// A place chosen for want of one told with the trigger is refined like a told one.
TEST(PlaceChoiceTest, NamesakesTheArticleContradicts) {
  constexpr Precision kCountry = Precision::kCountry;
  struct Case {
    const char* text;
    std::vector<PlaceSpec> places;
    const char* want;
  } cases[] = {
      {"Rebels shelled army positions near Pisky, Donetsk, on Monday, wounding two soldiers.",
       {{"Pisky", 46.90, 32.00, kCity, "Mykolaiv", "UA"},
        {"Donetsk", 48.00, 37.80, kCity, "Donetsk", "UA"}},
       "Donetsk"},
      // Control: the name resolved inside its qualifier's area keeps it.
      {"Rebels shelled army positions near Pisky, Donetsk, on Monday, wounding two soldiers.",
       {{"Pisky", 48.10, 37.67, kCity, "Donetsk", "UA"},
        {"Donetsk", 48.00, 37.80, kCity, "Donetsk", "UA"}},
       "Pisky"},
      {"Gunmen shot dead a trader in the San Jeronimo suburb, Cusco city, on Friday.",
       {{"San Jeronimo", -6.05, -77.10, kCity, "Amazonas", "PE"},
        {"Cusco", -13.53, -71.97, kCity, "Cusco", "PE"}},
       "Cusco"},
      // A district named with its province: one area, the district stays.
      {"A roadside bomb killed two soldiers in Charkh district, Logar, on Monday.",
       {{"Charkh", 33.80, 68.93, kAdmin1, "Logar", "AF"},
        {"Logar", 34.02, 69.19, kAdmin1, "Logar", "AF"}},
       "Charkh"},
      // A second-level division lies in its province: it refines it.
      {"Gunmen abducted a police officer in Egbado North LGA (Ogun) on Tuesday, police in "
       "Abeokuta said.",
       {{"Egbado North", 6.95, 2.93, kAdmin1, "Ogun", "NG", "admin2:NG:egbado_north"},
        {"Ogun", 7.00, 3.50, kAdmin1, "Ogun", "NG", "admin1:NG:ogun"},
        {"Abeokuta", 7.15, 3.35, kCity, "Ogun", "NG"}},
       "Egbado North"},
      // A qualifier read in another country tells nothing of the name.
      {"Police fired tear gas at protesters in Brasilia, Distrito Federal, on Sunday.",
       {{"Brasilia", -15.78, -47.93, kCity, "Federal District", "BR"},
        {"Distrito Federal", 10.46, -66.93, kAdmin1, "Distrito Federal", "VE"}},
       "Brasilia"},
      // A qualifier that its own qualifier contradicts is the namesake.
      {"Police dispersed workers who protested in Kasserine (Ezzouhour, Kasserine) on Friday.",
       {{"Kasserine", 35.17, 8.83, kCity, "Kasserine", "TN"},
        {"Ezzouhour", 36.80, 10.10, kCity, "Tunis", "TN"}},
       "Kasserine"},
      {"Troops stationed at Gorgan shelled positions near Shukurbeyli, Fizuli, in Azerbaijan on "
       "Tuesday.",
       {{"Gorgan", 36.84, 54.44, kCity, "Golestan", "IR"},
        {"Fizuli", 39.60, 47.15, kCity, "Fuzuli", "AZ"},
        {"Azerbaijan", 40.40, 47.60, kCountry, "", "AZ"}},
       "Fizuli"},
      // Control: one place in each of two countries is no majority.
      {"An Israeli drone strike hit a car in Beirut on Tuesday.",
       {{"Israel", 31.50, 34.80, kCountry, "", "IL"},
        {"Beirut", 33.89, 35.50, kCity, "Beirut", "LB"}},
       "Beirut"},
      // No place told with the trigger: the article's place, refined by a town inside it.
      {"Lakes State (South Sudan): chiefs met on Monday.\n\nGunmen shot dead two Rumbek "
       "traders on Sunday.",
       {{"Lakes State", 6.80, 29.70, kAdmin1, "Lakes", "SS"},
        {"Rumbek", 6.81, 29.68, kCity, "Lakes", "SS"}},
       "Rumbek"},
  };
  for (const Case& c : cases) EXPECT_EQ(PlaceOfFirstEvent(c.text, c.places), c.want) << c.text;
}

}  // namespace
}  // namespace sitrep::extract
