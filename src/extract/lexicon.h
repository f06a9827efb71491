// The event lexicons of data/events/: triggers (-> PLOVER and ACLED types), instruments that
// decide an attack's sub-event type, cue words (casualties, modality, attribution) and intents
// (the PLOVER type of an act told only as intended or refused). Phrases are matched over
// lowercased words, longest first. Immutable once loaded.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep::extract {

enum class Strength { kStrong, kWeak, kVerbal };

struct TriggerEntry {
  Strength strength = Strength::kStrong;
  std::string plover_type, plover_mode, event_type, sub_event_type;  // sub "*" = from context
  // "struck", "hit", "fired": a verb that tells an attack only with an explosive or aerial
  // instrument in reach ("warplanes struck", "fired two missiles"; not "struck a deal").
  bool needs_instrument = false;
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
  // Every phrase starting at words[i], longest first: (length in words, value).
  std::vector<std::pair<size_t, int>> MatchAll(const std::vector<std::string>& words,
                                               size_t i) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    int value;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

class EventLexicon {
 public:
  // Reads triggers.tsv, instruments.tsv, cues.tsv and (optional) intents.tsv from `dir`.
  static Result<EventLexicon> Load(const std::string& dir);
  // The PLOVER type of a verbal act of `plover_type` told with `modality` ("planned" CONSULT ->
  // AGREE, "negated" AGREE -> REJECT), or null when the act keeps its own type.
  const std::string* IntentType(std::string_view modality, std::string_view plover_type) const;
  // contexts.tsv: a phrase in the sentence that refines a mention's ACLED type ("tear gas"
  // makes a peaceful protest one with intervention). Index of the rule for (event_type,
  // sub_event_type) matching at words[i] whose reach covers a phrase `distance` sentences on
  // (longest phrase first), or -1; *len = phrase length.
  struct ContextRule {
    std::string event_type, sub_event_type, new_event_type, new_sub_event_type;
    int reach = 0;        // following sentences the phrase may be in (scope next = 1, near = 2)
    bool absent = false;  // scope absent: fires when no phrase is in the sentence or beside it
    std::vector<std::string> with_kinds;  // a cue of one of these kinds must share the sentence
  };
  int ContextAt(const std::vector<std::string>& words, size_t i, std::string_view event_type,
                std::string_view sub_event_type, int distance, size_t* len) const;
  const ContextRule& context_rule(int i) const { return context_rules_[i]; }
  int context_rule_count() const { return static_cast<int>(context_rules_.size()); }
  // Whether a phrase of context rule `rule` occurs in `words`.
  bool ContextPhraseIn(const std::vector<std::string>& words, int rule) const;

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
  std::unordered_map<std::string, std::string> intents_;  // "modality\ttype" -> type
  PhraseTable contexts_;  // phrase -> index into context_phrase_rules_
  std::vector<std::vector<int>> context_phrase_rules_;
  std::vector<ContextRule> context_rules_;
};

struct DocContext;
struct Mention;
// Lexicon rules over found mentions: verbal mentions told as intended, threatened,
// hypothetical or negated take the PLOVER type of intents.tsv (an offer to meet is an AGREE, a
// refusal to meet a REJECT); a context phrase of contexts.tsv in the mention's sentence
// refines its ACLED type; a protest's grievance (IsProtestGrievance) is removed.
void RefineMentions(const EventLexicon& lex, const DocContext& doc, std::vector<Mention>* mentions);
// type_rules.cc: an attack typed by counting the words around it takes its ACLED type from its
// sides (cue kinds civilian/individual, armed, police, crowd): a crowd as the attacker makes it
// mob violence, a civilian target an attack on civilians, an armed target a battle; a clash
// of crowds with no armed side named is mob violence.
void ApplyTargetRules(const EventLexicon& lex, const DocContext& doc, Mention* m);
// A violent or arrest noun that is what a protest of its sentence is about ("demonstrated over
// the arrest of two students", "protest the killing of"): the protest's subject, not an event.
bool IsProtestGrievance(const EventLexicon& lex, const DocContext& doc,
                        const std::vector<Mention>& mentions, const Mention& m);
// A weak attack word told as a verb, or with the dead or wounded of its sentence, outranks
// strong mentions that are all strategic developments ("attack hotels killing 20, a suspected
// leader arrested"): the sentence keeps it beside them. Not an outcome word ("one man died":
// it refers back), nor a reason ("arrested for attacking").
bool OutranksStrong(const EventLexicon& lex, const DocContext& doc,
                    const std::vector<Mention>& strong, const Mention& weak);
// An arrest told as the aftermath of an attack: in a sentence that tells an attack with its dead
// or wounded ("attack hotels killing 20, a suspected leader arrested"), or followed by the
// violent act it is for ("two arrests after the incident", "in connection with the killing").
// It stays a COERCE act with no ACLED event of its own (RefineMentions).
bool IsAftermathArrest(const EventLexicon& lex, const DocContext& doc,
                       const std::vector<Mention>& mentions, const Mention& m);
// A violent act told as what someone is accused or suspected of ("a man suspected of kidnapping
// a child was beaten"): an accusation, not an event (FindMentions makes no mention of it).
bool IsAccusedAct(const EventLexicon& lex, const DocContext& doc, const Mention& m);
// A quantifier of a verb trigger's subject ("several armed men attacked") does not make the
// act a series of events: clears Mention::other for it.
void ClearSubjectQuantifier(const EventLexicon& lex, const DocContext& doc, Mention* m);

}  // namespace sitrep::extract
