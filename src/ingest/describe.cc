// Placeholder: container metadata only; the full describer replaces it.
#include "sitrep/ingest/describe.h"

namespace sitrep {

void DescribeDocument(const RawInput& input, const HtmlPage* page,
                      const std::string& published_override, std::vector<TextBlock>* blocks,
                      Document* doc) {
  doc->title = !input.title.empty() ? input.title : page ? page->title : "";
  doc->outlet = input.outlet;
  const std::string& given = !published_override.empty() ? published_override : input.published;
  if (auto day = ParseIsoDate(given)) {
    doc->published = {*day, *day, DatePrecision::kDay};
    doc->published_evidence = !published_override.empty() ? "--published" : "record field";
  }
}

}  // namespace sitrep
