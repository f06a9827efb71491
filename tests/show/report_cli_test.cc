// `sitrep report` end to end through the built binary, on a database built here from our own
// hand-made articles (store API, no models): both formats, --out, filters, the empty
// database, and the errors (missing or non-sitrep database, unknown format, unwritable --out).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "../store/store_test_util.h"
#include "sitrep/show/open_database.h"

namespace sitrep {
namespace {

using testing_fuse::MakeReport;
using testing_fuse::Place;
using testing_store::Article;
using testing_store::TempDb;

struct CmdResult {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

CmdResult Sitrep(const TempDb& tmp, const std::string& args) {
  CmdResult r;
  const std::string err = tmp.path("stderr.txt");
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>" + err;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = Slurp(err);
  return r;
}

std::string Words(int seed, int n = 80) {
  std::string t;
  for (int i = 0; i < n; ++i) t += "w" + std::to_string(seed) + "y" + std::to_string(i) + " ";
  return t;
}

const char* kStrike = "Explosions/Remote violence";

// A strike in Mosul told by a wire story (6 dead), a copy of it and an own report (7 dead); a
// protest in Nairobi two months later; a background mention of a 2020 strike.
void BuildDb(const std::string& path) {
  const EventPlace mosul = Place("Mosul", "IQ", 36.34, 43.13);
  const EventPlace nairobi = Place("Nairobi", "KE", -1.29, 36.82);
  std::vector<AnalysedArticle> a;
  a.push_back(Article("a_wire", Words(1),
                      {MakeReport("a_wire", 0, kStrike, "2024-03-05", mosul, 6,
                                  "An air strike hit a market in Mosul, killing six people.")}));
  a.push_back(Article("b_copy", Words(1) + " more",
                      {MakeReport("b_copy", 0, kStrike, "2024-03-05", mosul, 6,
                                  "An air strike hit a market in Mosul, killing six people.")}));
  Report old = MakeReport("c_own", 1, kStrike, "2020-01-03", mosul, 10, "The 2020 strike killed ten.");
  old.event.historical = true;  // the article tells it as background
  old.event.sources[0].background = true;
  a.push_back(Article("c_own", Words(2),
                      {MakeReport("c_own", 0, kStrike, "2024-03-05", mosul, 7,
                                  "Seven people died when a strike hit the Mosul market."),
                       old}));
  a.push_back(Article("d_protest", Words(3),
                      {MakeReport("d_protest", 0, "Protests", "2024-05-10", nairobi, -1,
                                  "Thousands protested in Nairobi.")}));
  auto store = EventStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto stats = (*store)->IngestBatch(a);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
}

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SITREP_BINARY)) GTEST_SKIP() << "build the sitrep target first";
    db_ = tmp_.path("r.db");
    BuildDb(db_);
  }
  TempDb tmp_;
  std::string db_;
};

TEST_F(ReportCliTest, MarkdownBriefingHasTheKeyEventNumbersAndSources) {
  CmdResult r = Sitrep(tmp_, "report --outlines none --db " + db_);
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string& md = r.out;
  for (const char* s : {"## Briefing", "### Key events", "## Timeline", "## Areas"}) {
    EXPECT_NE(md.find(s), std::string::npos) << s;
  }
  EXPECT_NE(md.find("Period: 2024-03-05 to 2024-05-10"), std::string::npos) << md;
  EXPECT_NE(md.find("1. **Air/drone strike in Mosul**, 2024-03-05 (day)"), std::string::npos) << md;
  EXPECT_NE(md.find("Casualties: killed 6 (reports 6-7)"), std::string::npos) << md;
  EXPECT_NE(md.find("Sources: 3 reports, 2 independent sources"), std::string::npos) << md;
  EXPECT_NE(md.find("fatalities: 6 (a\\_wire, b\\_copy) vs 7 (c\\_own)"), std::string::npos) << md;
  // The 2020 strike is background: listed apart, its ten dead not in the total.
  EXPECT_NE(md.find("Killed: at least 6 killed in 1 event"), std::string::npos) << md;
  EXPECT_NE(md.find("background only"), std::string::npos) << md;
  // Same database, same report.
  EXPECT_EQ(Sitrep(tmp_, "report --outlines none --db " + db_).out, md);
}

