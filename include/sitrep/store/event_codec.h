// Event <-> stored JSON: SCHEMA.md's record plus what fusion needs to redo its work (mention
// details, origins). Decode(Encode(e)) == e for every field the Event has.
#pragma once

#include <string>
#include <string_view>

#include "sitrep/base/status.h"
#include "sitrep/extract/event.h"

namespace sitrep {

std::string EncodeEvent(const Event& event);
// Fails with DataLoss naming the field when the text is not an encoded event.
Result<Event> DecodeEvent(std::string_view json);

}  // namespace sitrep
