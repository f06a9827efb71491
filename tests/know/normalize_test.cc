#include "sitrep/know/normalize.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

struct SameKeyCase {
  const char* a;
  const char* b;
};

// Spellings that must meet on one key.
TEST(NameKey, SpellingVariantsMeet) {
  const SameKeyCase cases[] = {
      {"al-Qā’im", "Al Qaim"},                 // diacritics, apostrophe, article
      {"Al Qa'im", "al-Qaim"},                 // ASCII apostrophe
      {"ʿAyn al-Asad", "Ayn al-Asad"},         // ayn mark
      {"Jurf al-Nasr", "Jurf an-Nasr"},        // article forms
      {"Jurf al-Nasr", "Jurf Al Nasr"},        // hyphen vs space
      {"Yahya Rasoul", "Yehia Rasool"},        // y/i, e/a, ou/oo
      {"Moshtaq", "Mushtaq"},                  // o/u
      {"Qassem", "Qaseem"},                    // doubled letters
      {"Abu Taqwa", "Abou Taqwa"},             // ou/u
      {"Mobilisation", "Mobilization"},        // s/z
      {"Fallujah", "Falluja"},                 // final h
      {"Baghdad", "Bagdad"},                   // gh/g
      {"Abdul Latif", "Abd al-Latif"},         // abdul
      {"Zaporizhzhia", "ZAPORIZHZHIA"},        // case
      {"São Paulo", "Sao Paulo"},              // tilde
      {"Kyïv", "Kyiv"},                        // diaeresis
      {"U.S.", "US"},                          // dotted code
  };
  for (const auto& c : cases) EXPECT_EQ(NameKey(c.a), NameKey(c.b)) << c.a << " / " << c.b;
}

// Names that must stay apart.
TEST(NameKey, DistinctNamesStayApart) {
  const SameKeyCase cases[] = {
      {"On", "U.N."}, {"SS", "S"}, {"Hamas", "Hama"}, {"Iran", "Iraq"}, {"Is", "IS Sahel"},
  };
  for (const auto& c : cases) EXPECT_NE(NameKey(c.a), NameKey(c.b)) << c.a << " / " << c.b;
}

TEST(FoldName, FoldsAndSeparates) {
  const std::pair<const char*, const char*> cases[] = {
      {"Al Qā’im", "al qaim"}, {"Straße", "strasse"}, {"  Kataib--Hezbollah ", "kataib hezbollah"},
      {"Ḥamās", "hamas"}, {"بغداد", ""}, {"Łódź", "lodz"}, {"U.S.-led", "us led"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(FoldName(in), out) << in;
}

TEST(SingularKey, DropsPluralS) {
  EXPECT_EQ(SingularKey(NameKey("Popular Mobilization Forces")),
            SingularKey(NameKey("Popular Mobilization Force")));
  EXPECT_EQ(SingularKey("bus"), "bus");
}

}  // namespace
}  // namespace sitrep