TEST_F(ReportCliTest, HtmlToAFileIsOneSelfContainedPage) {
  const std::string out = tmp_.path("report.html");
  CmdResult r = Sitrep(tmp_, "report --format html --outlines none --out " + out + " --db " + db_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string html = Slurp(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg class=\"map\""), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
}

TEST_F(ReportCliTest, FiltersNarrowTheReport) {
  CmdResult protest = Sitrep(tmp_, "report --type Protests --db " + db_);
  ASSERT_EQ(protest.code, 0) << protest.err;
  EXPECT_NE(protest.out.find("Scope: --type Protests"), std::string::npos) << protest.out;
  EXPECT_NE(protest.out.find("in Nairobi"), std::string::npos);
  EXPECT_EQ(protest.out.find("in Mosul"), std::string::npos);
  CmdResult march = Sitrep(tmp_, "report --from 2024-03-01 --to 2024-03-31 --db " + db_);
  ASSERT_EQ(march.code, 0);
  EXPECT_NE(march.out.find("in Mosul"), std::string::npos);
  EXPECT_EQ(march.out.find("in Nairobi"), std::string::npos);
  CmdResult near = Sitrep(tmp_, "report --near 36.3,43.1 --km 50 --db " + db_);
  ASSERT_EQ(near.code, 0);
  EXPECT_NE(near.out.find("in Mosul"), std::string::npos);
  EXPECT_EQ(near.out.find("in Nairobi"), std::string::npos);
  CmdResult none = Sitrep(tmp_, "report --from 2030-01-01 --db " + db_);
  ASSERT_EQ(none.code, 0);
  EXPECT_NE(none.out.find("No events match."), std::string::npos);
  CmdResult bad = Sitrep(tmp_, "report --from yesterday --db " + db_);
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("--from 'yesterday': expected YYYY-MM-DD"), std::string::npos) << bad.err;
}

TEST_F(ReportCliTest, EmptyDatabaseGivesANoEventsReport) {
  const std::string empty = tmp_.path("empty.db");
  ASSERT_TRUE(EventStore::Open(empty).ok());
  for (const char* format : {"md", "html"}) {
    CmdResult r = Sitrep(tmp_, std::string("report --format ") + format + " --db " + empty);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("No events match."), std::string::npos) << format;
  }
}

TEST_F(ReportCliTest, ErrorsNameTheirInputAndWriteNothing) {
  const std::string out = tmp_.path("out.md");
  CmdResult missing = Sitrep(tmp_, "report --db " + tmp_.path("none.db") + " --out " + out);
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no database at " + tmp_.path("none.db")), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(tmp_.path("none.db")));  // not created

  const std::string text = tmp_.path("notes.txt");
  std::ofstream(text) << "these are notes, not a database\n";
  CmdResult not_db = Sitrep(tmp_, "report --db " + text + " --out " + out);
  EXPECT_EQ(not_db.code, 1);
  EXPECT_NE(not_db.err.find(text + ": not a sitrep database"), std::string::npos) << not_db.err;

  CmdResult format = Sitrep(tmp_, "report --format pdf --db " + db_ + " --out " + out);
  EXPECT_EQ(format.code, 1);
  EXPECT_NE(format.err.find("--format 'pdf': expected md or html"), std::string::npos) << format.err;

  const std::string unwritable = tmp_.path("no/such/dir/report.md");
  CmdResult write = Sitrep(tmp_, "report --db " + db_ + " --out " + unwritable);
  EXPECT_EQ(write.code, 1);
  EXPECT_NE(write.err.find("--out " + unwritable + ": cannot write"), std::string::npos) << write.err;
  EXPECT_FALSE(std::filesystem::exists(out));

  // An existing report stays whole when a later run fails.
  ASSERT_EQ(Sitrep(tmp_, "report --db " + db_ + " --out " + out).code, 0);
  const std::string before = Slurp(out);
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(Sitrep(tmp_, "report --db " + text + " --out " + out).code, 1);
  EXPECT_EQ(Slurp(out), before);

  CmdResult outlines = Sitrep(tmp_, "report --format html --outlines " + text + " --db " + db_);
  EXPECT_EQ(outlines.code, 1);
  EXPECT_NE(outlines.err.find("--outlines " + text + ": line 1"), std::string::npos) << outlines.err;
}

TEST(OpenSitrepDatabaseTest, RefusesWhatIsNotASitrepDatabaseWithoutChangingIt) {
  TempDb tmp;
  auto missing = show::OpenSitrepDatabase(tmp.path("none.db"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "no database at " + tmp.path("none.db") + " (run sitrep ingest first)");
  auto dir = show::OpenSitrepDatabase(tmp.dir());
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("not a regular file"), std::string::npos);
  // Another program's SQLite database: refused and left as it was (no tables added).
  const std::string other = tmp.path("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE notes(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const std::string before = Slurp(other);
  auto foreign = show::OpenSitrepDatabase(other);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find(other + ": not a sitrep database"), std::string::npos);
  EXPECT_EQ(Slurp(other), before);
  const std::string empty = tmp.path("empty");
  std::ofstream(empty).close();
  EXPECT_FALSE(show::OpenSitrepDatabase(empty).ok());
  ASSERT_TRUE(EventStore::Open(tmp.path("real.db")).ok());
  EXPECT_TRUE(show::OpenSitrepDatabase(tmp.path("real.db")).ok());
}

}  // namespace
}  // namespace sitrep
