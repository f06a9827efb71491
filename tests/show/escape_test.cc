// Escaping of article text, and hostile articles through the whole report: no tag, attribute
// or Markdown construct from an article survives into the output.
#include "sitrep/show/escape.h"

#include <gtest/gtest.h>

#include "report_test_util.h"
#include "sitrep/show/report_html.h"
#include "sitrep/show/report_markdown.h"
#include "sitrep/show/report_model.h"
#include "sitrep/show/world_outlines.h"

namespace sitrep::show {
namespace {

struct EscapeCase {
  const char* in;
  const char* html;
  const char* md;
};

TEST(EscapeTest, Table) {
  const EscapeCase cases[] = {
      {"plain text", "plain text", "plain text"},
      {"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;", "\\<script\\>x\\</script\\>"},
      {"a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;", "a \\& b \"c\" 'd'"},
      {"[link](http://x) ![img](y)", "[link](http://x) ![img](y)", "\\[link\\](http://x) \\!\\[img\\](y)"},
      {"*bold* _it_ `code` | cell ~s~ #h \\", "*bold* _it_ `code` | cell ~s~ #h \\",
       "\\*bold\\* \\_it\\_ \\`code\\` \\| cell \\~s\\~ \\#h \\\\"},
      {"line\nbreak\r\x01", "line\nbreak  ", "line break  "},
      {"caf\xC3\xA9 \xFF end", "caf\xC3\xA9 \xEF\xBF\xBD end", "caf\xC3\xA9 \xEF\xBF\xBD end"},
      {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD"},  // truncated sequence
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong '/'
  };
  for (const EscapeCase& c : cases) {
    EXPECT_EQ(EscapeHtml(c.in), c.html) << c.in;
    EXPECT_EQ(EscapeMarkdown(c.in), c.md) << c.in;
  }
}

TEST(EscapeTest, HostileArticleCannotInjectHtmlOrMarkdown) {
  using testing_show::At;
  using testing_show::Ev;
  using testing_show::Src;
  const std::string evil = "</span></dd><script>alert(\"x\")</script><img src=x onerror=alert(1)>";
  EventPlace place = At("<b onmouseover=alert(2)>Town</b>", "XX", "\"><svg onload=alert(3)>",
                        10.0, 20.0);
  Event e = Ev("ev-1", "Air/drone strike", "2024-03-05", place, 3, 3, 3,
               {Src("doc<1>", evil + " killed three.", 3)}, 1);
  e.sources[0].outlet = "Outlet\" onclick=\"alert(4)";
  e.actor1 = EventActor{"<iframe src=//evil>", "", "", ""};
  e.conflicts.push_back({"location", {{"<i>A</i>", {"doc<1>"}}, {"B", {"d2"}}}});
  ReportOptions options;
  options.title = "Report <script>alert(5)</script>";
  options.scope = "--text <b>";
  options.country_name = [](const std::string&) { return std::string("<u>Land</u>"); };
  ReportModel m = BuildReportModel({e}, options);
  WorldOutlines outlines;
  outlines.rings.push_back({"<script>alert(6)</script>", {19, 21, 21}, {9, 9, 11}, 19, 21, 9, 11});
  const std::string html = RenderHtml(m, &outlines);
  for (const char* bad : {"<script", "<img", "<b ", "<b>", "<iframe", "<svg onload", "<i>", "<u>",
                          "\" onclick", "onerror=alert(1)>"}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(6)&lt;/script&gt;"), std::string::npos);  // outline title
  // In Markdown every '<' (and '[', '`', '|') from an article is backslash-escaped, so no
  // renderer can read a tag, link, code span or table cell out of it.
  const std::string md = RenderMarkdown(m);
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '<' || md[i] == '[') EXPECT_EQ(i > 0 ? md[i - 1] : ' ', '\\') << md.substr(i, 30);
  }
  EXPECT_NE(md.find("\\<script\\>alert(\"x\")\\</script\\>"), std::string::npos) << md;
}

}  // namespace
}  // namespace sitrep::show
