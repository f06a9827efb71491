// Training the sentence splitter: averaged perceptron over the gaps between our tokenizer's
// words in text rebuilt from a CoNLL-U treebank, labelled by the gold sentence ends.
#include <cmath>
#include <cstdio>

#include "sitrep/base/file.h"
#include "sitrep/text/sentence_splitter.h"
#include "sitrep/text/ud_text.h"

namespace sitrep {

Status TrainSentenceSplitter(const std::string& conllu_path, const std::string& out_path,
                             int epochs, std::string* report) {
  ASSIGN_OR_RETURN(UdText ud, ReadUdText(conllu_path));
  std::vector<WordSpan> words;
  TokenizeWords(ud.text, 0, &words);
  std::vector<bool> gold_end(ud.text.size() + 1, false);
  for (const Span& s : ud.sentences) gold_end[s.end] = true;

  // Examples: features flattened, with offsets; label +1 / -1.
  std::vector<uint32_t> feats, offsets{0};
  std::vector<int8_t> labels;
  uint32_t tmp[SentenceSplitter::kNumFeatures];
  std::vector<SentenceSplitter::WordKeys> keys;
  SentenceSplitter::Keys(ud.text, words, &keys);
  uint32_t since = 0;
  size_t positives = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    ++since;
    bool gold = gold_end[words[i].end];
    if (SentenceSplitter::IsHardBreak(ud.text, words, i)) {
      since = 0;
      continue;
    }
    if (!SentenceSplitter::IsCandidate(ud.text, words, i)) continue;
    SentenceSplitter::Features(ud.text, words, keys, i, since, tmp);
    feats.insert(feats.end(), tmp, tmp + SentenceSplitter::kNumFeatures);
    offsets.push_back(static_cast<uint32_t>(feats.size()));
    labels.push_back(gold ? 1 : -1);
    positives += gold;
    if (gold) since = 0;
  }

  const size_t table = size_t{1} << SentenceSplitter::kTableBits;
  std::vector<float> w(table, 0.0f);
  std::vector<double> u(table, 0.0);
  double c = 1;
  size_t errors = 0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    errors = 0;
    for (size_t k = 0; k < labels.size(); ++k) {
      float score = 0;
      for (uint32_t j = offsets[k]; j < offsets[k + 1]; ++j) score += w[feats[j]];
      int y = labels[k];
      if ((score > 0 ? 1 : -1) != y) {
        ++errors;
        for (uint32_t j = offsets[k]; j < offsets[k + 1]; ++j) {
          w[feats[j]] += static_cast<float>(y);
          u[feats[j]] += c * y;
        }
      }
      c += 1;
    }
  }
  std::string out(
      "sitrep-sentence-split v2 bits=20\n"
      "# Averaged perceptron over hashed features (src/text/sentence_features.cc).\n"
      "# Trained by `sitrep tokenize --train-splitter` on UD English EWT (CC BY-SA 4.0).\n");
  size_t kept = 0;
  char buf[64];
  for (size_t f = 0; f < table; ++f) {
    double avg = w[f] - u[f] / c;
    if (std::fabs(avg) < 0.05) continue;
    int n = std::snprintf(buf, sizeof buf, "%zu\t%.3g\n", f, avg);
    out.append(buf, static_cast<size_t>(n));
    ++kept;
  }
  RETURN_IF_ERROR(WriteFileAtomic(out_path, out));
  if (report) {
    *report = "examples " + std::to_string(labels.size()) + " (boundaries " +
              std::to_string(positives) + "), last-epoch errors " + std::to_string(errors) +
              ", weights kept " + std::to_string(kept) + "\n";
  }
  return Status::Ok();
}

}  // namespace sitrep
