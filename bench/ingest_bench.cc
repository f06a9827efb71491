// `sitrep ingest` end to end on a generated news corpus (ingest_bench_corpus.h, our own
// templates): build the document, extract events, store and fuse, in batches of 256 articles
// (one transaction each), through the same Ingester as the CLI. Args: articles, threads.
// Counters: articles/s (wall), articles per CPU-second (= per core), CPU split by phase,
// events, database size, and peak RSS (getrusage ru_maxrss; run one size per process for a
// clean peak: --benchmark_filter='BM_Ingest/10000/'). BM_IngestUndated: the same corpus with a
// share of undated articles.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "ingest_bench_corpus.h"
#include "sitrep/ingest/clean.h"
#include "sitrep/store/ingester.h"

namespace sitrep {
namespace {

const EventExtractor* Extractor() {
  static auto ex = EventExtractor::Create({SITREP_SOURCE_DIR "/data", ""});
  return ex.ok() ? ex->get() : nullptr;
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void RunIngest(benchmark::State& state, int64_t n, int threads, int undated_percent) {
  const EventExtractor* ex = Extractor();
  if (!ex) {
    state.SkipWithError("the extractor could not load its data (set SITREP_DATA_DIR)");
    return;
  }
  const double rss_before = PeakRssMb();
  const auto order = bench::ArrivalOrder(n);
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("sitrep_ingest_bench_" + std::to_string(getpid()) + ".db")).string();
  auto remove_db = [&] {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  };
  IngestTimes times;
  IngestStats total;
  double read_cpu = 0, cpu = 0;
  int64_t events = 0, reports = 0, db_bytes = 0;
  for (auto _ : state) {
    remove_db();
    auto store = EventStore::Open(path);
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    const double cpu0 = ProcessCpuSeconds();
    Ingester ingester(**store, *ex, {.threads = threads, .batch = 256});
    for (size_t i = 0; i < order.size(); ++i) {
      const double t0 = ThreadCpuSeconds();
      Result<Document> doc = BuildDocument(bench::Article(order, i, undated_percent),
                                          CleanOptions{});
      read_cpu += ThreadCpuSeconds() - t0;
      Status st = doc.ok() ? ingester.Add(std::move(doc).value()) : doc.status();
      if (!st.ok()) {
        state.SkipWithError(st.message().c_str());
        return;
      }
    }
    if (Status st = ingester.Finish(); !st.ok()) {
      state.SkipWithError(st.message().c_str());
      return;
    }
    cpu += ProcessCpuSeconds() - cpu0;
    times = ingester.times();
    total = ingester.total();
    events = QueryInt((*store)->db(), "SELECT count(*) FROM events").value().value_or(0);
    reports = QueryInt((*store)->db(), "SELECT count(*) FROM reports").value().value_or(0);
    (void)(*store)->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    db_bytes = static_cast<int64_t>(std::filesystem::file_size(path));
  }
  if (!std::getenv("SITREP_BENCH_KEEP_DB")) remove_db();  // kept: to inspect what was stored
  const double articles = static_cast<double>(n) * static_cast<double>(state.iterations());
  state.counters["articles/s"] = benchmark::Counter(articles, benchmark::Counter::kIsRate);
  state.counters["articles/cpu_s"] = articles / cpu;
  state.counters["read_cpu_s"] = read_cpu;
  state.counters["extract_cpu_s"] = times.analyse_cpu;
  state.counters["store_cpu_s"] = times.store_cpu;
  state.counters["store_ms/article"] = 1000 * times.store_cpu / articles;
  state.counters["added"] = total.added;
  // Locality of re-fusion: reports re-clustered per stored report (1 = each once).
  state.counters["refused/report"] =
      reports ? static_cast<double>(total.reports_fused) / static_cast<double>(reports) : 0;
  state.counters["events_kept"] = total.events_kept;
  // Blocking: candidates per query (should stay flat as N grows), and the share of them that
  // are wide (window > a month or undated) or country-less.
  const double queries = static_cast<double>(std::max<int64_t>(1, total.candidate_queries));
  state.counters["cand/query"] = static_cast<double>(total.candidates) / queries;
  state.counters["queries/report"] = reports ? queries / static_cast<double>(reports) : 0;
  state.counters["wide/query"] = static_cast<double>(total.candidates_wide) / queries;
  state.counters["nocountry/query"] = static_cast<double>(total.candidates_countryless) / queries;
  // Of those, the ones Linked accepted (evidence a blocking key would have to keep).
  state.counters["nocountry_linked/query"] = static_cast<double>(total.countryless_linked) / queries;
  // Store CPU by phase (seconds): where the per-article cost grows with the database.
  state.counters["s_insert"] = total.insert_s;
  state.counters["s_query"] = total.query_s;
  state.counters["s_link"] = total.link_s;
  state.counters["s_cluster"] = total.cluster_s;
  state.counters["s_write"] = total.write_s;
  state.counters["s_commit"] = total.commit_s;
  // Growth of re-fusion's neighbourhood (refuse.h): rounds per batch, the largest local set,
  // cluster pairs per report, stored events reached per report by dated / undated / wide
  // links, reports re-queried because their event changed.
  const double batches = std::max(1.0, std::ceil(static_cast<double>(n) / 256.0));
  const double per_report = reports ? 1.0 / static_cast<double>(reports) : 0;
  state.counters["rounds/batch"] = static_cast<double>(total.refuse_rounds) / batches;
  state.counters["local_max"] = static_cast<double>(total.local_max);
  state.counters["cpairs/report"] = static_cast<double>(total.cluster_pairs) * per_report;
  state.counters["cedges/report"] = static_cast<double>(total.cluster_edges) * per_report;
  state.counters["reach_dated/report"] = static_cast<double>(total.reached_dated) * per_report;
  state.counters["reach_undated/report"] =
      static_cast<double>(total.reached_undated) * per_report;
  state.counters["reach_wide/report"] = static_cast<double>(total.reached_wide) * per_report;
  state.counters["requeried/report"] = static_cast<double>(total.requeried) * per_report;
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["events"] = static_cast<double>(events);
  state.counters["db_mb"] = static_cast<double>(db_bytes) / (1024.0 * 1024.0);
  state.counters["rss_before_mb"] = rss_before;
  state.counters["peak_rss_mb"] = PeakRssMb();
}

// Args: articles, threads. Every article dated (the corpus of sessions 2-7).
void BM_Ingest(benchmark::State& state) {
  RunIngest(state, state.range(0), static_cast<int>(state.range(1)), 0);
}
BENCHMARK(BM_Ingest)
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Args({10000, 1})
    ->Args({30000, 1})
    ->Args({100000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Args: articles, percent undated (no publication date, no date in the dateline; a quarter of
// them dated only by the story's year), one thread. Real feeds: 31 of the 70 dev articles.
void BM_IngestUndated(benchmark::State& state) {
  RunIngest(state, state.range(0), 1, static_cast<int>(state.range(1)));
}
BENCHMARK(BM_IngestUndated)
    ->Args({1000, 35})
    ->Args({3000, 35})
    ->Args({10000, 35})
    ->Args({30000, 35})
    ->Args({100000, 35})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
