#include "sitrep/text/ud_text.h"

#include <charconv>

#include "sitrep/base/file.h"

namespace sitrep {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes of the whitespace character at j (ASCII, NBSP, U+2000-200A, U+202F, U+3000), or 0.
size_t SpaceLen(const std::string& t, size_t j) {
  if (IsSpaceByte(t[j])) return 1;
  auto b = [&](size_t k) { return j + k < t.size() ? static_cast<unsigned char>(t[j + k]) : 0; };
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xAF) && b(2) >= 0x80) return 3;
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

// Finds `form` (whitespace inside it ignored) at or after *pos in text, skipping whitespace
// only. Returns false when the characters do not match.
bool Align(const std::string& text, std::string_view form, size_t* pos, Span* span) {
  size_t j = *pos;
  bool started = false;
  for (char c : form) {
    if (IsSpaceByte(c)) continue;
    while (j < text.size() && SpaceLen(text, j)) j += SpaceLen(text, j);
    if (j >= text.size() || text[j] != c) return false;
    if (!started) span->begin = static_cast<uint32_t>(j), started = true;
    ++j;
  }
  if (!started) return false;
  span->end = static_cast<uint32_t>(j);
  *pos = j;
  return true;
}

std::string_view Field(std::string_view line, int n) {
  size_t b = 0;
  for (int i = 0; i < n; ++i) {
    b = line.find('\t', b);
    if (b == std::string_view::npos) return {};
    ++b;
  }
  size_t e = line.find('\t', b);
  return line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
}

}  // namespace

Result<UdText> RebuildUdText(std::string_view data) {
  UdText out;
  bool new_par = true;
  size_t sent_start = 0;  // byte where the current sentence's text begins
  size_t pos = 0;         // alignment cursor
  size_t tok_skip_until = 0;
  bool in_sentence = false;
  size_t first_token = 0;
  int line_no = 0;
  size_t p = 0;
  auto close = [&] {
    if (!in_sentence) return;
    if (out.tokens.size() > first_token)
      out.sentences.push_back({out.tokens[first_token].begin, out.tokens.back().end});
    in_sentence = false;
    tok_skip_until = 0;
  };
  while (p < data.size()) {
    size_t e = data.find('\n', p);
    if (e == std::string_view::npos) e = data.size();
    std::string_view line = data.substr(p, e - p);
    p = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      close();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newpar", 0) == 0 || line.rfind("# newdoc", 0) == 0) new_par = true;
      if (line.rfind("# text = ", 0) == 0) {
        close();
        if (!out.text.empty()) out.text += new_par ? "\n\n" : " ";
        new_par = false;
        sent_start = out.text.size();
        out.text += line.substr(9);
        pos = sent_start;
        in_sentence = true;
        first_token = out.tokens.size();
      }
      continue;
    }
    if (!in_sentence) return Status::DataLoss("line " + std::to_string(line_no) + ": token before '# text'");
    std::string_view id = Field(line, 0), form = Field(line, 1);
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    size_t a = 0, b = 0;
    std::from_chars(id.data(), id.data() + (dash == std::string_view::npos ? id.size() : dash), a);
    auto fail = [&] {
      return Status::DataLoss("line " + std::to_string(line_no) + ": cannot align '" +
                              std::string(form) + "'");
    };
    if (dash != std::string_view::npos) {  // multi-word token: the surface span
      std::from_chars(id.data() + dash + 1, id.data() + id.size(), b);
      size_t save = pos;
      Span s;
      if (!Align(out.text, form, &pos, &s)) return fail();
      out.tokens.push_back(s);
      pos = save;  // words are aligned inside it
      tok_skip_until = b;
      continue;
    }
    Span s;
    if (!Align(out.text, form, &pos, &s)) {
      if (a > tok_skip_until) return fail();
      // A word of a multi-word token whose form differs from the surface: give it the rest.
      s = {out.tokens.back().begin, out.tokens.back().end};
      pos = s.end;
    }
    out.words.push_back(s);
    if (a > tok_skip_until) out.tokens.push_back(s);
  }
  close();
  return out;
}

Result<UdText> ReadUdText(const std::string& path) {
  ASSIGN_OR_RETURN(std::string data, ReadFileBytes(path, 1ull << 32));
  return RebuildUdText(data);
}

}  // namespace sitrep
