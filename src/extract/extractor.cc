// EventExtractor: document -> sentences, quantities, time expressions, entities -> mentions ->
// figures and times -> in-document coreference -> Events.
#include "sitrep/extract/extractor.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "extract/lexicon.h"
#include "extract/mention.h"
#include "extract/roles.h"
#include "sitrep/base/resources.h"
#include "sitrep/know/knowledge_base.h"
#include "sitrep/model/analyzer.h"
#include "sitrep/text/doc_date.h"
#include "sitrep/text/segment.h"

namespace sitrep {
namespace {

using extract::DocContext;
using extract::EventLexicon;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Typographic apostrophes as ASCII, so "’s" matches "'s".
  for (size_t p; (p = out.find("\xE2\x80\x99")) != std::string::npos;) out.replace(p, 3, "'");
  return out;
}

// Index of the sentence holding byte `b`, or -1.
int SentenceOf(const std::vector<Sentence>& sents, uint32_t b) {
  auto it = std::upper_bound(sents.begin(), sents.end(), b,
                             [](uint32_t x, const Sentence& s) { return x < s.begin; });
  if (it == sents.begin()) return -1;
  --it;
  return b < it->end ? static_cast<int>(it - sents.begin()) : -1;
}

// "the 23 March Movement", "6 October Bridge": a date right before one of these capitalised
// heads is part of a name, not a time of the sentence's events.
bool InsideName(std::string_view text, const TimeExpression& t) {
  static constexpr std::string_view kNameHeads[] = {
      "Movement", "Bridge", "Square", "Street", "Road", "Avenue", "Brigade", "Brigades",
      "Front", "Alliance", "Coalition", "Revolution", "Stadium", "University", "Hospital",
      "Battalion", "Martyrs", "Group", "Party", "Agreement", "Accord", "Declaration"};
  size_t i = t.end;
  while (i < text.size() && text[i] == ' ') ++i;
  size_t j = i;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
  std::string_view next = text.substr(i, j - i);
  return t.day > 0 && i > t.end &&
         std::find(std::begin(kNameHeads), std::end(kNameHeads), next) != std::end(kNameHeads);
}

int TokenOf(const Sentence& s, uint32_t b) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].end > b) return static_cast<int>(i);
  }
  return static_cast<int>(s.tokens.size()) - 1;
}

class LexiconExtractor final : public EventExtractor {
 public:
  LexiconExtractor(EventLexicon lex, const KnowledgeBase* kb, std::unique_ptr<Analyzer> analyzer)
      : lex_(std::move(lex)), kb_(kb), analyzer_(std::move(analyzer)) {}

  std::vector<Event> Extract(const Document& doc) const override {
    DocContext ctx;
    ctx.text = doc.text;
    ctx.analyzer = analyzer_.get();
    ctx.reference = InferDocumentDate(doc.text, doc.published).interval;
    ctx.sentences = DocumentSentences(doc);
    ctx.info.resize(ctx.sentences.size());
    for (size_t i = 0; i < ctx.sentences.size(); ++i) {
      auto& info = ctx.info[i];
      info.sentence = &ctx.sentences[i];
      for (const Token& t : ctx.sentences[i].tokens) info.lower.push_back(Lower(t.form));
    }
    ctx.quantities = FindQuantities(doc.text);
    for (size_t i = 0; i < ctx.quantities.size(); ++i) {
      int s = SentenceOf(ctx.sentences, ctx.quantities[i].begin);
      if (s >= 0) ctx.info[s].quantities.push_back(static_cast<int>(i));
    }
    ctx.times = FindTimeExpressions(doc.text, ctx.reference);
    for (size_t i = 0; i < ctx.times.size(); ++i) {
      if (InsideName(doc.text, ctx.times[i])) continue;
      int s = SentenceOf(ctx.sentences, ctx.times[i].begin);
      if (s >= 0) ctx.info[s].times.push_back(static_cast<int>(i));
    }
    if (kb_) {
      EntityOptions opts;
      if (ctx.reference.known()) opts.day = ctx.reference.earliest;
      ctx.entities = RecogniseEntities(*kb_, doc.text, opts);
      for (size_t e = 0; e < ctx.entities.size(); ++e) {
        for (const EntityMention& m : ctx.entities[e].mentions) {
          int s = SentenceOf(ctx.sentences, m.begin);
          if (s < 0) continue;
          extract::EntityRef r{static_cast<int>(e), m.begin, m.end,
                               TokenOf(ctx.sentences[s], m.begin),
                               ctx.entities[e].kind == "place"};
          ctx.info[s].entities.push_back(r);
        }
      }
      for (auto& info : ctx.info) {
        std::sort(info.entities.begin(), info.entities.end(),
                  [](const auto& a, const auto& b) { return a.begin < b.begin; });
      }
    }
    auto mentions = extract::FindMentions(ctx, lex_);
    extract::RefineMentions(lex_, ctx, &mentions);
    extract::AttachTimes(ctx, &mentions);
    extract::AttachFigures(ctx, lex_, &mentions);
    extract::KeepLeadNews(ctx, &mentions);
    extract::MarkHabitual(ctx, &mentions);
    extract::MarkGeneric(ctx, &mentions);
    extract::MarkContext(ctx, &mentions);
    extract::MarkEarlierEvents(ctx, &mentions);
    extract::ClearAnaphorDates(ctx, &mentions);
    auto groups = extract::GroupMentionIndices(ctx, mentions);
    bool regroup = extract::DateFromAnchors(ctx, groups, &mentions);
    regroup = extract::MarkContextAnchors(ctx, &mentions) || regroup;
    if (regroup) groups = extract::GroupMentionIndices(ctx, mentions);
    extract::DropFollowUps(ctx, mentions, &groups);
    extract::DropStrayDates(ctx, groups, &mentions);
    std::vector<Event> events;
    for (const auto& group : groups) {
      events.push_back(extract::BuildEvent(ctx, mentions, group, doc.id, doc.outlet));
    }
    return events;
  }

 private:
  EventLexicon lex_;
  const KnowledgeBase* kb_;  // shared, immutable; null = no entities
  std::unique_ptr<Analyzer> analyzer_;  // tagger + parser for roles; null = token patterns
};

}  // namespace

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(const ExtractorConfig& config) {
  std::string data = config.data_dir.empty() ? FindResourceDir("data") : config.data_dir;
  if (data.empty()) return Status::NotFound("data/ directory not found (set SITREP_HOME)");
  auto lex = EventLexicon::Load(data + "/events");
  if (!lex.ok()) return lex.status();
  auto kb = DefaultKnowledgeBase();
  if (!kb.ok()) return kb.status();
  return std::unique_ptr<EventExtractor>(
      new LexiconExtractor(std::move(*lex), *kb, extract::LoadRoleAnalyzer(config.models_dir)));
}

}  // namespace sitrep
