// Fusion throughput on a generated corpus (our own): N articles, each reporting one event drawn
// from N/3 stories spread over 40 countries and 3 years, with copies and independent reports.
// BM_Fuse: the library over all reports at once. BM_StoreIngest: the SQLite store, batches of
// 1000 articles (one transaction each), incremental re-fusion. Counters: articles/s, peak RSS.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "sitrep/fuse/fusion.h"
#include "sitrep/store/event_store.h"

namespace sitrep {
namespace {

struct Generated {
  std::vector<AnalysedArticle> articles;
};

Generated Generate(int n) {
  std::mt19937 rng(static_cast<uint32_t>(n));
  const char* types[] = {"Explosions/Remote violence", "Battles", "Protests",
                         "Violence against civilians"};
  Generated g;
  int stories = std::max(1, n / 3);
  const int64_t day0 = *ParseIsoDate("2022-01-01");
  for (int i = 0; i < n; ++i) {
    int story = static_cast<int>(rng() % stories);
    std::mt19937 srng(static_cast<uint32_t>(story));
    int country = static_cast<int>(srng() % 40);
    double lat = -30 + static_cast<double>(srng() % 6000) / 100.0;
    double lon = -20 + static_cast<double>(srng() % 12000) / 100.0;
    int64_t day = day0 + static_cast<int64_t>(srng() % 1095);
    const char* type = types[srng() % 4];
    AnalysedArticle a;
    a.doc.id = "gen" + std::to_string(i) + ".txt";
    std::string text;
    for (int w = 0; w < 500; ++w) {  // ~news length; copies share most words
      text += (w % 7 == 0 && rng() % 3 == 0) ? "v" + std::to_string(i) + " "
                                             : "s" + std::to_string(story) + "w" + std::to_string(w) + " ";
    }
    a.doc.text = text;
    a.doc.raw = text;
    Event e;
    e.event_type = type;
    e.plover_type = "ASSAULT";
    e.date = {day, day, DatePrecision::kDay};
    e.best_day = day;
    EventPlace p;
    p.name = "Place" + std::to_string(story);
    p.country = std::string(1, static_cast<char>('A' + country % 26)) +
                static_cast<char>('A' + country / 26);
    p.lat = lat, p.lon = lon, p.has_coords = true, p.precision = "city";
    e.location = p;
    EventSource s;
    s.doc = a.doc.id;
    s.sentence = "Attack in Place" + std::to_string(story) + " killed people.";
    s.end = static_cast<uint32_t>(s.sentence.size());
    s.fatalities = static_cast<int64_t>(srng() % 10 + rng() % 2);
    e.sources.push_back(s);
    a.events.push_back(std::move(e));
    g.articles.push_back(std::move(a));
  }
  return g;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void BM_Fuse(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Generated g = Generate(n);
  FusionOptions options;
  std::vector<Report> reports;
  DocPrints prints;
  for (const AnalysedArticle& a : g.articles) {
    for (Report& r : MakeReports(a.doc.id, a.events)) reports.push_back(std::move(r));
    prints[a.doc.id] = MakeDocPrint(a.doc, options.minhash);
  }
  size_t events = 0;
  for (auto _ : state) {
    FusedSet f = Fuse(reports, prints, options);
    events = f.events.size();
  }
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n) * state.iterations(),
                                                    benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_Fuse)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_StoreIngest(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Generated g = Generate(n);
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sitrep_fuse_bench_" + std::to_string(getpid()) + ".db")).string();
  size_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    auto store = std::move(EventStore::Open(path).value());
    state.ResumeTiming();
    for (size_t i = 0; i < g.articles.size(); i += 1000) {
      std::vector<AnalysedArticle> batch(
          g.articles.begin() + static_cast<std::ptrdiff_t>(i),
          g.articles.begin() + static_cast<std::ptrdiff_t>(std::min(g.articles.size(), i + 1000)));
      if (!store->IngestBatch(batch).ok()) state.SkipWithError("ingest failed");
    }
    events = store->Events({}).value().size();
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(n) * state.iterations(),
                                                    benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_StoreIngest)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
