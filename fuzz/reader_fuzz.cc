// Fuzzes the reader's byte-level code: DecodeToUtf8, Gunzip and BuildDocument (cleaning and
// describing) on arbitrary bytes. The first byte picks plain text or HTML; when the bytes
// start like gzip, they are gunzipped first. Nothing may crash, hang or read out of bounds,
// and every span a Document reports must lie inside its raw text.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sitrep/ingest/clean.h"
#include "sitrep/ingest/encoding.h"
#include "sitrep/ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
      static_cast<unsigned char>(bytes[1]) == 0x8B) {
    auto un = Gunzip(bytes, 1 << 20);
    if (!un.ok()) return 0;
    bytes = std::move(un).value();
  }
  (void)DecodeToUtf8(bytes, (data[0] & 2) ? "windows-1252" : "");
  RawInput in;
  in.id = "fuzz";
  in.origin = "fuzz";
  in.format = (data[0] & 1) ? InputFormat::kHtml : InputFormat::kText;
  in.bytes = std::move(bytes);
  CleanOptions options;
  options.limits.max_bytes = 1 << 20;
  options.limits.max_depth = 64;
  auto doc = BuildDocument(std::move(in), options);
  if (!doc.ok()) return 0;
  for (const auto& r : doc->removed) {
    if (r.raw_begin > r.raw_end || r.raw_end > doc->raw.size()) std::abort();
  }
  for (const auto& b : doc->blocks) {
    if (b.begin > b.end || b.end > doc->text.size()) std::abort();
  }
  uint32_t src = doc->text_to_raw.ToSource(static_cast<uint32_t>(doc->text.size()));
  if (src > doc->raw.size()) std::abort();
  return 0;
}
