// The operating-system seam for files: everything sitrep reads or writes on disk goes through
// these functions, so tests can point them at temporary trees and inject failures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

// Reads the whole file. Fails with ResourceExhausted when it is larger than max_bytes
// (without reading it), NotFound / IoError otherwise.
Result<std::string> ReadFileBytes(const std::string& path, uint64_t max_bytes);

// Writes `data` to `path` atomically (temporary file + rename): on failure the old file stays.
Status WriteFileAtomic(const std::string& path, const std::string& data);

// Regular files under `path` (the path itself when it is a file), recursively, sorted, hidden
// files and folders skipped. NotFound when `path` does not exist.
Result<std::vector<std::string>> ListFilesRecursive(const std::string& path);

bool IsDirectory(const std::string& path);

}  // namespace sitrep
