#include "cli/common.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace sitrep::cli {

void AddReadOptions(CLI::App* cmd, CorpusOptions* options) {
  cmd->add_option("--max-bytes", options->limits.max_bytes,
                  "Largest document accepted, in bytes after gunzip")
      ->capture_default_str();
  cmd->add_option("--max-depth", options->limits.max_depth, "Deepest HTML element nesting accepted")
      ->capture_default_str();
  cmd->add_option("--published", options->published_override,
                  "Publication date (YYYY-MM-DD) for every input; overrides what the text says");
}

void Warn(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "sitrep: warning: %s\n", message.c_str());
}

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sitrep::cli
