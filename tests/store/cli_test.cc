// The database commands end to end through the built binary, on articles we write here:
// `ingest` (log lines, --threads, idempotence), `events` (every filter and format), `docs`
// (--db in every format, and on paths), `show`. Filter expectations are derived from the
// unfiltered output, so the test checks the plumbing, not the extractor's recall.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sitrep/know/gazetteer.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using nlohmann::json;

struct CmdResult {
  int code = -1;
  std::string out;
};

CmdResult Sitrep(const std::string& args) {
  CmdResult r;
  std::string cmd = std::string(SITREP_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// Our own short articles: one strike told by a wire story, a copy and an own report; a protest;
// a clash elsewhere a year later.
void WriteCorpus(const std::string& path) {
  const char* kStrike =
      "Mosul, March 5, 2024 - An air strike hit a market in Mosul on Tuesday, killing six "
      "people and wounding eleven others, local officials said. Witnesses said the strike "
      "destroyed several shops.";
  std::vector<json> docs = {
      {{"id", "a_wire"}, {"outlet", "Wire Agency"}, {"published", "2024-03-05"},
       {"title", "Air strike kills six in Mosul"}, {"text", kStrike}},
      {{"id", "b_copy"}, {"outlet", "Daily Ledger"}, {"published", "2024-03-05"},
       {"title", "Six killed in Mosul strike"}, {"text", std::string(kStrike) + " (Wire Agency)"}},
      {{"id", "c_own"}, {"outlet", "Morning Courier"}, {"published", "2024-03-06"},
       {"title", "Mosul market hit"},
       {"text", "Mosul, March 6, 2024 - Rescuers searched the rubble of a market in Mosul a day "
                "after an air strike killed seven people, hospital staff said on Wednesday."}},
      {{"id", "d_protest"}, {"outlet", "Capital Chronicle"}, {"published", "2024-05-10"},
       {"title", "Protest in Nairobi"},
       {"text", "Nairobi, May 10, 2024 - Thousands of people protested in Nairobi on Friday "
                "against a new tax law, marching peacefully through the city centre."}},
      {{"id", "e_clash"}, {"outlet", "North Star News"}, {"published", "2025-02-11"},
       {"title", "Clashes near Kharkiv"},
       {"text", "Kharkiv, February 11, 2025 - Heavy fighting between the army and separatist "
                "fighters near Kharkiv on Tuesday left four soldiers dead, a spokesman said."}}};
  std::ofstream out(path);
  for (const json& d : docs) out << d.dump() << "\n";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SITREP_BINARY)) GTEST_SKIP() << "build the sitrep target first";
    corpus_ = tmp_.path("corpus.jsonl");
    db_ = tmp_.path("cli.db");
    WriteCorpus(corpus_);
  }
  testing_store::TempDb tmp_;
  std::string corpus_, db_;
};

