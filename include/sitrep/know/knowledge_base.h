// The gazetteer and the actor dictionary together, found on disk once per process.
#pragma once

#include <memory>
#include <string>

#include "sitrep/base/status.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/gazetteer.h"

namespace sitrep {

struct KnowledgeBase {
  std::unique_ptr<Gazetteer> gazetteer;  // null when no index was found (actors still work)
  ActorDictionary actors;
  std::string gazetteer_path, actors_dir;
};

struct KnowledgeBasePaths {
  std::string gazetteer;   // gazetteer.bin; "" = no gazetteer
  std::string actors_dir;  // data/actors
};

// Loads the actor files, the gazetteer when given, and the generated country actors.
Result<std::unique_ptr<KnowledgeBase>> LoadKnowledgeBase(const KnowledgeBasePaths& paths);

// Where the data is looked for: $SITREP_DATA_DIR (gazetteer.bin, actors/), then beside the
// executable (<exe dir>/data, written by scripts/build_data.sh), then <exe dir>/../data.
KnowledgeBasePaths FindKnowledgeBasePaths();

// LoadKnowledgeBase(FindKnowledgeBasePaths()) once per process; later calls share it.
Result<const KnowledgeBase*> DefaultKnowledgeBase();

}  // namespace sitrep
