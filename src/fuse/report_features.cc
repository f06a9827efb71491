#include "sitrep/fuse/report_features.h"

#include <unordered_map>

#include "sitrep/fuse/identity.h"
#include "sitrep/know/normalize.h"

namespace sitrep {
namespace {

class Memo {
 public:
  WordSet Get(const std::string& key, const Event& e,
              std::set<std::string> (*compute)(const Event&)) {
    auto it = sets_.find(key);
    if (it != sets_.end()) return it->second;
    if (sets_.size() >= kMaxMemoEntries) sets_.clear();
    auto set = std::make_shared<const std::set<std::string>>(compute(e));
    sets_.emplace(key, set);
    return set;
  }

 private:
  std::unordered_map<std::string, WordSet> sets_;
};

Memo& ThreadMemo() {
  thread_local Memo memo;
  return memo;
}

// Fields are separated by a byte that text never holds ('\0'), each prefixed by its length.
void Put(std::string* key, std::string_view field) {
  key->append(std::to_string(field.size()));
  key->push_back('\0');
  key->append(field);
}

std::string SentencesKey(const Event& e, char tag) {
  std::string key(1, tag);
  for (const EventSource& s : e.sources) Put(&key, s.sentence);
  return key;
}

}  // namespace

WordSet SentenceWordSet(const Event& e, char tag, std::set<std::string> (*compute)(const Event&)) {
  return ThreadMemo().Get(SentencesKey(e, tag), e, compute);
}

WordSet CachedDistinctiveNames(const Event& e) {
  // DistinctiveNames reads the sentences, the actors' names and a coarse place's names.
  std::string key = SentencesKey(e, 'N');
  key.push_back('\x01');
  for (const std::optional<EventActor>* actor : {&e.actor1, &e.actor2}) {
    Put(&key, *actor ? (*actor)->name : std::string_view("\x02"));
  }
  if (e.location) {
    Put(&key, e.location->precision);
    Put(&key, e.location->name);
    Put(&key, e.location->admin1);
  }
  return ThreadMemo().Get(key, e, &DistinctiveNames);
}

size_t CachedSharedNames(const Event& a, const Event& b) {
  WordSet x = CachedDistinctiveNames(a), y = CachedDistinctiveNames(b);
  size_t n = 0;
  for (const std::string& k : *x) n += y->count(k);
  return n;
}

size_t SharedNamesBeyondPlaces(const Event& a, const Event& b) {
  WordSet x = CachedDistinctiveNames(a), y = CachedDistinctiveNames(b);
  std::set<std::string> places;
  for (const Event* e : {&a, &b}) {
    if (!e->location) continue;
    for (const std::string* name : {&e->location->name, &e->location->admin1}) {
      for (std::string_view w : NameWords(*name)) places.insert(NameKey(w));
    }
  }
  size_t n = 0;
  for (const std::string& k : *x) n += y->count(k) && !places.count(k);
  return n;
}

}  // namespace sitrep
