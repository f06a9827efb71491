// Finding sitrep's own files at run time (data/, models/, the compiled gazetteer in build/data/).
#pragma once

#include <string>

namespace sitrep {

// The first existing directory among: $SITREP_HOME/<name>, <dir of the executable>/../<name>,
// <dir of the executable>/<name>, ./<name>. Returns "" when none exists. Thread-safe.
std::string FindResourceDir(const std::string& name);

// The repository root guess used above (the executable's parent directory), or "".
std::string ExecutableDir();

}  // namespace sitrep
