#include "sitrep/pipeline/corpus.h"

#include "sitrep/ingest/boilerplate.h"
#include "sitrep/ingest/clean.h"
#include "sitrep/ingest/encoding.h"
#include "sitrep/ingest/reader.h"
#include "sitrep/ingest/text_block.h"
#include "sitrep/text/doc_date.h"

namespace sitrep {
namespace {

void ProcessBatch(std::vector<Result<RawInput>>* batch, const CorpusOptions& options,
                  const std::function<void(Result<Document>)>& on_document) {
  // Repetition statistics over the plain-text inputs of the batch.
  BoilerplateStats stats;
  for (auto& in : *batch) {
    if (!in.ok() || in->format != InputFormat::kText) continue;
    auto decoded = DecodeToUtf8(in->bytes);
    if (decoded.ok()) stats.AddDocument(SplitTextBlocks(decoded->text));
  }
  CleanOptions clean;
  clean.limits = options.limits;
  clean.published_override = options.published_override;
  clean.corpus = &stats;
  for (auto& in : *batch) {
    if (!in.ok()) {
      on_document(in.status());
      continue;
    }
    Result<Document> doc = BuildDocument(std::move(in).value(), clean);
    // Later stages that complete the description (e.g. inferring a publication date from
    // relative expressions when there is no explicit one) hook in here, per document.
    if (doc.ok() && !doc->published.known()) {
      std::vector<std::string_view> dated_removed;  // embeds' credits, update lines
      for (const RemovedBlock& b : doc->removed) {
        if (b.reason == "embed" || b.reason == "update")
          dated_removed.push_back(b.text);
      }
      DocumentDate inferred =
          InferDocumentDate(doc->text, doc->published, doc->url, dated_removed);
      if (inferred.interval.known()) {
        doc->published = inferred.interval;
        doc->published_evidence = inferred.evidence;
      }
    }
    on_document(std::move(doc));
  }
  batch->clear();
}

}  // namespace

Status ForEachDocument(const std::vector<std::string>& paths, const CorpusOptions& options,
                       const std::function<void(Result<Document>)>& on_document) {
  std::vector<Result<RawInput>> batch;
  Status st = ReadInputs(paths, options.limits, [&](Result<RawInput> in) {
    batch.push_back(std::move(in));
    if (batch.size() >= options.batch_size) ProcessBatch(&batch, options, on_document);
  }, options.on_notice);
  if (!st.ok()) return st;
  ProcessBatch(&batch, options, on_document);
  return Status::Ok();
}

}  // namespace sitrep
