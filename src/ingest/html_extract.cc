// Main-text extraction, readability-style: text blocks score their ancestor containers (text
// length, commas, link density, class/id hints); the best container and its content-like
// siblings are the article; inside it, subtrees that look like navigation, share bars,
// related links, captions or ads are pruned. The headline is kept when it matches the title.
#include "sitrep/ingest/html_extract.h"

#include <algorithm>
#include <cstdint>

#include "sitrep/ingest/html_blocks.h"
#include "sitrep/ingest/html_dom.h"
#include "sitrep/ingest/html_meta.h"

namespace sitrep {
namespace {

// Whether the headline opens the main text (as a kTitle block) or goes to `removed`.
constexpr bool kKeepHeadline = false;

// Non-sentence lines shorter than this are dropped at the edges of the main text ...
constexpr size_t kEdgeLineBytes = 100;
constexpr size_t kMaxEdgeRun = 3;
// ... and anywhere inside it.
constexpr size_t kShortLineBytes = 0;

constexpr uint32_t kBadHints = kHintNegative | kHintNav | kHintFooter | kHintComments |
                               kHintRelated | kHintShare | kHintAd | kHintSubscribe;

// Why a subtree is not main text, from its tag and hints; nullptr when it may be.
const char* PruneReason(const HtmlNode& n) {
  switch (n.tag) {
    case HtmlTag::kNav: case HtmlTag::kMenu: return "nav";
    case HtmlTag::kFooter: return "footer";
    case HtmlTag::kAside: return "related";
    case HtmlTag::kFigcaption: case HtmlTag::kFigure: case HtmlTag::kCaption: return "caption";
    case HtmlTag::kForm: return "form";
    default: break;
  }
  uint32_t h = n.hints;
  if (h & kHintArticleBody) return nullptr;
  if (h & kHintComments) return "comments";
  if (h & kHintNav) return "nav";
  if (h & kHintShare) return "share";
  if (h & kHintAd) return "ad";
  if (h & kHintSubscribe) return "subscribe";
  if (h & kHintFooter) return "footer";
  if (h & kHintRelated) return "related";
  if (h & kHintCaption) return "caption";
  if ((h & kHintNegative) && !(h & kHintPositive)) return "boilerplate";
  if (h & kHintTags) return "tags";
  if ((h & kHintByline) && !(h & kHintPositive)) return "byline";
  return nullptr;
}

double TagWeight(const HtmlNode& n) {
  double w = 0;
  switch (n.tag) {
    case HtmlTag::kDiv: case HtmlTag::kArticle: case HtmlTag::kMain: w = 5; break;
    case HtmlTag::kSection: w = 3; break;
    case HtmlTag::kPre: case HtmlTag::kTd: case HtmlTag::kBlockquote: w = 3; break;
    case HtmlTag::kAddress: case HtmlTag::kOl: case HtmlTag::kUl: case HtmlTag::kDl:
    case HtmlTag::kDd: case HtmlTag::kDt: case HtmlTag::kLi: case HtmlTag::kForm: w = -3; break;
    case HtmlTag::kH1: case HtmlTag::kH2: case HtmlTag::kH3: case HtmlTag::kH4:
    case HtmlTag::kH5: case HtmlTag::kH6: case HtmlTag::kTh: w = -5; break;
    default: break;
  }
  if (n.hints & kHintArticleBody) w += 50;
  if (n.hints & kHintPositive) w += 25;
  if (n.hints & kBadHints) w -= 25;
  return w;
}

bool Contains(const std::vector<HtmlNode>& nodes, uint32_t a, uint32_t b) {
  return b >= a && b < nodes[a].end;
}

class Extractor {
 public:
  Extractor(const HtmlDom& dom, std::vector<HtmlBlock> blocks)
      : dom_(dom), nodes_(dom.nodes), blocks_(std::move(blocks)) {}

  void Run(HtmlPage* page) {
    FindHeadline(page->title);
    Accumulate();
    uint32_t top = PickTop();
    SelectRoots(top);
    Emit(page);
  }

