// Boilerplate removal on text blocks. Each block is judged on its own by cue lexicons (data/
// boilerplate/*.txt) combined with its shape (length, case, final punctuation), then by its
// position (an author box near the end takes the bio after it) and by repetition across the
// documents of the batch. Body sentences are protected: cues only apply to short lines.
#include "sitrep/ingest/boilerplate.h"

#include <cctype>
#include <functional>
#include <unordered_set>

#include "sitrep/ingest/lexicon.h"

namespace sitrep {
namespace {

// Letters or digits, counting any non-ASCII character as a letter except the punctuation of
// U+2000..U+206F (dashes, quotes, bullets) and U+00A0..U+00BF (no-break space, «, ·, ...).
bool HasAlnum(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (std::isalnum(u)) return true;
    if (u < 0x80 || (u & 0xC0) == 0x80) continue;
    unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    bool punctuation = (u == 0xE2 && (next == 0x80 || next == 0x81)) || (u == 0xC2 && next >= 0xA0);
    if (!punctuation) return true;
  }
  return false;
}

// Letters are all upper case (ASCII letters only are judged); at least three of them.
bool AllCaps(std::string_view s) {
  int upper = 0;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++upper;
  }
  return upper >= 3;
}

bool AnyCueAtStart(std::string_view norm, const std::vector<std::string>& cues) {
  for (const auto& c : cues) {
    if (StartsWithCue(norm, c)) return true;
  }
  return false;
}

