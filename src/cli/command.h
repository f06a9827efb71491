// Subcommand registry: each cmd_*.cc file registers itself with SITREP_COMMAND, so adding a
// command touches no shared file. main() builds the CLI11 app from the registry.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace sitrep::cli {

// Adds the subcommand to `app` and sets its callback. The callback reports failure by
// throwing CommandFailed (caught in main, printed as one line, exit code 1).
using CommandSetup = void (*)(CLI::App& app);

struct CommandEntry {
  int order;  // position in --help
  CommandSetup setup;
};

std::vector<CommandEntry>& CommandRegistry();

struct CommandRegistrar {
  CommandRegistrar(int order, CommandSetup setup) { CommandRegistry().push_back({order, setup}); }
};

// Thrown by a command callback to end with "sitrep: error: <message>" and the given code.
struct CommandFailed {
  std::string message;
  int exit_code = 1;
};

}  // namespace sitrep::cli

#define SITREP_COMMAND(order, setup) \
  static const ::sitrep::cli::CommandRegistrar SITREP_CONCAT_(kCommand_, __LINE__)(order, setup)
#define SITREP_CONCAT_INNER_(a, b) a##b
#define SITREP_CONCAT_(a, b) SITREP_CONCAT_INNER_(a, b)
