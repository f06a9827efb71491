// Parser model files built from others: a copy with every known section, and an ensemble of
// two move models (the second's move table added to the first model's file).
#include "model/parser_relabel.h"
#include "sitrep/model/parser.h"

namespace sitrep {

namespace parser_internal {

ModelWriter CopyParserModel(const Model& m) {
  ModelWriter writer(ModelKind::kParser);
  for (const auto& [k, v] : m.hyper()) writer.SetHyper(k, v);
  for (const char* name : {"tags", "labels", "clusters", "moves", "moves.2", "arcs", "relabel"}) {
    Result<std::string_view> section = m.Section(name);
    if (section.ok()) writer.AddSection(name, std::string(*section));
  }
  return writer;
}

}  // namespace parser_internal

Result<std::string> AddMoveTable(const Parser& base, const Parser& other, bool merge) {
  if (base.feature_version_ != other.feature_version_ || base.tags_ != other.tags_ ||
      base.labels_ != other.labels_)
    return Status::InvalidArgument("the two parser models read different features, tags or labels");
  if (base.moves2_.classes() || other.moves2_.classes())
    return Status::InvalidArgument("a parser model already holds two move tables");
  auto clusters = [](const Model& m) {
    Result<std::string_view> c = m.Section("clusters");
    return c.ok() ? *c : std::string_view();
  };
  if (clusters(base.model_) != clusters(other.model_))
    return Status::InvalidArgument("the two parser models embed different word clusters");
  ASSIGN_OR_RETURN(std::string_view moves, other.model_.Section("moves"));
  ModelWriter writer = parser_internal::CopyParserModel(base.model_);
  if (merge) {
    ASSIGN_OR_RETURN(std::string_view own, base.model_.Section("moves"));
    // int16: re-quantising the sum to an 8-bit codebook lost the ensemble's dev gain (EWT dev
    // 86.46 / 83.12 two tables or int16, 86.37 / 83.01 codebook; committed 86.32 / 82.98).
    ASSIGN_OR_RETURN(std::string summed, SumWeightSections(own, moves, WeightFormat::kInt16));
    writer.AddSection("moves", std::move(summed));
    writer.SetHyper("moves_merged", "1");
  } else {
    writer.SetHyper("move_tables", "2");
    writer.AddSection("moves.2", std::string(moves));
  }
  writer.SetHyper("moves2_epochs", other.model_.Hyper("epochs"));
  writer.SetHyper("moves2_seed", other.model_.Hyper("seed"));
  writer.SetHyper("moves2_dev_las", other.model_.Hyper("dev_las"));
  return writer.Serialize();
}

}  // namespace sitrep
