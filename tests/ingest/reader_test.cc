#include "sitrep/ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_files.h"

namespace sitrep {
namespace {

using testing::GzipBytes;
using testing::TempDir;

struct Collected {
  std::vector<RawInput> inputs;
  std::vector<std::string> errors;
  std::vector<std::string> notices;
};

Collected Read(const std::vector<std::string>& paths, ReadLimits limits = {}) {
  Collected c;
  Status st = ReadInputs(
      paths, limits,
      [&](Result<RawInput> in) {
        if (in.ok()) {
          c.inputs.push_back(std::move(in).value());
        } else {
          c.errors.push_back(in.status().message());
        }
      },
      [&](const std::string& m) { c.notices.push_back(m); });
  EXPECT_TRUE(st.ok()) << st.message();
  return c;
}

TEST(GunzipTest, Table) {
  const std::string text = "An article about a drone strike.\n";
  const std::string gz = GzipBytes(text);
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 6] ^= 0x5A;  // the CRC-32 in the trailer
  struct Case {
    const char* name;
    std::string data;
    bool ok;
    std::string want;  // output, or a part of the message
  } cases[] = {
      {"one member", gz, true, text},
      {"two members", gz + GzipBytes("Second part.\n"), true, text + "Second part.\n"},
      {"truncated names the byte", gz.substr(0, gz.size() / 2), false, "truncated at byte"},
      {"corrupt checksum", bad_crc, false, "corrupt at byte"},
      {"not gzip", "plain text, not gzip at all", false, "corrupt at byte 2: incorrect header check"},
      {"empty", "", false, "truncated at byte 0"},
  };
  for (const auto& c : cases) {
    auto r = Gunzip(c.data, 1 << 20);
    ASSERT_EQ(r.ok(), c.ok) << c.name << ": " << (r.ok() ? *r : r.status().message());
    if (c.ok) {
      EXPECT_EQ(*r, c.want) << c.name;
    } else {
      EXPECT_NE(r.status().message().find(c.want), std::string::npos) << c.name << ": " << r.status().message();
    }
  }
}

TEST(GunzipTest, OutputPastLimitIsRefused) {
  auto r = Gunzip(GzipBytes(std::string(100000, 'a')), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
}

TEST(ReaderTest, FileKinds) {
  TempDir dir;
  struct Case {
    const char* name;
    std::string bytes;
    bool ok;
    std::string want;  // text read, or a part of the message
    InputFormat format;
  } cases[] = {
      {"a.txt", "Plain text.\n", true, "Plain text.\n", InputFormat::kText},
      {"b.html", "<p>Hi</p>", true, "<p>Hi</p>", InputFormat::kHtml},
      {"c.txt", "<!DOCTYPE html><html></html>", true, "<!DOCTYPE html><html></html>", InputFormat::kHtml},
      {"d.txt.gz", GzipBytes("Zipped text.\n"), true, "Zipped text.\n", InputFormat::kText},
      {"e.txt", "", false, "empty file", InputFormat::kText},
      {"f.txt.gz", GzipBytes("Zipped text that is cut.\n").substr(0, 12), false, "f.txt.gz: gzip stream truncated at byte", InputFormat::kText},
  };
  for (const auto& c : cases) {
    std::string path = dir.Write(c.name, c.bytes);
    Collected got = Read({path});
    if (c.ok) {
      ASSERT_EQ(got.inputs.size(), 1u) << c.name;
      EXPECT_EQ(got.inputs[0].bytes, c.want) << c.name;
      EXPECT_EQ(got.inputs[0].format, c.format) << c.name;
      EXPECT_EQ(got.inputs[0].id, c.name) << c.name;
    } else {
      ASSERT_EQ(got.errors.size(), 1u) << c.name;
      EXPECT_NE(got.errors[0].find(c.want), std::string::npos) << got.errors[0];
    }
  }
}

TEST(ReaderTest, HugeFileRefusedWithoutReadingIt) {
  TempDir dir;
  std::string path = dir.path() + "/huge.txt";
  { std::ofstream(path, std::ios::binary); }
  std::filesystem::resize_file(path, 200ull << 20);  // sparse: no 200 MB written
  ReadLimits limits;
  limits.max_bytes = 16 << 20;
  Collected got = Read({path}, limits);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].find("huge.txt: 209715200 bytes is over the limit"), std::string::npos)
      << got.errors[0];
  EXPECT_NE(got.errors[0].find("--max-bytes"), std::string::npos);
}

