// The sitrep model file: magic, version, kind, hyperparameters, a section table and 8-byte
// aligned payload sections, closed by an XXH64 checksum of everything before it. Load() maps
// the file read-only and checks every bound, so weights are used in place without copying.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

enum class ModelKind : uint32_t {
  kTagger = 1, kParser = 2, kNer = 3, kBiaffineParser = 4, kNeuralNer = 5
};
inline constexpr uint32_t kMaxModelKind = 5;

inline constexpr char kModelMagic[8] = {'S', 'I', 'T', 'R', 'M', 'D', 'L', '\0'};
// Version 2 files may hold codebook-quantised weight sections (linear.h); version 1 files
// (int16 weights only) still load.
inline constexpr uint32_t kModelVersion = 2;
inline constexpr uint32_t kOldestModelVersion = 1;
inline constexpr size_t kMaxSectionName = 24;

// Builds a model file in memory: hyperparameters (key=value) and named byte sections.
class ModelWriter {
 public:
  explicit ModelWriter(ModelKind kind) : kind_(kind) {}
  void SetHyper(const std::string& key, const std::string& value) { hyper_[key] = value; }
  // Names are at most kMaxSectionName bytes and unique; a later call replaces the bytes.
  void AddSection(const std::string& name, std::string bytes);
  std::string Serialize() const;
  Status WriteTo(const std::string& path) const;

 private:
  ModelKind kind_;
  std::map<std::string, std::string> hyper_;
  std::vector<std::pair<std::string, std::string>> sections_;
};

// A loaded, validated model file. Sections are views into the mapping (or owned bytes) and
// stay valid as long as the Model (moves keep them valid).
class Model {
 public:
  // Maps and validates `path`. DataLoss with the reason for truncated/corrupt files.
  static Result<Model> Load(const std::string& path);
  // Validates an in-memory copy (tests, fuzzing).
  static Result<Model> FromBytes(std::string bytes);

  ModelKind kind() const { return kind_; }
  uint32_t version() const { return version_; }
  const std::map<std::string, std::string>& hyper() const { return hyper_; }
  // The hyperparameter or `fallback` when absent.
  std::string Hyper(const std::string& key, const std::string& fallback = "") const;
  // The bytes of a section; NotFound when it is absent.
  Result<std::string_view> Section(std::string_view name) const;
  size_t size_bytes() const { return size_; }

 private:
  static Result<Model> Parse(std::shared_ptr<const void> owner, const char* data, size_t size,
                             const std::string& origin);
  std::shared_ptr<const void> owner_;  // keeps the mapping or buffer alive
  const char* data_ = nullptr;
  size_t size_ = 0;
  ModelKind kind_ = ModelKind::kTagger;
  uint32_t version_ = 0;
  std::map<std::string, std::string> hyper_;
  std::map<std::string, std::string_view, std::less<>> sections_;
};

// Label lists are stored as text sections, one label a line.
std::string JoinLines(const std::vector<std::string>& lines);
std::vector<std::string> SplitLines(std::string_view text);

}  // namespace sitrep
