// The sitrep command: one binary, one subcommand per stage of work (see --help).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>

#include "cli/command.h"

namespace sitrep::cli {
std::vector<CommandEntry>& CommandRegistry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  CLI::App app{
      "sitrep: turns news articles into a sourced, deduplicated, geocoded database of events.\n"
      "Run 'sitrep COMMAND --help' for the options of each command.",
      "sitrep"};
  app.set_version_flag("--version", std::string("sitrep ") + SITREP_VERSION);
  app.require_subcommand(1);
  auto entries = CommandRegistry();
  std::sort(entries.begin(), entries.end(),
            [](const CommandEntry& a, const CommandEntry& b) { return a.order < b.order; });
  for (const auto& e : entries) e.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) {
      std::fprintf(stderr, "sitrep: error: %s\n", e.what());
      std::fprintf(stderr, "Run with --help for more information.\n");
      return 2;
    }
    return app.exit(e);
  } catch (const CommandFailed& f) {
    std::fflush(stdout);
    std::fprintf(stderr, "sitrep: error: %s\n", f.message.c_str());
    return f.exit_code;
  }
  return 0;
}
