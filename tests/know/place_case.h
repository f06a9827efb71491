// Test helper: one table row "in this text, this mention resolves to that place" and the
// look-ups that check it, shared by the place tests.
#pragma once

#include <string>

#include "sitrep/know/entities.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/knowledge_base.h"

namespace sitrep::testing {

struct PlaceCase {
  const char* text;
  const char* mention;
  // PlaceOf form: "CC" = a town or site there, "CC/admin1" = a division there, "-" = none;
  // GeoOf form: "<name>|CC|<precision>" or "-".
  const char* want;
};

// What the first mention spelled exactly `mention` resolved to, in the form of PlaceCase::want.
inline std::string PlaceOf(const KnowledgeBase& kb, const char* text, const char* mention) {
  for (const Entity& e : RecogniseEntities(kb, text, {}))
    for (const EntityMention& m : e.mentions)
      if (m.text == mention && e.geo.has_value())
        return e.geo->country + (e.geo->precision == Precision::kAdmin1 ? "/admin1" : "");
  return "-";
}

// "<entity name>|<country>|<precision>" of the first mention spelled exactly `mention`, or "-".
inline std::string GeoOf(const KnowledgeBase& kb, const char* text, const char* mention) {
  for (const Entity& e : RecogniseEntities(kb, text, {}))
    for (const EntityMention& m : e.mentions)
      if (m.text == mention && e.geo.has_value())
        return e.name + "|" + e.geo->country + "|" + std::string(PrecisionName(e.geo->precision));
  return "-";
}

}  // namespace sitrep::testing
