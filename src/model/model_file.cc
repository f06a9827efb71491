#include "sitrep/model/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

constexpr size_t kHeaderSize = 32;        // magic, version, kind, count, reserved, total size
constexpr size_t kEntrySize = kMaxSectionName + 16;  // name, offset, size
constexpr size_t kChecksumSize = 8;
constexpr uint32_t kMaxSections = 1024;

template <typename T>
T ReadAt(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
void Align8(std::string* out) {
  while (out->size() % 8) out->push_back('\0');
}

struct Unmapper {
  size_t size;
  void operator()(const void* p) const { munmap(const_cast<void*>(p), size); }
};

}  // namespace

void ModelWriter::AddSection(const std::string& name, std::string bytes) {
  for (auto& [n, b] : sections_) {
    if (n == name) {
      b = std::move(bytes);
      return;
    }
  }
  sections_.emplace_back(name, std::move(bytes));
}

std::string ModelWriter::Serialize() const {
  std::string hyper;
  for (const auto& [k, v] : hyper_) hyper += k + "=" + v + "\n";
  std::vector<std::pair<std::string, const std::string*>> all;
  all.emplace_back("hyper", &hyper);
  for (const auto& [n, b] : sections_) all.emplace_back(n.substr(0, kMaxSectionName), &b);

  std::string out(kModelMagic, 8);
  Put<uint32_t>(&out, kModelVersion);
  Put<uint32_t>(&out, static_cast<uint32_t>(kind_));
  Put<uint32_t>(&out, static_cast<uint32_t>(all.size()));
  Put<uint32_t>(&out, 0);
  size_t total_at = out.size();
  Put<uint64_t>(&out, 0);
  size_t table_at = out.size();
  out.resize(table_at + all.size() * kEntrySize, '\0');
  Align8(&out);
  for (size_t i = 0; i < all.size(); ++i) {
    uint64_t offset = out.size(), size = all[i].second->size();
    char* e = out.data() + table_at + i * kEntrySize;
    std::memcpy(e, all[i].first.data(), all[i].first.size());
    std::memcpy(e + kMaxSectionName, &offset, 8);
    std::memcpy(e + kMaxSectionName + 8, &size, 8);
    out += *all[i].second;
    Align8(&out);
  }
  uint64_t total = out.size() + kChecksumSize;
  std::memcpy(out.data() + total_at, &total, 8);
  Put<uint64_t>(&out, XXH64(out.data(), out.size(), 0));
  return out;
}

Status ModelWriter::WriteTo(const std::string& path) const {
  return WriteFileAtomic(path, Serialize());
}

std::string Model::Hyper(const std::string& key, const std::string& fallback) const {
  auto it = hyper_.find(key);
  return it == hyper_.end() ? fallback : it->second;
}

Result<std::string_view> Model::Section(std::string_view name) const {
  auto it = sections_.find(name);
  if (it == sections_.end()) return Status::NotFound("model has no section '" + std::string(name) + "'");
  return it->second;
}

Result<Model> Model::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound(path + ": cannot open model file");
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path + ": not a regular file");
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size < kHeaderSize + kChecksumSize) {
    ::close(fd);
    return Status::DataLoss(path + ": truncated model file (" + std::to_string(size) + " bytes)");
  }
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return Status::IoError(path + ": mmap failed");
  std::shared_ptr<const void> owner(p, Unmapper{size});
  return Parse(std::move(owner), static_cast<const char*>(p), size, path);
}

Result<Model> Model::FromBytes(std::string bytes) {
  auto owned = std::make_shared<std::string>(std::move(bytes));
  const char* data = owned->data();
  size_t size = owned->size();
  return Parse(std::static_pointer_cast<const void>(owned), data, size, "<memory>");
}

Result<Model> Model::Parse(std::shared_ptr<const void> owner, const char* data, size_t size,
                           const std::string& origin) {
  auto bad = [&](const std::string& why) { return Status::DataLoss(origin + ": " + why); };
  if (size < kHeaderSize + kChecksumSize) return bad("truncated model file");
  if (std::memcmp(data, kModelMagic, 8) != 0) return bad("not a sitrep model file (bad magic)");
  uint32_t version = ReadAt<uint32_t>(data + 8);
  if (version < kOldestModelVersion || version > kModelVersion)
    return bad("unsupported model version " + std::to_string(version) + " (this build reads " +
               std::to_string(kOldestModelVersion) + " to " + std::to_string(kModelVersion) + ")");
  uint32_t kind = ReadAt<uint32_t>(data + 12);
  if (kind < 1 || kind > kMaxModelKind) return bad("unknown model kind " + std::to_string(kind));
  uint32_t count = ReadAt<uint32_t>(data + 16);
  uint64_t total = ReadAt<uint64_t>(data + 24);
  if (total != size)
    return bad("truncated or extended model file: header says " + std::to_string(total) +
               " bytes, file has " + std::to_string(size));
  uint64_t want = ReadAt<uint64_t>(data + size - kChecksumSize);
  if (XXH64(data, size - kChecksumSize, 0) != want) return bad("checksum mismatch (corrupt model file)");
  if (count == 0 || count > kMaxSections) return bad("bad section count");
  size_t payload_end = size - kChecksumSize;
  if (kHeaderSize + uint64_t{count} * kEntrySize > payload_end) return bad("section table out of bounds");

  Model m;
  m.owner_ = std::move(owner);
  m.data_ = data;
  m.size_ = size;
  m.kind_ = static_cast<ModelKind>(kind);
  m.version_ = version;
  for (uint32_t i = 0; i < count; ++i) {
    const char* e = data + kHeaderSize + size_t{i} * kEntrySize;
    size_t name_len = strnlen(e, kMaxSectionName);
    std::string_view name(e, name_len);
    uint64_t offset = ReadAt<uint64_t>(e + kMaxSectionName);
    uint64_t len = ReadAt<uint64_t>(e + kMaxSectionName + 8);
    if (offset % 8 != 0 || offset > payload_end || len > payload_end - offset)
      return bad("section '" + std::string(name) + "' out of bounds");
    if (!m.sections_.emplace(std::string(name), std::string_view(data + offset, len)).second)
      return bad("duplicate section '" + std::string(name) + "'");
  }
  auto hyper = m.Section("hyper");
  if (!hyper.ok()) return bad("missing hyperparameter section");
  std::string_view h = *hyper;
  while (!h.empty()) {
    size_t nl = h.find('\n');
    if (nl == std::string_view::npos) return bad("unterminated hyperparameter line");
    std::string_view line = h.substr(0, nl);
    h.remove_prefix(nl + 1);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return bad("malformed hyperparameter line");
    m.hyper_[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
  }
  return m;
}

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    if (nl == std::string_view::npos) nl = s.size();
    out.emplace_back(s.substr(0, nl));
    s.remove_prefix(std::min(s.size(), nl + 1));
  }
  return out;
}

}  // namespace sitrep
