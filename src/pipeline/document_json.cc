#include "sitrep/pipeline/document_json.h"

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

nlohmann::json DocumentMetaJson(const Document& doc) {
  nlohmann::json j;
  j["doc"] = doc.id;
  j["title"] = OrNull(doc.title);
  j["outlet"] = OrNull(doc.outlet);
  j["byline"] = OrNull(doc.byline);
  j["dateline"] = OrNull(doc.dateline);
  j["wire_credits"] = doc.wire_credits;
  j["url"] = OrNull(doc.url);
  if (doc.published.known()) {
    j["published"] = FormatIsoDate(doc.published.precision == DatePrecision::kDay
                                       ? doc.published.earliest
                                       : doc.published.earliest);
    j["published_precision"] = std::string(DatePrecisionName(doc.published.precision));
    j["published_earliest"] = FormatIsoDate(doc.published.earliest);
    j["published_latest"] = FormatIsoDate(doc.published.latest);
  } else {
    j["published"] = nullptr;
    j["published_precision"] = nullptr;
    j["published_earliest"] = nullptr;
    j["published_latest"] = nullptr;
  }
  j["published_evidence"] = OrNull(doc.published_evidence);
  return j;
}

nlohmann::json DocumentJson(const Document& doc) {
  nlohmann::json j = DocumentMetaJson(doc);
  j["origin"] = doc.origin;
  j["encoding"] = doc.source_encoding;
  j["text"] = doc.text;
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& r : doc.removed) {
    removed.push_back({{"text", r.text}, {"reason", r.reason}, {"span", {r.raw_begin, r.raw_end}}});
  }
  j["removed"] = std::move(removed);
  return j;
}

}  // namespace sitrep
