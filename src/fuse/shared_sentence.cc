#include "sitrep/fuse/shared_sentence.h"

#include <array>
#include <cctype>
#include <string>

#include "sitrep/fuse/identity.h"

namespace sitrep {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Captions, credits and page furniture: text that accompanies any article.
constexpr std::array<std::string_view, 30> kFurniture = {
    "image may offend", "images may offend", "photo:", "photograph:", "picture:", "image:",
    "credit:", "photo credit", "file photo", "(photo", "photo by", "getty images", "ap photo",
    "/afp", "afp/", "/reuters", "reuters/", "epa-efe", "all rights reserved", "copyright",
    "\xc2\xa9", "click here", "sign up", "subscribe to", "newsletter", "follow us on",
    "read more", "reporting by", "editing by", "additional reporting"};

// A standing background statement: true of the conflict, not of one incident.
constexpr std::array<std::string_view, 16> kStanding = {
    "has been fighting", "have been fighting", "has been waging", "have been waging",
    "has continued to", "have continued to",
    "for more than a decade", "for over a decade", "for decades", "for years",
    "in recent years", "over the past decade", "over the past few years", "has long been",
    "have long been", "insurgency since"};

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in = false;
  for (char ch : s) {
    bool letter = std::isalnum(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
    if (letter && !in) ++words;
    in = letter;
  }
  return words;
}

// Four words in a row written in capitals ("THIS IMAGE MAY OFFEND"), as captions and
// warnings are; a dateline ("MOGADISHU, Somalia (AP) --") has one or two.
bool CapitalRun(std::string_view s) {
  int run = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    int letters = 0;
    bool lower = false;
    for (; i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      letters += std::isalpha(c) ? 1 : 0;
      lower = lower || std::islower(c);
    }
    run = letters >= 2 && !lower ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

}  // namespace

bool CaptionOrCredit(std::string_view sentence) {
  if (CapitalRun(sentence)) return true;
  const std::string lower = LowerAscii(sentence);
  for (std::string_view p : kFurniture) {
    if (lower.find(p) != std::string::npos) return true;
  }
  return false;
}

bool StandingBackground(std::string_view sentence) {
  const std::string lower = LowerAscii(sentence);
  for (std::string_view p : kStanding) {
    if (lower.find(p) != std::string::npos) return true;
  }
  return false;
}

bool EvidentialSentence(std::string_view sentence) {
  return CountWords(sentence) >= static_cast<size_t>(kMinEvidenceWords) &&
         !CaptionOrCredit(sentence) && !StandingBackground(sentence);
}

bool NamesSomething(std::string_view sentence) {
  Event one;
  one.sources.emplace_back().sentence = std::string(sentence);
  return !DistinctiveNames(one).empty();
}

bool SharesEvidentialSentence(const Event& a, const Event& b, bool need_name) {
  for (const EventSource& s : a.sources) {
    if (s.sentence.empty()) continue;
    for (const EventSource& t : b.sources) {
      if (s.sentence != t.sentence) continue;
      if (s.doc == t.doc ||
          (EvidentialSentence(s.sentence) && (!need_name || NamesSomething(s.sentence)))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace sitrep
