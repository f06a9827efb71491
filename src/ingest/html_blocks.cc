#include "sitrep/ingest/html_blocks.h"

#include <string_view>

namespace sitrep {
namespace {

bool IsSkipTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHead: case HtmlTag::kTitle: case HtmlTag::kScript: case HtmlTag::kStyle:
    case HtmlTag::kNoscript: case HtmlTag::kTemplate: case HtmlTag::kSvg:
    case HtmlTag::kIframe: case HtmlTag::kObject: case HtmlTag::kSelect:
    case HtmlTag::kOption: case HtmlTag::kTextarea: case HtmlTag::kButton:
    case HtmlTag::kInput: case HtmlTag::kDialog:
      return true;
    default:
      return false;
  }
}

bool IsHeading(HtmlTag t) { return t >= HtmlTag::kH1 && t <= HtmlTag::kH6; }

// Appends one decoded piece to `out`, collapsing whitespace (and U+00A0) to single spaces
// that are only written when more text follows.
class Collapser {
 public:
  explicit Collapser(TextBlock* out) : out_(out) {}

  // Returns the number of non-space bytes appended.
  uint32_t Add(std::string_view s, const HtmlPiece& p) {
    uint32_t added = 0;
    if (!p.verbatim) {
      bool blank = true;
      for (size_t i = 0; i < s.size(); ++i) {
        if (SpaceLen(s, i) == 0) { blank = false; break; }
        i += SpaceLen(s, i) - 1;
      }
      if (blank) {
        Space(p.src, p.src_length);
        return 0;
      }
      EmitSpace();
      out_->text.append(s);
      out_->map.AppendReplaced(p.src, p.src_length, static_cast<uint32_t>(s.size()));
      return static_cast<uint32_t>(s.size());
    }
    size_t i = 0;
    while (i < s.size()) {
      size_t sl = SpaceLen(s, i);
      if (sl) {
        size_t j = i;
        while (j < s.size() && SpaceLen(s, j)) j += SpaceLen(s, j);
        Space(p.src + static_cast<uint32_t>(i), static_cast<uint32_t>(j - i));
        i = j;
        continue;
      }
      size_t j = i;
      while (j < s.size() && !SpaceLen(s, j)) ++j;
      EmitSpace();
      out_->text.append(s.data() + i, j - i);
      out_->map.AppendCopy(p.src + static_cast<uint32_t>(i), static_cast<uint32_t>(j - i));
      added += static_cast<uint32_t>(j - i);
      i = j;
    }
    return added;
  }

 private:
  static size_t SpaceLen(std::string_view s, size_t i) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0)
      return 2;
    return 0;
  }
  void Space(uint32_t src, uint32_t len) {
    if (out_->text.empty()) return;
    if (!pending_) pending_src_ = src, pending_len_ = 0;
    pending_ = true;
    pending_len_ = src + len - pending_src_;
  }
  void EmitSpace() {
    if (!pending_) return;
    pending_ = false;
    out_->text.push_back(' ');
    out_->map.AppendReplaced(pending_src_, pending_len_, 1);
  }

  TextBlock* out_;
  bool pending_ = false;
  uint32_t pending_src_ = 0, pending_len_ = 0;
};

}  // namespace

bool IsBlockTag(HtmlTag t) {
  switch (t) {
    case HtmlTag::kHtml: case HtmlTag::kBody: case HtmlTag::kP: case HtmlTag::kDiv:
    case HtmlTag::kBr: case HtmlTag::kH1: case HtmlTag::kH2: case HtmlTag::kH3:
    case HtmlTag::kH4: case HtmlTag::kH5: case HtmlTag::kH6: case HtmlTag::kUl:
    case HtmlTag::kOl: case HtmlTag::kLi: case HtmlTag::kDl: case HtmlTag::kDt:
    case HtmlTag::kDd: case HtmlTag::kBlockquote: case HtmlTag::kPre: case HtmlTag::kTable:
    case HtmlTag::kTbody: case HtmlTag::kTr: case HtmlTag::kTd: case HtmlTag::kTh:
    case HtmlTag::kArticle: case HtmlTag::kSection: case HtmlTag::kMain: case HtmlTag::kNav:
    case HtmlTag::kAside: case HtmlTag::kHeader: case HtmlTag::kFooter:
    case HtmlTag::kFigure: case HtmlTag::kFigcaption: case HtmlTag::kForm:
    case HtmlTag::kHr: case HtmlTag::kAddress: case HtmlTag::kMenu: case HtmlTag::kCaption:
    case HtmlTag::kDetails: case HtmlTag::kSummary: case HtmlTag::kCenter:
    case HtmlTag::kDialog: case HtmlTag::kImg:
      return true;
    default:
      return IsSkipTag(t);
  }
}

std::vector<HtmlBlock> SplitHtmlBlocks(const HtmlDom& dom) {
  std::vector<HtmlBlock> out;
  const auto& nodes = dom.nodes;
  HtmlBlock cur;
  Collapser col(&cur.block);
  // Open elements as (end index, node); facts of the innermost open elements.
  struct Open { uint32_t end, node; };
  std::vector<Open> open;
  uint32_t skip_depth = 0, link_depth = 0;
  std::vector<uint32_t> block_stack{0};  // innermost block elements
  auto flush = [&] {
    if (!cur.block.text.empty()) {
      // Facts from the owner chain: kind and whether it is skipped.
      for (uint32_t a = cur.owner;; a = nodes[a].parent) {
        HtmlTag t = nodes[a].tag;
        if (IsHeading(t) && cur.heading == HtmlTag::kOther) cur.heading = t;
        if (t == HtmlTag::kLi && cur.block.kind == Block::Kind::kParagraph)
          cur.block.kind = Block::Kind::kListItem;
        if (t == HtmlTag::kBlockquote && cur.block.kind == Block::Kind::kParagraph)
          cur.block.kind = Block::Kind::kQuote;
        if (a == 0) break;
      }
      if (cur.heading != HtmlTag::kOther) cur.block.kind = Block::Kind::kHeading;
      out.push_back(std::move(cur));
    }
    cur = HtmlBlock();
    col = Collapser(&cur.block);
  };
  auto close_until = [&](uint32_t i) {
    while (!open.empty() && open.back().end <= i) {
      HtmlTag t = nodes[open.back().node].tag;
      if (IsSkipTag(t)) --skip_depth;
      if (t == HtmlTag::kA) --link_depth;
      if (IsBlockTag(t)) {
        flush();
        block_stack.pop_back();
      }
      open.pop_back();
    }
  };
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    close_until(i);
    const HtmlNode& n = nodes[i];
    if (n.tag == HtmlTag::kText) {
      if (skip_depth || (n.hints & kHintHidden)) continue;
      for (uint32_t p = n.first_piece; p < n.end_piece; ++p) {
        const HtmlPiece& pc = dom.pieces[p];
        std::string_view s(dom.text.data() + pc.text, pc.length);
        bool was_empty = cur.block.text.empty();
        uint32_t added = col.Add(s, pc);
        if (was_empty && !cur.block.text.empty()) cur.owner = block_stack.back();
        if (link_depth) cur.link_bytes += added;
        for (char c : s) cur.commas += c == ',';
      }
      continue;
    }
    if (IsSkipTag(n.tag)) ++skip_depth;
    if (n.tag == HtmlTag::kA) ++link_depth;
    if (IsBlockTag(n.tag)) {
      flush();
      block_stack.push_back(i);
    }
    open.push_back({n.end, i});
  }
  close_until(static_cast<uint32_t>(nodes.size()) + 1);
  flush();
  return out;
}

}  // namespace sitrep
