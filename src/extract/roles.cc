// Roles of a trigger from the UD dependency tree: who acted (actor), to whom (target), where,
// when and with what. Verbal and nominal triggers, passives, light verbs, relative clauses,
// appositions and shared subjects. Every walk up the tree is bounded (kMaxClimb).
#include "extract/roles.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace sitrep::extract {
namespace {

constexpr int kMaxClimb = 4;      // steps up the tree when a subject is shared (xcomp, conj)
constexpr int kMaxPhrase = 40;    // tokens visited when measuring a phrase

bool StartsWithAny(std::string_view w, std::initializer_list<std::string_view> stems) {
  for (std::string_view s : stems) {
    if (w.substr(0, s.size()) == s) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Tree {
 public:
  explicit Tree(const Sentence& s) : t_(s.tokens), kids_(s.tokens.size()) {
    for (size_t i = 0; i < t_.size(); ++i) {
      int h = Head(static_cast<int>(i));
      if (h >= 0) kids_[h].push_back(static_cast<int>(i));
    }
  }
  int size() const { return static_cast<int>(t_.size()); }
  // 0-based head, -1 for the root (or an unparsed / out-of-range head).
  int Head(int i) const {
    int h = t_[i].head - 1;
    return h >= 0 && h < size() && h != i ? h : -1;
  }
  const std::string& Rel(int i) const { return t_[i].deprel; }
  std::string_view Base(int i) const {
    std::string_view r = t_[i].deprel;
    return r.substr(0, r.find(':'));
  }
  const std::string& Upos(int i) const { return t_[i].upos; }
  std::string Form(int i) const { return Lower(t_[i].form); }
  const std::vector<int>& Kids(int i) const { return kids_[i]; }
  int Child(int h, std::string_view rel) const {
    for (int c : kids_[h]) {
      if (t_[c].deprel == rel) return c;
    }
    return -1;
  }
  // The lowercased preposition of a nominal ("on" in "on the base"), "" when none.
  std::string Case(int n) const {
    for (int c : kids_[n]) {
      if (t_[c].deprel == "case" && c < n) return Form(c);
    }
    return "";
  }
  bool RelativePronoun(int i) const {
    std::string f = Form(i);
    return f == "who" || f == "which" || f == "that" || f == "whom";
  }
  bool Passive(int v) const {
    return Child(v, "aux:pass") >= 0 || Child(v, "nsubj:pass") >= 0;
  }
  // The phrase of nominal `n`: n and its modifiers, without clauses, appositions,
  // coordinated members and its own preposition.
  RoleSpan Phrase(int n) const {
    RoleSpan s{n, n, n + 1};
    std::vector<int> stack{n};
    int visited = 0;
    while (!stack.empty() && visited++ < kMaxPhrase) {
      int x = stack.back();
      stack.pop_back();
      s.begin = std::min(s.begin, x), s.end = std::max(s.end, x + 1);
      for (int c : kids_[x]) {
        std::string_view b = Base(c);
        if (b == "acl" || b == "appos" || b == "punct" || b == "conj" || b == "cc" ||
            b == "advcl" || b == "parataxis" || b == "ccomp" || b == "dep") {
          continue;
        }
        if (x == n && b == "case") continue;
        stack.push_back(c);
      }
    }
    return s;
  }

 private:
  const std::vector<Token>& t_;
  std::vector<std::vector<int>> kids_;
};

// Verbs that carry an event noun as their object: "carried out / launched an airstrike".
bool LightVerb(const std::string& w) {
  return StartsWithAny(w, {"carr", "launch", "conduct", "stag", "mount", "execut", "perform",
                           "unleash", "undert", "commit", "claim"});
}

bool PlacePreposition(const std::string& p) {
  return p == "in" || p == "near" || p == "at" || p == "outside" || p == "inside" ||
         p == "across" || p == "into" || p == "around" || p == "within" || p == "throughout";
}

bool TargetPreposition(const std::string& p) {
  return p == "on" || p == "against" || p == "targeting" || p == "upon";
}

// Adds the filler `n` (a nominal) to `out` with its appositions and coordinated members; a
// relative pronoun stands for the noun its clause modifies.
void AddFiller(const Tree& t, int n, std::vector<RoleSpan>* out) {
  if (n < 0) return;
  if (t.RelativePronoun(n)) {
    int clause = t.Head(n);
    if (clause >= 0 && t.Rel(clause) == "acl:relcl" && t.Head(clause) >= 0) n = t.Head(clause);
  }
  for (const RoleSpan& s : *out) {
    if (s.head == n) return;
  }
  out->push_back(t.Phrase(n));
  for (int c : t.Kids(n)) {
    if (t.Rel(c) == "appos" || t.Rel(c) == "conj") out->push_back(t.Phrase(c));
  }
}

// Place, time and instrument phrases attached to `h`.
void Adjuncts(const Tree& t, int h, Roles* r) {
  for (int c : t.Kids(h)) {
    std::string_view b = t.Base(c);
    const std::string& rel = t.Rel(c);
    if (rel == "obl:unmarked" || rel == "obl:tmod" || rel == "nmod:unmarked" ||
        rel == "nmod:tmod") {
      AddFiller(t, c, &r->time);
      continue;
    }
    if (b != "obl" && b != "nmod") continue;
    std::string p = t.Case(c);
    if (PlacePreposition(p)) AddFiller(t, c, &r->place);
    if (p == "on" || p == "during" || p == "since" || p == "after" || p == "before") {
      if (t.Upos(c) == "PROPN" || t.Upos(c) == "NUM") AddFiller(t, c, &r->time);
    }
    if (p == "with" || p == "using") AddFiller(t, c, &r->instrument);
  }
}

// Subject of `v`: its nsubj, or the subject it shares as xcomp/conj of another verb.
int SharedSubject(const Tree& t, int v, const char* rel) {
  for (int k = 0; k < kMaxClimb && v >= 0; ++k) {
    int s = t.Child(v, rel);
    if (s >= 0) return s;
    std::string_view b = t.Base(v);
    if (b != "xcomp" && b != "conj") return -1;
    v = t.Head(v);
  }
  return -1;
}

// The agent of a passive verb: obl:agent, or an obl with "by".
int Agent(const Tree& t, int v) {
  int agent = t.Child(v, "obl:agent");
  for (int c : t.Kids(v)) {
    if (agent < 0 && t.Base(c) == "obl" && t.Case(c) == "by") agent = c;
  }
  return agent;
}

void VerbRoles(const Tree& t, int v, Roles* r) {
  bool passive = t.Passive(v);
  // "were killed and wounded": a conjunct without its own subject shares the passive.
  if (!passive && t.Base(v) == "conj" && t.Child(v, "nsubj") < 0 && t.Head(v) >= 0) {
    passive = t.Passive(t.Head(v)) && t.Child(t.Head(v), "nsubj") < 0;
  }
  std::string_view rel = t.Base(v);
  std::string form = t.Form(v);
  // A reduced relative ("a strike carried out by X", "militants attacking X").
  bool reduced = rel == "acl" && t.Rel(v) != "acl:relcl";
  if (reduced && form.size() > 2 && form.compare(form.size() - 2, 2, "ed") == 0) passive = true;
  int agent = Agent(t, v);
  if (passive) {
    AddFiller(t, agent, &r->actor);
    int subj = SharedSubject(t, v, "nsubj:pass");
    if (subj >= 0) AddFiller(t, subj, &r->target);
    else if ((reduced || rel == "acl") && t.Head(v) >= 0) AddFiller(t, t.Head(v), &r->target);
  } else {
    int subj = SharedSubject(t, v, "nsubj");
    if (subj >= 0) AddFiller(t, subj, &r->actor);
    else if (reduced && t.Head(v) >= 0) AddFiller(t, t.Head(v), &r->actor);
    AddFiller(t, agent, &r->actor);
    int obj = t.Child(v, "obj");
    if (obj >= 0) {
      AddFiller(t, obj, &r->target);
    } else {
      for (int c : t.Kids(v)) {
        if (t.Base(c) == "obl" && TargetPreposition(t.Case(c))) AddFiller(t, c, &r->target);
      }
    }
  }
  Adjuncts(t, v, r);
}

void NounRoles(const Tree& t, int n, Roles* r) {
  for (int c : t.Kids(n)) {
    std::string_view b = t.Base(c);
    const std::string& rel = t.Rel(c);
    if (rel == "nmod:poss") {
      AddFiller(t, c, &r->actor);
    } else if (b == "nmod") {
      std::string p = t.Case(c);
      if (p == "by") AddFiller(t, c, &r->actor);
      else if (TargetPreposition(p) || p == "of") AddFiller(t, c, &r->target);
    } else if (b == "amod" || b == "compound") {
      // "U.S. drone strike", "Israeli airstrike": a named modifier is the actor (the entity
      // mapping keeps only recognised names); a common noun is the instrument ("drone").
      bool named = t.Upos(c) == "PROPN" || t.Upos(c) == "ADJ";
      AddFiller(t, c, named ? &r->actor : &r->instrument);
    } else if (b == "acl") {
      // "a strike carried out by the coalition", "the raid, which was conducted by police".
      AddFiller(t, Agent(t, c), &r->actor);
    }
  }
  Adjuncts(t, n, r);
  // The verb that governs the event noun.
  int g = t.Head(n);
  if (g < 0) return;
  std::string_view rel = t.Base(n);
  bool light = LightVerb(t.Form(g));
  if (light && (rel == "obj" || t.Rel(n) == "nsubj:pass")) {
    Roles v;
    VerbRoles(t, g, &v);
    for (const RoleSpan& s : v.actor) r->actor.push_back(s);
    if (r->target.empty()) {
      for (int c : t.Kids(g)) {
        if (t.Base(c) == "obl" && TargetPreposition(t.Case(c))) AddFiller(t, c, &r->target);
      }
    }
    Adjuncts(t, g, r);
  } else if (rel == "nsubj") {
    // "The strike hit the headquarters": the event noun acts through its verb.
    if (r->target.empty()) AddFiller(t, t.Child(g, "obj"), &r->target);
    Adjuncts(t, g, r);
  } else if (rel == "obl" || rel == "nsubj:pass") {
    Adjuncts(t, g, r);
  }
}

// The syntactic head of tokens [b, e): the one whose head lies outside (the last such).
int TriggerHead(const Tree& t, int b, int e) {
  int best = -1;
  for (int i = b; i < e && i < t.size(); ++i) {
    int h = t.Head(i);
    if (h < b || h >= e) best = i;
  }
  return best;
}

}  // namespace

Roles FindRoles(const Sentence& parsed, int trigger_begin, int trigger_end) {
  Roles r;
  if (parsed.tokens.empty() || trigger_begin < 0 || trigger_end <= trigger_begin) return r;
  for (const Token& tok : parsed.tokens) {
    if (tok.head < 0) return r;  // not parsed
  }
  Tree t(parsed);
  int h = TriggerHead(t, trigger_begin, trigger_end);
  if (h < 0) return r;
  bool verbal = t.Upos(h) == "VERB" || t.Child(h, "nsubj") >= 0 || t.Child(h, "obj") >= 0 ||
                t.Passive(h);
  if (verbal) VerbRoles(t, h, &r);
  else NounRoles(t, h, &r);
  // "an airstrike on a headquarters in Baghdad": the target's place is the event's place.
  for (size_t i = 0; i < r.target.size() && r.place.empty(); ++i) {
    for (int c : t.Kids(r.target[i].head)) {
      if (t.Base(c) == "nmod" && PlacePreposition(t.Case(c))) AddFiller(t, c, &r.place);
    }
  }
  // A nominal trigger's own tokens are not its actor or target ("drone strike").
  for (auto* list : {&r.actor, &r.target}) {
    list->erase(std::remove_if(list->begin(), list->end(),
                               [&](const RoleSpan& s) {
                                 return s.head >= trigger_begin && s.head < trigger_end &&
                                        t.Upos(s.head) != "PROPN" && t.Upos(s.head) != "ADJ";
                               }),
                list->end());
  }
  return r;
}

}  // namespace sitrep::extract
