// sitrep parser-ensemble BASE OTHER --out MODEL: writes BASE's parser model with OTHER's move
// weights as a second move table (both scored at every step: an ensemble of two parsers
// trained apart on the same features, tags and labels; labels stay BASE's); with --merge the
// two tables are summed into one.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "sitrep/base/file.h"
#include "sitrep/model/parser.h"

namespace sitrep::cli {
namespace {

struct EnsembleArgs {
  std::string base, other, out;
  bool merge = false;
};

void RunEnsemble(const EnsembleArgs& args) {
  Result<Parser> base = Parser::Load(args.base);
  if (!base.ok()) throw CommandFailed{base.status().message()};
  Result<Parser> other = Parser::Load(args.other);
  if (!other.ok()) throw CommandFailed{other.status().message()};
  Result<std::string> bytes = AddMoveTable(*base, *other, args.merge);
  if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
  Status st = WriteFileAtomic(args.out, *bytes);
  if (!st.ok()) throw CommandFailed{st.message()};
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", args.out.c_str(), bytes->size());
}

void SetupEnsemble(CLI::App& app) {
  auto args = std::make_shared<EnsembleArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parser-ensemble", "Add a second parser's move weights to a parser model (an ensemble)");
  cmd->add_option("base", args->base, "Parser model kept whole (labels, hypers)")->required();
  cmd->add_option("other", args->other, "Parser model whose move table is added")->required();
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_flag("--merge", args->merge,
                "Sum the two move tables into one (same cost as one model, up to quantisation)");
  cmd->callback([args] { RunEnsemble(*args); });
}

}  // namespace

SITREP_COMMAND(84, SetupEnsemble);

}  // namespace sitrep::cli
