// Trigger detection per sentence: strong triggers name an event, weak ones (outcomes, generic
// words) stand for one only when the sentence has no strong trigger of its own. Roles come
// from the dependency tree when models are loaded (roles.h), else from token patterns.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <string_view>

#include "extract/mention.h"
#include "extract/roles.h"

namespace sitrep::extract {
namespace {

constexpr int kInstrumentWindow = 6;   // tokens either side of a trigger
constexpr int kInstrumentPhrase = 14;  // tokens of a "with ..." phrase after a trigger
constexpr int kModalityWindow = 6;     // tokens before a trigger

bool HasKind(const std::vector<std::string>& kinds, std::string_view k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

// Sub-event type from instruments near the trigger; false when none is there.
bool InstrumentType(const SentenceInfo& s, const EventLexicon& lex, int tok, int tok_end,
                    Mention* m) {
  int best_pri = -1, best_dist = 1 << 30;
  const InstrumentEntry* best = nullptr;
  int lo = std::max(0, tok - kInstrumentWindow);
  int hi = std::min<int>(s.lower.size(), tok_end + kInstrumentWindow);
  // "attacked the city of X with Iranian-made one-way attack drones": the instrument phrase
  // after "with" / "using" reaches to the end of its clause.
  for (int i = tok_end; i < hi; ++i) {
    if (s.lower[i] == "," || s.lower[i] == ";") break;
    if (s.lower[i] != "with" && s.lower[i] != "using") continue;
    int end = std::min<int>(s.lower.size(), i + 1 + kInstrumentPhrase);
    for (hi = i + 1; hi < end && s.lower[hi] != "," && s.lower[hi] != ";"; ++hi) {
    }
    break;
  }
  for (int i = lo; i < hi; ++i) {
    size_t len = 0;
    int v = lex.instruments().Match(s.lower, i, &len);
    if (v < 0) continue;
    const InstrumentEntry& e = lex.instrument(v);
    int dist = i < tok ? tok - i : std::max(0, i - tok_end + 1);
    if (e.priority > best_pri || (e.priority == best_pri && dist < best_dist)) {
      best_pri = e.priority, best_dist = dist, best = &e;
    }
  }
  if (!best) return false;
  m->event_type = best->event_type, m->sub_event_type = best->sub_event_type;
  if (!best->plover_mode.empty()) m->plover_mode = best->plover_mode;
  return true;
}

// "fired tear gas shells": crowd control, not an attack with shells.
bool TearGas(const SentenceInfo& s) {
  for (size_t i = 0; i < s.lower.size(); ++i) {
    if (s.lower[i] == "teargas" || (s.lower[i] == "tear" && i + 1 < s.lower.size() &&
                                    (s.lower[i + 1] == "gas" || s.lower[i + 1] == "-")))
      return true;
  }
  return false;
}

// Counts target words of a kind near the trigger: after it ("attacked soldiers"), or before
// a passive one ("soldiers were attacked"); both sides when `both`.
int KindNear(const SentenceInfo& s, const EventLexicon& lex, int tok, std::string_view kind,
             bool both = true) {
  int n = 0;
  bool passive = tok > 0 && (s.lower[tok - 1] == "was" || s.lower[tok - 1] == "were" ||
                             s.lower[tok - 1] == "been" || s.lower[tok - 1] == "being");
  int lo = both || passive ? std::max(0, tok - kTargetWindow) : tok + 1;
  int hi = both || !passive ? std::min<int>(s.lower.size(), tok + kTargetWindow) : tok;
  for (int i = lo; i < hi; ++i) {
    size_t len = 0;
    if (HasKind(lex.CueKindsAt(s.lower, i, &len), kind)) ++n;
  }
  return n;
}

void ResolveTypes(const SentenceInfo& s, const EventLexicon& lex, const TriggerEntry& t, int tok,
                  int tok_end, Mention* m) {
  m->plover_type = t.plover_type, m->plover_mode = t.plover_mode;
  m->event_type = t.event_type, m->sub_event_type = t.sub_event_type;
  if (t.strength == Strength::kVerbal) return;
  if (t.sub_event_type != "*") {
    m->sub_evidence = true;
    return;
  }
  if (InstrumentType(s, lex, tok, tok_end, m)) {
    // A shooting or an assault keeps its own kind unless the instrument is explosive/aerial.
    m->sub_evidence = m->event_type == "Explosions/Remote violence";
    if (t.event_type == "Violence against civilians" && !m->sub_evidence) {
      m->event_type = t.event_type;
    }
    if (m->event_type != "Violence against civilians") return;
  }
  if (t.event_type == "Explosions/Remote violence") {
    // "strike" with no instrument is an air strike; "blast", "bombing" an explosive device.
    const std::string& w = s.lower[tok];
    bool aerial = w.rfind("strike", 0) == 0 || w.rfind("bombard", 0) == 0 || w == "bombed";
    m->sub_event_type = aerial ? "Air/drone strike" : "Remote explosive/landmine/IED";
    return;
  }
  // An armed clash when the target is armed (it can fight back); armed attackers of an
  // unnamed or civilian target commit an attack ("Russian forces attacked the city").
  int civ = KindNear(s, lex, tok, "civilian"), armed = KindNear(s, lex, tok, "armed", false);
  m->event_type = armed > civ ? "Battles" : "Violence against civilians";
  m->sub_event_type = armed > civ ? "Armed clash" : "Attack";
}

void ResolveModality(const SentenceInfo& s, const EventLexicon& lex, int tok, int tok_end,
                     Mention* m) {
  int lo = std::max(0, tok - kModalityWindow);
  for (int i = lo; i < tok; ++i) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (kinds.empty()) continue;
    // A capitalised "May" inside a sentence is the month ("On 6 May, protesters..."), not a modal.
    if (i > 0 && s.sentence->tokens[i].form == "May") continue;
    bool close = tok - i <= 3;
    if (close && HasKind(kinds, "negation")) m->modality = "negated";
    else if (close && HasKind(kinds, "threat")) m->modality = "threatened";
    else if (close && HasKind(kinds, "plan")) m->modality = "planned";
    else if (close && HasKind(kinds, "hypothetical")) m->modality = "hypothetical";
    else if (HasKind(kinds, "deny")) m->modality = "denied";
    else if (HasKind(kinds, "allege") && m->modality == "happened") m->modality = "alleged";
    else if (HasKind(kinds, "claim") && m->modality == "happened") m->modality = "claimed";
  }
  // Determiners before the trigger (skipping up to three modifiers). "the strike that killed
  // 12": a relative pronoun between a trigger and a verb is no determiner of the verb, which
  // tells the same event ("the collapse that killed 15" keeps its own).
  const std::string& trig = s.lower[tok];
  bool verb_form = trig.size() > 3 && trig.compare(trig.size() - 2, 2, "ed") == 0;
  bool relative = tok >= 2 && verb_form && (s.lower[tok - 1] == "that" || s.lower[tok - 1] == "which");
  bool of_trigger = false;
  for (int j = std::max(0, tok - 4); relative && j <= tok - 2; ++j) {
    size_t len = 0;
    of_trigger |= lex.triggers().Match(s.lower, j, &len) >= 0 && j + static_cast<int>(len) == tok - 1;
  }
  for (int i = tok - 1; i >= 0 && i >= tok - 4; --i) {
    if (i == tok - 1 && of_trigger) break;
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    // "several fighters sustained injuries": a count of victims, not a series of events.
    size_t tl = 0;
    auto own = lex.CueKindsAt(s.lower, tok, &tl);
    bool outcome = HasKind(own, "death") || HasKind(own, "injury");
    // "another strike" is one more event, not a series: it only joins on its own evidence.
    const std::string& tw = s.lower[tok];
    bool singular = !(tw.size() > 3 && tw.back() == 's' && tw[tw.size() - 2] != 's');
    if (s.lower[i] == "another" && singular) {
      m->another = true;
    } else if (HasKind(kinds, "other") && !outcome) {
      m->other = true;
    }
    if (HasKind(kinds, "anaphor")) {
      m->anaphoric = true;
      // "these attacks", "those strikes": a set of events, not one.
      const std::string& w = s.lower[tok];
      bool plural = w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
      if (plural && (s.lower[i] == "these" || s.lower[i] == "those")) m->other = true;
      break;
    }
    if (s.lower[i] == "a" || s.lower[i] == "an" || s.lower[i] == "," || s.lower[i] == ".") break;
  }
  // A verb with many targets is many events: "they have attacked several US bases".
  static constexpr std::string_view kMany[] = {"several", "multiple", "numerous", "dozens",
                                               "hundreds", "scores", "countless"};
  if (m->strength != Strength::kVerbal && tok_end < static_cast<int>(s.lower.size()) &&
      std::find(std::begin(kMany), std::end(kMany), s.lower[tok_end]) != std::end(kMany)) {
    size_t tl = 0;
    auto own = lex.CueKindsAt(s.lower, tok, &tl);
    // "abducting dozens of pupils", "arrested several protesters": many victims of one act.
    bool people = false;
    for (int i = tok_end + 1; i < std::min<int>(s.lower.size(), tok_end + 4); ++i) {
      size_t len = 0;
      for (const auto& k : lex.CueKindsAt(s.lower, i, &len)) {
        people |= k == "civilian" || k == "individual" || k == "police" || k == "crowd";
      }
    }
    if (!HasKind(own, "death") && !HasKind(own, "injury") && !people) m->other = true;
  }
}

void ResolveAttribution(const SentenceInfo& s, const EventLexicon& lex, std::string_view text,
                        Mention* m) {
  const auto& toks = s.sentence->tokens;
  for (size_t i = 0; i < s.lower.size(); ++i) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (!HasKind(kinds, "report") || len == 0) continue;
    size_t b, e;
    if (s.lower[i] == "according") {  // "according to X" up to the next comma
      b = i, e = i + len;
      while (e < toks.size() && toks[e].form != "," && toks[e].form != ".") ++e;
    } else {  // "X said": back to the previous comma or the sentence start, six words at most
      e = i + len, b = i;
      while (b > 0 && i - b < 6 && toks[b - 1].form != "," && toks[b - 1].form != "\"" &&
             toks[b - 1].form != "\u201d")
        --b;
      if (b == i) continue;
    }
    if (e <= b) continue;
    m->attribution = std::string(text.substr(toks[b].begin, toks[e - 1].end - toks[b].begin));
    return;
  }
}

// True when the trigger lies in the event phrase of a time expression ("hours after the
// strike that killed X"): that is another event than the sentence's own.
bool InsideEventPhrase(const DocContext& doc, const SentenceInfo& s, const Mention& m) {
  for (int ti : s.times) {
    const TimeExpression& t = doc.times[ti];
    if (t.event_end > t.event_begin && m.begin >= t.event_begin && m.end <= t.event_end) return true;
  }
  return false;
}

}  // namespace

