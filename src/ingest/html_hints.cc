#include "sitrep/ingest/html_hints.h"

#include <string>

#include "sitrep/ingest/html_dom.h"

namespace sitrep {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Has(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// Hints of one lower-case token such as "article", "sidebar", "share-bar" parts.
uint32_t ClassifyToken(std::string_view t) {
  uint32_t h = 0;
  if (t == "ad" || t == "ads" || t == "adv" || t == "advert" || t == "dfp" || t == "gpt" ||
      StartsWith(t, "advertis") || StartsWith(t, "adslot") || StartsWith(t, "adunit") ||
      StartsWith(t, "adsense") || StartsWith(t, "adcontainer") || StartsWith(t, "adwrap") ||
      StartsWith(t, "sponsor") || t == "commercial")
    h |= kHintAd;
  if (t == "nav" || t == "navbar" || t == "navigation" || t == "menu" || t == "submenu" ||
      StartsWith(t, "breadcrumb") || t == "pagination" || t == "pager" || t == "skip" ||
      StartsWith(t, "megamenu") || t == "topnav" || t == "subnav" || t == "sitenav")
    h |= kHintNav;
  if (StartsWith(t, "footer") || t == "foot" || t == "copyright" || t == "colophon")
    h |= kHintFooter;
  if ((StartsWith(t, "comment") && !StartsWith(t, "commentary")) || t == "disqus" ||
      t == "replies" || t == "respond" || t == "discussion" || t == "talkback")
    h |= kHintComments;
  if (StartsWith(t, "related") || StartsWith(t, "recommend") || t == "outbrain" ||
      t == "taboola" || t == "ob" || t == "more" || t == "moreon" || t == "morestories" ||
      t == "readmore" || t == "popular" || t == "trending" || t == "mostread" ||
      t == "mostpopular" || t == "also" || t == "teaser" || t == "teasers" ||
      StartsWith(t, "suggested") || t == "rail" || t == "rightrail" || t == "upnext" ||
      t == "linkbox" || t == "promo" || t == "promos" || t == "promotion" || t == "headlines")
    h |= kHintRelated;
  if (StartsWith(t, "share") || StartsWith(t, "social") || t == "sharing" || t == "follow" ||
      t == "addthis" || t == "sharethis" || t == "print" || t == "email" || t == "facebook" ||
      t == "twitter" || t == "whatsapp" || t == "toolbar" || t == "tools" || t == "icons")
    h |= kHintShare;
  if (StartsWith(t, "subscri") || StartsWith(t, "newsletter") || t == "signup" ||
      t == "paywall" || StartsWith(t, "cookie") || t == "consent" || t == "gdpr" ||
      t == "modal" || t == "popup" || t == "overlay" || t == "login" || t == "signin" ||
      t == "register" || t == "donate" || t == "banner" || t == "alert" || t == "notice")
    h |= kHintSubscribe;
  if (t == "sidebar" || t == "aside" || t == "widget" || t == "widgets" || t == "sidebox" ||
      t == "extra" || t == "supplemental" || t == "skyscraper" || t == "hidden" ||
      t == "hide" || t == "invisible" || t == "noprint" || t == "sr" || t == "screenreader" ||
      t == "visually" || t == "offscreen" || t == "remark" || t == "shoutbox" ||
      t == "community" || t == "combx" || t == "legends" || t == "agegate" || t == "meta" ||
      t == "tooltip" || t == "dropdown" || t == "search" || t == "masthead" || t == "logo" ||
      t == "video" || t == "player" || t == "gallery" || t == "slideshow" || t == "carousel")
    h |= kHintNegative;
  if (t == "caption" || StartsWith(t, "figcaption") || t == "credit" || t == "credits" ||
      t == "wp-caption" || t == "photo" || t == "image" || t == "img" || t == "figure" ||
      t == "media")
    h |= kHintCaption;
  if (t == "byline" || t == "author" || t == "authors" || t == "dateline" || t == "timestamp" ||
      t == "date" || t == "published" || t == "updated" || t == "bio" || t == "contributor")
    h |= kHintByline;
  if (t == "header" || t == "topbar" || t == "head" || t == "top") h |= kHintHeader;
  if (t == "article" || t == "articlebody" || t == "content" || t == "story" || t == "post" ||
      t == "entry" || t == "body" || t == "main" || t == "text" || t == "blog" ||
      t == "hentry" || t == "storybody" || t == "postbody" || t == "richtext" || t == "prose" ||
      t == "column" || t == "paragraph" || t == "detail" || t == "news")
    h |= kHintPositive;
  if (t == "articlebody" || t == "storybody" || t == "postbody" || t == "entrycontent" ||
      t == "articletext" || t == "storytext" || t == "postcontent" || t == "articlecontent" ||
      t == "bodytext")
    h |= kHintArticleBody;
  return h;
}

}  // namespace

uint32_t ClassifyClassOrId(std::string_view value) {
  uint32_t h = 0;
  std::string token, joined;  // joined: the whole class word without separators
  auto flush_word = [&] {
    if (!joined.empty()) h |= ClassifyToken(joined) & ~(kHintNav | kHintShare);
    if (joined == "tags" || joined == "tag" || joined == "topics" || joined == "keywords" ||
        (joined.size() > 4 && joined.compare(joined.size() - 4, 4, "tags") == 0))
      h |= kHintTags;
    joined.clear();
  };
  // CMS taxonomy classes ("tag-sports", "category-ads", "format-video") say nothing about
  // the element's role: skip those words.
  auto taxonomy = [&](size_t at) {
    if (at >= value.size()) return false;
    std::string_view rest = value.substr(at);
    for (std::string_view p : {"tag-", "category-", "format-", "type-", "status-", "postid-",
                               "has-", "post_format-", "author-", "tag_", "category_"})
      if (rest.substr(0, p.size()) == p) return true;
    return false;
  };
  bool skip_word = taxonomy(0);
  for (size_t i = 0; i <= value.size(); ++i) {
    char c = i < value.size() ? value[i] : ' ';
    if (skip_word) {
      if (c == ' ' || c == '\t' || c == '\n') {
        skip_word = taxonomy(i + 1);
      }
      continue;
    }
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    bool upper = c >= 'A' && c <= 'Z';
    if (alnum && !(upper && !token.empty() && token.back() >= 'a' && token.back() <= 'z')) {
      token.push_back(static_cast<char>(c | (upper ? 0x20 : 0)));
    } else {
      if (!token.empty()) h |= ClassifyToken(token);
      joined += token;
      token.clear();
      if (alnum) token.push_back(static_cast<char>(c | 0x20));  // camelCase boundary
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      flush_word();
      skip_word = taxonomy(i + 1);
    }
  }
  flush_word();
  return h;
}

uint32_t ClassifyRole(std::string_view v) {
  if (v == "navigation" || v == "menu" || v == "menubar") return kHintNav;
  if (v == "contentinfo") return kHintFooter;
  if (v == "complementary" || v == "search" || v == "dialog" || v == "alertdialog")
    return kHintNegative;
  if (v == "banner") return kHintHeader;
  if (v == "main" || v == "article") return kHintPositive;
  return 0;
}

uint32_t ClassifyStyle(std::string_view v) {
  std::string s;
  for (char c : v)
    if (c != ' ') s.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
  return Has(s, "display:none") || Has(s, "visibility:hidden") ? static_cast<uint32_t>(kHintHidden) : 0u;
}

}  // namespace sitrep
