#include "sitrep/text/segment.h"

namespace sitrep {
namespace {

bool SpaceAfter(std::string_view text, const std::vector<WordSpan>& words, size_t i) {
  if (i + 1 < words.size()) return words[i].end != words[i + 1].begin;
  return words[i].end < text.size();
}

// EWT writes a sentence-final abbreviation's period as the sentence's own: "etc" ".".
void SplitFinalAbbreviations(TokenizedText* seg) {
  bool any = false;
  for (uint32_t last : seg->sentence_ends) any |= seg->words[last].abbrev;
  if (!any) return;
  std::vector<WordSpan> words;
  words.reserve(seg->words.size() + 8);
  size_t first = 0;
  for (uint32_t& last : seg->sentence_ends) {
    for (size_t i = first; i <= last; ++i) words.push_back(seg->words[i]);
    first = last + 1;
    WordSpan& w = words.back();
    if (w.abbrev && w.end - w.begin > 1) {
      w.abbrev = false;
      --w.end;
      words.push_back({w.end, w.end + 1, false, false});
    }
    last = static_cast<uint32_t>(words.size() - 1);
  }
  seg->words.swap(words);
}

}  // namespace

void Segment(std::string_view text, TokenizedText* out, const SentenceSplitter& splitter) {
  out->clear();
  TokenizeWords(text, 0, &out->words);
  splitter.Split(text, out->words, &out->sentence_ends);
  SplitFinalAbbreviations(out);
}

std::vector<Sentence> SplitAndTokenize(std::string_view text, const SentenceSplitter& splitter) {
  TokenizedText seg;
  Segment(text, &seg, splitter);
  std::vector<Sentence> out;
  out.reserve(seg.sentence_ends.size());
  size_t first = 0;
  for (uint32_t last : seg.sentence_ends) {
    Sentence& s = out.emplace_back();
    s.begin = seg.words[first].begin;
    s.end = seg.words[last].end;
    s.tokens.resize(last + 1 - first);
    for (size_t i = first; i <= last; ++i) {
      Token& t = s.tokens[i - first];
      t.begin = seg.words[i].begin;
      t.end = seg.words[i].end;
      t.form.assign(text.data() + t.begin, t.end - t.begin);
      t.space_after = SpaceAfter(text, seg.words, i);
    }
    first = last + 1;
  }
  return out;
}

std::vector<Sentence> DocumentSentences(const Document& doc) {
  std::vector<Sentence> out = SplitAndTokenize(doc.text);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].id = doc.id + "-" + std::to_string(i + 1);
    out[i].text = doc.text.substr(out[i].begin, out[i].end - out[i].begin);
  }
  return out;
}

std::string DocumentConllu(const Document& doc, const std::vector<Sentence>* annotated) {
  TokenizedText seg;
  Segment(doc.text, &seg);
  std::string out = "# newdoc id = " + doc.id + "\n";
  AppendConllu(doc.text, seg, doc.id + "-", &out, annotated);
  return out;
}

namespace {

// Columns 4-10 of a word line ("UPOS\tXPOS\tFEATS\tHEAD\tDEPREL\tDEPS\tMISC\n") from
// token `t` of an annotated sentence (null: all "_"), with SpaceAfter=No first when set.
void AppendWordColumns(const Token* t, bool space_after, std::string* out) {
  auto put = [&](const std::string& v) { *out += v.empty() ? "_" : v; };
  std::string misc = space_after ? "" : "SpaceAfter=No";
  if (t) {
    put(t->upos);
    *out += '\t';
    put(t->xpos);
    *out += "\t_\t";
    *out += t->head < 0 ? "_" : std::to_string(t->head);
    *out += '\t';
    put(t->deprel);
    *out += "\t_\t";
    size_t pos = 0;  // MISC items of the annotation, without its own SpaceAfter
    while (pos <= t->misc.size() && !t->misc.empty()) {
      size_t bar = t->misc.find('|', pos);
      if (bar == std::string::npos) bar = t->misc.size();
      std::string_view item = std::string_view(t->misc).substr(pos, bar - pos);
      if (!item.empty() && item.rfind("SpaceAfter=", 0) != 0) {
        if (!misc.empty()) misc += '|';
        misc.append(item);
      }
      pos = bar + 1;
    }
  } else {
    *out += "_\t_\t_\t_\t_\t_\t";
  }
  put(misc);
  *out += '\n';
}

}  // namespace

void AppendConllu(std::string_view text, const TokenizedText& seg, std::string_view id_prefix,
                  std::string* out, const std::vector<Sentence>* annotated) {
  size_t first = 0, n = 0;
  for (uint32_t last : seg.sentence_ends) {
    const Sentence* sa = annotated && n < annotated->size() ? &(*annotated)[n] : nullptr;
    if (sa && sa->tokens.size() != last - first + 1) sa = nullptr;
    const WordSpan& a = seg.words[first];
    const WordSpan& b = seg.words[last];
    *out += "# sent_id = ";
    out->append(id_prefix);
    *out += std::to_string(++n);
    *out += "\n# text = ";
    for (char c : text.substr(a.begin, b.end - a.begin)) *out += (c == '\n' || c == '\r') ? ' ' : c;
    *out += '\n';
    for (size_t i = first; i <= last; ++i) {
      std::string_view form = text.substr(seg.words[i].begin, seg.words[i].end - seg.words[i].begin);
      if (!seg.words[i].joined && i < last && seg.words[i + 1].joined) {  // multi-word token
        size_t j = i + 1;
        while (j < last && seg.words[j + 1].joined) ++j;
        *out += std::to_string(i - first + 1) + "-" + std::to_string(j - first + 1) + "\t";
        out->append(text.substr(seg.words[i].begin, seg.words[j].end - seg.words[i].begin));
        *out += SpaceAfter(text, seg.words, j) ? "\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                               : "\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n";
      }
      *out += std::to_string(i - first + 1);
      *out += '\t';
      out->append(form);
      *out += "\t_\t";
      bool in_mwt = seg.words[i].joined || (i < last && seg.words[i + 1].joined);
      AppendWordColumns(sa ? &sa->tokens[i - first] : nullptr,
                        in_mwt || SpaceAfter(text, seg.words, i), out);
    }
    *out += '\n';
    first = last + 1;
  }
}

}  // namespace sitrep
