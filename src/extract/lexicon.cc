#include "extract/lexicon.h"

#include <fstream>
#include <map>
#include <sstream>

namespace sitrep::extract {
namespace {

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

std::vector<std::string> EventLexicon::CueKindsAt(const std::vector<std::string>& words, size_t i,
                                                  size_t* len) const {
  int v = cues_.Match(words, i, len);
  if (v < 0) return {};
  return SplitChar(cue_kinds_[v], ',');
}

Result<EventLexicon> EventLexicon::Load(const std::string& dir) {
  EventLexicon lex;
  auto triggers = ReadTsv(dir + "/triggers.tsv", 3);
  if (!triggers.ok()) return triggers.status();
  for (auto& row : *triggers) {
    row.resize(6);
    TriggerEntry e;
    if (row[1] == "strong") e.strength = Strength::kStrong;
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
  return lex;
}

}  // namespace sitrep::extract
