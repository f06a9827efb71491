// Internal to src/extract: the per-document context the extraction steps share, and event
// mentions (one trigger in one sentence with what the sentence says about it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "sitrep/base/date.h"
#include "sitrep/extract/event.h"
#include "sitrep/know/entities.h"
#include "sitrep/text/quantity.h"
#include "sitrep/text/sentence.h"
#include "sitrep/text/time_expression.h"

namespace sitrep {
class Analyzer;
}

namespace sitrep::extract {

// An entity mention inside one sentence.
struct EntityRef {
  int entity = -1;              // index into DocContext::entities
  uint32_t begin = 0, end = 0;  // bytes of the text
  int first_token = 0;          // index of its first token in the sentence
  bool place = false;
};

struct SentenceInfo {
  const Sentence* sentence = nullptr;
  std::vector<std::string> lower;     // lowercased token forms
  std::vector<int> quantities;        // indices into DocContext::quantities
  std::vector<int> times;             // indices into DocContext::times
  std::vector<EntityRef> entities;    // in text order
};

struct DocContext {
  std::string_view text;
  DateInterval reference;             // the article's date (maybe unknown)
  std::vector<Sentence> sentences;
  std::vector<SentenceInfo> info;     // parallel to sentences
  std::vector<Quantity> quantities;
  std::vector<TimeExpression> times;
  std::vector<Entity> entities;
  const Analyzer* analyzer = nullptr;  // tagger + parser for roles; null = token patterns
};

struct Figure {
  Count count;
  int64_t best = 0;
  bool initial = false, revision = false;
  uint32_t begin = 0, end = 0;
};

struct Mention {
  int sentence = 0;
  int token = 0;                      // trigger's first token
  uint32_t begin = 0, end = 0;        // trigger bytes
  Strength strength = Strength::kStrong;
  std::string plover_type, plover_mode, event_type, sub_event_type;
  bool sub_evidence = false;          // sub-event type stated by an instrument or the trigger
  bool anaphoric = false;             // "the strike", "that attack"
  bool other = false;                 // "other attacks", "a series of": not one event
  bool another = false;               // "another strike": one more event than those told
  std::string modality = "happened";  // happened | claimed | alleged | denied | threatened |
                                      // planned | hypothetical | negated
  std::string attribution;            // "according to X", "X said"
  std::optional<DateInterval> date;   // the mention's own time
  bool short_date = false;            // told as at most a week ("Thursday"), however wide `date`
  int64_t best_day = 0;
  bool background = false;
  bool anchor = false;                // named inside "hours after X": another event than the sentence's
  std::vector<int> places;            // entity indices, best first
  std::vector<int> far_places;        // locative places of the sentence beyond the trigger's reach
  std::optional<int> role_place;      // the trigger's place in the dependency tree
  std::optional<int> frame_place;     // "In X, ..." opening the sentence, before the trigger
  std::optional<int> actor1, actor2;  // entity indices (token patterns; coreference uses these)
  // Actors read from the dependency tree (extract/roles.h) when the sentence was parsed: the
  // event prefers these over any pattern guess; in-document coreference uses actor1 above.
  bool parsed_roles = false;
  std::optional<int> role_actor1, role_actor2;
  std::optional<Figure> fatalities, injured;
};

bool IsViolent(const Mention& m);
// Great-circle distance between two places, in km.
double Km(const Geo& a, const Geo& b);
// Clause number of byte `b` in sentence `s`: clauses end at ";" and at a comma before "and",
// "but", "while" ("killed four on Monday, and another strike killed two on Thursday").
int ClauseAt(const SentenceInfo& s, uint32_t b);

// "about 100 kilometers from the capital Port-au-Prince", "60 km north of Kabul": the place
// entity starting at token `t` is the origin of a distance, not where anything happened.
bool DistanceOrigin(const SentenceInfo& s, int t);
// The name at token t is who a statement was made to or comes from ("told The Associated
// Press", "said to Reuters", "in an interview with CNN"): a source, not a party to the event.
bool StatementParty(const SentenceInfo& s, int t);
// Bytes [begin, end) lie in a paragraph's dateline ("BAMAKO, March 3 (Reuters) -", "TBILISI,
// Georgia (AP) —"): before them only capitalised words and commas, after them only those, an
// agency in parentheses and then a dash. A place there is where the report was filed; a date,
// when it was filed.
bool InDateline(std::string_view text, uint32_t begin, uint32_t end);

constexpr int kTargetWindow = 8;  // tokens either side of a trigger where its target is read

// Places and actors of the sentence for a trigger from token patterns (token_roles.cc);
// entity mentions followed by "'s" are not places (they qualify a noun: "Iraq's PMF").
void ResolveRoles(const DocContext& doc, const SentenceInfo& s, Mention* m);
// Triggers, types, modality, attribution, actors and places of every sentence.
std::vector<Mention> FindMentions(const DocContext& doc, const EventLexicon& lex);
// Fatality and injury figures of each sentence, given to the mention they belong to.
void AttachFigures(const DocContext& doc, const EventLexicon& lex, std::vector<Mention>* mentions);
// Each mention's own date from the time expressions of its sentence; background marks.
void AttachTimes(const DocContext& doc, std::vector<Mention>* mentions);
// Habitual and durative statements ("has been fighting for a decade", "continues its
// offensive", "a history of targeting") are marked as series (`other`): not one event.
void MarkHabitual(const DocContext& doc, std::vector<Mention>* mentions);
// Generic and irrealis statements: "fighting continues", "are fighting to protect", "engaging in
// kidnapping", bare undated plurals ("US air raids") and plurals dated only by a month or year
// are series (`other`); purpose infinitives ("joined forces to fight") are `planned`.
void MarkGeneric(const DocContext& doc, std::vector<Mention>* mentions);
// Context statements (context.cc): plurals ordered or authorized ("authorized airstrikes"),
// items of a campaign ("a campaign of violence"), a group's possessive plurals with no toll
// ("its attacks on shipping") are series; a gathering for a rite ("gathered to mourn") is no
// protest; a name given to a told event ("describing it as a pre-emptive strike") is an
// anaphor with no weapon.
void MarkContext(const DocContext& doc, std::vector<Mention>* mentions);
// The opening sentence's own events told on a day are the article's news, not background,
// whatever their dates say (anchors such as "hours after X" and years keep their mark).
void KeepLeadNews(const DocContext& doc, std::vector<Mention>* mentions);
// Earlier events told as context: "earlier this month, a missile struck X", "last year's
// attack" (after an event told before them) and remembered ones ("a year since the attack",
// "the anniversary of the siege") are background.
void MarkEarlierEvents(const DocContext& doc, std::vector<Mention>* mentions);
// "X comes a week after Y": Y, dated by DateFromAnchors, is the yardstick of the article's own
// event, told as background; "hours/a day after Y" stays news. True when a mark was set.
bool MarkContextAnchors(const DocContext& doc, std::vector<Mention>* mentions);
// Arrests told after the article's violent or unrest event ("made two arrests after the
// incident") are its follow-up, not an event of their own: their groups are dropped.
void DropFollowUps(const DocContext& doc, const std::vector<Mention>& mentions,
                   std::vector<std::vector<int>>* groups);
// Mentions of the same real event grouped (in-document coreference): mention indices.
// "a day after X" left undated where the article dates X elsewhere (X's mention is in a group
// with a day): dates the sentence's own undated mentions. True when a date was set.
bool DateFromAnchors(const DocContext& doc, const std::vector<std::vector<int>>& groups,
                     std::vector<Mention>* mentions);
std::vector<std::vector<int>> GroupMentionIndices(const DocContext& doc,
                                                  const std::vector<Mention>& mentions);
// "the attack", "this deadly incident": the trigger at token `tok` has a definite determiner
// (not "its bases ... have been targeted", whose "its" belongs to another noun).
bool DefiniteNoun(const SentenceInfo& s, int tok);
// A definite anaphor whose sentence's time is not told with it ("the attack on Monday",
// "Monday's attack" are): that time belongs to another verb of its clause.
bool StrayDate(const DocContext& doc, const Mention& m);
// "Days after the massacre, ...": an anchor named by a generic word with a definite
// determiner and nothing that identifies it ("the strike that killed X") refers back.
bool BareAnchor(const DocContext& doc, const Mention& m);
// A definite anaphor in a sentence that tells a new event of its own, dated ("by Saturday,
// youths protested ..., insisting that the lynching ..."), does not take that event's day.
void ClearAnaphorDates(const DocContext& doc, std::vector<Mention>* mentions);
// A definite anaphor grouped with its event despite a day told for another verb of its
// clause ("survivors of the attack said bodies were buried on Monday") loses that day.
void DropStrayDates(const DocContext& doc, const std::vector<std::vector<int>>& groups,
                    std::vector<Mention>* mentions);
// The place of one group of mentions (place_choice.cc): the one told for it, else one of its
// sentences, else the article's; null when none.
const Entity* ChoosePlace(const DocContext& doc, const std::vector<Mention>& mentions,
                          const std::vector<int>& group);
// The Event of one group of mentions (sources = the sentences that tell it).
Event BuildEvent(const DocContext& doc, const std::vector<Mention>& mentions,
                 const std::vector<int>& group, const std::string& doc_id,
                 const std::string& outlet);

}  // namespace sitrep::extract
