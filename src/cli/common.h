// Options and helpers shared by the commands that read articles.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sitrep/pipeline/corpus.h"

namespace CLI {
class App;
}

namespace sitrep::cli {

// Adds --max-bytes, --max-depth and --published to `cmd`, bound to `options`.
void AddReadOptions(CLI::App* cmd, CorpusOptions* options);

// Prints "sitrep: warning: <message>" on stderr (one line per failed input).
void Warn(const std::string& message);

// One-line JSON with invalid UTF-8 replaced, never throwing.
std::string DumpJson(const nlohmann::json& j, int indent = -1);

}  // namespace sitrep::cli
