#!/usr/bin/env python3
"""Writes the lowercased, one-sentence-per-line text that the neural NER's word
vectors are trained on (fastText skipgram, training time only; see
bench/results/ner.md "Session 10 — neural NER").

Inputs: plain text files (one paragraph or sentence per line, e.g. the output
of ner_cluster_text.py) split by a small regex close to sitrep's tokeniser,
and CoNLL-U files whose word forms are taken as they are (multi-word token
ranges and empty nodes skipped).

    python3 bench/scripts/ner_vector_text.py --text text.txt \
        --conllu ../shared/data/ud/en_ewt-ud-train.conllu --out vec_text.txt
"""
import argparse
import re
import sys

# Abbreviations with inner dots (U.S.), clitics (n't, 's), words with inner
# - ' &, then any other non-space character on its own.
TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|n't|'[a-z]{1,2}\b|\w+(?:[-'&]\w+)*|[^\w\s]",
                   re.I)


def text_sentences(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            tokens = TOKEN.findall(line)
            if tokens:
                yield [t.lower() for t in tokens]


def conllu_sentences(path):
    sentence = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line:
                if sentence:
                    yield sentence
                    sentence = []
                continue
            if line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) < 2:
                sys.exit(f'{path}:{number}: not a CoNLL-U token line')
            if '-' in fields[0] or '.' in fields[0]:
                continue
            sentence.append(fields[1].lower().replace(' ', '_'))
    if sentence:
        yield sentence


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--text', action='append', default=[], help='plain text file (repeatable)')
    parser.add_argument('--conllu', action='append', default=[], help='CoNLL-U file (repeatable)')
    parser.add_argument('--out', required=True, help='output text, one sentence per line')
    args = parser.parse_args()
    if not args.text and not args.conllu:
        parser.error('give at least one --text or --conllu file')
    lines = 0
    with open(args.out, 'w', encoding='utf-8') as out:
        for path in args.text:
            for sentence in text_sentences(path):
                out.write(' '.join(sentence) + '\n')
                lines += 1
        for path in args.conllu:
            for sentence in conllu_sentences(path):
                out.write(' '.join(sentence) + '\n')
                lines += 1
    print(f'wrote {args.out}: {lines} lines', file=sys.stderr)


if __name__ == '__main__':
    main()
