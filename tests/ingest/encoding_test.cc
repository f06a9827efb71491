#include "sitrep/ingest/encoding.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

struct DecodeCase {
  const char* name;
  std::string bytes;
  bool ok;
  std::string text;      // expected UTF-8 when ok
  std::string encoding;  // expected encoding when ok; part of the message otherwise
};

TEST(DecodeToUtf8Test, Table) {
  const DecodeCase cases[] = {
      {"ascii", "Hello, world.", true, "Hello, world.", "UTF-8"},
      {"utf8 passes", "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", true, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "UTF-8"},
      {"bom dropped", "\xEF\xBB\xBFhi there", true, "hi there", "UTF-8"},
      {"cp1252 quotes", "He said \x93yes\x94 today.", true, "He said \xE2\x80\x9Cyes\xE2\x80\x9D today.", "windows-1252"},
      {"latin1 e-acute", "Le caf\xE9 est ouvert ce matin.", true, "Le caf\xC3\xA9 est ouvert ce matin.", "windows-1252"},
      {"cp1252 euro and dash", "Price \x80""5 \x96 cheap", true, "Price \xE2\x82\xAC""5 \xE2\x80\x93 cheap", "windows-1252"},
      {"mixed keeps utf8", "caf\xC3\xA9 and \x93quote\x94 here", true, "caf\xC3\xA9 and \xE2\x80\x9Cquote\xE2\x80\x9D here", "UTF-8+windows-1252"},
      {"empty", "", true, "", "UTF-8"},
      {"nul is binary", std::string("abc\0def", 7), false, "", "byte 3"},
      {"controls are binary", "\x01\x02\x03\x04\x05\x06\x07\x08 some text", false, "", "binary"},
      {"undefined cp1252 byte", "abc \x81 def ghi jkl", false, "", "byte 4"},
      {"too many high bytes", "\xE9\xE8\xE0\xF9\xE9\xE8", false, "", "invalid UTF-8"},
      {"utf16 refused", "\xFF\xFEh\0i\0", false, "", "UTF-16"},
  };
  for (const auto& c : cases) {
    auto r = DecodeToUtf8(c.bytes);
    ASSERT_EQ(r.ok(), c.ok) << c.name << ": " << (r.ok() ? "" : r.status().message());
    if (c.ok) {
      EXPECT_EQ(r->text, c.text) << c.name;
      EXPECT_EQ(r->encoding, c.encoding) << c.name;
    } else {
      EXPECT_NE(r.status().message().find(c.encoding), std::string::npos)
          << c.name << ": " << r.status().message();
    }
  }
}

TEST(DecodeToUtf8Test, DeclaredLatin1WithAsciiOnlyStaysReadable) {
  auto r = DecodeToUtf8("plain words", "ISO-8859-1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "plain words");
}

struct Utf8Case {
  std::string s;
  size_t bad;
};

TEST(FindInvalidUtf8Test, Table) {
  const Utf8Case cases[] = {
      {"abc", std::string::npos},
      {"\xC3\xA9", std::string::npos},
      {"a\xC3", 1},                 // truncated sequence
      {"ab\xC0\xAF", 2},            // overlong
      {"\xED\xA0\x80", 0},          // surrogate
      {"\xF4\x90\x80\x80", 0},      // past U+10FFFF
      {"x\xF0\x9F\x98\x80y", std::string::npos},
  };
  for (const auto& c : cases) EXPECT_EQ(FindInvalidUtf8(c.s), c.bad) << c.s;
}

}  // namespace
}  // namespace sitrep
