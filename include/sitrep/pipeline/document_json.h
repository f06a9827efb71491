// JSON views of pipeline results, shared by `sitrep analyze` and `sitrep docs`.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "sitrep/ingest/document.h"

namespace sitrep {

// {doc, title, outlet, byline, dateline, wire_credits, url, published, published_precision,
//  published_earliest, published_latest, published_evidence}; unknown values are null.
nlohmann::json DocumentMetaJson(const Document& doc);

// DocumentMetaJson plus {text, encoding, blocks, removed: [{text, reason, span}]}.
nlohmann::json DocumentJson(const Document& doc);

}  // namespace sitrep
