// NER labels in MISC, IOB2 reading (with the draft-label rules) and span scoring.
#include <set>
#include <string_view>
#include <tuple>

#include "sitrep/base/file.h"
#include "sitrep/model/ner.h"

namespace sitrep {
namespace {

// Entity spans (begin, end, type) of a BIO sequence; a stray I- starts a span.
std::set<std::tuple<size_t, size_t, std::string>> Spans(const std::vector<std::string>& bio) {
  std::set<std::tuple<size_t, size_t, std::string>> out;
  size_t start = 0;
  std::string type;
  for (size_t i = 0; i <= bio.size(); ++i) {
    const std::string l = i < bio.size() ? bio[i] : "O";
    bool cont = l.size() > 2 && l[0] == 'I' && l.substr(2) == type && !type.empty();
    if (!cont) {
      if (!type.empty()) out.emplace(start, i, type);
      type = l.size() > 2 ? l.substr(2) : "";
      start = i;
    }
  }
  return out;
}

}  // namespace

std::string NerLabelOf(const Token& t) {
  size_t at = t.misc.find("NER=");
  if (at == std::string::npos || (at > 0 && t.misc[at - 1] != '|')) return "O";
  size_t end = t.misc.find('|', at);
  return t.misc.substr(at + 4, end == std::string::npos ? std::string::npos : end - at - 4);
}

void SetNerLabel(Token* t, const std::string& label) {
  std::string out;
  size_t pos = 0;
  while (pos <= t->misc.size() && !t->misc.empty()) {
    size_t end = t->misc.find('|', pos);
    if (end == std::string::npos) end = t->misc.size();
    std::string_view item(t->misc.data() + pos, end - pos);
    if (!item.empty() && item.rfind("NER=", 0) != 0) {
      if (!out.empty()) out += '|';
      out += item;
    }
    pos = end + 1;
  }
  if (!out.empty()) out += '|';
  t->misc = out + "NER=" + label;
}

Result<std::vector<Sentence>> ReadIob2File(const std::string& path, bool draft,
                                           std::vector<size_t>* doc_starts) {
  ASSIGN_OR_RETURN(std::string data, ReadFileBytes(path, 1ull << 31));
  std::vector<Sentence> out;
  Sentence cur;
  size_t pos = 0;
  int line_no = 0;
  while (pos <= data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.tokens.empty()) out.push_back(std::move(cur));
      cur = Sentence();
      if (end == data.size()) break;
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) cur.id = std::string(line.substr(12));
      if (line.rfind("# text = ", 0) == 0) cur.text = std::string(line.substr(9));
      if (doc_starts && line.rfind("# newdoc", 0) == 0 &&
          (doc_starts->empty() || doc_starts->back() != out.size()))
        doc_starts->push_back(out.size());
      continue;
    }
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos)
      return Status::DataLoss(path + ":" + std::to_string(line_no) + ": expected id, form, label");
    size_t t3 = line.find('\t', t2 + 1);
    Token t;
    t.form = std::string(line.substr(t1 + 1, t2 - t1 - 1));
    std::string label(line.substr(t2 + 1, t3 == std::string_view::npos ? t3 : t3 - t2 - 1));
    bool bio = label == "O" || (label.size() > 2 && (label[0] == 'B' || label[0] == 'I') && label[1] == '-');
    if (!bio) return Status::DataLoss(path + ":" + std::to_string(line_no) + ": bad label '" + label + "'");
    bool unknown = false;
    if (draft && label != "O") {
      std::string type = label.substr(2);
      unknown = type == "O";  // the draft lost this token's label
      if (type == "OTH" || type == "O") label = "O";
    }
    if (unknown) t.misc = kNerDraftUnknown;
    SetNerLabel(&t, label);
    cur.tokens.push_back(std::move(t));
  }
  if (!cur.tokens.empty()) out.push_back(std::move(cur));
  return out;
}

NerScores ScoreNer(const NerTagger& ner, const Tagger* tagger, const std::vector<Sentence>& gold,
                   const std::vector<size_t>& doc_starts) {
  NerScores r;
  size_t next_doc = 0;
  for (size_t begin = 0; begin < gold.size();) {
    while (next_doc < doc_starts.size() && doc_starts[next_doc] <= begin) ++next_doc;
    size_t end = doc_starts.empty() ? begin + 1
                 : next_doc < doc_starts.size() ? doc_starts[next_doc] : gold.size();
    std::vector<Sentence> doc(gold.begin() + begin, gold.begin() + end);
    if (tagger)
      for (Sentence& s : doc) tagger->Tag(&s);
    std::vector<std::vector<std::string>> predicted = ner.DocumentLabels(doc);
    for (size_t k = 0; k < doc.size(); ++k) {
      std::vector<std::string> want;
      for (const Token& t : doc[k].tokens) want.push_back(NerLabelOf(t));
      auto gs = Spans(want), ps = Spans(predicted[k]);
      r.gold += gs.size();
      r.predicted += ps.size();
      for (const auto& span : ps) r.correct += gs.count(span);
    }
    begin = end;
  }
  r.precision = r.predicted ? 100.0 * r.correct / r.predicted : 0;
  r.recall = r.gold ? 100.0 * r.correct / r.gold : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

}  // namespace sitrep
