// Placeholder extractor: every text-bearing block element in document order. Replaced by the
// scored extractor (see issue: main-text extraction).
#include "sitrep/ingest/html_extract.h"

#include <gumbo.h>

namespace sitrep {

Result<HtmlPage> ExtractHtml(std::string_view html, const ReadLimits& limits) {
  HtmlPage page;
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::vector<std::pair<GumboNode*, int>> stack{{out->root, 0}};
  TextBlock cur;
  auto flush = [&] {
    while (!cur.text.empty() && cur.text.back() == ' ') cur.text.pop_back();
    if (!cur.text.empty()) page.blocks.push_back(std::move(cur));
    cur = TextBlock();
  };
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > static_cast<int>(limits.max_depth)) {
      gumbo_destroy_output(&kGumboDefaultOptions, out);
      return Status::ResourceExhausted("HTML nested deeper than " +
                                       std::to_string(limits.max_depth) + " (--max-depth)");
    }
    if (node->type == GUMBO_NODE_TEXT) {
      const GumboText& t = node->v.text;
      std::string_view s(t.text);
      for (char c : s) cur.text.push_back(c == '\n' || c == '\t' ? ' ' : c);
      cur.map.AppendReplaced(t.start_pos.offset, static_cast<uint32_t>(t.original_text.length),
                             static_cast<uint32_t>(s.size()));
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT) continue;
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_LI ||
        tag == GUMBO_TAG_BR)
      flush();
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = kids.length; i-- > 0;)
      stack.push_back({static_cast<GumboNode*>(kids.data[i]), depth + 1});
  }
  flush();
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return page;
}

}  // namespace sitrep
