// Regression guard for atomic batches: the built binary is killed with SIGKILL at random points
// of an ingest; the database must pass its integrity checks and equal either the state before
// the batch or the state after it, never something in between.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "sitrep/store/event_store.h"
#include "store_test_util.h"

namespace sitrep {
namespace {

using testing_store::TempDb;

const char* kCities[] = {"Baghdad", "Kabul", "Mosul", "Aden", "Goma", "Kharkiv"};

// Our own generated news-like articles (no shared text).
void WriteCorpus(const std::string& dir, int first, int n) {
  std::filesystem::create_directories(dir);
  for (int i = first; i < first + n; ++i) {
    std::ofstream out(dir + "/" + std::to_string(10000 + i) + "_gen.txt");
    const char* city = kCities[i % 6];
    out << "Strike kills " << (i % 9 + 1) << " in " << city << "\n\n"
        << city << ", March " << (i % 27 + 1) << ", 2031 - An air strike hit a building in "
        << city << " on Monday, killing " << (i % 9 + 1) << " people and wounding " << (i % 5 + 2)
        << " others, local officials said. Residents said article " << i
        << " describes the damage to nearby homes and a market.\n\n"
        << "Officials in " << city << " said rescue teams were still searching the rubble.\n";
  }
}

int Shell(const std::string& cmd) { return std::system(cmd.c_str()); }

// Canonical content of every table (without ingestion timestamps).
std::string Dump(const std::string& db_path) {
  auto store = EventStore::Open(db_path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return "";
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
  std::string out;
  const char* queries[] = {
      "SELECT id || ' ' || content_hash || ' ' || minhash FROM documents ORDER BY id",
      "SELECT doc_id FROM documents_fts ORDER BY doc_id",
      "SELECT key || ' ' || coalesce(event_id, '-') || ' ' || json FROM reports ORDER BY key",
      "SELECT json FROM events ORDER BY id",
      "SELECT event_id || ' ' || ord || ' ' || doc_id FROM event_sources ORDER BY 1",
      "SELECT event_id || ' ' || field || ' ' || vals FROM event_conflicts ORDER BY 1",
      "SELECT event_id || ' ' || entity_id FROM event_entities ORDER BY 1"};
  for (const char* q : queries) {
    auto st = (*store)->db().Prepare(q);
    EXPECT_TRUE(st.ok());
    for (;;) {
      auto row = st->Step();
      if (!row.ok() || !*row) break;
      out += st->Text(0) + "\n";
    }
    out += "--\n";
  }
  return out;
}

TEST(CrashTest, KillDuringIngestLeavesBeforeOrAfter) {
  TempDb tmp;
  const std::string bin = SITREP_BINARY;
  if (!std::filesystem::exists(bin)) GTEST_SKIP() << "build the sitrep target first: " << bin;
  WriteCorpus(tmp.dir() + "/a", 0, 10);
  WriteCorpus(tmp.dir() + "/b", 10, 60);
  const std::string quiet = " >/dev/null 2>&1";
  // The states before and after the batch, built to completion.
  const std::string ref = tmp.path("ref.db");
  ASSERT_EQ(Shell(bin + " ingest " + tmp.dir() + "/a --db " + ref + quiet), 0);
  const std::string before = Dump(ref);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(Shell(bin + " ingest " + tmp.dir() + "/b --batch 100000 --db " + ref + quiet), 0);
  const double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const std::string after = Dump(ref);
  ASSERT_NE(before, after);

  std::mt19937 rng(42);
  int saw_before = 0, saw_after = 0;
  for (int trial = 0; trial < 6; ++trial) {
    const std::string db = tmp.path("kill" + std::to_string(trial) + ".db");
    ASSERT_EQ(Shell(bin + " ingest " + tmp.dir() + "/a --db " + db + quiet), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      std::string dir = tmp.dir() + "/b";
      execl(bin.c_str(), bin.c_str(), "ingest", dir.c_str(), "--batch", "100000", "--db",
            db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // Kill points spread over the whole run, a few past its end.
    int ms = static_cast<int>(std::uniform_real_distribution<double>(0, full_ms * 1.1)(rng));
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    std::string state = Dump(db);
    EXPECT_TRUE(state == before || state == after) << "trial " << trial << " killed at " << ms
                                                    << " ms of " << full_ms;
    saw_before += state == before;
    saw_after += state == after;
  }
  EXPECT_GT(saw_before, 0);  // the kill points did land inside the batch
}

}  // namespace
}  // namespace sitrep
