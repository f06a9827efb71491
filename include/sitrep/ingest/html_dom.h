// A flat, read-only HTML tree for main-text extraction: elements and text runs in document
// (pre-)order with subtree ranges, parsed by libxml2's HTML parser through SAX callbacks.
// Text runs keep the exact byte offsets of their source in the HTML.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/base/status.h"

namespace sitrep {

// Tags the extractor distinguishes; everything else is kOther (treated as inline).
enum class HtmlTag : uint8_t {
  kOther, kText, kHtml, kHead, kBody, kTitle, kMeta, kScript, kStyle, kNoscript, kTemplate,
  kSvg, kIframe, kObject, kP, kDiv, kA, kBr, kH1, kH2, kH3, kH4, kH5, kH6, kUl, kOl, kLi,
  kDl, kDt, kDd, kBlockquote, kPre, kTable, kTbody, kTr, kTd, kTh, kArticle, kSection,
  kMain, kNav, kAside, kHeader, kFooter, kFigure, kFigcaption, kForm, kButton, kInput,
  kSelect, kOption, kTextarea, kLabel, kImg, kHr, kAddress, kMenu, kCaption, kDetails,
  kSummary, kCenter, kDialog, kTime, kSpan, kB, kStrong, kI, kEm,
};

// Class/id/role hints of one element, as bit flags.
enum HtmlHint : uint32_t {
  kHintPositive = 1u << 0,   // article, content, story, post, body, entry, main, text
  kHintNegative = 1u << 1,   // sidebar, widget, promo, sponsor, ... (generic "not content")
  kHintNav = 1u << 2,        // nav, menu, breadcrumb, pagination
  kHintFooter = 1u << 3,     // footer, copyright
  kHintComments = 1u << 4,   // comment, disqus, replies
  kHintRelated = 1u << 5,    // related, recommended, more-stories, outbrain, taboola
  kHintShare = 1u << 6,      // share, social, follow
  kHintAd = 1u << 7,         // ad, advert, dfp, sponsored
  kHintHidden = 1u << 8,     // hidden attribute, aria-hidden, display:none
  kHintCaption = 1u << 9,    // caption, credit
  kHintSubscribe = 1u << 10, // subscribe, newsletter, signup, paywall, cookie, consent, gdpr
  kHintArticleBody = 1u << 11,  // itemprop=articleBody or equivalent strong marker
  kHintByline = 1u << 12,    // byline, author, dateline, timestamp
  kHintHeader = 1u << 13,    // header, masthead, topbar
  kHintTags = 1u << 14,      // tags, topics, keywords
};

struct HtmlNode {
  HtmlTag tag = HtmlTag::kOther;
  uint16_t depth = 0;
  uint32_t parent = 0;  // index of the parent element (the root is its own parent)
  uint32_t end = 0;     // one past the last node of this subtree
  uint32_t hints = 0;   // HtmlHint bits
  // Text runs (tag kText): pieces [first_piece, end_piece) of HtmlDom::pieces.
  uint32_t first_piece = 0, end_piece = 0;
};

// A piece of decoded text and where it came from: `length` bytes of HtmlDom::text at `text`
// replace HTML bytes [src, src + src_length); verbatim when they are the same bytes.
struct HtmlPiece {
  uint32_t text, length, src, src_length;
  bool verbatim;
};

struct HtmlDom {
  std::vector<HtmlNode> nodes;  // nodes[0] is the document root
  std::vector<HtmlPiece> pieces;
  std::string text;             // decoded text of all runs, in order
  std::string title;            // <title>
  std::string declared_charset;
  std::vector<std::pair<std::string, std::string>> meta;  // name|property|itemprop -> content
  std::vector<std::string> json_ld;                        // bodies of ld+json scripts
};

// Parses `html` (UTF-8; the declared charset is recorded, not applied). Never recurses; fails
// with ResourceExhausted when elements nest deeper than `max_depth`.
Result<HtmlDom> ParseHtmlDom(std::string_view html, uint32_t max_depth);

}  // namespace sitrep