bool AnyCueInside(std::string_view norm, const std::vector<std::string>& cues) {
  for (const auto& c : cues) {
    if (norm.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// A photo caption or credit: a credit cue ("Photo:", "Image:", "Credit:") followed by a few
// words up to the end of the line, or a bracketed "[Name/Agency]" credit at its end.
bool IsCaption(std::string_view norm) {
  for (const auto& cue : LexiconPhrases("boilerplate/caption.txt")) {
    size_t at = norm.find(cue);
    while (at != std::string_view::npos) {
      bool line_start = at == 0;
      bool start_only = cue == "source:" || cue == "video:" || cue == "file photo";
      if (line_start || !start_only) {
        std::string_view rest = norm.substr(at + cue.size());
        if (CountWords(rest) <= 8 && rest.find(". ") == std::string_view::npos &&
            (line_start || HasAlnum(rest))) {
          return true;
        }
      }
      at = norm.find(cue, at + 1);
    }
  }
  if (!norm.empty() && (norm.back() == ']' || norm.back() == ')')) {
    size_t open = norm.find_last_of(norm.back() == ']' ? '[' : '(');
    if (open != std::string_view::npos) {
      std::string_view inside = norm.substr(open + 1, norm.size() - open - 2);
      if (inside.find('/') != std::string_view::npos && CountWords(inside) <= 6 &&
          inside.find("http") == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

// A share bar: mostly names of social networks ("Facebook | Twitter | WhatsApp").
bool IsShareBar(std::string_view norm) {
  int words = CountWords(norm);
  if (StartsWithCue(norm, "share") && words <= 8) return true;
  if (words > 12) return false;
  const auto& nets = LexiconPhrases("boilerplate/share.txt");
  int hits = 0;
  for (const auto& n : nets) {
    size_t at = norm.find(n);
    if (at == std::string_view::npos) continue;
    bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(norm[at - 1]));
    size_t e = at + n.size();
    bool right = e == norm.size() || !std::isalnum(static_cast<unsigned char>(norm[e]));
    if (left && right) ++hits;
  }
  return hits >= 2 && hits * 2 >= words;
}

// Breadcrumbs / category lists: three or more short segments joined by dashes or bars.
bool IsBreadcrumb(std::string_view text) {
  if (CountWords(text) > 10 || text.empty() || text.back() == '.') return false;
  int segments = 1, longest = 0, cur = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view rest = text.substr(i);
    size_t sep = 0;
    for (std::string_view s : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " | ", " > ",
                               " \xC2\xBB ", " \xE2\x80\xBA "}) {
      if (rest.substr(0, s.size()) == s) sep = s.size();
    }
    if (sep) {
      ++segments;
      longest = std::max(longest, cur);
      cur = 0;
      in_word = false;
      i += sep - 1;
      continue;
    }
    bool sp = text[i] == ' ';
    if (!sp && !in_word) ++cur;
    in_word = !sp;
  }
  longest = std::max(longest, cur);
  return segments >= 3 && longest <= 3;
}

// A social-media embed's attribution line ("— Name (@handle) October 5, 2024").
bool IsEmbedCredit(std::string_view norm) {
  if (norm.find("pic.twitter.com") != std::string_view::npos) return true;
  bool dash = norm.rfind("\xE2\x80\x94", 0) == 0 || norm.rfind("- ", 0) == 0;
  return dash && norm.find("(@") != std::string_view::npos && CountWords(norm) <= 25;
}

bool IsUrlOnly(std::string_view norm) {
  return (norm.rfind("http://", 0) == 0 || norm.rfind("https://", 0) == 0 ||
          norm.rfind("www.", 0) == 0) &&
         norm.find(' ') == std::string_view::npos;
}

uint64_t LineKey(std::string_view text) {
  std::string key;
  for (char c : NormalizeCue(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      key.push_back(c);
  }
  return std::hash<std::string>{}(key);
}

// Why a single block is boilerplate, or "" when it is not.
std::string_view Classify(const TextBlock& block) {
  const std::string& text = block.text;
  if (!HasAlnum(text)) return "punct";
  std::string norm = NormalizeCue(text);
  int words = CountWords(norm);
  if (IsUrlOnly(norm)) return "url";
  if (words <= 30 && AnyCueAtStart(norm, LexiconPhrases("boilerplate/related.txt"))) {
    return "see-also";
  }
  const auto& promo = LexiconPhrases("boilerplate/promo.txt");
  if ((words <= 20 && AnyCueAtStart(norm, promo)) || (AllCaps(text) && AnyCueInside(norm, promo))) {
    return "promo";
  }
  if (words <= 60 && AnyCueAtStart(norm, LexiconPhrases("boilerplate/contributors.txt"))) {
    return "contributors";
  }
  if (words <= 25 && AnyCueAtStart(norm, LexiconPhrases("boilerplate/update.txt"))) {
    return "update";
  }
  if (IsShareBar(norm)) return "share";
  if (IsEmbedCredit(norm)) return "embed";
  if (words <= 60 && IsCaption(norm)) return "caption";
  if (IsBreadcrumb(text)) return "nav";
  return "";
}

bool IsAuthorBoxHeader(std::string_view text) {
  std::string norm = NormalizeCue(text);
  while (!norm.empty() && (norm.back() == ':' || norm.back() == ' ')) norm.pop_back();
  for (const auto& c : LexiconPhrases("boilerplate/author_box.txt")) {
    if (norm == c) return true;
  }
  return false;
}

// Ends like a sentence: . ! ? or a closing quote after one.
bool EndsLikeSentence(std::string_view t) {
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')')) t.remove_suffix(1);
  if (t.size() >= 3 && (t.substr(t.size() - 3) == "\xE2\x80\x9D" || t.substr(t.size() - 3) == "\xE2\x80\x99"))
    t.remove_suffix(3);
  return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
}

}  // namespace

std::string_view BoilerplateReason(const TextBlock& block) { return Classify(block); }

void BoilerplateStats::AddDocument(const std::vector<TextBlock>& blocks) {
  ++documents_;
  std::unordered_set<uint64_t> seen;
  for (const TextBlock& b : blocks) {
    if (CountWords(b.text) > 40) continue;  // long paragraphs are never footers
    if (seen.insert(LineKey(b.text)).second) ++counts_[LineKey(b.text)];
  }
}

int BoilerplateStats::DocumentCount(std::string_view block_text) const {
  auto it = counts_.find(LineKey(block_text));
  return it == counts_.end() ? 0 : it->second;
}

void RemoveBoilerplate(std::vector<TextBlock>* blocks, const BoilerplateStats* corpus,
                       std::vector<RemovedBlock>* removed) {
  const size_t n = blocks->size();
  std::vector<std::string> reason(n);
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = (*blocks)[i];
    if (b.kind == Block::Kind::kTitle) continue;
    reason[i] = std::string(Classify(b));
    if (!reason[i].empty()) {
      // "Image caption," / "Media caption:" labels the block that follows.
      std::string norm = NormalizeCue(b.text);
      bool label = norm.size() > 8 && (norm.ends_with("caption,") || norm.ends_with("caption:"));
      if (label && i + 1 < n && CountWords((*blocks)[i + 1].text) <= 30) reason[++i] = "caption";
      continue;
    }
    if (IsAuthorBoxHeader(b.text)) {
      reason[i] = "author-box";
      // The bio follows the header at the end of the article: drop what follows when the
      // header is among the last few blocks and what follows is short.
      if (i + 4 >= n) {
        for (size_t k = i + 1; k < n; ++k) {
          if (CountWords((*blocks)[k].text) <= 80) reason[k] = "author-box";
        }
        i = n;
      }
      continue;
    }
    // A short line repeated in several documents of the batch: an outlet's header or footer.
    if (corpus && corpus->documents() >= 3 && corpus->DocumentCount(b.text) >= 3) {
      // Wire copies share whole sentences: only lines that are not sentences qualify.
      if (CountWords(b.text) <= 15 && !EndsLikeSentence(b.text)) reason[i] = "repeated";
    }
  }
  RemoveMarkedBlocks(blocks, reason, removed);
}

}  // namespace sitrep
