// Event <-> the JSON of SCHEMA.md (v1): what `sitrep analyze` and `sitrep events` print.
// Unknown values are null, never invented; with `mentions`, each source also carries the
// trigger span, modality and attribution. Without `mentions` (the flat record of jsonl and
// exports), a historical event carries no ACLED type: background is no ACLED record.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "sitrep/extract/event.h"

namespace sitrep {

nlohmann::json EventJson(const Event& event, bool mentions = false);

}  // namespace sitrep
