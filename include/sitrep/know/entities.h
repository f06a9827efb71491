// Entities of a document: actors and places found by dictionary matching (longest match of
// gazetteer names and actor aliases at word boundaries, with capitalisation rules), titles
// stripped, role descriptions and acronyms resolved, surnames and "the group" linked back,
// places resolved in context. NER spans can be handed in to add names the dictionaries miss.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sitrep/ingest/document.h"
#include "sitrep/know/knowledge_base.h"
#include "sitrep/know/place_resolver.h"

namespace sitrep {

struct EntityMention {
  std::string text;
  uint32_t begin = 0, end = 0;  // bytes of the text
  std::string relation;         // places: "north of", "near", "outskirts of"... else ""
  std::optional<Precision> precision;  // lowered precision implied by `relation`
};

struct Entity {
  std::string id;       // dictionary id, "place:<...>" for places, "new:<slug>" for new actors
  std::string name;
  std::string kind;     // actor kind, or "place"
  std::string country;  // ISO2 or ""
  std::vector<EntityMention> mentions;  // in text order
  std::optional<Geo> geo;               // places only
};

// A name found by a tagger (the NER hook): a span of the text and its label (PER, ORG, LOC,
// GPE...). Names the dictionaries do not know become new actors or places looked up by name.
struct NerSpan {
  uint32_t begin = 0, end = 0;
  std::string label;
};

struct EntityOptions {
  int64_t day = 0;              // the document's date (day number); 0 = unknown (today-ish)
  std::vector<NerSpan> ner;     // optional spans from a tagger
  uint32_t max_words = 8;       // longest name tried, in words
};

// Finds and resolves the entities of `text`. Entities come in order of first mention.
std::vector<Entity> RecogniseEntities(const KnowledgeBase& kb, std::string_view text,
                                      const EntityOptions& options);
// The same for a Document: its clean text, its published date.
std::vector<Entity> RecogniseEntities(const KnowledgeBase& kb, const Document& doc);

// [{id, name, kind, country, mentions: [{text, span: [b, e]}], geo: {...} | null}].
nlohmann::json EntitiesJson(const std::vector<Entity>& entities);

// EntitiesJson(RecogniseEntities(*DefaultKnowledgeBase(), doc)); when the knowledge base
// cannot be loaded, an empty list and *warning (if given) says why.
nlohmann::json DocumentEntitiesJson(const Document& doc, std::string* warning = nullptr);

}  // namespace sitrep
