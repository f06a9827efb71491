// The event lexicons of data/events/: triggers (-> PLOVER and ACLED types), instruments that
// decide an attack's sub-event type, and cue words (casualties, modality, attribution).
// Phrases are matched over lowercased words, longest first. Immutable once loaded.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep::extract {

enum class Strength { kStrong, kWeak, kVerbal };

struct TriggerEntry {
  Strength strength = Strength::kStrong;
  std::string plover_type, plover_mode, event_type, sub_event_type;  // sub "*" = from context
};

struct InstrumentEntry {
  int priority = 0;
  std::string plover_mode, event_type, sub_event_type;
};

// A phrase table: word sequences -> value index, longest match at a position.
class PhraseTable {
 public:
  void Add(std::string_view phrase, int value);
  // Longest phrase starting at words[i]: sets *len (words) and returns its value, or -1.
  int Match(const std::vector<std::string>& words, size_t i, size_t* len) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    int value;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

class EventLexicon {
 public:
  // Reads triggers.tsv, instruments.tsv and cues.tsv from `dir`.
  static Result<EventLexicon> Load(const std::string& dir);

  const PhraseTable& triggers() const { return triggers_; }
  const TriggerEntry& trigger(int i) const { return trigger_entries_[i]; }
  const PhraseTable& instruments() const { return instruments_; }
  const InstrumentEntry& instrument(int i) const { return instrument_entries_[i]; }
  // Cue kinds are interned: cues() values index cue_kind().
  const PhraseTable& cues() const { return cues_; }
  const std::string& cue_kind(int i) const { return cue_kinds_[i]; }
  // All cue kinds of a phrase at words[i] (a phrase may have several kinds).
  std::vector<std::string> CueKindsAt(const std::vector<std::string>& words, size_t i,
                                      size_t* len) const;

 private:
  PhraseTable triggers_, instruments_, cues_;
  std::vector<TriggerEntry> trigger_entries_;
  std::vector<InstrumentEntry> instrument_entries_;
  std::vector<std::string> cue_kinds_;  // value -> "death,claim" (comma-joined kinds)
};

}  // namespace sitrep::extract
