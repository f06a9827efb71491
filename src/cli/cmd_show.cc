// sitrep show EVENT: one event with every report, every value with the sentence that gives it,
// and every disagreement.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "sitrep/extract/event_json.h"
#include "sitrep/store/event_store.h"

namespace sitrep::cli {
namespace {

struct ShowArgs {
  std::string db = "sitrep.db";
  std::string id;
  std::string format = "text";
};

std::string DateText(const Event& e) {
  if (!e.date.known()) return "";
  std::string s = FormatIsoDate(e.best_day) + " (" + std::string(DatePrecisionName(e.date.precision));
  if (e.date.earliest != e.date.latest) {
    s += ", " + FormatIsoDate(e.date.earliest) + ".." + FormatIsoDate(e.date.latest);
  }
  return s + ")";
}
std::string PlaceText(const std::optional<EventPlace>& p) {
  if (!p) return "";
  std::string s = p->name;
  if (!p->admin1.empty() && p->admin1 != p->name) s += ", " + p->admin1;
  if (!p->country.empty()) s += ", " + p->country;
  s += " (" + p->precision;
  if (p->has_coords) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "; %.4f, %.4f", p->lat, p->lon);
    s += buf;
  }
  return s + ")";
}
std::string ActorText(const std::optional<EventActor>& a) {
  if (!a) return "";
  return a->name + (a->id.empty() ? "" : " [" + a->id + "]");
}
std::string CountText(const std::optional<CountRange>& c) {
  if (!c) return "";
  std::string s = std::to_string(c->best);
  if (c->min != c->max) s += " (reports range " + std::to_string(c->min) + "-" + std::to_string(c->max) + ")";
  return s;
}
std::string TypeText(const Event& e) {
  std::string s = e.event_type.empty() ? "(no ACLED type)" : e.event_type;
  if (!e.sub_event_type.empty()) s += " / " + e.sub_event_type;
  if (!e.plover_type.empty()) s += "  [" + e.plover_type + (e.plover_mode.empty() ? "" : ", " + e.plover_mode) + "]";
  return s;
}

// One field: the fused value, then each distinct per-report value with the sentences giving it.
void PrintField(const char* name, const std::string& fused, const std::vector<Report>& reports,
                std::string (*value_of)(const Event&)) {
  std::printf("%-11s %s\n", name, fused.empty() ? "-" : fused.c_str());
  std::map<std::string, std::vector<const Report*>> by_value;
  for (const Report& r : reports) {
    std::string v = value_of(r.event);
    if (!v.empty()) by_value[v].push_back(&r);
  }
  if (by_value.size() <= 1 && (by_value.empty() || by_value.begin()->first == fused)) {
    for (const auto& [v, rs] : by_value) {
      for (const Report* r : rs) {
        if (!r->event.sources.empty()) {
          std::printf("            <- %s: \"%s\"\n", r->event.sources[0].doc.c_str(),
                      r->event.sources[0].sentence.c_str());
        }
      }
    }
    return;
  }
  for (const auto& [v, rs] : by_value) {
    std::printf("            %s %s\n", v == fused ? "*" : "-", v.c_str());
    for (const Report* r : rs) {
      if (!r->event.sources.empty()) {
        std::printf("                <- %s: \"%s\"\n", r->event.sources[0].doc.c_str(),
                    r->event.sources[0].sentence.c_str());
      }
    }
  }
}

void RunShow(const ShowArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    throw CommandFailed{"no database at " + args.db + " (run sitrep ingest first)"};
  }
  auto store = EventStore::Open(args.db);
  if (!store.ok()) throw CommandFailed{store.status().message()};
  auto found = (*store)->GetEvent(args.id);
  if (!found.ok()) throw CommandFailed{found.status().message()};
  if (!found->has_value()) throw CommandFailed{"no event " + args.id + " in " + args.db};
  const Event& e = **found;
  auto reports = (*store)->ReportsOf(e.id);
  if (!reports.ok()) throw CommandFailed{reports.status().message()};
  if (args.format == "json") {
    nlohmann::json j = EventJson(e, true);
    j["reports"] = nlohmann::json::array();
    for (const Report& r : *reports) j["reports"].push_back({{"key", r.key}, {"event", EventJson(r.event, true)}});
    std::printf("%s\n", DumpJson(j, 2).c_str());
    return;
  }
  std::printf("%s%s\n", e.id.c_str(), e.historical ? "  (historical: only background mentions)" : "");
  PrintField("type", TypeText(e), *reports, TypeText);
  PrintField("date", DateText(e), *reports, DateText);
  PrintField("location", PlaceText(e.location), *reports,
             [](const Event& x) { return PlaceText(x.location); });
  PrintField("actor1", ActorText(e.actor1), *reports, [](const Event& x) { return ActorText(x.actor1); });
  PrintField("actor2", ActorText(e.actor2), *reports, [](const Event& x) { return ActorText(x.actor2); });
  std::printf("%-11s %s\n", "fatalities", e.fatalities ? CountText(e.fatalities).c_str() : "-");
  std::printf("%-11s %s\n", "injured", e.injured ? CountText(e.injured).c_str() : "-");
  std::printf("%-11s %d independent (of %zu reports)\n", "sources", e.independent_sources,
              e.sources.size());
  std::printf("\nreports:\n");
  for (size_t i = 0; i < e.sources.size(); ++i) {
    const EventSource& s = e.sources[i];
    std::printf("  [%zu] %s", i + 1, s.doc.c_str());
    if (!s.outlet.empty()) std::printf(", %s", s.outlet.c_str());
    if (!s.published.empty()) std::printf(", published %s", s.published.c_str());
    std::printf(", bytes %u-%u", s.begin, s.end);
    if (!s.origin.empty()) std::printf(", copy of %s", s.origin.c_str());
    std::printf("\n      \"%s\"\n", s.sentence.c_str());
    std::string values;
    if (s.fatalities) values += " killed=" + std::to_string(*s.fatalities);
    if (s.injured) values += " injured=" + std::to_string(*s.injured);
    if (s.revised) values += " (revised figure)";
    if (s.background) values += " (background mention)";
    if (!s.modality.empty()) values += " modality=" + s.modality;
    if (!s.attribution.empty()) values += " attribution=\"" + s.attribution + "\"";
    if (!values.empty()) std::printf("      values:%s\n", values.c_str());
  }
  std::printf("\ndisagreements:%s\n", e.conflicts.empty() ? " none" : "");
  for (const Conflict& c : e.conflicts) {
    std::printf("  %s:", c.field.c_str());
    for (size_t i = 0; i < c.values.size(); ++i) {
      std::printf("%s %s (", i ? " |" : "", c.values[i].value.c_str());
      for (size_t d = 0; d < c.values[i].docs.size(); ++d) {
        std::printf("%s%s", d ? ", " : "", c.values[i].docs[d].c_str());
      }
      std::printf(")");
    }
    std::printf("\n");
  }
}

void SetupShow(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "One event with every report, value and disagreement");
  cmd->add_option("event", args->id, "Event id (or a unique prefix of one)")->required();
  cmd->add_option("--db", args->db, "Database file")->capture_default_str();
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([args] { RunShow(*args); });
}

}  // namespace

SITREP_COMMAND(22, SetupShow);

}  // namespace sitrep::cli
