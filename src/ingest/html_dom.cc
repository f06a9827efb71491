// Builds HtmlDom from libxml2's HTML parser through SAX callbacks (no libxml2 tree is built).
// Offsets: the parser's input position after each text callback gives where the text ended;
// a callback whose bytes equal the source bytes there is a verbatim piece, anything else
// (an entity, a normalised line break) a replaced piece ending there.
#include "sitrep/ingest/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "sitrep/ingest/html_hints.h"

namespace sitrep {
namespace {

HtmlTag LookupTag(std::string_view name) {
  static const std::unordered_map<std::string_view, HtmlTag> kTags = {
      {"html", HtmlTag::kHtml}, {"head", HtmlTag::kHead}, {"body", HtmlTag::kBody},
      {"title", HtmlTag::kTitle}, {"meta", HtmlTag::kMeta}, {"script", HtmlTag::kScript},
      {"style", HtmlTag::kStyle}, {"noscript", HtmlTag::kNoscript},
      {"template", HtmlTag::kTemplate}, {"svg", HtmlTag::kSvg}, {"iframe", HtmlTag::kIframe},
      {"object", HtmlTag::kObject}, {"embed", HtmlTag::kObject}, {"video", HtmlTag::kObject},
      {"audio", HtmlTag::kObject}, {"canvas", HtmlTag::kObject}, {"p", HtmlTag::kP},
      {"div", HtmlTag::kDiv}, {"a", HtmlTag::kA}, {"br", HtmlTag::kBr}, {"h1", HtmlTag::kH1},
      {"h2", HtmlTag::kH2}, {"h3", HtmlTag::kH3}, {"h4", HtmlTag::kH4}, {"h5", HtmlTag::kH5},
      {"h6", HtmlTag::kH6}, {"ul", HtmlTag::kUl}, {"ol", HtmlTag::kOl}, {"li", HtmlTag::kLi},
      {"dl", HtmlTag::kDl}, {"dt", HtmlTag::kDt}, {"dd", HtmlTag::kDd},
      {"blockquote", HtmlTag::kBlockquote}, {"pre", HtmlTag::kPre},
      {"table", HtmlTag::kTable}, {"tbody", HtmlTag::kTbody}, {"thead", HtmlTag::kTbody},
      {"tfoot", HtmlTag::kTbody}, {"tr", HtmlTag::kTr}, {"td", HtmlTag::kTd},
      {"th", HtmlTag::kTh}, {"article", HtmlTag::kArticle}, {"section", HtmlTag::kSection},
      {"main", HtmlTag::kMain}, {"nav", HtmlTag::kNav}, {"aside", HtmlTag::kAside},
      {"header", HtmlTag::kHeader}, {"footer", HtmlTag::kFooter},
      {"figure", HtmlTag::kFigure}, {"figcaption", HtmlTag::kFigcaption},
      {"form", HtmlTag::kForm}, {"button", HtmlTag::kButton}, {"input", HtmlTag::kInput},
      {"select", HtmlTag::kSelect}, {"option", HtmlTag::kOption},
      {"textarea", HtmlTag::kTextarea}, {"label", HtmlTag::kLabel}, {"img", HtmlTag::kImg},
      {"picture", HtmlTag::kImg}, {"hr", HtmlTag::kHr}, {"address", HtmlTag::kAddress},
      {"menu", HtmlTag::kMenu}, {"caption", HtmlTag::kCaption},
      {"details", HtmlTag::kDetails}, {"summary", HtmlTag::kSummary},
      {"center", HtmlTag::kCenter}, {"dialog", HtmlTag::kDialog}, {"time", HtmlTag::kTime},
      {"span", HtmlTag::kSpan}, {"b", HtmlTag::kB}, {"strong", HtmlTag::kStrong},
      {"i", HtmlTag::kI}, {"em", HtmlTag::kEm},
  };
  auto it = kTags.find(name);
  return it == kTags.end() ? HtmlTag::kOther : it->second;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

std::string_view Sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

class DomBuilder {
 public:
  DomBuilder(std::string_view html, uint32_t max_depth) : html_(html), max_depth_(max_depth) {
    dom_.nodes.push_back(HtmlNode{});
    open_.push_back(0);
  }

  void set_ctxt(htmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }
  bool too_deep() const { return too_deep_; }

  HtmlDom Finish() {
    for (uint32_t i : open_) dom_.nodes[i].end = static_cast<uint32_t>(dom_.nodes.size());
    return std::move(dom_);
  }

  void Start(const xmlChar* name, const xmlChar** atts) {
    if (too_deep_) return;
    if (open_.size() > max_depth_) {
      too_deep_ = true;
      xmlStopParser(ctxt_);
      return;
    }
    HtmlNode n;
    n.tag = LookupTag(Sv(name));
    n.parent = open_.back();
    n.depth = static_cast<uint16_t>(std::min<size_t>(open_.size(), 65535));
    n.hints = dom_.nodes[n.parent].hints & kHintHidden;
    std::string_view content, key, charset, type, datetime;
    for (const xmlChar** a = atts; a && a[0]; a += 2) {
      std::string_view an = Sv(a[0]), av = Sv(a[1]);
      if (an == "class" || an == "id") {
        n.hints |= ClassifyClassOrId(av);
      } else if (an == "role") {
        n.hints |= ClassifyRole(av);
      } else if (an == "hidden") {
        n.hints |= kHintHidden;
      } else if (an == "aria-hidden") {
        if (av == "true") n.hints |= kHintHidden;
      } else if (an == "style") {
        n.hints |= ClassifyStyle(av);
      } else if (an == "itemprop") {
        if (av == "articleBody") n.hints |= kHintArticleBody;
        key = av;
      } else if (an == "name" || an == "property") {
        key = av;
      } else if (an == "http-equiv") {
        if (EqualsIgnoreCase(av, "content-type")) type = "content-type";
      } else if (an == "content") {
        content = av;
      } else if (an == "charset") {
        charset = av;
      } else if (an == "type") {
        if (n.tag == HtmlTag::kScript) type = av;
      } else if (an == "datetime") {
        datetime = av;
      }
    }
    if (n.tag == HtmlTag::kMeta) {
      if (!charset.empty() && dom_.declared_charset.empty()) dom_.declared_charset = charset;
      if (type == "content-type") {
        size_t at = content.find("charset=");
        if (at != std::string_view::npos && dom_.declared_charset.empty())
          dom_.declared_charset = content.substr(at + 8);
      }
      if (!key.empty() && !content.empty()) dom_.meta.emplace_back(key, content);
    } else if (!key.empty() && (!content.empty() || !datetime.empty())) {
      dom_.meta.emplace_back(key, content.empty() ? datetime : content);
    }
    in_json_ld_ = n.tag == HtmlTag::kScript && EqualsIgnoreCase(type, "application/ld+json");
    if (in_json_ld_) dom_.json_ld.emplace_back();
    in_title_ = n.tag == HtmlTag::kTitle && !seen_title_;
    open_.push_back(static_cast<uint32_t>(dom_.nodes.size()));
    dom_.nodes.push_back(n);
  }

  void End() {
    if (too_deep_ || open_.size() <= 1) return;
    const HtmlNode& n = dom_.nodes[open_.back()];
    if (n.tag == HtmlTag::kTitle && in_title_) seen_title_ = true;
    in_title_ = false;
    in_json_ld_ = false;
    dom_.nodes[open_.back()].end = static_cast<uint32_t>(dom_.nodes.size());
    open_.pop_back();
  }

  void Characters(const xmlChar* ch, int len) {
    if (too_deep_ || len <= 0) return;
    std::string_view s(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    if (in_title_) dom_.title.append(s);
    uint32_t src = 0, src_len = 0;
    bool verbatim = Locate(s, &src, &src_len);
    uint32_t parent = open_.back();
    if (dom_.nodes.back().tag != HtmlTag::kText || dom_.nodes.back().parent != parent) {
      HtmlNode t;
      t.tag = HtmlTag::kText;
      t.parent = parent;
      t.depth = static_cast<uint16_t>(std::min<size_t>(open_.size(), 65535));
      t.hints = dom_.nodes[parent].hints & kHintHidden;
      t.first_piece = t.end_piece = static_cast<uint32_t>(dom_.pieces.size());
      t.end = static_cast<uint32_t>(dom_.nodes.size() + 1);
      dom_.nodes.push_back(t);
    }
    dom_.pieces.push_back(HtmlPiece{static_cast<uint32_t>(dom_.text.size()),
                                    static_cast<uint32_t>(len), src, src_len, verbatim});
    dom_.text.append(s);
    dom_.nodes.back().end_piece = static_cast<uint32_t>(dom_.pieces.size());
  }

  void Cdata(const xmlChar* ch, int len) {
    if (in_json_ld_ && !dom_.json_ld.empty() && dom_.json_ld.back().size() < (1u << 20))
      dom_.json_ld.back().append(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
  }

 private:
  size_t Position() const {
    const xmlParserInputPtr in = ctxt_->input;
    size_t pos = in->consumed + static_cast<size_t>(in->cur - in->base);
    return std::min(pos, html_.size());
  }

  // Finds the source bytes of text `s` just delivered. True when they are a verbatim copy.
  bool Locate(std::string_view s, uint32_t* src, uint32_t* src_len) {
    size_t pos = Position();
    // Text flushed at a '<' or '&' ends at pos; a full parser buffer ends one character later.
    for (size_t extra = 0; extra <= 4; ++extra) {
      size_t end = pos + extra;
      if (end > html_.size() || end < s.size()) break;
      if (html_.compare(end - s.size(), s.size(), s) == 0) {
        *src = static_cast<uint32_t>(end - s.size());
        *src_len = static_cast<uint32_t>(s.size());
        return true;
      }
    }
    // A character reference: the parser has consumed "&...;" when it reports the character.
    size_t lo = pos > 40 ? pos - 40 : 0;
    size_t amp = html_.rfind('&', pos ? pos - 1 : 0);
    if (amp != std::string_view::npos && amp >= lo && pos > amp) {
      *src = static_cast<uint32_t>(amp);
      *src_len = static_cast<uint32_t>(pos - amp);
      return false;
    }
    size_t n = std::min(s.size(), pos);
    *src = static_cast<uint32_t>(pos - n);
    *src_len = static_cast<uint32_t>(n);
    return false;
  }

  std::string_view html_;
  uint32_t max_depth_;
  htmlParserCtxtPtr ctxt_ = nullptr;
  HtmlDom dom_;
  std::vector<uint32_t> open_;
  bool too_deep_ = false, in_title_ = false, seen_title_ = false, in_json_ld_ = false;
};

DomBuilder* Self(void* ctx) {
  return static_cast<DomBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) { Self(ctx)->Start(name, atts); }
void OnEnd(void* ctx, const xmlChar*) { Self(ctx)->End(); }
void OnChars(void* ctx, const xmlChar* ch, int len) { Self(ctx)->Characters(ch, len); }
void OnCdata(void* ctx, const xmlChar* ch, int len) { Self(ctx)->Cdata(ch, len); }
void OnQuiet(void*, const char*, ...) {}

}  // namespace

Result<HtmlDom> ParseHtmlDom(std::string_view html, uint32_t max_depth) {
  if (html.size() > static_cast<size_t>(INT32_MAX))
    return Status::ResourceExhausted("HTML larger than 2 GiB");
  DomBuilder builder(html, max_depth);
  htmlParserCtxtPtr ctxt =
      htmlCreateMemoryParserCtxt(html.empty() ? " " : html.data(), html.empty() ? 1 : static_cast<int>(html.size()));
  if (ctxt == nullptr) return Status::Internal("cannot create the HTML parser");
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.initialized = 1;
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnChars;
  sax.ignorableWhitespace = OnChars;
  sax.cdataBlock = OnCdata;
  sax.warning = OnQuiet;
  sax.error = OnQuiet;
  std::memcpy(ctxt->sax, &sax, sizeof(sax));
  ctxt->userData = ctxt;
  ctxt->_private = &builder;
  builder.set_ctxt(ctxt);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  if (builder.too_deep())
    return Status::ResourceExhausted("HTML elements nested deeper than " +
                                     std::to_string(max_depth) + " (--max-depth)");
  return builder.Finish();
}

}  // namespace sitrep
