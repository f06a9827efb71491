// Who acted on whom decides an attack's ACLED type, as we read ACLED's definitions: violence
// by an unorganised crowd (villagers, locals, rival groups of people) is Riots / Mob violence;
// an attack whose target is civilians is Violence against civilians whoever the attacker is,
// and one whose target is an armed side is a battle. The sides are read from token patterns
// around the trigger (active: agent before, target after; passive: the reverse), so the
// attacker's own kind no longer tips the count ("police beat a woman" is an attack).
#include <algorithm>
#include <tuple>

#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/type_sides.h"

namespace sitrep::extract {
namespace {

constexpr int kSideWindow = 8;      // tokens read on each side of a trigger
constexpr int kNominalReach = 3;    // "the attack (last night) on": tokens before the preposition
constexpr int kRelativeReach = 16;  // "X who ... were shot": tokens from "who" to the verb
constexpr int kGroupSize = 2;     // people counted as a group that can act as a mob

bool IsPreposition(const std::string& w) {
  return w == "in" || w == "during" || w == "of" || w == "after" || w == "from" || w == "at" ||
         w == "on" || w == "by" || w == "with" || w == "for";
}

bool IsTargetPreposition(const std::string& w) {
  return w == "on" || w == "against" || w == "targeting" || w == "at" || w == "upon";
}

// The "who" / "which" that opens the relative clause `tok` is in (within kRelativeReach
// tokens, no other clause break between), or -1.
int RelativePronounBefore(const SentenceInfo& s, int tok) {
  for (int k = tok - 1; k >= 0 && tok - k <= kRelativeReach; --k) {
    const std::string& w = s.lower[k];
    if (w == "who" || w == "which") return k;
    if (IsClauseBreak(w)) return -1;
  }
  return -1;
}

// [begin, end) of the words after the trigger in its clause (at most kSideWindow).
std::pair<int, int> After(const SentenceInfo& s, int tok_end) {
  int e = tok_end;
  while (e < (int)s.lower.size() && e - tok_end < kSideWindow && !IsClauseBreak(s.lower[e])) ++e;
  return {tok_end, e};
}

// The agent of a passive trigger: the words after "by" in its clause ("... was beaten by
// locals"), or an empty span.
std::pair<int, int> ByAgent(const SentenceInfo& s, int tok_end) {
  auto [ab, ae] = After(s, tok_end);
  for (int i = ab; i < ae; ++i) {
    if (s.lower[i] == "by" && (i + 1 >= ae || s.lower[i + 1] != "-")) return {i + 1, ae};
  }
  return {tok_end, tok_end};
}

bool PassiveAt(const SentenceInfo& s, int tok) {
  for (int k = tok - 1; k >= 0 && tok - k <= 3; --k) {
    const std::string& w = s.lower[k];
    if (w == "was" || w == "were" || w == "been" || w == "being") return true;
    if (IsClauseBreak(w)) break;
  }
  return false;
}

// The auxiliary of a passive outcome before the trigger in its clause ("was killed in a
// shooting"), or the outcome verb whose subject is the victim ("died in a shooting"), or -1.
int PassiveOutcome(const EventLexicon& lex, const SentenceInfo& s, int tok) {
  for (int k = tok - 1; k >= 1 && tok - k <= kSideWindow; --k) {
    if (s.lower[k] == ";" || s.lower[k] == ".") break;
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, k, &len);
    if (!HasKind(kinds, "death") && !HasKind(kinds, "injury")) continue;
    if (s.lower[k] == "died") return k;  // "an officer died in a shooting"
    for (int a = k - 1; a >= 0 && k - a <= 3; --a) {
      if (s.lower[a] == "was" || s.lower[a] == "were") return a;
    }
  }
  return -1;
}

// A number of at least kGroupSize among tokens [b, e) ("five persons", "4 men").
bool CountedGroup(const DocContext& doc, const SentenceInfo& s, int b, int e) {
  const auto& toks = s.sentence->tokens;
  for (int qi : s.quantities) {
    const Quantity& q = doc.quantities[qi];
    if (q.kind != QuantityKind::kCardinal || q.value < kGroupSize) continue;
    int t = 0;
    while (t < static_cast<int>(toks.size()) && toks[t].end <= q.number_begin) ++t;
    if (t >= b && t < e) return true;
  }
  return false;
}

bool IsDigits(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsLocative(const std::string& w) {
  return w == "at" || w == "in" || w == "near" || w == "inside" || w == "outside" || w == "to";
}

// "a police officer attached to the Government House", "a security forces post at the main
// market": once an armed or police side heads the target [b, *e) with no civilian before it,
// a locative preposition ends the target; the civilian words after it name the place.
void TrimTargetAtLocative(const EventLexicon& lex, const SentenceInfo& s, const DocContext& doc,
                          int b, int* e) {
  for (int k = b + 1; k < *e; ++k) {
    if (!IsLocative(s.lower[k])) continue;
    SideCount head = CountSide(lex, s, doc, b, k);
    if (head.armed + head.police > 0 && head.civilian == 0) *e = k;
    return;
  }
}

// A word of a demonstration in the sentence ("protesters", "demonstrating", "a procession").
bool Demonstrating(const SentenceInfo& s) {
  for (const std::string& w : s.lower) {
    if (w.rfind("protest", 0) == 0 || w.rfind("demonstrat", 0) == 0 || w == "procession" ||
        w == "rally" || w == "rallies" || w == "marchers" || w == "rioters")
      return true;
  }
  return false;
}

}  // namespace

void ApplyTargetRules(const EventLexicon& lex, const DocContext& doc, Mention* m) {
  if (m->strength == Strength::kVerbal) return;
  const SentenceInfo& s = doc.info[m->sentence];
  size_t len = 0;
  int v = lex.triggers().Match(s.lower, m->token, &len);
  if (v < 0) return;
  const TriggerEntry& t = lex.trigger(v);
  int tok_end = m->token + static_cast<int>(len);
  bool decided_by_count = !m->sub_evidence && t.sub_event_type == "*" &&
                          t.event_type == "Violence against civilians" &&
                          (m->event_type == "Violence against civilians" ||
                           m->event_type == "Battles");
  bool clash = t.event_type == "Battles" && t.sub_event_type == "Armed clash" &&
               m->event_type == "Battles";
  bool destruction = t.event_type == "Strategic developments" &&
                     t.sub_event_type == "Looting/property destruction" &&
                     m->event_type == t.event_type;
  size_t own_len = 0;
  if (destruction && HasKind(lex.CueKindsAt(s.lower, m->token, &own_len), "seizure")) {
    // A seizure is looting/property destruction when goods are what is seized ("seized 3 tons
    // of marijuana", "smuggled cigarettes were confiscated"); a town or weapons seized are no
    // property taken: the act stays a verbal COERCE with no ACLED type.
    auto [ab, ae] = ClauseBefore(s, m->token);
    auto [fb, fe] = After(s, tok_end);
    // "seized 8,5 tons of marijuana": a comma between digits is a decimal mark, not a break.
    while (fe + 1 < static_cast<int>(s.lower.size()) && fe - tok_end < kSideWindow &&
           s.lower[fe] == "," && IsDigits(s.lower[fe - 1]) && IsDigits(s.lower[fe + 1])) {
      std::tie(std::ignore, fe) = After(s, fe + 1);
    }
    bool goods = false;
    for (auto [b, e] : {std::pair{ab, ae}, std::pair{fb, fe}}) {
      for (int k = b; k < e && !goods; ++k) {
        size_t n = 0;
        goods = HasKind(lex.CueKindsAt(s.lower, k, &n), "goods");
      }
    }
    if (!goods) {
      m->event_type.clear(), m->sub_event_type.clear();
      m->strength = Strength::kVerbal;
      return;
    }
  }
  if (destruction) {
    // Property burnt or looted by a crowd (residents, inmates, community members) with no
    // armed side among them: ACLED codes it as a riot, not as a strategic development.
    auto [ab, ae] = ClauseBefore(s, m->token);
    for (int k = ab; k < ae; ++k) {
      if (s.lower[k] == "and") return;  // "X killed residents and burnt down": X is the agent
    }
    SideCount actor = CountSide(lex, s, doc, ab, ae);
    if (actor.crowd > 0 && actor.armed == 0 && actor.police == 0) {
      m->event_type = "Riots", m->sub_event_type = "Mob violence";
    }
    return;
  }
  bool crowd_act = t.event_type == "Riots" && t.sub_event_type == "Violent demonstration" &&
                   m->event_type == "Riots";
  if (crowd_act) {
    // Burning, stoning or vandalism by an armed side ("militants torched the village", "a youth
    // militia torched the offices", "gunmen set fire to granaries") is no riot: an attack. Armed
    // crowds ("armed youths", "armed villagers") riot.
    bool passive = PassiveAt(s, m->token);
    auto [ab, ae] = passive ? ByAgent(s, tok_end) : ClauseBefore(s, m->token);
    SideCount actor = CountSide(lex, s, doc, ab, ae);
    bool armed_crowd = false;
    for (int k = ab; k < ae; ++k) {
      const std::string& w = s.lower[k];
      armed_crowd |= w == "youths" || w == "villagers" || w == "residents" ||
                     w == "locals" || w == "mob" || w == "mobs";
    }
    bool organised = actor.armed > actor.assailant;
    bool attackers = actor.assailant > 0 && actor.crowd == 0 && !armed_crowd;
    if ((organised || attackers) && actor.police == 0) {
      m->event_type = "Violence against civilians", m->sub_event_type = "Attack";
    }
    return;
  }
  if (!decided_by_count && !clash) return;
  if (clash) {
    // Fighting between crowds, or crowds against the police ("a clash between police and
    // shopkeepers"), with no armed side named in the sentence: a riot (mob violence), not a
    // battle. Demonstrators in the sentence or the one before ("The protestors attacked the
    // police ... A clash took place as police retaliated"; "a procession of protesting
    // students ... where a clash occurred with the police"): a violent demonstration.
    SideCount all = CountSide(lex, s, doc, 0, static_cast<int>(s.lower.size()));
    bool demonstrating =
        Demonstrating(s) || (m->sentence > 0 && Demonstrating(doc.info[m->sentence - 1]));
    if (all.armed == 0 && (all.crowd > 0 || demonstrating)) {
      m->event_type = "Riots";
      m->sub_event_type = demonstrating ? "Violent demonstration" : "Mob violence";
    }
    return;
  }
  // A nominal trigger after a passive outcome ("a man was killed in a shooting by armed
  // men"): the passive's subject is the target, "by ..." the attacker.
  int aux = PassiveOutcome(lex, s, m->token);
  // "one officer died": an outcome told with its victim as the subject reads like a passive.
  const std::string& w0 = s.lower[m->token];
  bool victim_subject = w0 == "died" || w0 == "dies" || w0 == "dead";
  bool passive = aux >= 0 || PassiveAt(s, m->token) || victim_subject;
  int at = aux >= 0 ? aux : m->token;
  auto [pb, pe] = passive ? ClauseBefore(s, at) : After(s, tok_end);
  if (passive) {
    // "police who tried to stop two men on a motorcycle were shot": the target is what "who"
    // stands for.
    int r = RelativePronounBefore(s, at);
    // "in which two militants were killed": "which" after a preposition is the event, the
    // passive's subject follows it.
    if (r > 0 && IsPreposition(s.lower[r - 1])) r = -1;
    if (r >= 0) {
      if (r > 0 && s.lower[r - 1] == ",") --r;
      std::tie(pb, pe) = ClauseBefore(s, r);
    }
  }
  std::pair<int, int> agent = passive ? ByAgent(s, tok_end) : ClauseBefore(s, m->token);
  bool agent_by = passive && agent.second > agent.first;  // the agent is told after "by"
  // "an attack by gunmen on a village": after a nominal trigger "by ..." names the agent, up
  // to the preposition that names the target again ("killed a man by setting him on fire":
  // after a verb it is the means).
  std::pair<int, int> target_rest = {pe, pe};
  bool nominal = IsNominalTrigger(s, m->token);
  for (int i = pb; i < pe && !passive && nominal; ++i) {
    if (s.lower[i] != "by") continue;
    int k = i + 1;
    while (k < pe && !IsTargetPreposition(s.lower[k])) ++k;
    agent = {i + 1, k};
    agent_by = true;
    target_rest = {k, pe};
    pe = i;
    break;
  }
  // A nominal trigger's target follows a preposition ("the attack on soldiers"); what merely
  // follows the noun is the rest of the clause ("the attack underscores the insurgency").
  if (!passive && nominal) {
    int k = pb;
    if (k >= pe || s.lower[k] != "of") {
      while (k < pe && k - pb < kNominalReach && !IsTargetPreposition(s.lower[k])) ++k;
    }
    pb = k < pe && k - pb < kNominalReach ? k + 1 : pe;
  }
  TrimTargetAtLocative(lex, s, doc, pb, &pe);
  SideCount actor = CountSide(lex, s, doc, agent.first, agent.second);
  SideCount target = CountSide(lex, s, doc, pb, pe);
  SideCount rest = CountSide(lex, s, doc, target_rest.first, target_rest.second);
  target.civilian += rest.civilian, target.armed += rest.armed, target.police += rest.police;
  AdjustPersonTarget(lex, s, doc, pb, pe, &target);
  // People with no armed side among them who attack the police without firearms ("a policeman
  // was beaten up by three persons") riot: the police are no side of a battle against them.
  bool people_on_police = t.plover_mode != "firearms" && actor.civilian > 0 &&
                          actor.armed == 0 && actor.police == 0 &&
                          target.police > 0 && target.armed == 0 && target.civilian == 0;
  // A counted group of people with no arms ("five persons beat up a man", "beaten to death by
  // four men") acts as a mob: ACLED's mob violence, not an organised side's attack.
  bool people_group = t.plover_mode != "firearms" && actor.civilian > 0 && actor.armed == 0 &&
                      actor.police == 0 && target.armed == 0 && target.police == 0 &&
                      CountedGroup(doc, s, agent.first, agent.second);
  if ((actor.crowd > 0 && actor.armed == 0 && actor.police == 0) || people_on_police ||
      people_group) {
    m->event_type = "Riots", m->sub_event_type = "Mob violence";
  } else if (target.civilian > 0 && target.armed == 0 && target.police == 0) {
    m->event_type = "Violence against civilians", m->sub_event_type = "Attack";
  } else if (target.civilian == 0 && target.armed + target.police > 0) {
    m->event_type = "Battles", m->sub_event_type = "Armed clash";
  } else if (m->event_type == "Battles" && agent_by && actor.armed > 0 &&
             target.armed + target.police == 0) {
    // A battle needs two organised armed sides: "deadly attacks by an al-Qaeda-linked armed
    // group" names only the attacker, so the armed words the count saw are the agent's.
    m->event_type = "Violence against civilians", m->sub_event_type = "Attack";
  }
}

}  // namespace sitrep::extract
