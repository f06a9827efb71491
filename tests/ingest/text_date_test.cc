#include "sitrep/ingest/text_date.h"

#include <gtest/gtest.h>

#include "sitrep/base/date.h"

namespace sitrep {
namespace {

TEST(FindTextDateTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"January 04, 2020 by Peoples Dispatch", "2020-01-04"},
      {"By | January 5, 2024", "2024-01-05"},
      {"Published: 5 January 2024", "2024-01-05"},
      {"Nov. 19, 2019 8:03 am ET", "2019-11-19"},
      {"Sept 3 2021", "2021-09-03"},
      {"posted 2024-02-29T10:00", "2024-02-29"},
      {"on the 4th of July", ""},
      {"February 30, 2024", ""},
      {"On Thursday, January 4, the government", ""},
      {"in May 2024 officials", ""},
      {"They may 5 2024", "2024-05-05"},  // accepted: a written date with a year
  };
  for (auto [text, want] : cases) {
    auto d = FindTextDate(text);
    EXPECT_EQ(d ? FormatIsoDate(d->day) : "", want) << text;
  }
}

}  // namespace
}  // namespace sitrep
