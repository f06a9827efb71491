#include "sitrep/store/ingester.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace sitrep {
namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Ingester::Ingester(EventStore& store, const EventExtractor& extractor, IngesterOptions options,
                   OnBatch on_batch)
    : store_(store), extractor_(extractor), options_(options), on_batch_(std::move(on_batch)) {
  if (options_.threads < 1) options_.threads = 1;
  if (options_.batch < 1) options_.batch = 1;
}

Status Ingester::Add(Document doc) {
  pending_.push_back(std::move(doc));
  if (pending_.size() >= options_.batch) return Flush();
  return Status::Ok();
}

Status Ingester::Finish() { return Flush(); }

Status Ingester::Flush() {
  if (pending_.empty()) return Status::Ok();
  auto store_start = std::chrono::steady_clock::now();
  double store_cpu0 = ThreadCpuSeconds();
  // Unchanged documents are not analysed again (IngestBatch will count them as unchanged).
  std::vector<char> skip(pending_.size(), 0);
  for (size_t i = 0; i < pending_.size(); ++i) {
    ASSIGN_OR_RETURN(bool same, store_.HasSameContent(pending_[i]));
    skip[i] = same;
  }
  times_.store_wall += Since(store_start);
  times_.store_cpu += ThreadCpuSeconds() - store_cpu0;

  auto analyse_start = std::chrono::steady_clock::now();
  std::vector<AnalysedArticle> batch(pending_.size());
  std::atomic<size_t> next{0};
  std::mutex cpu_mu;
  double analyse_cpu = 0;
  std::atomic<size_t> analysed{0};
  auto work = [&](bool caller) {
    double cpu0 = ThreadCpuSeconds();
    for (size_t i = next++; i < pending_.size(); i = next++) {
      batch[i].doc = std::move(pending_[i]);
      if (!skip[i]) batch[i].events = extractor_.Extract(batch[i].doc);
      size_t n = ++analysed;
      if (caller && on_analysed_) on_analysed_(done_ + n);
    }
    std::lock_guard<std::mutex> lock(cpu_mu);
    analyse_cpu += ThreadCpuSeconds() - cpu0;
  };
  std::vector<std::thread> pool;
  int extra = std::min(options_.threads, static_cast<int>(pending_.size())) - 1;
  for (int t = 0; t < extra; ++t) pool.emplace_back(work, false);
  work(true);
  for (std::thread& t : pool) t.join();
  pending_.clear();
  times_.analyse_wall += Since(analyse_start);
  times_.analyse_cpu += analyse_cpu;

  store_start = std::chrono::steady_clock::now();
  store_cpu0 = ThreadCpuSeconds();
  Result<IngestStats> stats = store_.IngestBatch(batch);
  times_.store_wall += Since(store_start);
  times_.store_cpu += ThreadCpuSeconds() - store_cpu0;
  if (!stats.ok()) return stats.status();
  total_.added += stats->added;
  total_.unchanged += stats->unchanged;
  total_.replaced += stats->replaced;
  total_.events_written += stats->events_written;
  total_.events_removed += stats->events_removed;
  total_.events_kept += stats->events_kept;
  total_.reports_fused += stats->reports_fused;
  total_.candidate_queries += stats->candidate_queries;
  total_.candidates += stats->candidates;
  total_.candidates_wide += stats->candidates_wide;
  total_.candidates_countryless += stats->candidates_countryless;
  total_.countryless_linked += stats->countryless_linked;
  total_.insert_s += stats->insert_s;
  total_.query_s += stats->query_s;
  total_.link_s += stats->link_s;
  total_.cluster_s += stats->cluster_s;
  total_.write_s += stats->write_s;
  total_.commit_s += stats->commit_s;
  total_.refuse_rounds += stats->refuse_rounds;
  total_.local_max = std::max(total_.local_max, stats->local_max);
  total_.cluster_pairs += stats->cluster_pairs;
  total_.cluster_edges += stats->cluster_edges;
  total_.reached_dated += stats->reached_dated;
  total_.reached_undated += stats->reached_undated;
  total_.reached_wide += stats->reached_wide;
  total_.requeried += stats->requeried;
  done_ += batch.size();
  if (on_batch_) on_batch_(done_, total_);
  return Status::Ok();
}

}  // namespace sitrep
