// Escaping for text that comes from articles (titles, sentences, names): the report never
// passes such text through unescaped. Pure functions; invalid UTF-8 becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::show {

// For HTML text and attribute values: & < > " ' become entities; control characters other
// than tab and newline become spaces.
std::string EscapeHtml(std::string_view text);

// For one line of Markdown (a list item or table cell): the characters Markdown or inline
// HTML act on (\ ` * _ [ ] < > | ~ & ! #) are backslash-escaped, line breaks and control
// characters become spaces, so the text cannot start a tag, link, table cell or new block.
std::string EscapeMarkdown(std::string_view text);

// Valid UTF-8 with each invalid byte replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

}  // namespace sitrep::show
