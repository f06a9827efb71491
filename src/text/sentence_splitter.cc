#include "sitrep/text/sentence_splitter.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstdio>
#include <filesystem>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

constexpr std::string_view kHeader = "sitrep-sentence-split v2 bits=20";
constexpr const char* kModelFile = "sentence_split.v2.txt";

bool IsEndPunct(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (c != '.' && c != '?' && c != '!') return false;
  return true;
}

bool IsCloser(std::string_view w) {
  return w == "\"" || w == "'" || w == "''" || w == ")" || w == "]" || w == "\xE2\x80\x9D" ||
         w == "\xE2\x80\x99";
}

std::string FindModel() {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("SITREP_MODELS")) dirs.emplace_back(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path d = exe.parent_path(); !d.empty() && d != d.root_path(); d = d.parent_path()) {
      dirs.push_back(d / "models");
      if (dirs.size() > 6) break;
    }
  }
#ifdef SITREP_SOURCE_DIR
  dirs.emplace_back(fs::path(SITREP_SOURCE_DIR) / "models");
#endif
  for (const fs::path& d : dirs) {
    fs::path p = d / kModelFile;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

inline bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlnumOrNonAscii(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return static_cast<unsigned>((u | 0x20) - 'a') < 26u || static_cast<unsigned>(u - '0') < 10u ||
         u >= 0x80;
}

// Gaps that do not end a sentence by rule, so the model is not asked (about 70% of the gaps
// in EWT; on EWT dev the model calls 2 of 16,929 such gaps a boundary): on one line, a word
// ending in a letter or digit before a word starting with a lower-case ASCII letter, or any
// word before "," or ";".
bool CannotEnd(std::string_view text, const std::vector<WordSpan>& words, size_t i) {
  const WordSpan& a = words[i];
  const WordSpan& b = words[i + 1];
  char first = text[b.begin];
  bool comma = first == ',' || first == ';';
  if (!comma && !(IsLowerAscii(first) && IsAlnumOrNonAscii(text[a.end - 1]))) return false;
  for (uint32_t k = a.end; k < b.begin; ++k)
    if (text[k] == '\n') return false;
  return true;
}

}  // namespace

SentenceSplitter::SentenceSplitter() = default;
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

Result<SentenceSplitter> SentenceSplitter::Load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string data, ReadFileBytes(path, 64ull << 20));
  SentenceSplitter s;
  size_t table = size_t{1} << kTableBits;
  std::vector<float> weights(table, 0.0f);
  size_t pos = 0;
  int line_no = 0;
  while (pos < data.size()) {
    size_t e = data.find('\n', pos);
    if (e == std::string::npos) e = data.size();
    std::string_view line(data.data() + pos, e - pos);
    pos = e + 1;
    ++line_no;
    if (line_no == 1) {
      if (line != kHeader) return Status::DataLoss(path + ": not a sentence-split model");
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    uint32_t index = 0;
    float weight = 0;
    auto r1 = std::from_chars(line.data(), line.data() + tab, index);
    auto r2 = tab == std::string_view::npos
                  ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                  : std::from_chars(line.data() + tab + 1, line.data() + line.size(), weight);
    if (r1.ec != std::errc() || r2.ec != std::errc() || index >= table)
      return Status::DataLoss(path + ":" + std::to_string(line_no) + ": malformed weight line");
    weights[index] = weight;
  }
  s.blocks_.resize(table / 64);
  for (size_t i = 0; i < table; ++i) {
    Block& b = s.blocks_[i / 64];
    if (i % 64 == 0) b.rank = static_cast<uint32_t>(s.packed_.size());
    if (weights[i] == 0.0f) continue;
    b.nonzero |= uint64_t{1} << (i % 64);
    s.packed_.push_back(weights[i]);
  }
  return s;
}

const SentenceSplitter& SentenceSplitter::Default() {
  static const SentenceSplitter* splitter = [] {
    std::string path = FindModel();
    if (path.empty()) {
      std::fprintf(stderr, "sitrep: warning: %s not found (set SITREP_MODELS); "
                   "sentences are split by rules only\n", kModelFile);
      return new SentenceSplitter();
    }
    Result<SentenceSplitter> loaded = Load(path);
    if (loaded.ok()) return new SentenceSplitter(std::move(*loaded));
    std::fprintf(stderr, "sitrep: warning: %s; sentences are split by rules only\n",
                 loaded.status().message().c_str());
    return new SentenceSplitter();
  }();
  return *splitter;
}

bool SentenceSplitter::RuleBoundary(std::string_view text, const std::vector<WordSpan>& words,
                                    size_t i) const {
  auto form = [&](size_t k) {
    return text.substr(words[k].begin, words[k].end - words[k].begin);
  };
  std::string_view w = form(i);
  bool attached_next = words[i].end == words[i + 1].begin;
  if (IsEndPunct(w) && attached_next && IsCloser(form(i + 1))) return false;  // after the quote
  bool end = IsEndPunct(w) || (IsCloser(w) && i > 0 && words[i - 1].end == words[i].begin &&
                               IsEndPunct(form(i - 1)));
  bool newline = false;
  for (uint32_t k = words[i].end; k < words[i + 1].begin; ++k) newline |= text[k] == '\n';
  if (newline) return true;
  if (!end) return false;
  unsigned char next = static_cast<unsigned char>(text[words[i + 1].begin]);
  return !(next >= 'a' && next <= 'z') && next != ',' && next != ';';
}

void SentenceSplitter::Split(std::string_view text, const std::vector<WordSpan>& words,
                             std::vector<uint32_t>* ends) const {
  if (words.empty()) return;
  uint32_t feats[kNumFeatures];
  thread_local std::vector<WordKeys> keys;
  bool model = has_model();
  if (model) {  // keys are computed when a gap is scored (most gaps are not)
    keys.clear();
    keys.resize(words.size(), WordKeys{0, 0, 0, kNoKey});
  }
  uint32_t since = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    ++since;
    bool boundary = false;
    if (IsHardBreak(text, words, i)) {
      boundary = true;
    } else if (IsCandidate(text, words, i)) {
      if (since >= options_.max_sentence_words) {
        boundary = true;
      } else if (model) {
        if (!CannotEnd(text, words, i)) {
          for (size_t k = i > 0 ? i - 1 : 0; k < std::min(i + 3, words.size()); ++k)
            if (keys[k].len == kNoKey) WordKey(text, words[k], &keys[k]);
          Features(text, words, keys, i, since, feats);
          float score = 0;
          for (uint32_t f : feats) score += Weight(f);
          boundary = score > 0;
        }
      } else {
        boundary = RuleBoundary(text, words, i);
      }
    }
    if (boundary) {
      ends->push_back(static_cast<uint32_t>(i));
      since = 0;
    }
  }
  ends->push_back(static_cast<uint32_t>(words.size() - 1));
}

}  // namespace sitrep
