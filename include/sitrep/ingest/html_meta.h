// Page metadata for HTML: JSON-LD article facts as meta entries, the page title, and whether
// a heading is the headline.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

using MetaList = std::vector<std::pair<std::string, std::string>>;

// Adds datePublished, dateModified, headline, author names and publisher name of every
// JSON-LD object (also inside @graph / arrays) as "ld:<key>" entries. Malformed JSON is skipped.
void AddJsonLdMeta(const std::vector<std::string>& json_ld, MetaList* meta);

// og:title, else twitter:title, else ld:headline, else <title>; whitespace collapsed.
std::string ChooseTitle(std::string_view title_tag, const MetaList& meta);

// True when `heading` and `title` share most of their words (site suffixes ignored).
bool TitleMatches(std::string_view heading, std::string_view title);

}  // namespace sitrep
