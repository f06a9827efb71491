// What an element's class, id, role and style attributes say about it (HtmlHint bits), from
// general vocabulary of page templates (nav, footer, comment, related, share, ad, article...).
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep {

// class="..." or id="...": tokens split at non-alphanumerics, matched case-insensitively.
uint32_t ClassifyClassOrId(std::string_view value);
// role="navigation" / "contentinfo" / "complementary" / "main" / "article" ...
uint32_t ClassifyRole(std::string_view value);
// style="display:none" / "visibility:hidden" -> kHintHidden.
uint32_t ClassifyStyle(std::string_view value);

}  // namespace sitrep
