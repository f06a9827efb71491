// Event exports: a table for people, JSONL (SCHEMA.md), CSV, ACLED's columns and conventions,
// and GeoJSON. Pure functions of the events; each returns the whole text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sitrep/extract/event.h"

namespace sitrep {

// ISO2 -> a country name for ACLED's `country` column; returning "" keeps the code.
using CountryNamer = std::function<std::string(const std::string& iso2)>;

std::string ExportTable(const std::vector<Event>& events);
std::string ExportJsonl(const std::vector<Event>& events);
std::string ExportCsv(const std::vector<Event>& events);
// ACLED's column names and conventions, one row per event with an ACLED type: time_precision
// 1 day / 2 week / 3 coarser; geo_precision 1 town / 2 near / 3 region or coarser; fatalities
// the most conservative figure reported (a revision supersedes what it revises; 0 unknown);
// notes "On 4 January 2024, <lead sentence> [<field> reported: <values>]"; iso = ISO2.
std::string ExportAcled(const std::vector<Event>& events, const CountryNamer& namer = {});
std::string ExportGeoJson(const std::vector<Event>& events);

// One CSV field, quoted when it holds a comma, quote or newline (RFC 4180).
std::string CsvField(const std::string& s);

}  // namespace sitrep
