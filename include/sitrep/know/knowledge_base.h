// The gazetteer and the actor dictionary together, found on disk once per process.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>

#include "sitrep/base/status.h"
#include "sitrep/know/actors.h"
#include "sitrep/know/gazetteer.h"

namespace sitrep {

struct KnowledgeBase {
  std::unique_ptr<Gazetteer> gazetteer;  // null when no index was found (actors still work)
  ActorDictionary actors;
  // English words frequent in lower case (data/know_common_words.txt): a capitalised one-word
  // occurrence is not taken for a place of that spelling. Folded lower-case forms.
  std::unordered_set<std::string> common_words;
  std::string gazetteer_path, actors_dir;
};

struct KnowledgeBasePaths {
  std::string gazetteer;   // gazetteer.bin; "" = no gazetteer
  std::string actors_dir;  // data/actors
  // know_common_words.txt; "" = <actors_dir>/../know_common_words.txt when actors_dir is set.
  std::string common_words;
};

// Loads the actor files, the gazetteer when given, the generated country actors and the
// common-word list (an error when actors_dir is set and no list is found).
Result<std::unique_ptr<KnowledgeBase>> LoadKnowledgeBase(const KnowledgeBasePaths& paths);

// Where the data is looked for: $SITREP_DATA_DIR (gazetteer.bin, actors/,
// know_common_words.txt), then beside the
// executable (<exe dir>/data, written by scripts/build_data.sh), then <exe dir>/../data.
KnowledgeBasePaths FindKnowledgeBasePaths();

// LoadKnowledgeBase(FindKnowledgeBasePaths()) once per process; later calls share it.
Result<const KnowledgeBase*> DefaultKnowledgeBase();

}  // namespace sitrep
