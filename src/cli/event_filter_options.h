// The event filters shared by `sitrep events` and `sitrep report`: options, their parsing into
// an EventFilter, and the words that describe them.
#pragma once

#include <string>

#include "sitrep/store/event_store.h"

namespace CLI {
class App;
}

namespace sitrep::cli {

struct EventFilterArgs {
  std::string from, to, country, near, type, actor, text;
  double km = 50;
};

// Adds --from --to --country --near --km --type --actor --text to `cmd`, bound to `args`.
void AddEventFilterOptions(CLI::App* cmd, EventFilterArgs* args);

// The filter the options describe; throws CommandFailed naming the option on a bad date or an
// unknown --near place.
EventFilter MakeEventFilter(const EventFilterArgs& args);

// The options given, as "--from 2024-01-01, --type Battles" ("" when none).
std::string DescribeEventFilter(const EventFilterArgs& args);

// ISO2 -> the gazetteer's country name; "" when no gazetteer or unknown code.
std::string CountryName(const std::string& iso2);

}  // namespace sitrep::cli
