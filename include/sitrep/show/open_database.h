// Opening a database only to read it for a report: the file must exist and be a sitrep
// database (an SQLite file with sitrep's schema), so a wrong path is reported instead of
// being turned into a new, empty database.
#pragma once

#include <memory>
#include <string>

#include "sitrep/base/status.h"
#include "sitrep/store/event_store.h"

namespace sitrep::show {

// NotFound "no database at PATH" when absent; InvalidArgument "PATH: not a sitrep database
// (...)" for a directory, a non-SQLite file or an SQLite file without sitrep's tables; the
// store's error otherwise (e.g. a newer schema). The check itself opens the file read-only.
Result<std::unique_ptr<EventStore>> OpenSitrepDatabase(const std::string& path);

}  // namespace sitrep::show
