#include "sitrep/know/knowledge_base.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

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

}  // namespace

Result<std::unique_ptr<KnowledgeBase>> LoadKnowledgeBase(const KnowledgeBasePaths& paths) {
  auto kb = std::make_unique<KnowledgeBase>();
  kb->gazetteer_path = paths.gazetteer;
  kb->actors_dir = paths.actors_dir;
  if (!paths.gazetteer.empty()) {
    ASSIGN_OR_RETURN(kb->gazetteer, Gazetteer::Load(paths.gazetteer));
  }
  if (!paths.actors_dir.empty()) RETURN_IF_ERROR(kb->actors.LoadFolder(paths.actors_dir));
  if (kb->gazetteer) kb->actors.AddCountryActors(*kb->gazetteer);
  kb->actors.Index();
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
