#include "sitrep/base/resources.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace sitrep {
namespace fs = std::filesystem;

std::string ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string FindResourceDir(const std::string& name) {
  std::error_code ec;
  std::vector<fs::path> candidates;
  if (const char* home = std::getenv("SITREP_HOME"); home && *home) candidates.push_back(fs::path(home) / name);
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    candidates.push_back(fs::path(exe) / ".." / name);
    candidates.push_back(fs::path(exe) / name);
    candidates.push_back(fs::path(exe) / ".." / ".." / name);
  }
  candidates.push_back(fs::path(".") / name);
  for (const auto& c : candidates) {
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec).string();
  }
  return "";
}

}  // namespace sitrep
