// Table-driven tokenizer cases: input -> words separated by spaces; a word joined to the
// previous one in the same surface (multi-word) token is written with "~" instead of a space.
#include "sitrep/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

std::string Render(std::string_view text) {
  std::vector<WordSpan> words;
  TokenizeWords(text, 0, &words);
  std::string out;
  for (const WordSpan& w : words) {
    if (!out.empty()) out += w.joined ? "~" : " ";
    out.append(text.substr(w.begin, w.end - w.begin));
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

const Case kCases[] = {
    // Clitics (multi-word tokens in EWT).
    {"I don't know.", "I do~n't know ."},
    {"I'm sure they're here", "I~'m sure they~'re here"},
    {"John's car", "John~'s car"},
    {"We can't and won't", "We ca~n't and wo~n't"},
    {"I cannot go, gonna stay", "I can~not go , gon~na stay"},
    {"you’ll see", "you~’ll see"},
    {"the soldiers' home", "the soldiers~' home"},
    {"in the 70's and 80's", "in the 70's and 80's"},
    {"Sha'lan and O'Brien", "Sha'lan and O'Brien"},
    {"i dont care", "i do~nt care"},
    // Abbreviations.
    {"Gen. Smith met Maj. Jones", "Gen. Smith met Maj. Jones"},
    {"the U.S. Army", "the U.S. Army"},
    {"Mr. and Mrs. Lee", "Mr. and Mrs. Lee"},
    {"on Jan. 5, e.g. today", "on Jan. 5 , e.g. today"},
    {"No. 5 road", "No. 5 road"},
    {"I said no.", "I said no ."},
    {"J. R. R. Tolkien", "J. R. R. Tolkien"},
    {"CCNG, Inc.. On", "CCNG , Inc. . On"},
    // Numbers.
    {"3,500 people and 22,000 more", "3,500 people and 22,000 more"},
    {"grew 1.2 percent", "grew 1.2 percent"},
    {"$5 million", "$ 5 million"},
    {"at 5:30pm on 11/28/2000", "at 5:30 pm on 11/28/2000"},
    {"call 713-853-3989 now", "call 713-853-3989 now"},
    {"aged 13-17", "aged 13 - 17"},
    {"from 1969-1970", "from 1969 - 1970"},
    {"the 2nd and 1990s", "the 2nd and 1990s"},
    {"10% off", "10 % off"},
    // Hyphens: split except after prefixes.
    {"Iranian-backed forces", "Iranian - backed forces"},
    {"al-Sudani said", "al - Sudani said"},
    {"send an e-mail to co-workers", "send an e-mail to co-workers"},
    {"a non-profit", "a non-profit"},
    {"well -- maybe", "well -- maybe"},
    // URLs and e-mail addresses.
    {"see http://www.example.com/a?b=c.", "see http://www.example.com/a?b=c ."},
    {"(www.example.org)", "( www.example.org )"},
    {"mail carol.st.clair@enron.com, please", "mail carol.st.clair@enron.com , please"},
    {"Lisa_resume.doc attached", "Lisa_resume.doc attached"},
    // Quotes, brackets, ellipses, emoticons.
    {"\"Yes,\" he said.", "\" Yes , \" he said ."},
    {"“Quoted” text", "“ Quoted ” text"},
    {"(and now e-mail)", "( and now e-mail )"},
    {"[via Watch]", "[ via Watch ]"},
    {"wait... what?!", "wait ... what ?!"},
    {"really!!! ok", "really !!! ok"},
    {"so…", "so …"},
    {"great :) thanks :-(", "great :) thanks :-("},
    {"b/c it and/or this", "b/c it and / or this"},
    {"#audiobooks rock", "#audiobooks rock"},
    {"$$$ now", "$$$ now"},
    // Unicode letters stay inside words.
    {"Zürich café naïve", "Zürich café naïve"},
    {"Москва и Київ", "Москва и Київ"},
    {"", ""},
    {"   \n\n  ", ""},
};

TEST(TokenizerTest, Table) {
  for (const Case& c : kCases) EXPECT_EQ(Render(c.input), c.expected) << "input: " << c.input;
}

TEST(TokenizerTest, OverlongRunIsCut) {
  std::string s(5000, 'a');
  std::vector<WordSpan> words;
  TokenizerOptions o;
  o.max_token_bytes = 1000;
  TokenizeWords(s, 0, &words, o);
  ASSERT_EQ(words.size(), 5u);
  EXPECT_EQ(words.back().end, 5000u);
}

TEST(TokenizerTest, BaseOffsetIsAdded) {
  std::vector<WordSpan> words;
  TokenizeWords("a b", 100, &words);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[1].begin, 102u);
}

}  // namespace
}  // namespace sitrep
