#include "sitrep/ingest/text_block.h"

namespace sitrep {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Appends raw[begin, end) to `block`, collapsing whitespace runs to one space.
void AppendCollapsed(std::string_view raw, size_t begin, size_t end, TextBlock* block) {
  size_t i = begin;
  while (i < end) {
    if (IsSpace(raw[i])) {
      size_t j = i;
      while (j < end && IsSpace(raw[j])) ++j;
      if (!block->text.empty() && j < end) {
        block->text.push_back(' ');
        block->map.AppendReplaced(static_cast<uint32_t>(i), static_cast<uint32_t>(j - i), 1);
      }
      i = j;
      continue;
    }
    // Non-breaking space (U+00A0) counts as a space too.
    if (i + 1 < end && static_cast<unsigned char>(raw[i]) == 0xC2 &&
        static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
      if (!block->text.empty()) {
        block->text.push_back(' ');
        block->map.AppendReplaced(static_cast<uint32_t>(i), 2, 1);
      }
      i += 2;
      continue;
    }
    size_t j = i;
    while (j < end && !IsSpace(raw[j]) &&
           !(j + 1 < end && static_cast<unsigned char>(raw[j]) == 0xC2 &&
             static_cast<unsigned char>(raw[j + 1]) == 0xA0))
      ++j;
    block->text.append(raw.data() + i, j - i);
    block->map.AppendCopy(static_cast<uint32_t>(i), static_cast<uint32_t>(j - i));
    i = j;
  }
}

}  // namespace

std::vector<TextBlock> SplitTextBlocks(std::string_view raw) {
  std::vector<TextBlock> blocks;
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    TextBlock b;
    AppendCollapsed(raw, pos, end, &b);
    while (!b.text.empty() && b.text.back() == ' ') b.text.pop_back();  // map keeps extra: harmless
    if (!b.text.empty()) blocks.push_back(std::move(b));
    pos = end + 1;
  }
  return blocks;
}

void RemoveMarkedBlocks(std::vector<TextBlock>* blocks, const std::vector<std::string>& reasons,
                        std::vector<RemovedBlock>* removed) {
  std::vector<TextBlock> kept;
  kept.reserve(blocks->size());
  for (size_t i = 0; i < blocks->size(); ++i) {
    TextBlock& b = (*blocks)[i];
    if (reasons[i].empty()) {
      kept.push_back(std::move(b));
      continue;
    }
    RemovedBlock r;
    r.text = b.text;
    r.reason = reasons[i];
    b.map.ToSourceRange(0, static_cast<uint32_t>(b.text.size()), &r.raw_begin, &r.raw_end);
    removed->push_back(std::move(r));
  }
  *blocks = std::move(kept);
}

void AssembleText(const std::vector<TextBlock>& blocks, Document* doc) {
  doc->text.clear();
  doc->blocks.clear();
  doc->text_to_raw = OffsetMap();
  for (const TextBlock& b : blocks) {
    if (!doc->text.empty()) {
      uint32_t at = doc->text_to_raw.ToSource(static_cast<uint32_t>(doc->text.size()));
      doc->text += "\n\n";
      doc->text_to_raw.AppendReplaced(at, 0, 2);
    }
    Block out;
    out.kind = b.kind;
    out.begin = static_cast<uint32_t>(doc->text.size());
    doc->text += b.text;
    doc->text_to_raw.Append(b.map);
    out.end = static_cast<uint32_t>(doc->text.size());
    doc->blocks.push_back(out);
  }
}

}  // namespace sitrep
