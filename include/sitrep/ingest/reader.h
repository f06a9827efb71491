// Reading inputs: files, folders (recursive), .gz files and JSONL records become RawInputs.
// Each input that cannot be read becomes an error naming it and the place, and reading goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sitrep/base/status.h"
#include "sitrep/ingest/document.h"
#include "sitrep/ingest/limits.h"

namespace sitrep {

// Called once per input, in path order (records of a JSONL file in line order): with the
// input, or with the Status that says why that input (file or record) could not be read.
using InputSink = std::function<void(Result<RawInput>)>;

// Called with a one-line notice that is not an error (files skipped in a folder).
using NoticeSink = std::function<void(const std::string&)>;

// Expands `paths` (files or folders) and reads every input under them. Fails as a whole only
// when a named path does not exist; everything else is reported per input through `sink`.
// Under a folder only article files are read (IsArticleFileName); the others are reported
// once per folder through `notice`. A file named explicitly is always read.
Status ReadInputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                  const InputSink& sink, const NoticeSink& notice = {});

// True for .txt .text .html .htm .xhtml .shtml .jsonl .ndjson, each also with .gz.
bool IsArticleFileName(const std::string& path);

// Reads one file (plain, .gz, .jsonl, .jsonl.gz, .html, .html.gz) into the sink.
void ReadInputFile(const std::string& path, const ReadLimits& limits, const InputSink& sink);

// Gunzips `data` (possibly several members). DataLoss on a truncated or corrupt stream,
// ResourceExhausted when the output would pass max_bytes.
Result<std::string> Gunzip(const std::string& data, uint64_t max_bytes);

}  // namespace sitrep
