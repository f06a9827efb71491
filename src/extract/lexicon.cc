#include "extract/lexicon.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/mention.h"

namespace sitrep::extract {
namespace {

constexpr int kContextRounds = 3;    // refinements of one mention by contexts.tsv
constexpr int kMaxContextReach = 2;  // scope "near": the phrase may be two sentences on
constexpr int kAccusationWords = 4;  // longest accusation cue ("on charges of the")
constexpr int kAftermathReach = 3;   // "arrests (made) after the incident": tokens to "after"

std::vector<std::string> SplitChar(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? s.size() - start : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  for (auto& w : SplitChar(phrase, ' ')) {
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

// Rows of a TSV file, comments and blank lines skipped.
Result<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path, size_t min_cols) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = SplitChar(line, '\t');
    if (cols.size() < min_cols) {
      return Status::DataLoss(path + ":" + std::to_string(n) + ": expected " +
                              std::to_string(min_cols) + " columns");
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

}  // namespace

void PhraseTable::Add(std::string_view phrase, int value) {
  auto words = Words(phrase);
  if (words.empty()) return;
  auto& list = by_first_[words[0]];
  list.push_back({std::move(words), value});
}

int PhraseTable::Match(const std::vector<std::string>& words, size_t i, size_t* len) const {
  *len = 0;
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return -1;
  int best = -1;
  for (const Entry& e : it->second) {
    if (e.words.size() <= *len || i + e.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
    if (ok) *len = e.words.size(), best = e.value;
  }
  return best;
}

std::vector<std::pair<size_t, int>> PhraseTable::MatchAll(const std::vector<std::string>& words,
                                                         size_t i) const {
  std::vector<std::pair<size_t, int>> out;
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return out;
  for (const Entry& e : it->second) {
    if (i + e.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size() && ok; ++k) ok = words[i + k] == e.words[k];
    if (ok) out.push_back({e.words.size(), e.value});
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first > b.first; });
  return out;
}

std::vector<std::string> EventLexicon::CueKindsAt(const std::vector<std::string>& words, size_t i,
                                                  size_t* len) const {
  int v = cues_.Match(words, i, len);
  if (v < 0) return {};
  return SplitChar(cue_kinds_[v], ',');
}

const std::string* EventLexicon::IntentType(std::string_view modality,
                                            std::string_view plover_type) const {
  std::string key;
  key.append(modality).append("\t").append(plover_type);
  auto it = intents_.find(key);
  if (it == intents_.end()) it = intents_.find(std::string(modality) + "\t*");
  return it == intents_.end() ? nullptr : &it->second;
}

int EventLexicon::ContextAt(const std::vector<std::string>& words, size_t i,
                            std::string_view event_type, std::string_view sub_event_type,
                            int distance, size_t* len) const {
  // "burnt tires" one sentence on: the sentence-only phrase does not hide the shorter "burnt"
  // of a rule that reaches that far.
  *len = 0;
  for (auto [n, v] : contexts_.MatchAll(words, i)) {
    for (int r : context_phrase_rules_[v]) {
      const ContextRule& rule = context_rules_[r];
      if (!rule.absent && rule.event_type == event_type &&
          rule.sub_event_type == sub_event_type && rule.reach >= distance) {
        *len = n;
        return r;
      }
    }
  }
  return -1;
}

bool EventLexicon::ContextPhraseIn(const std::vector<std::string>& words, int rule) const {
  for (size_t i = 0; i < words.size(); ++i) {
    size_t len = 0;
    int v = contexts_.Match(words, i, &len);
    if (v < 0) continue;
    const std::vector<int>& rules = context_phrase_rules_[v];
    if (std::find(rules.begin(), rules.end(), rule) != rules.end()) return true;
  }
  return false;
}

namespace {

bool HasCueOfKind(const EventLexicon& lex, const std::vector<std::string>& words,
                  const std::vector<std::string>& kinds) {
  for (size_t i = 0; i < words.size();) {
    size_t len = 0;
    for (const std::string& k : lex.CueKindsAt(words, i, &len)) {
      if (std::find(kinds.begin(), kinds.end(), k) != kinds.end()) return true;
    }
    i += len > 0 ? len : 1;
  }
  return false;
}

// The first context rule of `lex` that applies to mention `m`, or -1: a phrase in the
// mention's sentence or, within the rule's reach, the following ones; or, for an "absent"
// rule, no phrase of it in the sentence and the sentences on either side.
int FindContextRule(const EventLexicon& lex, const DocContext& doc, const Mention& m) {
  int n = static_cast<int>(doc.info.size());
  // "insisting that the lynching of Deborah was right": an event named as a whole ("the X of")
  // is what its sentence talks about; the sentence's words do not tell how it was done, so
  // they do not change its sub-event type.
  const std::vector<std::string>& own = doc.info[m.sentence].lower;
  size_t tlen = 0;
  lex.triggers().Match(own, m.token, &tlen);
  size_t after = m.token + std::max<size_t>(tlen, 1);
  bool named = m.plover_type == "ASSAULT" && m.token > 0 &&
               (own[m.token - 1] == "the" || own[m.token - 1] == "that") &&
               after < own.size() && own[after] == "of";
  for (int s = m.sentence; s <= m.sentence + kMaxContextReach && s < n; ++s) {
    const std::vector<std::string>& words = doc.info[s].lower;
    for (size_t i = 0; i < words.size(); ++i) {
      size_t len = 0;
      int r = lex.ContextAt(words, i, m.event_type, m.sub_event_type, s - m.sentence, &len);
      if (r < 0) continue;
      if (named && lex.context_rule(r).new_event_type == m.event_type) continue;
      const std::vector<std::string>& kinds = lex.context_rule(r).with_kinds;
      if (kinds.empty() || HasCueOfKind(lex, words, kinds)) return r;
    }
  }
  for (int r = 0; r < lex.context_rule_count(); ++r) {
    const EventLexicon::ContextRule& rule = lex.context_rule(r);
    if (!rule.absent || rule.event_type != m.event_type ||
        rule.sub_event_type != m.sub_event_type) {
      continue;
    }
    bool found = false;
    for (int s = std::max(0, m.sentence - 1); s <= m.sentence + 1 && s < n && !found; ++s) {
      found = lex.ContextPhraseIn(doc.info[s].lower, r);
    }
    if (!found) return r;
  }
  return -1;
}

}  // namespace

void ClearSubjectQuantifier(const EventLexicon& lex, const DocContext& doc, Mention* m) {
  if (!m->other) return;
  const SentenceInfo& s = doc.info[m->sentence];
  const std::string& w = s.lower[m->token];
  if (w.size() < 4 || w.compare(w.size() - 2, 2, "ed") != 0) return;
  // "several armed men attacked": the quantifier counts the subject's people, not attacks;
  // "several strikes targeted" keeps its series (a trigger noun lies between).
  for (int i = m->token - 1; i >= 0 && m->token - i <= 4; --i) {
    size_t len = 0;
    if (lex.triggers().Match(s.lower, i, &len) >= 0) return;
    auto kinds = lex.CueKindsAt(s.lower, i, &len);
    if (std::find(kinds.begin(), kinds.end(), "other") != kinds.end()) {
      if (i < m->token - 1) m->other = false;
      return;
    }
  }
}

namespace {

bool IsAttackType(const std::string& t) {
  return t == "Violence against civilians" || t == "Battles" || t == "Explosions/Remote violence";
}

}  // namespace

bool IsAftermathArrest(const EventLexicon& lex, const DocContext& doc,
                       const std::vector<Mention>& mentions, const Mention& m) {
  if (m.sub_event_type != "Arrests") return false;
  const SentenceInfo& s = doc.info[m.sentence];
  const auto& w = s.lower;
  // "attack hotels killing 20, a suspected leader arrested": the sentence tells an attack with
  // its dead or wounded, the arrest is of its suspects.
  bool casualty = false;
  for (size_t i = 0; i < w.size() && !casualty; ++i) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(w, i, &len);
    casualty = std::find(kinds.begin(), kinds.end(), "death") != kinds.end() ||
               std::find(kinds.begin(), kinds.end(), "injury") != kinds.end();
  }
  for (const Mention& o : mentions) {
    if (casualty && &o != &m && o.sentence == m.sentence && IsAttackType(o.event_type)) {
      return true;
    }
  }
  // "made two arrests after the incident", "arrested in connection with the killing": the
  // arrest is told by the violent act it follows.
  size_t len = 0;
  lex.triggers().Match(w, m.token, &len);
  int k = m.token + static_cast<int>(std::max<size_t>(len, 1));
  bool linked = false;
  for (int n = 0; k < static_cast<int>(w.size()) && n < kAftermathReach && !linked; ++k, ++n) {
    const std::string& x = w[k];
    linked = x == "after" || x == "over" || x == "for" || x == "following" ||
             (x == "with" && k >= 2 && w[k - 2] == "in");  // "in connection with"
  }
  if (!linked) return false;
  while (k < static_cast<int>(w.size()) &&
         (w[k] == "the" || w[k] == "a" || w[k] == "an" || w[k] == "this" || w[k] == "that" ||
          w[k] == "its" || w[k] == "their" || w[k] == "her" || w[k] == "his")) {
    ++k;
  }
  if (k >= static_cast<int>(w.size())) return false;
  int v = lex.triggers().Match(w, k, &len);
  return v >= 0 &&
         (IsAttackType(lex.trigger(v).event_type) || lex.trigger(v).event_type == "Riots");
}

bool IsAccusedAct(const EventLexicon& lex, const DocContext& doc, const Mention& m) {
  if (m.strength == Strength::kVerbal) return false;
  const std::vector<std::string>& w = doc.info[m.sentence].lower;
  for (int b = std::max(0, m.token - kAccusationWords); b < m.token; ++b) {
    size_t len = 0;
    auto kinds = lex.CueKindsAt(w, b, &len);
    if (b + static_cast<int>(len) == m.token &&
        std::find(kinds.begin(), kinds.end(), "accusation") != kinds.end()) {
      return true;
    }
  }
  return false;
}

void RefineMentions(const EventLexicon& lex, const DocContext& doc, std::vector<Mention>* mentions) {
  std::vector<bool> grievance(mentions->size());
  for (size_t i = 0; i < mentions->size(); ++i) {
    grievance[i] = IsProtestGrievance(lex, doc, *mentions, (*mentions)[i]);
  }
  size_t kept = 0;
  for (size_t i = 0; i < mentions->size(); ++i) {
    if (grievance[i]) continue;
    if (kept != i) (*mentions)[kept] = std::move((*mentions)[i]);
    ++kept;
  }
  mentions->resize(kept);
  std::vector<bool> aftermath(mentions->size());
  for (size_t i = 0; i < mentions->size(); ++i) {
    aftermath[i] = IsAftermathArrest(lex, doc, *mentions, (*mentions)[i]);
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    if (!aftermath[i]) continue;
    Mention& m = (*mentions)[i];
    m.event_type.clear(), m.sub_event_type.clear(), m.strength = Strength::kVerbal;
  }
  for (Mention& m : *mentions) {
    if (m.strength == Strength::kVerbal && m.event_type.empty()) {
      const std::string* t = lex.IntentType(m.modality, m.plover_type);
      if (t && *t != m.plover_type) m.plover_type = *t, m.plover_mode.clear();
      continue;
    }
    ClearSubjectQuantifier(lex, doc, &m);
    ApplyTargetRules(lex, doc, &m);
    // A refined type may be refined again (a protest with intervention that burns tyres is a
    // violent demonstration); the rules are few, so a bounded number of rounds suffices.
    for (int round = 0; round < kContextRounds && !m.event_type.empty(); ++round) {
      int hit = FindContextRule(lex, doc, m);
      if (hit < 0) break;
      const EventLexicon::ContextRule& rule = lex.context_rule(hit);
      m.event_type = rule.new_event_type, m.sub_event_type = rule.new_sub_event_type;
      m.sub_evidence = true;
    }
  }
}

Result<EventLexicon> EventLexicon::Load(const std::string& dir) {
  EventLexicon lex;
  auto triggers = ReadTsv(dir + "/triggers.tsv", 3);
  if (!triggers.ok()) return triggers.status();
  for (auto& row : *triggers) {
    row.resize(6);
    TriggerEntry e;
    if (row[1] == "strong") e.strength = Strength::kStrong;
    else if (row[1] == "instrumental") e.strength = Strength::kStrong, e.needs_instrument = true;
    else if (row[1] == "weak") e.strength = Strength::kWeak;
    else if (row[1] == "verbal") e.strength = Strength::kVerbal;
    else return Status::DataLoss(dir + "/triggers.tsv: bad strength '" + row[1] + "'");
    e.plover_type = row[2], e.plover_mode = row[3], e.event_type = row[4], e.sub_event_type = row[5];
    int id = static_cast<int>(lex.trigger_entries_.size());
    lex.trigger_entries_.push_back(std::move(e));
    for (const auto& form : SplitChar(row[0], '|')) lex.triggers_.Add(form, id);
  }
  auto instruments = ReadTsv(dir + "/instruments.tsv", 5);
  if (!instruments.ok()) return instruments.status();
  for (auto& row : *instruments) {
    InstrumentEntry e{std::atoi(row[1].c_str()), row[2], row[3], row[4]};
    lex.instruments_.Add(row[0], static_cast<int>(lex.instrument_entries_.size()));
    lex.instrument_entries_.push_back(std::move(e));
  }
  auto cues = ReadTsv(dir + "/cues.tsv", 2);
  if (!cues.ok()) return cues.status();
  std::map<std::string, std::string> kinds;  // phrase -> kinds
  for (auto& row : *cues) {
    std::string& k = kinds[row[1]];
    k += (k.empty() ? "" : ",") + row[0];
  }
  for (auto& [phrase, k] : kinds) {
    lex.cues_.Add(phrase, static_cast<int>(lex.cue_kinds_.size()));
    lex.cue_kinds_.push_back(k);
  }
  // intents.tsv: modality <TAB> PLOVER type ("*" = any) <TAB> the type it becomes.
  if (std::ifstream(dir + "/intents.tsv")) {
    auto intents = ReadTsv(dir + "/intents.tsv", 3);
    if (!intents.ok()) return intents.status();
    for (auto& row : *intents) lex.intents_[row[0] + "\t" + row[1]] = row[2];
  }
  // contexts.tsv: event type <TAB> sub-event type <TAB> phrases (|) <TAB> new type <TAB> new sub
  // <TAB> scope (sentence | next: the phrase may be in the following sentence too | near: or
  // the one after | absent: the rule fires when no phrase is in the sentence or beside it)
  // [<TAB> cue kinds (|), one of which must be in the sentence where the phrase is].
  if (std::ifstream(dir + "/contexts.tsv")) {
    auto contexts = ReadTsv(dir + "/contexts.tsv", 6);
    if (!contexts.ok()) return contexts.status();
    std::map<std::string, int> phrase_ids;
    for (auto& row : *contexts) {
      int r = static_cast<int>(lex.context_rules_.size());
      const std::string& scope = row[5];
      if (scope != "sentence" && scope != "next" && scope != "near" && scope != "absent") {
        return Status::DataLoss(dir + "/contexts.tsv: bad scope '" + scope + "'");
      }
      int reach = scope == "next" ? 1 : scope == "near" ? kMaxContextReach : 0;
      std::vector<std::string> with;
      if (row.size() > 6 && !row[6].empty()) with = SplitChar(row[6], '|');
      lex.context_rules_.push_back(
          {row[0], row[1], row[3], row[4], reach, scope == "absent", std::move(with)});
      for (const auto& phrase : SplitChar(row[2], '|')) {
        auto [it, added] = phrase_ids.emplace(phrase, static_cast<int>(phrase_ids.size()));
        if (added) {
          lex.contexts_.Add(phrase, it->second);
          lex.context_phrase_rules_.emplace_back();
        }
        lex.context_phrase_rules_[it->second].push_back(r);
      }
    }
  }
  return lex;
}

}  // namespace sitrep::extract
