// ExtractHtml on small hand-written pages: what is kept (in order), what is dropped and why,
// metadata, exact byte maps, and hostile nesting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/ingest/html_extract.h"

namespace sitrep {
namespace {

const std::string kP1 = "<p>The council approved the budget on Monday, after a long debate.</p>";
const std::string kP2 = "<p>Opponents said the plan, which raises fees, would hurt families.</p>";
const std::string kP3 = "<p>The mayor, speaking to reporters, promised a review next year.</p>";
const std::string kT1 = "The council approved the budget on Monday, after a long debate.";
const std::string kT2 = "Opponents said the plan, which raises fees, would hurt families.";
const std::string kT3 = "The mayor, speaking to reporters, promised a review next year.";

std::string Page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Council approves budget - Daily Example</title>"
         "</head><body>" + body + "</body></html>";
}

std::string Joined(const HtmlPage& page) {
  std::string out;
  for (const auto& b : page.blocks) out += (out.empty() ? "" : "|") + b.text;
  return out;
}

bool HasRemoved(const HtmlPage& page, const std::string& reason, const std::string& needle) {
  for (const auto& r : page.removed)
    if (r.reason == reason && r.text.find(needle) != std::string::npos) return true;
  return false;
}

struct Case {
  const char* name;
  std::string html;
  std::string want;            // blocks joined by "|"
  const char* removed_reason;  // a removed block with this reason must contain removed_text
  const char* removed_text;
};

TEST(HtmlExtract, Table) {
  const std::vector<Case> cases = {
      {"nav_dropped", Page("<nav><a href=/>Home</a> <a href=/w>World news</a></nav><article>" +
                           kP1 + kP2 + "</article>"),
       kT1 + "|" + kT2, "nav", "World news"},
      {"footer_dropped", Page("<div class=story>" + kP1 + kP2 + "</div><footer>Copyright 2024 "
                              "Daily Example, all rights reserved</footer>"),
       kT1 + "|" + kT2, "footer", "Copyright"},
      {"order_kept", Page("<article>" + kP1 + "<h2>Fees go up</h2>" + kP2 + kP3 + "</article>"),
       kT1 + "|Fees go up|" + kT2 + "|" + kT3, nullptr, nullptr},
      {"br_splits_div_text",
       Page("<div class=content>" + kT1 + "<br><br>" + kT2 + "<br>" + kT3 + "</div>"),
       kT1 + "|" + kT2 + "|" + kT3, nullptr, nullptr},
      {"caption_dropped", Page("<article>" + kP1 + "<figure><img src=a.jpg><figcaption>The "
                               "mayor at city hall. Photo: J. Doe</figcaption></figure>" + kP2 +
                               "</article>"),
       kT1 + "|" + kT2, "caption", "Photo: J. Doe"},
      {"share_bar_dropped", Page("<article><div class=\"share-bar\">Share on Facebook Tweet "
                                 "this</div>" + kP1 + kP2 + "</article>"),
       kT1 + "|" + kT2, "share", "Tweet"},
      {"comments_dropped", Page("<article>" + kP1 + kP2 + "</article><div id=comments><p>I "
                                "think this is wrong, and the council knows it, frankly.</p>"
                                "</div>"),
       kT1 + "|" + kT2, "comments", "I think"},
      {"related_teasers_dropped",
       Page("<article>" + kP1 + kP2 + kP3 + "<div class=more><h3><a href=/x>Another story "
            "about the city</a></h3><p>A teaser for another story.</p></div></article>"),
       kT1 + "|" + kT2 + "|" + kT3, "related", "Another story"},
      {"headline_to_title", Page("<h1>Council approves budget</h1><article>" + kP1 + kP2 +
                                 "</article>"),
       kT1 + "|" + kT2, "headline", "Council approves budget"},
      {"list_in_article", Page("<article>" + kP1 + "<ul><li>Fees rise by ten percent.</li>"
                               "<li>Parks close earlier.</li></ul>" + kP2 + "</article>"),
       kT1 + "|Fees rise by ten percent.|Parks close earlier.|" + kT2, nullptr, nullptr},
      {"script_and_style_ignored", Page("<article><script>var x = 'a, b, c';</script><style>p "
                                        "{}</style>" + kP1 + kP2 + "</article>"),
       kT1 + "|" + kT2, nullptr, nullptr},
      {"hidden_ignored", Page("<article>" + kP1 + "<div style=\"display: none\">Secret text "
                              "that nobody sees.</div>" + kP2 + "</article>"),
       kT1 + "|" + kT2, nullptr, nullptr},
      {"entities_decoded", Page("<article><p>Caf&eacute; owners &amp; staff, said Ms.&nbsp;Lee, "
                                "were &#8220;relieved&#8221; by the vote.</p>" + kP2 +
                                "</article>"),
       "Café owners & staff, said Ms. Lee, were “relieved” by the vote.|" + kT2, nullptr,
       nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto page = ExtractHtml(c.html, ReadLimits{});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(Joined(*page), c.want);
    if (c.removed_reason) EXPECT_TRUE(HasRemoved(*page, c.removed_reason, c.removed_text));
  }
}

// Every ASCII word of every block maps back to the same bytes in the HTML, and every decoded
// entity maps to the '&' that starts it.
TEST(HtmlExtract, OffsetMapIsExact) {
  const std::string html = Page(
      "<article><p>Caf&eacute; owners &amp; staff,\n   said Ms.&nbsp;Lee, were &#8220;relieved"
      "&#8221; by the vote.</p>" + kP2 + "<div>" + kT3 + "<br>Second  line,  with   spaces, "
      "is kept as well.</div></article>");
  auto page = ExtractHtml(html, ReadLimits{});
  ASSERT_TRUE(page.ok());
  ASSERT_GE(page->blocks.size(), 3u);
  int words = 0, entities = 0;
  for (const auto& b : page->blocks) {
    ASSERT_EQ(b.map.derived_size(), b.text.size()) << b.text;
    const std::string& t = b.text;
    for (size_t i = 0; i < t.size();) {
      auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
      if (!alnum(t[i])) {
        if (t[i] == '&') {
          EXPECT_EQ(html[b.map.ToSource(static_cast<uint32_t>(i))], '&');
          ++entities;
        }
        ++i;
        continue;
      }
      size_t j = i;
      while (j < t.size() && alnum(t[j])) ++j;
      EXPECT_EQ(html.substr(b.map.ToSource(static_cast<uint32_t>(i)), j - i), t.substr(i, j - i));
      ++words;
      i = j;
    }
  }
  EXPECT_GT(words, 30);
  EXPECT_EQ(entities, 1);
  // Decoded characters map to their references.
  const TextBlock& first = page->blocks[0];
  size_t e = first.text.find("\xC3\xA9");  // é
  ASSERT_NE(e, std::string::npos);
  EXPECT_EQ(html.substr(first.map.ToSource(static_cast<uint32_t>(e)), 8), "&eacute;");
  size_t q = first.text.find("\xE2\x80\x9C");  // “
  ASSERT_NE(q, std::string::npos);
  EXPECT_EQ(html.substr(first.map.ToSource(static_cast<uint32_t>(q)), 7), "&#8220;");
}

TEST(HtmlExtract, MetaTitleCharsetAndJsonLd) {
  const std::string html =
      "<html><head><meta charset=\"iso-8859-1\"><title>Budget - Daily Example</title>"
      "<meta property=\"og:title\" content=\"Council approves budget\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":"
      "[{\"@type\":\"NewsArticle\",\"headline\":\"Council approves budget\",\"datePublished\":"
      "\"2024-03-05\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]}]}</script>"
      "<script type=\"application/ld+json\">{broken json</script>"
      "</head><body><article>" + kP1 + kP2 + "</article></body></html>";
  auto page = ExtractHtml(html, ReadLimits{});
  ASSERT_TRUE(page.ok());
  auto get = [&](const std::string& k) {
    for (const auto& [key, v] : page->meta)
      if (key == k) return v;
    return std::string();
  };
  EXPECT_EQ(page->title, "Council approves budget");
  EXPECT_EQ(page->declared_charset, "iso-8859-1");
  EXPECT_EQ(get("author"), "Jane Doe");
  EXPECT_EQ(get("article:published_time"), "2024-03-05T10:00:00Z");
  EXPECT_EQ(get("ld:datePublished"), "2024-03-05");
  EXPECT_EQ(get("ld:headline"), "Council approves budget");
  EXPECT_EQ(get("ld:author"), "Jane Doe");
}

std::string Nested(int depth) {
  std::string s = "<html><body>";
  for (int i = 0; i < depth; ++i) s += "<div>";
  s += "deep text";
  for (int i = 0; i < depth; ++i) s += "</div>";
  return s + "</body></html>";
}

// Regression: HTML nested 100,000 deep must fail cleanly (no stack overflow) naming the limit.
TEST(HtmlExtract, DeepNestingIsRefused) {
  auto page = ExtractHtml(Nested(100000), ReadLimits{});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(page.status().message().find("512"), std::string::npos);
}

// With the limit raised, the parser itself must not recurse on deep input.
TEST(HtmlExtract, DeepNestingWithinLimitDoesNotRecurse) {
  ReadLimits limits;
  limits.max_depth = 200000;
  auto page = ExtractHtml(Nested(20000), limits);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->blocks.size() + page->removed.size(), 1u);
}

TEST(HtmlExtract, EmptyAndJunkInputDoNotFail) {
  for (std::string html : {std::string(), std::string("<"), std::string("<<<>>>&&&;"),
                           std::string("\0\0<p>x", 7), std::string("<p>caf\xC3", 8)}) {
    auto page = ExtractHtml(html, ReadLimits{});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
  }
}

}  // namespace
}  // namespace sitrep
