// Streaming ingest: documents in, analysed by a pool of threads, stored in batches of one
// transaction each. A document already stored with the same content is not analysed again.
// Used by `sitrep ingest` and bench/ingest_bench.cc. Not thread-safe (one caller).
#pragma once

#include <cstddef>
#include <functional>

#include "sitrep/base/status.h"
#include "sitrep/extract/extractor.h"
#include "sitrep/store/event_store.h"

namespace sitrep {

struct IngesterOptions {
  int threads = 1;     // analysis threads; < 1 = one
  size_t batch = 256;  // articles per transaction; < 1 = one
};

// Where the time went, so far (seconds). CPU = user + system of the threads doing the work.
struct IngestTimes {
  double analyse_wall = 0, analyse_cpu = 0;  // extraction, all threads
  double store_wall = 0, store_cpu = 0;      // content checks + IngestBatch (storage, fusion)
};

class Ingester {
 public:
  // Called after each committed batch with the articles done so far and the totals.
  using OnBatch = std::function<void(size_t done, const IngestStats& total)>;

  // Called on the calling thread as articles are analysed (count since the start, including
  // the stored ones): lets a progress bar move within a batch.
  using OnAnalysed = std::function<void(size_t analysed)>;

  // `store` and `extractor` are borrowed and must outlive the Ingester.
  Ingester(EventStore& store, const EventExtractor& extractor, IngesterOptions options,
           OnBatch on_batch = {});

  // Queues one document; analyses and stores the batch when it is full.
  Status Add(Document doc);
  // Stores what is queued. Call once at the end (Add may follow: a new batch starts).
  Status Finish();

  void set_on_analysed(OnAnalysed f) { on_analysed_ = std::move(f); }

  size_t done() const { return done_; }
  const IngestStats& total() const { return total_; }
  const IngestTimes& times() const { return times_; }

 private:
  Status Flush();

  EventStore& store_;
  const EventExtractor& extractor_;
  IngesterOptions options_;
  OnBatch on_batch_;
  OnAnalysed on_analysed_;
  std::vector<Document> pending_;
  size_t done_ = 0;
  IngestStats total_;
  IngestTimes times_;
};

}  // namespace sitrep
