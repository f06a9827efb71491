#include "sitrep/know/knowledge_base.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

bool Exists(const std::string& p) {
  std::error_code ec;
  return std::filesystem::exists(p, ec);
}

std::string ExeDir() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string(".") : p.parent_path().string();
}

Status LoadWordList(const std::string& path, std::unordered_set<std::string>* out) {
  ASSIGN_OR_RETURN(std::string text, ReadFileBytes(path, 16ull << 20));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') out->emplace(line);
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<KnowledgeBase>> LoadKnowledgeBase(const KnowledgeBasePaths& paths) {
  auto kb = std::make_unique<KnowledgeBase>();
  kb->gazetteer_path = paths.gazetteer;
  kb->actors_dir = paths.actors_dir;
  if (!paths.gazetteer.empty()) {
    ASSIGN_OR_RETURN(kb->gazetteer, Gazetteer::Load(paths.gazetteer));
  }
  if (!paths.actors_dir.empty()) {
    // The dictionary compiled into the index when it was built from these very files.
    bool compiled = false;
    if (kb->gazetteer && !kb->gazetteer->CompiledActors().empty()) {
      Result<uint64_t> hash = ActorDictionary::FolderHash(paths.actors_dir);
      compiled = hash.ok() && kb->actors.LoadCompiled(kb->gazetteer->CompiledActors(), *hash).ok();
    }
    if (!compiled) RETURN_IF_ERROR(kb->actors.LoadFolder(paths.actors_dir));
  }
  if (kb->gazetteer) kb->actors.AddCountryActors(*kb->gazetteer);
  kb->actors.Index();
  std::string words = paths.common_words;
  if (words.empty() && !paths.actors_dir.empty()) words = paths.actors_dir + "/../know_common_words.txt";
  if (!words.empty()) {
    if (!Exists(words)) return Status::NotFound(words + ": common-word list missing (scripts/build_data.sh)");
    RETURN_IF_ERROR(LoadWordList(words, &kb->common_words));
  }
  return kb;
}

KnowledgeBasePaths FindKnowledgeBasePaths() {
  KnowledgeBasePaths out;
  std::vector<std::string> roots;
  if (const char* env = std::getenv("SITREP_DATA_DIR"); env && *env) roots.push_back(env);
  std::string exe = ExeDir();
  roots.push_back(exe + "/data");
  roots.push_back(exe + "/../data");
  roots.push_back(exe + "/../build/data");
  roots.push_back(exe + "/../../data");
  for (const std::string& r : roots) {
    if (out.gazetteer.empty() && Exists(r + "/gazetteer.bin")) out.gazetteer = r + "/gazetteer.bin";
    if (out.actors_dir.empty() && Exists(r + "/actors/curated.txt")) out.actors_dir = r + "/actors";
    if (out.common_words.empty() && Exists(r + "/know_common_words.txt"))
      out.common_words = r + "/know_common_words.txt";
  }
  return out;
}

Result<const KnowledgeBase*> DefaultKnowledgeBase() {
  static std::once_flag once;
  static std::unique_ptr<KnowledgeBase> kb;
  static Status status;
  std::call_once(once, [] {
    Result<std::unique_ptr<KnowledgeBase>> r = LoadKnowledgeBase(FindKnowledgeBasePaths());
    if (r.ok()) kb = std::move(r).value();
    else status = r.status();
  });
  if (!kb) return status;
  return static_cast<const KnowledgeBase*>(kb.get());
}

}  // namespace sitrep
