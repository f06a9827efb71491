// Word lists kept as data in data/ (cue phrases for boilerplate, news agencies): found once
// per process in $SITREP_DATA_DIR, FindResourceDir("data") or a data/ folder up to three levels
// above the executable (build trees, tests), then cached.
// Thread-safe. A list that cannot be found is empty (DataDir() is then empty too).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// The folder holding the lexicons, or "" when none was found.
const std::string& DataDir();

// Lines of data/<relative> lowercased, whitespace collapsed, comments ('#') and blanks dropped.
const std::vector<std::string>& LexiconPhrases(std::string_view relative);

// News agencies: each row is {canonical name, alias...} as written in data/wire_agencies.txt.
const std::vector<std::vector<std::string>>& WireAgencies();

// Lowercases ASCII, turns U+00A0 into a space and collapses whitespace runs.
std::string NormalizeCue(std::string_view s);

// Number of space-separated words of a block's text (blocks have single spaces).
int CountWords(std::string_view s);

// True when `norm` (NormalizeCue'd) starts with `phrase` at a word boundary.
bool StartsWithCue(std::string_view norm, std::string_view phrase);

}  // namespace sitrep