bool IsViolent(const Mention& m) { return m.strength != Strength::kVerbal || !m.event_type.empty(); }

int ClauseAt(const SentenceInfo& s, uint32_t b) {
  const auto& toks = s.sentence->tokens;
  int clause = 0;
  for (size_t i = 0; i + 1 < toks.size() && toks[i + 1].begin <= b; ++i) {
    const std::string& w = s.lower[i];
    const std::string& next = s.lower[i + 1];
    if (w == ";" || (w == "," && (next == "and" || next == "but" || next == "while"))) ++clause;
  }
  return clause;
}

std::vector<Mention> FindMentions(const DocContext& doc, const EventLexicon& lex) {
  const RoleOptions role_options;
  int parsed_sentences = 0;
  // Mentions of each sentence with a trigger, and which sentences are parsed for roles.
  struct SentenceMentions {
    int sentence;
    bool parsed;
    std::vector<Mention> strong, verbal;
  };
  std::vector<SentenceMentions> found;
  std::vector<int> to_parse;
  std::vector<Mention> out;
  for (size_t si = 0; si < doc.info.size(); ++si) {
    const SentenceInfo& s = doc.info[si];
    const auto& toks = s.sentence->tokens;
    std::vector<Mention> strong, weak, verbal;
    bool weak_refers_back = false;  // a weak trigger with a definite anaphor ("the attack")
    for (size_t i = 0; i < s.lower.size();) {
      size_t len = 0;
      int v = lex.triggers().Match(s.lower, i, &len);
      if (v < 0) {
        ++i;
        continue;
      }
      const TriggerEntry& t = lex.trigger(v);
      Mention m;
      m.sentence = static_cast<int>(si), m.token = static_cast<int>(i);
      m.begin = toks[i].begin, m.end = toks[i + len - 1].end, m.strength = t.strength;
      ResolveTypes(s, lex, t, i, i + len, &m);
      // "warplanes struck", "fired missiles": only with an explosive or aerial instrument, and
      // not the tear gas fired at a crowd.
      if (t.needs_instrument && (!m.sub_evidence || TearGas(s))) {
        i += len;
        continue;
      }
      ResolveModality(s, lex, i, i + len, &m);
      // "a man suspected of kidnapping a child was beaten": an accusation, no mention (it must
      // not hide the sentence's own act as its duplicate below; lexicon.h).
      if (IsAccusedAct(lex, doc, m)) {
        i += len;
        continue;
      }
      if (t.strength == Strength::kWeak && m.anaphoric && !m.other && !m.another)
        weak_refers_back = true;
      auto& bucket = t.strength == Strength::kStrong ? strong
                     : t.strength == Strength::kWeak ? weak : verbal;
      // One mention per kind of event in a sentence: repeated triggers of the same type are
      // one event told with several words ("missile and drone attacks").
      // Two clauses with a time each tell two events ("a strike killed four on Monday, and
      // another strike killed two on Thursday").
      auto own_time = [&](const Mention& x) {
        for (int ti : s.times) {
          if (ClauseAt(s, doc.times[ti].begin) == ClauseAt(s, x.begin)) return true;
        }
        return false;
      };
      bool dup = false;
      for (auto& o : bucket) {
        if (InsideEventPhrase(doc, s, o) != InsideEventPhrase(doc, s, m)) continue;
        if (ClauseAt(s, o.begin) != ClauseAt(s, m.begin) && own_time(o) && own_time(m)) continue;
        if (o.plover_type == m.plover_type && o.event_type == m.event_type &&
            (o.sub_event_type == m.sub_event_type || !m.sub_evidence)) {
          dup = true;
        }
      }
      if (!dup) bucket.push_back(std::move(m));
      i += len;
    }
    if (strong.empty() && !weak.empty()) {
      // "200 people had died in the attack": the outcome of an event the sentence refers back
      // to, when it names one with a definite anaphor.
      if (weak_refers_back) weak.front().anaphoric = true;
      strong.push_back(std::move(weak.front()));
    } else {
      // "The recent attack on X occurred after a drone strike": a definite generic word refers
      // back to an earlier event even when the sentence names another one; an attack told with
      // its dead outranks a sentence's arrests (OutranksStrong, type_precedence.cc).
      // "The strike came days after an attack on a camp killed 45": a weak word in the event
      // phrase of a time expression, where no strong one is, names the earlier event the
      // sentence measures its own against; the first such word is a mention of its own
      // (AttachTimes makes it an anchor), so that its toll is not the sentence's event's.
      bool anchor_named = std::any_of(strong.begin(), strong.end(), [&](const Mention& o) {
        return InsideEventPhrase(doc, s, o);
      });
      // "Troops killed 30 bandits on Saturday, days after gunmen abducted 25 farmers": when the
      // only strong words name the earlier event, the first weak word outside the event phrase
      // names the sentence's own.
      bool own_named = std::any_of(strong.begin(), strong.end(), [&](const Mention& o) {
        return !InsideEventPhrase(doc, s, o);
      });
      for (Mention& m : weak) {
        bool outranks = OutranksStrong(lex, doc, strong, m);
        if (outranks) m.strength = Strength::kStrong;  // it names the sentence's main event
        bool named_event = !m.other && m.modality == "happened" && !m.event_type.empty() &&
                           m.event_type != "Strategic developments";
        bool inside = InsideEventPhrase(doc, s, m);
        bool anchor = !anchor_named && named_event && inside;
        bool own = !own_named && named_event && !inside && !m.anaphoric;
        if ((m.anaphoric && !m.other && m.event_type == "Violence against civilians") ||
            outranks || anchor || own) {
          anchor_named |= anchor;
          own_named |= own;
          strong.push_back(std::move(m));
        }
      }
      std::sort(strong.begin(), strong.end(),
                [](const Mention& a, const Mention& b) { return a.token < b.token; });
    }
    // The sentence is parsed lazily: only when it holds a violent trigger and an entity to map
    // to, the first max_parsed_sentences such sentences of the article (verbal events reuse
    // the parse when there is one; see bench/results/roles.md). They are parsed together below.
    const bool parse = !strong.empty() && !s.entities.empty() &&
                       parsed_sentences < role_options.max_parsed_sentences &&
                       ParsableForRoles(doc, static_cast<int>(si), role_options);
    if (parse) {
      ++parsed_sentences;
      to_parse.push_back(static_cast<int>(si));
    }
    found.push_back({static_cast<int>(si), parse, std::move(strong), std::move(verbal)});
  }
  std::vector<std::optional<Sentence>> parses = ParseAllForRoles(doc, to_parse, role_options);
  size_t next_parse = 0;
  for (SentenceMentions& f : found) {
    const SentenceInfo& s = doc.info[f.sentence];
    const std::optional<Sentence>* parsed = f.parsed ? &parses[next_parse++] : nullptr;
    for (auto* list : {&f.strong, &f.verbal}) {
      for (Mention& m : *list) {
        ResolveAttribution(s, lex, doc.text, &m);
        ResolveRoles(doc, s, &m);
        if (parsed && *parsed) ApplyParsedRoles(doc, s, **parsed, &m);
        out.push_back(std::move(m));
      }
    }
  }
  // A place belongs to the nearest trigger of its sentence.
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t j = 0; j < out.size(); ++j) {
      if (i == j || out[i].sentence != out[j].sentence || !IsViolent(out[j])) continue;
      std::vector<int> kept;
      for (int p : out[i].places) {
        bool closer = false;
        for (const EntityRef& r : doc.info[out[i].sentence].entities) {
          if (r.entity != p) continue;
          closer = std::abs(r.first_token - out[j].token) < std::abs(r.first_token - out[i].token);
        }
        if (!closer) kept.push_back(p);
      }
      out[i].places = kept;
    }
  }
  return out;
}

}  // namespace sitrep::extract
