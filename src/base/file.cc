#include "sitrep/base/file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace sitrep {
namespace fs = std::filesystem;

Result<std::string> ReadFileBytes(const std::string& path, uint64_t max_bytes) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file");
  if (fs::is_directory(path, ec)) return Status::InvalidArgument(path + ": is a directory");
  uint64_t size = fs::file_size(path, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  if (size > max_bytes) {
    return Status::ResourceExhausted(path + ": " + std::to_string(size) +
                                     " bytes is over the limit of " + std::to_string(max_bytes) +
                                     " (--max-bytes)");
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  std::string data(size, '\0');
  size_t got = size ? std::fread(data.data(), 1, size, f) : 0;
  bool err = std::ferror(f);
  std::fclose(f);
  if (err || got != size) return Status::IoError(path + ": short read");
  return data;
}

Status WriteFileAtomic(const std::string& path, const std::string& data) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IoError(tmp + ": " + std::strerror(errno));
  size_t put = std::fwrite(data.data(), 1, data.size(), f);
  bool bad = put != data.size() || std::fflush(f) != 0;
  std::fclose(f);
  if (bad) {
    std::remove(tmp.c_str());
    return Status::IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ListFilesRecursive(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file or directory");
  std::vector<std::string> out;
  if (!fs::is_directory(path, ec)) {
    out.push_back(path);
    return out;
  }
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError(path + ": " + ec.message());
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

}  // namespace sitrep