 private:
  void Accumulate() {
    size_t n = nodes_.size();
    bytes_.assign(n, 0);
    links_.assign(n, 0);
    score_.assign(n, 0);
    scored_.assign(n, 0);
    has_block_child_.assign(n, 0);
    for (uint32_t i = 1; i < n; ++i)
      if (IsBlockTag(nodes_[i].tag) && nodes_[i].tag != HtmlTag::kBr)
        has_block_child_[nodes_[i].parent] = 1;
    teaser_.assign(n, 0);
    for (size_t k = 0; k < blocks_.size(); ++k) {
      const HtmlBlock& b = blocks_[k];
      if (b.skipped) continue;
      uint32_t len = static_cast<uint32_t>(b.block.text.size());
      // A heading that is all link is the title of a teaser for another page.
      if (b.heading != HtmlTag::kOther && k != headline_ && b.link_bytes * 10 >= len * 8)
        for (uint32_t a = b.owner; a != 0; a = nodes_[a].parent) teaser_[a] = 1;
      for (uint32_t a = b.owner;; a = nodes_[a].parent) {
        bytes_[a] += len;
        links_[a] += b.link_bytes;
        if (a == 0) break;
      }
      if (len < 25 || b.heading != HtmlTag::kOther) continue;
      double s = 1 + b.commas + std::min(len / 100.0, 3.0);
      // A paragraph-like owner scores its parent; text directly inside a container that
      // also holds blocks is a paragraph of that container.
      uint32_t a = b.owner;
      bool direct = has_block_child_[a] && nodes_[a].tag != HtmlTag::kP;
      for (int level = 0; level < 5 && a != 0; ++level) {
        if (!(direct && level == 0)) a = nodes_[a].parent;
        if (!scored_[a]) {
          scored_[a] = 1;
          score_[a] = TagWeight(nodes_[a]);
        }
        score_[a] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
        if (a == 0) break;
      }
    }
  }

  double LinkDensity(uint32_t i) const {
    return bytes_[i] ? static_cast<double>(links_[i]) / bytes_[i] : 0;
  }
  double Final(uint32_t i) const { return score_[i] * (1 - LinkDensity(i)); }

  uint32_t PickTop() {
    std::vector<std::pair<double, uint32_t>> cands;
    for (uint32_t i = 1; i < nodes_.size(); ++i)
      if (scored_[i] && !(nodes_[i].hints & kHintHidden)) cands.push_back({Final(i), i});
    if (cands.empty()) return 0;
    std::sort(cands.begin(), cands.end(), std::greater<>());
    uint32_t top = cands[0].second;
    double best = cands[0].first;
    // Several near-best candidates under one ancestor: the article is that ancestor.
    std::vector<uint32_t> alts;
    for (size_t k = 1; k < std::min<size_t>(cands.size(), 5); ++k)
      if (cands[k].first >= 0.75 * best && !Contains(nodes_, top, cands[k].second) &&
          !Contains(nodes_, cands[k].second, top))
        alts.push_back(cands[k].second);
    if (alts.size() >= 2) {
      for (uint32_t a = nodes_[top].parent; a != 0; a = nodes_[a].parent) {
        int in = 0;
        for (uint32_t x : alts) in += Contains(nodes_, a, x);
        if (in >= 2) {
          top = a;
          break;
        }
      }
    }
    // Climb while the parent holds barely more text (a wrapper around the same content).
    while (top != 0 && nodes_[top].parent != 0) {
      uint32_t p = nodes_[top].parent;
      if (bytes_[p] > bytes_[top] * 1.1 + 40) break;
      top = p;
    }
    top_score_ = std::max(best, Final(top));
    return top;
  }

  void SelectRoots(uint32_t top) {
    roots_.clear();
    if (top == 0) {
      roots_.push_back(0);
      return;
    }
    uint32_t parent = nodes_[top].parent;
    double threshold = std::max(10.0, top_score_ * 0.2);
    for (uint32_t c = parent + 1; c < nodes_[parent].end; c = nodes_[c].end) {
      if (c == top) {
        roots_.push_back(c);
        continue;
      }
      const HtmlNode& n = nodes_[c];
      if (n.tag == HtmlTag::kText || PruneReason(n) || (n.hints & kHintHidden) || teaser_[c])
        continue;
      bool take = scored_[c] && Final(c) >= threshold;
      if (!take && (n.tag == HtmlTag::kP || n.tag == HtmlTag::kDiv)) {
        double ld = LinkDensity(c);
        take = (bytes_[c] > 80 && ld < 0.25);
      }
      if (take) roots_.push_back(c);
    }
  }

  // Why block `b` (inside a root) is dropped, or nullptr to keep it.
  const char* DropReason(const HtmlBlock& b, uint32_t root) const {
    if (b.skipped) return "hidden";
    uint32_t total = std::max<uint32_t>(bytes_[root], 1);
    for (uint32_t a = b.owner; a != root && a != 0; a = nodes_[a].parent) {
      const char* why = PruneReason(nodes_[a]);
      // A hinted subtree holding most of the article is the article (hints are noisy).
      if (why && bytes_[a] * 2 < total) return why;
      if (teaser_[a] && bytes_[a] * 2 < total) return "related";
      const HtmlNode& n = nodes_[a];
      bool container = n.tag == HtmlTag::kUl || n.tag == HtmlTag::kOl ||
                       n.tag == HtmlTag::kDiv || n.tag == HtmlTag::kSection ||
                       n.tag == HtmlTag::kTable || n.tag == HtmlTag::kDl;
      if (container && bytes_[a] * 2 < total && LinkDensity(a) > 0.5) return "links";
    }
    uint32_t len = static_cast<uint32_t>(b.block.text.size());
    if (len && b.link_bytes * 10 > len * 6 && b.heading == HtmlTag::kOther) return "links";
    return nullptr;
  }