TEST(ReaderTest, JsonlBadLinesNamedAndOthersRead) {
  TempDir dir;
  std::string path = dir.Write("recs.jsonl",
                               "{\"id\":\"a\",\"text\":\"First.\",\"published\":\"2031-01-02\"}\n"
                               "{\"id\":\"b\",\"text\":\"Sec\n"
                               "\n"
                               "{\"text\":\"no id\"}\n"
                               "{\"id\":\"d\"}\n"
                               "[1,2]\n"
                               "{\"id\":\"f\",\"html\":\"<p>Six</p>\",\"outlet\":\"Out\",\"title\":\"T\"}\n");
  Collected got = Read({path});
  ASSERT_EQ(got.inputs.size(), 2u);
  EXPECT_EQ(got.inputs[0].id, "a");
  EXPECT_EQ(got.inputs[0].origin, path + ":1");
  EXPECT_EQ(got.inputs[0].published, "2031-01-02");
  EXPECT_EQ(got.inputs[1].id, "f");
  EXPECT_EQ(got.inputs[1].format, InputFormat::kHtml);
  EXPECT_EQ(got.inputs[1].outlet, "Out");
  EXPECT_EQ(got.inputs[1].title, "T");
  ASSERT_EQ(got.errors.size(), 4u);
  const char* wants[] = {":2: not JSON", ":4: record has no \"id\"",
                         ":5: record \"d\" has neither", ":6: a record must be a JSON object"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_NE(got.errors[i].find(path + wants[i]), std::string::npos) << got.errors[i];
  }
}

TEST(ReaderTest, FolderSortedRecursiveHiddenAndNonArticlesSkipped) {
  TempDir dir;
  dir.Write("b.txt", "B text.");
  dir.Write("a.txt", "A text.");
  dir.Write("sub/c.html", "<p>C</p>");
  dir.Write("sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"D.\"}\n");
  dir.Write(".hidden.txt", "hidden");
  dir.Write(".git/e.txt", "hidden folder");
  dir.Write("notes.md", "# not an article");
  dir.Write("manifest.json", "{}");
  Collected got = Read({dir.path()});
  std::vector<std::string> ids;
  for (const auto& in : got.inputs) ids.push_back(in.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "b.txt", "c.html", "d1"}));
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(got.notices.size(), 1u);
  EXPECT_NE(got.notices[0].find("skipped 2 file(s)"), std::string::npos) << got.notices[0];
  // A file named explicitly is read whatever its extension.
  Collected named = Read({dir.path() + "/notes.md"});
  EXPECT_EQ(named.inputs.size(), 1u);
}

TEST(ReaderTest, MissingPathFailsAsAWhole) {
  Status st = ReadInputs({"/nonexistent/sitrep/path"}, {}, [](Result<RawInput>) {});
  EXPECT_FALSE(st.ok());
}

TEST(ReaderTest, ArticleFileNames) {
  const std::pair<const char*, bool> cases[] = {
      {"a.txt", true},   {"a.TXT", true},  {"a.html.gz", true}, {"x/a.jsonl.gz", true},
      {"a.ndjson", true}, {"a.md", false}, {"a.json", false},   {"a.gz", false},
      {"README", false}, {".txt", false},
  };
  for (auto [name, want] : cases) EXPECT_EQ(IsArticleFileName(name), want) << name;
}

}  // namespace
}  // namespace sitrep
