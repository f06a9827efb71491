// sitrep train pos|parse|ner: trains one of our statistical models and writes the model file.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/command.h"
#include "sitrep/base/file.h"
#include "sitrep/model/biaffine_parser.h"
#include "sitrep/model/jackknife.h"
#include "sitrep/model/ner.h"
#include "sitrep/model/ner_clusters.h"
#include "sitrep/model/ner_lexicon.h"
#include "sitrep/model/parser.h"
#include "sitrep/model/tagger.h"
#include "sitrep/text/conllu.h"

namespace sitrep::cli {
namespace {

struct TrainArgs {
  std::string kind, train, dev, out, tagger, pos_train, dev_pos;
  std::string lexicon;  // ner: name lists written by `sitrep ner-lexicon`, embedded in the model
  std::string clusters;  // ner: word clusters written by `sitrep clusters`, embedded in the model
  std::string trusted;   // ner: consistently labelled IOB2 training data (never cleaned)
  std::string relabel_base;  // parse: train only a second-pass labeller on top of this model
  std::string arch = "linear";  // parse: linear or biaffine; ner: linear or bilstm (BiLSTM-CRF)
  BiaffineOptions biaffine;
  NeuralNerOptions neural_ner;   // ner --arch bilstm: --hidden etc. override its own defaults
  const CLI::App* cmd = nullptr;  // to tell which options were given
  std::string word_vectors;       // ner --arch bilstm: initial word embeddings (fastText .vec)
  TrainOptions options;
};

std::vector<Sentence> ReadOrFail(const std::string& path) {
  if (path.empty()) return {};
  Result<std::vector<Sentence>> s = ReadConlluFile(path);
  if (!s.ok()) throw CommandFailed{s.status().message()};
  return std::move(s).value();
}

// NER training sentences get jackknifed UPOS from the gold-tagged CoNLL-U file holding the
// same sentences (matched by sent_id and forms); unmatched ones are tagged by --tagger.
void JackknifePos(const TrainArgs& args, std::vector<Sentence>* train) {
  if (args.dev_pos.empty()) throw CommandFailed{"--pos-train needs --pos-dev (gold-UPOS dev set)"};
  std::vector<Sentence> ud = ReadOrFail(args.pos_train);
  Result<std::vector<Sentence>> tagged =
      JackknifeTag(ud, ReadOrFail(args.dev_pos), args.options.jackknife, args.options);
  if (!tagged.ok()) throw CommandFailed{tagged.status().message()};
  std::map<std::string, const Sentence*> by_id;
  for (const Sentence& s : *tagged) by_id[s.id] = &s;
  size_t matched = 0;
  for (Sentence& s : *train) {
    auto it = by_id.find(s.id);
    if (s.id.empty() || it == by_id.end() || it->second->tokens.size() != s.tokens.size()) continue;
    bool same = true;
    for (size_t i = 0; i < s.tokens.size(); ++i) same = same && s.tokens[i].form == it->second->tokens[i].form;
    if (!same) continue;
    for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].upos = it->second->tokens[i].upos;
    ++matched;
  }
  args.options.log("jackknifed UPOS for " + std::to_string(matched) + " of " +
                   std::to_string(train->size()) + " NER training sentences");
}

void RunTrain(TrainArgs args) {
  args.options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  Result<std::string> bytes = Status::Internal("unknown kind");
  std::unique_ptr<WordClusters> clusters;
  if (!args.clusters.empty()) {
    Result<std::string> text = ReadFileBytes(args.clusters, 1ull << 30);
    WordClusters built;
    Status st = text.ok() ? built.AddText(*text) : text.status();
    auto section = std::make_shared<std::string>(built.Serialize());
    Result<std::unique_ptr<WordClusters>> c =
        st.ok() ? WordClusters::FromSection(*section, section) : Result<std::unique_ptr<WordClusters>>(st);
    if (!c.ok()) throw CommandFailed{args.clusters + ": " + c.status().message()};
    clusters = std::move(c).value();
    args.options.log("word clusters: " + std::to_string(clusters->size()) + " words");
    if (args.kind != "ner") args.options.clusters = clusters.get();  // pos, parse: via options
  }
  if (args.kind == "pos") {
    bytes = TrainTagger(ReadOrFail(args.train), ReadOrFail(args.dev), args.options);
  } else if (args.kind == "parse") {
    if (args.tagger.empty()) throw CommandFailed{"train parse needs --tagger MODEL (predicted POS)"};
    Result<Tagger> tagger = Tagger::Load(args.tagger);
    if (!tagger.ok()) throw CommandFailed{tagger.status().message()};
    if (args.arch == "bilstm") throw CommandFailed{"train parse: --arch must be linear or biaffine"};
    if (args.arch == "biaffine") {
      args.biaffine.checkpoint = args.out;  // the best epoch so far, rewritten as training goes
      bytes = TrainBiaffineParser(ReadOrFail(args.train), ReadOrFail(args.dev), *tagger, args.options,
                                  args.biaffine);
    } else if (!args.relabel_base.empty()) {
      Result<Parser> base = Parser::Load(args.relabel_base);
      if (!base.ok()) throw CommandFailed{base.status().message()};
      bytes = TrainRelabeller(*base, ReadOrFail(args.train), ReadOrFail(args.dev), *tagger, args.options);
    } else {
      bytes = TrainParser(ReadOrFail(args.train), ReadOrFail(args.dev), *tagger, args.options);
    }
  } else {
    Result<std::vector<Sentence>> train =
        ReadIob2File(args.train, /*draft=*/true, &args.options.ner_train_docs);
    if (!train.ok()) throw CommandFailed{train.status().message()};
    if (!args.trusted.empty()) {  // appended after the draft sentences, as documents of their own
      std::vector<size_t> starts;
      Result<std::vector<Sentence>> more = ReadIob2File(args.trusted, true, &starts);
      if (!more.ok()) throw CommandFailed{more.status().message()};
      const size_t base = train->size();
      args.options.ner_trusted_from = base;
      if (args.options.ner_train_docs.empty())  // no "# newdoc": each sentence a document
        for (size_t s = 0; s < base; ++s) args.options.ner_train_docs.push_back(s);
      for (size_t s : starts) args.options.ner_train_docs.push_back(base + s);
      if (starts.empty() || starts[0] != 0) args.options.ner_train_docs.push_back(base);
      std::sort(args.options.ner_train_docs.begin(), args.options.ner_train_docs.end());
      train->insert(train->end(), more->begin(), more->end());
    }
    std::vector<Sentence> dev;
    if (!args.dev.empty()) {
      Result<std::vector<Sentence>> d = ReadIob2File(args.dev, true, &args.options.ner_dev_docs);
      if (!d.ok()) throw CommandFailed{d.status().message()};
      dev = std::move(d).value();
    }
    const Tagger* tagger = nullptr;
    Result<Tagger> t = Status::NotFound("");
    if (!args.tagger.empty()) {
      t = Tagger::Load(args.tagger);
      if (!t.ok()) throw CommandFailed{t.status().message()};
      tagger = &*t;
    }
    if (args.options.jackknife > 1 && !args.pos_train.empty()) JackknifePos(args, &*train);
    std::unique_ptr<NerLexicon> lexicon;
    if (!args.lexicon.empty()) {
      Result<std::string> text = ReadFileBytes(args.lexicon, 1ull << 30);
      NerLexicon built;
      Status st = text.ok() ? built.AddText(*text) : text.status();
      auto section = std::make_shared<std::string>(built.Serialize());
      Result<std::unique_ptr<NerLexicon>> l =
          st.ok() ? NerLexicon::FromSection(*section, section) : Result<std::unique_ptr<NerLexicon>>(st);
      if (!l.ok()) throw CommandFailed{args.lexicon + ": " + l.status().message()};
      lexicon = std::move(l).value();
      args.options.log("NER lexicon: " + std::to_string(lexicon->size()) + " keys");
    }
    if (args.arch == "bilstm") {
      NeuralNerOptions& no = args.neural_ner;
      auto given = [&](const char* flag) { return args.cmd && args.cmd->count(flag) > 0; };
      if (given("--hidden")) no.hidden = args.biaffine.hidden;
      if (given("--word-dim")) no.word_dim = args.biaffine.word_dim;
      if (given("--dropout")) no.dropout = args.biaffine.dropout;
      if (given("--batch")) no.batch_sentences = args.biaffine.batch_sentences;
      if (given("--lr")) no.lr = args.biaffine.lr;
      std::unique_ptr<WordVectors> vectors;
      if (!args.word_vectors.empty()) {
        Result<std::string> text = ReadFileBytes(args.word_vectors, 1ull << 31);
        Result<WordVectors> v = text.ok() ? ParseWordVectors(*text, args.word_vectors)
                                          : Result<WordVectors>(text.status());
        if (!v.ok()) throw CommandFailed{v.status().message()};
        vectors = std::make_unique<WordVectors>(std::move(v).value());
        no.word_dim = vectors->dim;
        no.vectors = vectors.get();
        args.options.log("word vectors: " + std::to_string(vectors->words.size()) + " words, " +
                         std::to_string(vectors->dim) + " dimensions");
      }
      no.checkpoint = args.out;  // the best epoch so far, rewritten as training goes
      bytes = TrainNeuralNer(*train, dev, args.options, no, lexicon.get(), clusters.get());
    } else if (args.arch == "linear") {
      bytes = TrainNer(*train, dev, tagger, args.options, lexicon.get(), clusters.get());
    } else {
      throw CommandFailed{"train ner: --arch must be linear or bilstm"};
    }
  }
  if (!bytes.ok()) throw CommandFailed{bytes.status().message()};
  Status st = WriteFileAtomic(args.out, *bytes);
  if (!st.ok()) throw CommandFailed{st.message()};
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", args.out.c_str(), bytes->size());
}

void SetupTrain(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train the POS tagger, dependency parser or NER model");
  cmd->add_option("kind", args->kind, "pos, parse or ner")
      ->required()
      ->check(CLI::IsMember({"pos", "parse", "ner"}));
  cmd->add_option("--train", args->train, "Training data (CoNLL-U; IOB2 for ner)")->required();
  cmd->add_option("--dev", args->dev, "Development data for early stopping");
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_option("--tagger", args->tagger, "Tagger model giving predicted POS (parse, ner)");
  cmd->add_option("--epochs", args->options.epochs, "Maximum epochs")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--patience", args->options.patience, "Epochs without dev gain before stopping")
      ->capture_default_str();
  cmd->add_option("--jackknife", args->options.jackknife,
                  "parse, ner: tag the training set with k-fold jackknifed taggers (0 = use --tagger)");
  cmd->add_option("--pos-train", args->pos_train,
                  "ner: gold-UPOS CoNLL-U of the same sentences, for --jackknife");
  cmd->add_option("--pos-dev", args->dev_pos, "ner: gold-UPOS CoNLL-U dev set for the jackknife taggers");
  cmd->add_option("--lexicon", args->lexicon, "ner: name lists from `sitrep ner-lexicon` (embedded)");
  cmd->add_option("--clusters", args->clusters,
                  "Word clusters from `sitrep clusters` (embedded; parse: feature set 5)");
  cmd->add_flag("--backward", args->options.backward,
               "pos: add a right-to-left tagger whose scores are summed with the left-to-right "
               "one (parse: for the --jackknife taggers)");
  cmd->add_option("--average-seeds", args->options.average_seeds,
                  "ner: average the weights of this many runs (seeds seed, seed+1, ...)")
      ->capture_default_str();
  cmd->add_option("--case-copies", args->options.case_copies,
                  "ner: fraction of training sentences also added in lowercase (a quarter of it in "
                  "uppercase)")
      ->capture_default_str();
  cmd->add_option("--unk-copies", args->options.unk_copies,
                  "ner: fraction of training sentences also added with capitalised words replaced "
                  "by random letters (unseen names)")
      ->capture_default_str();
  cmd->add_option("--unk-rate", args->options.unk_rate,
                  "ner: share of the capitalised words replaced in each --unk-copies sentence")
      ->capture_default_str();
  cmd->add_option("--margin", args->options.ner_margin,
                  "ner: loss-augmented training: wrong labels gain this score where gold is O")
      ->capture_default_str();
  cmd->add_option("--margin-name", args->options.ner_margin_name,
                  "ner: the same where gold is a name (more than --margin favours recall)")
      ->capture_default_str();
  cmd->add_option("--doc-folds", args->options.doc_folds,
                  "ner: add a document-level second pass trained on first-pass labels jackknifed "
                  "over k folds of documents (0 = one pass)")
      ->capture_default_str();
  cmd->add_option("--trusted-train", args->trusted,
                  "ner: more training data (IOB2) whose labels are consistent: never cleaned, in "
                  "every jackknife fold");
  cmd->add_option("--clean-folds", args->options.clean_folds,
                  "ner: clean the draft training labels with labels jackknifed over k folds of "
                  "documents (0 = no cleaning)")
      ->capture_default_str();
  cmd->add_option("--clean-epochs", args->options.clean_epochs, "ner: epochs of each jackknife model")
      ->capture_default_str();
  cmd->add_option("--clean-mode", args->options.clean_mode,
                  "ner: where draft and jackknifed labels disagree: missing (draft O inside a "
                  "jackknifed name -> no update), unknown (every such token -> no update), relabel "
                  "(take the jackknifed labels), add (add jackknifed names over draft O tokens) or drop "
                  "(leave the sentence out)")
      ->check(CLI::IsMember({"", "none", "missing", "unknown", "relabel", "add", "drop"}));
  cmd->add_option("--doc-epochs", args->options.doc_epochs,
                  "ner: epochs of the second pass (0 = --epochs; early-stopped on --dev)");
  cmd->add_option("--log2-buckets", args->options.log2_buckets, "Feature table size (0 = default)");
  cmd->add_option("--log2-label-buckets", args->options.log2_label_buckets,
                  "parse: label table size (0 = default)");
  cmd->add_option("--features", args->options.features,
                  "parse: feature-set version parser-zn-v<N> (0 = the latest)");
  cmd->add_option("--beam", args->options.beam,
                  "parse: beam width (1 = greedy; >1 = max-violation beam training)")
      ->capture_default_str();
  cmd->add_option("--relabel-base", args->relabel_base,
                  "parse: keep this parser model and train only a second-pass labeller over whole "
                  "trees (--log2-label-buckets sizes it; --jackknife tags the training set)");
  cmd->add_option("--decode-beam", args->options.decode_beam,
                  "parse: beam width stored in the model for decoding (0 = the training width)")
      ->capture_default_str();
  cmd->add_option("--arch", args->arch,
                  "parse: linear (arc-eager beam perceptron) or biaffine (BiLSTM + biaffine arcs); "
                  "ner: linear (perceptron) or bilstm (BiLSTM-CRF; --hidden, --word-dim, --dropout, "
                  "--batch, --lr default to 64, 64, 0.33, 16, 0.002)")
      ->check(CLI::IsMember({"linear", "biaffine", "bilstm"}))
      ->capture_default_str();
  cmd->add_option("--hidden", args->biaffine.hidden, "parse --arch biaffine: BiLSTM size per direction")
      ->capture_default_str();
  cmd->add_option("--layers", args->biaffine.layers, "parse --arch biaffine: BiLSTM layers")
      ->capture_default_str();
  cmd->add_option("--word-dim", args->biaffine.word_dim, "parse --arch biaffine: word embedding size")
      ->capture_default_str();
  cmd->add_option("--arc-dim", args->biaffine.arc_dim, "parse --arch biaffine: arc MLP size")
      ->capture_default_str();
  cmd->add_option("--label-dim", args->biaffine.label_dim, "parse --arch biaffine: label MLP size")
      ->capture_default_str();
  cmd->add_option("--dropout", args->biaffine.dropout, "parse --arch biaffine: dropout rate")
      ->capture_default_str();
  cmd->add_option("--batch", args->biaffine.batch_sentences,
                  "parse --arch biaffine: sentences per Adam step")
      ->capture_default_str();
  cmd->add_option("--lr", args->biaffine.lr, "parse --arch biaffine: Adam learning rate")
      ->capture_default_str();
  cmd->add_flag("--lift-nonprojective", args->options.lift_nonprojective,
                "parse: train on non-projective trees lifted to projective instead of skipping them");
  cmd->add_flag("--bio", [args](int64_t) { args->neural_ner.bilou = false; },
                "ner --arch bilstm: BIO labels inside instead of BILOU");
  cmd->add_option("--word-dropout", args->neural_ner.word_dropout,
                  "ner --arch bilstm: a word of count c becomes unknown with p = a / (a + c)")
      ->capture_default_str();
  cmd->add_option("--ema", args->neural_ner.ema,
                  "ner --arch bilstm: save moving averages of the weights (decay per step; 0 = off)")
      ->capture_default_str();
  cmd->add_option("--linear-bag", args->neural_ner.linear_dim,
                  "ner --arch bilstm: embedding size of the linear model's token features (0 = off)")
      ->capture_default_str();
  cmd->add_option("--min-count", args->neural_ner.min_count,
                  "ner --arch bilstm: words seen fewer times in training are unknown")
      ->capture_default_str();
  cmd->add_option("--word-vectors", args->word_vectors,
                  "ner --arch bilstm: word vectors (.vec text) to start the word embeddings from "
                  "(sets --word-dim; their words join the vocabulary)");
  args->cmd = cmd;
  cmd->callback([args] { RunTrain(*args); });
}

}  // namespace

SITREP_COMMAND(80, SetupTrain);

}  // namespace sitrep::cli