  // The first h1 (else h2) that matches the page title is the headline.
  void FindHeadline(const std::string& title) {
    for (HtmlTag want : {HtmlTag::kH1, HtmlTag::kH2}) {
      for (size_t i = 0; i < blocks_.size(); ++i) {
        if (blocks_[i].heading == want && !blocks_[i].skipped &&
            TitleMatches(blocks_[i].block.text, title)) {
          headline_ = i;
          return;
        }
      }
    }
  }

  void Emit(HtmlPage* page) {
    std::vector<const char*> why(blocks_.size(), nullptr);
    size_t r = 0;
    for (size_t i = 0; i < blocks_.size(); ++i) {
      HtmlBlock& b = blocks_[i];
      while (r < roots_.size() && nodes_[roots_[r]].end <= b.owner) ++r;
      if (i == headline_) {
        b.block.kind = Block::Kind::kTitle;
        why[i] = kKeepHeadline ? nullptr : "headline";
      } else if (r < roots_.size() && Contains(nodes_, roots_[r], b.owner)) {
        why[i] = DropReason(b, roots_[r]);
      } else {
        why[i] = OutsideReason(b);
      }
    }
    TrimEdges(&why);
    for (size_t i = 0; i < blocks_.size(); ++i) {
      HtmlBlock& b = blocks_[i];
      if (why[i] == nullptr) {
        page->blocks.push_back(std::move(b.block));
        continue;
      }
      RemovedBlock rb;
      rb.text = b.block.text;
      rb.reason = why[i];
      b.block.map.ToSourceRange(0, static_cast<uint32_t>(b.block.text.size()), &rb.raw_begin,
                                &rb.raw_end);
      page->removed.push_back(std::move(rb));
    }
  }

  // Short lines that are not sentences (datelines, "Advert", "Text size", "Comments") at the
  // edges of the main text, or very short ones inside it, are page furniture.
  void TrimEdges(std::vector<const char*>* why) const {
    auto kept = [&](size_t i) { return (*why)[i] == nullptr && i != headline_; };
    auto furniture = [&](size_t i, size_t max_len) {
      const HtmlBlock& b = blocks_[i];
      const std::string& t = b.block.text;
      if (t.size() >= max_len) return false;
      unsigned char last = static_cast<unsigned char>(t.back());
      bool sentence = last == '.' || last == '!' || last == '?' || last == '"' ||
                      (t.size() >= 3 && (t.compare(t.size() - 3, 3, "\xE2\x80\x9D") == 0 ||
                                         t.compare(t.size() - 3, 3, "\xE2\x80\xA6") == 0));
      return !sentence;
    };
    // A longer run of such lines (a list of dates, a table) is content.
    for (int pass = 0; pass < 2; ++pass) {
      size_t n = blocks_.size();
      std::vector<size_t> run;
      for (size_t k = 0; k < n; ++k) {
        size_t i = pass == 0 ? k : n - 1 - k;
        if (!kept(i)) continue;
        if (!furniture(i, kEdgeLineBytes) || blocks_[i].block.kind == Block::Kind::kListItem)
          break;
        run.push_back(i);
      }
      if (run.size() <= kMaxEdgeRun)
        for (size_t i : run) (*why)[i] = "edge";
    }
    for (size_t i = 0; i < blocks_.size(); ++i)
      if (kept(i) && blocks_[i].heading == HtmlTag::kOther &&
          blocks_[i].block.kind == Block::Kind::kParagraph && furniture(i, kShortLineBytes))
        (*why)[i] = "short";
  }

  const char* OutsideReason(const HtmlBlock& b) const {
    if (b.skipped) return "hidden";
    for (uint32_t a = b.owner; a != 0; a = nodes_[a].parent)
      if (const char* why = PruneReason(nodes_[a])) return why;
    return "not-main";
  }

 private:
  const HtmlDom& dom_;
  const std::vector<HtmlNode>& nodes_;
  std::vector<HtmlBlock> blocks_;
  std::vector<uint32_t> bytes_, links_;
  std::vector<double> score_;
  std::vector<uint8_t> scored_, has_block_child_, teaser_;
  std::vector<uint32_t> roots_;
  double top_score_ = 0;
  size_t headline_ = SIZE_MAX;
};

}  // namespace

Result<HtmlPage> ExtractHtml(std::string_view html, const ReadLimits& limits) {
  auto dom = ParseHtmlDom(html, limits.max_depth);
  if (!dom.ok()) return dom.status();
  HtmlPage page;
  page.declared_charset = dom->declared_charset;
  page.meta = std::move(dom->meta);
  AddJsonLdMeta(dom->json_ld, &page.meta);
  page.title = ChooseTitle(dom->title, page.meta);
  Extractor ex(*dom, SplitHtmlBlocks(*dom));
  ex.Run(&page);
  return page;
}

}  // namespace sitrep