TEST_F(CliTest, IngestLogsIsIdempotentAndThreadCountDoesNotMatter) {
  const std::string log = tmp_.path("log.txt");
  ASSERT_EQ(std::system((std::string(SITREP_BINARY) + " ingest " + corpus_ + " --db " + db_ +
                         " --threads 2 --batch 2 2> " + log).c_str()), 0);
  std::ifstream in(log);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  // Not a terminal: plain log lines, one per batch, with the rate.
  EXPECT_NE(text.find("articles/s"), std::string::npos) << text;
  EXPECT_NE(text.find("5 articles: 5 new"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << "no progress bar off a terminal";
  CmdResult first = Sitrep("events --format jsonl --db " + db_);
  ASSERT_EQ(first.code, 0);
  ASSERT_FALSE(Lines(first.out).empty());

  CmdResult again = Sitrep("ingest " + corpus_ + " --db " + db_);
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(Sitrep("events --format jsonl --db " + db_).out, first.out);

  const std::string one = tmp_.path("one.db");
  ASSERT_EQ(Sitrep("ingest " + corpus_ + " --threads 1 --db " + one).code, 0);
  EXPECT_EQ(Sitrep("events --format jsonl --db " + one).out, first.out);
  EXPECT_NE(Sitrep("ingest " + corpus_ + " --threads x --db " + one).code, 0);
}

TEST_F(CliTest, EventsFiltersAndFormats) {
  ASSERT_EQ(Sitrep("ingest " + corpus_ + " --db " + db_).code, 0);
  std::vector<json> all = Lines(Sitrep("events --format jsonl --db " + db_).out);
  ASSERT_FALSE(all.empty());
  // The event the filters look for: one with a place, coordinates and a date.
  const json* pick = nullptr;
  for (const json& e : all) {
    if (e["location"].is_object() && e["location"]["lat"].is_number() && e["date"].is_string()) {
      pick = &e;
      break;
    }
  }
  ASSERT_NE(pick, nullptr) << "no located, dated event (is the gazetteer built?)";
  const std::string id = (*pick)["id"];
  auto ids = [](const std::vector<json>& events) {
    std::set<std::string> out;
    for (const json& e : events) out.insert(e["id"].get<std::string>());
    return out;
  };
  auto filtered = [&](const std::string& filter) {
    CmdResult r = Sitrep("events --format jsonl --db " + db_ + " " + filter);
    EXPECT_EQ(r.code, 0) << filter;
    return Lines(r.out);
  };
  const std::string day = (*pick)["date"];
  const std::string country = (*pick)["location"]["country"];
  const double lat = (*pick)["location"]["lat"], lon = (*pick)["location"]["lon"];
  for (const json& e : filtered("--country " + country)) EXPECT_EQ(e["location"]["country"], country);
  EXPECT_TRUE(ids(filtered("--country " + country)).count(id));
  for (const json& e : filtered("--from " + day + " --to " + day)) {
    EXPECT_LE(e["date_range"][0].get<std::string>(), day);
    EXPECT_GE(e["date_range"][1].get<std::string>(), day);
  }
  EXPECT_TRUE(ids(filtered("--from " + day + " --to " + day)).count(id));
  EXPECT_TRUE(ids(filtered("--from 1990-01-01 --to 1990-12-31")).empty());
  char near[64];
  std::snprintf(near, sizeof near, "--near '%.5f,%.5f' --km 5", lat, lon);
  std::vector<json> close = filtered(near);
  EXPECT_TRUE(ids(close).count(id));
  for (const json& e : close) {
    EXPECT_LE(DistanceKm(lat, lon, e["location"]["lat"], e["location"]["lon"]), 5.0);
  }
  std::snprintf(near, sizeof near, "--near '%.5f,%.5f' --km 5", -lat, lon + 90);
  EXPECT_TRUE(filtered(near).empty());
  CmdResult by_name = Sitrep("events --format jsonl --db " + db_ + " --near Mosul --km 30");
  if (by_name.code == 0) {  // needs the gazetteer
    for (const json& e : Lines(by_name.out)) EXPECT_EQ(e["location"]["country"], "IQ");
  }
  const std::string type = (*pick)["event_type"].is_string() && !(*pick)["event_type"].empty()
                               ? (*pick)["event_type"] : (*pick)["plover_type"];
  EXPECT_TRUE(ids(filtered("--type '" + type + "'")).count(id));
  for (const json& e : filtered("--type '" + type + "'")) {
    EXPECT_TRUE(e["event_type"] == type || e["sub_event_type"] == type || e["plover_type"] == type);
  }
  if ((*pick)["actor1"].is_object()) {
    std::string name = (*pick)["actor1"]["name"];
    EXPECT_TRUE(ids(filtered("--actor '" + name + "'")).count(id)) << name;
  }
  EXPECT_TRUE(filtered("--actor zzqqxx").empty());
  EXPECT_FALSE(filtered("--text market").empty());
  EXPECT_TRUE(filtered("--text zzqqxx").empty());
  EXPECT_NE(Sitrep("events --db " + db_ + " --from 2024-13-45").code, 0);

  CmdResult table = Sitrep("events --db " + db_);
  EXPECT_EQ(table.code, 0);
  EXPECT_NE(table.out.find(id), std::string::npos);
  CmdResult csv = Sitrep("events --format csv --db " + db_);
  EXPECT_EQ(csv.out.rfind("id,date,date_precision", 0), 0u) << csv.out;
  CmdResult acled = Sitrep("events --format acled --db " + db_);
  EXPECT_EQ(acled.out.rfind("event_id_cnty,event_date,year,time_precision", 0), 0u) << acled.out;
  json geo = json::parse(Sitrep("events --format geojson --db " + db_).out);
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_FALSE(geo["features"].empty());
  CmdResult show = Sitrep("show " + id + " --db " + db_);
  EXPECT_EQ(show.code, 0);
  EXPECT_NE(show.out.find(id), std::string::npos);
  EXPECT_NE(Sitrep("events --db " + tmp_.path("missing.db")).code, 0);
}

TEST_F(CliTest, DocsListsStoredDocumentsAndStillReadsPaths) {
  ASSERT_EQ(Sitrep("ingest " + corpus_ + " --db " + db_).code, 0);
  std::vector<json> docs = Lines(Sitrep("docs --db " + db_).out);
  ASSERT_EQ(docs.size(), 5u);
  int reports = 0;
  for (const json& d : docs) {
    for (const char* key : {"doc", "title", "outlet", "published", "published_precision",
                            "wire_credits", "origin", "reports", "events"}) {
      EXPECT_TRUE(d.contains(key)) << key;
    }
    reports += d["reports"].get<int>();
  }
  EXPECT_EQ(docs[0]["doc"], "a_wire");
  EXPECT_EQ(docs[0]["published"], "2024-03-05");
  EXPECT_EQ(docs[0]["published_precision"], "day");
  EXPECT_EQ(docs[0]["outlet"], "Wire Agency");
  EXPECT_GT(reports, 0);
  CmdResult csv = Sitrep("docs --format csv --db " + db_);
  EXPECT_EQ(csv.out.rfind("id,title,outlet,published,published_precision,wire_credits,origin,"
                          "reports,events\n", 0), 0u) << csv.out;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 6);
  CmdResult table = Sitrep("docs --format table --db " + db_);
  EXPECT_NE(table.out.find("e_clash"), std::string::npos);
  // Without --db: the articles as read.
  std::vector<json> read = Lines(Sitrep("docs " + corpus_).out);
  ASSERT_EQ(read.size(), 5u);
  EXPECT_EQ(read[4]["doc"], "e_clash");
  EXPECT_EQ(Sitrep("docs --format csv " + corpus_).code, 0);
  EXPECT_NE(Sitrep("docs").code, 0);
  EXPECT_NE(Sitrep("docs --db " + tmp_.path("missing.db")).code, 0);
}

}  // namespace
}  // namespace sitrep
