// Internal to src/extract: the roles of an event trigger read from a dependency tree (UD
// relations), as token spans of the parsed sentence, and their mapping to recognised entities.
// Spans are half-open token ranges [begin, end) of the sentence; bytes come from its tokens.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/text/sentence.h"

namespace sitrep {
class Analyzer;
}

namespace sitrep::extract {

struct SentenceInfo;
struct DocContext;
struct Mention;

struct RoleOptions {
  int max_parse_tokens = 60;  // longer sentences keep the token patterns (parse cost, noise)
  int max_parsed_sentences = 6;  // per article, first ones first: bounds the parse cost
};

struct RoleSpan {
  int head = -1;              // the role's head token (0-based)
  int begin = -1, end = -1;   // tokens [begin, end): the head's phrase without clauses
  bool operator==(const RoleSpan&) const = default;
};

// Every role may have several fillers ("Israeli and US forces", an apposition), best first.
struct Roles {
  std::vector<RoleSpan> actor, target, place, time, instrument;
};

// The roles of the trigger whose tokens are [trigger_begin, trigger_end) in a parsed sentence
// (every token has head >= 0). Handles active and passive verbs, nominal triggers (on/against/
// of = target, by/possessor/modifier = actor), light verbs ("carried out an airstrike on X"),
// relative clauses and reduced relatives, appositions, xcomp/conj subject sharing. Empty
// roles when the sentence is not parsed. Bounded loops only: no recursion on the tree.
Roles FindRoles(const Sentence& parsed, int trigger_begin, int trigger_end);

// The entity (index into DocContext::entities) of the first filler of `spans` that holds a
// recognised entity mention; `places` selects place entities (true), actors (false: non-place
// entities and countries), or either (nullopt).
std::optional<int> EntityOfRole(const DocContext& doc, const SentenceInfo& s,
                                const std::vector<RoleSpan>& spans, std::optional<bool> places);

// Sets the mention's role_actor1 (actor) and role_actor2 (target) from the roles of its
// trigger in `parsed` (the tokens of s.sentence, tagged and parsed); only what the tree says.
// actor1/actor2/places stay the patterns' (coreference and the event's fallback use them).
void ApplyParsedRoles(const DocContext& doc, const SentenceInfo& s, const Sentence& parsed,
                      Mention* m);

// The tagger and parser from `models_dir` ("" = the default models folder), or null with one
// warning on stderr per process: roles then come from token patterns only.
std::unique_ptr<Analyzer> LoadRoleAnalyzer(const std::string& models_dir);

// A tagged and parsed copy of sentence `si`, or nullopt without models or when it is longer
// than options.max_parse_tokens. Called only for sentences that hold a trigger.
std::optional<Sentence> ParseForRoles(const DocContext& doc, int si, const RoleOptions& options);
// ParseForRoles of each of `sentences` (indices into doc.sentences), in one call so a neural
// parser runs over all of them at once; the i-th result belongs to sentences[i].
std::vector<std::optional<Sentence>> ParseAllForRoles(const DocContext& doc,
                                                      const std::vector<int>& sentences,
                                                      const RoleOptions& options);
// Whether ParseForRoles would parse sentence `si` (models loaded, not empty, not too long).
bool ParsableForRoles(const DocContext& doc, int si, const RoleOptions& options);

}  // namespace sitrep::extract
