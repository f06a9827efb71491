// The sides of an attack as type_rules.cc reads them, and the clause spans it reads them in: cue kinds of data/events/cues.tsv and
// recognised actor entities counted over a span of a sentence's tokens, and the person rules
// that make a lone office holder or off-duty personnel a civilian target.
#pragma once

#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/mention.h"

namespace sitrep::extract {

struct SideCount {
  int civilian = 0, armed = 0, police = 0, crowd = 0;
  int assailant = 0;  // of `armed`: words that name attackers, not organised forces
};

// Clause spans read by the type rules. A word that ends a clause (punctuation, "while",
// "when", "after", "as", "who", "which").
bool IsClauseBreak(const std::string& w);
// A trigger at token `tok` told as a noun ("the attack",
// "an incident"), not as a verb or participle.
bool IsNominalTrigger(const SentenceInfo& s, int tok);
// [begin, end) of the words before `tok` in its clause (at most 8; a parenthesis is stepped
// over whole).
std::pair<int, int> ClauseBefore(const SentenceInfo& s, int tok);
// The word before `tok` once determiners are stepped over ("over the arrest" -> "over"), or -1.
int WordBefore(const SentenceInfo& s, int tok);
// Whether a cue of kind `kind` ends right before token `tok` (one- or two-word phrases).
bool CueEndsBefore(const EventLexicon& lex, const SentenceInfo& s, int tok, std::string_view kind);

bool HasKind(const std::vector<std::string>& kinds, std::string_view k);
// Cue kinds over tokens [b, e) of the sentence, each phrase counted once; recognised actor
// entities starting in the span count by their registry kind.
SideCount CountSide(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc, int b,
                    int e);
// Whether a cue of `kind` starts in tokens [b, e) of the sentence.
bool SpanHasKind(const EventLexicon& lex, const SentenceInfo& s, int b, int e,
                 std::string_view kind);
// A target [b, e) that is one person, not an armed side: an office holder qualified by his
// group ("a senior Hamas official"), or security personnel off duty or no longer serving ("an
// off-duty police officer", "a former soldier"): its armed and police counts become civilian.
void AdjustPersonTarget(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc,
                        int b, int e, SideCount* target);

}  // namespace sitrep::extract
