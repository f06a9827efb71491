#include "sitrep/text/conllu.h"

#include <charconv>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

// Splits a line on tabs into exactly 10 fields; false otherwise.
bool SplitFields(std::string_view line, std::string_view (&f)[10]) {
  size_t pos = 0;
  for (int i = 0; i < 10; ++i) {
    size_t tab = line.find('\t', pos);
    if (i < 9 && tab == std::string_view::npos) return false;
    if (i == 9) {
      if (tab != std::string_view::npos) return false;
      f[i] = line.substr(pos);
    } else {
      f[i] = line.substr(pos, tab - pos);
      pos = tab + 1;
    }
  }
  return true;
}

std::string Field(std::string_view f) { return f == "_" ? std::string() : std::string(f); }

// Aligns token forms to the sentence text to fill begin/end (skipping whitespace).
void AlignSpans(Sentence* s) {
  size_t pos = 0;
  for (Token& t : s->tokens) {
    size_t at = s->text.find(t.form, pos);
    if (at == std::string::npos || (at > pos + 8 && !t.form.empty())) {
      t.begin = t.end = static_cast<uint32_t>(pos);
      continue;
    }
    t.begin = static_cast<uint32_t>(at);
    t.end = static_cast<uint32_t>(at + t.form.size());
    pos = t.end;
  }
  s->begin = 0;
  s->end = static_cast<uint32_t>(s->text.size());
}

}  // namespace

Result<std::vector<Sentence>> ParseConllu(std::string_view data, std::string_view origin,
                                          std::vector<size_t>* doc_starts) {
  std::vector<Sentence> out;
  Sentence cur;
  bool open = false;
  bool newdoc = false;  // a "# newdoc" line came since the last sentence kept
  if (doc_starts) doc_starts->clear();
  size_t pos = 0;
  int line_no = 0;
  auto finish = [&] {
    if (open && !cur.tokens.empty()) {
      if (!cur.text.empty()) AlignSpans(&cur);
      if (doc_starts && (out.empty() || newdoc)) doc_starts->push_back(out.size());
      newdoc = false;
      out.push_back(std::move(cur));
    }
    cur = Sentence();
    open = false;
  };
  while (pos <= data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      if (end == data.size()) break;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) cur.id = std::string(line.substr(12));
      if (line.rfind("# text = ", 0) == 0) cur.text = std::string(line.substr(9));
      if (line.rfind("# newdoc", 0) == 0) newdoc = true;
      continue;
    }
    std::string_view f[10];
    auto where = [&] { return std::string(origin) + ":" + std::to_string(line_no); };
    if (!SplitFields(line, f)) return Status::DataLoss(where() + ": expected 10 tab-separated fields");
    if (f[0].find_first_of("-.") != std::string_view::npos) continue;  // MWT range / empty node
    Token t;
    t.form = std::string(f[1]);
    t.lemma = Field(f[2]);
    t.upos = Field(f[3]);
    t.xpos = Field(f[4]);
    if (f[6] != "_") {
      int head = 0;
      auto [p, ec] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), head);
      if (ec != std::errc() || p != f[6].data() + f[6].size() || head < 0)
        return Status::DataLoss(where() + ": HEAD is not a number: '" + std::string(f[6]) + "'");
      t.head = head;
    }
    t.deprel = Field(f[7]);
    t.misc = Field(f[9]);
    t.space_after = t.misc.find("SpaceAfter=No") == std::string::npos;
    cur.tokens.push_back(std::move(t));
    if (end == data.size()) break;
  }
  finish();
  return out;
}

Result<std::vector<Sentence>> ReadConlluFile(const std::string& path,
                                             std::vector<size_t>* doc_starts) {
  ASSIGN_OR_RETURN(std::string data, ReadFileBytes(path, 1ull << 32));
  return ParseConllu(data, path, doc_starts);
}

void WriteConllu(const Sentence& s, std::string* out) {
  if (!s.id.empty()) *out += "# sent_id = " + s.id + "\n";
  if (!s.text.empty()) *out += "# text = " + s.text + "\n";
  auto put = [&](const std::string& v) { *out += v.empty() ? "_" : v; };
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    *out += std::to_string(i + 1);
    *out += '\t';
    put(t.form);
    *out += '\t';
    put(t.lemma);
    *out += '\t';
    put(t.upos);
    *out += '\t';
    put(t.xpos);
    *out += "\t_\t";
    *out += t.head < 0 ? "_" : std::to_string(t.head);
    *out += '\t';
    put(t.deprel);
    *out += "\t_\t";
    std::string misc = t.misc;
    if (!t.space_after && misc.find("SpaceAfter=No") == std::string::npos)
      misc = misc.empty() ? "SpaceAfter=No" : "SpaceAfter=No|" + misc;
    put(misc);
    *out += '\n';
  }
  *out += '\n';
}

Result<std::vector<std::vector<std::string>>> ReadConlluSurfaceTokens(std::string_view data) {
  std::vector<std::vector<std::string>> out(1);
  size_t pos = 0, skip_until = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) {
      if (!out.back().empty()) out.emplace_back();
      skip_until = 0;
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view f[10];
    if (!SplitFields(line, f)) return Status::DataLoss("expected 10 tab-separated fields");
    size_t dash = f[0].find('-');
    if (f[0].find('.') != std::string_view::npos) continue;
    size_t id = 0;
    std::from_chars(f[0].data(), f[0].data() + (dash == std::string_view::npos ? f[0].size() : dash), id);
    if (dash != std::string_view::npos) {
      std::from_chars(f[0].data() + dash + 1, f[0].data() + f[0].size(), skip_until);
      out.back().emplace_back(f[1]);
      continue;
    }
    if (id <= skip_until) continue;
    out.back().emplace_back(f[1]);
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace sitrep
