#!/usr/bin/env python3
"""Where NER loses names from raw text: runs the NER on gold tokens and on the raw text of
the same documents (our tokeniser and sentence splitter, as raw_text_parse_eval.py builds
it: each document's `# text` lines joined by spaces), and classifies the names found with
gold tokens but lost from raw text (token boundary, sentence start moved, ...).

    python3 bench/scripts/ner_raw_gap.py build/sitrep ../shared/data/uner/en_ewt-ud-test.iob2 models
"""
import argparse
import collections
import os
import random
import subprocess
import tempfile


def sentences(text, iob2):
    """Sentences as lists of (form, label); labels from IOB2 column 3 or NER= in MISC."""
    out, cur = [], []
    for line in text.splitlines():
        if not line:
            if cur:
                out.append(cur)
                cur = []
            continue
        if line.startswith('#'):
            continue
        c = line.split('\t')
        if '-' in c[0] or '.' in c[0]:
            continue
        label = 'O'
        if iob2:
            label = c[2]
        else:
            for item in c[9].split('|'):
                if item.startswith('NER='):
                    label = item[4:]
        if label in ('B-O', 'I-O'):
            label = 'O'
        cur.append((c[1], label))
    if cur:
        out.append(cur)
    return out


def width(form):
    return len(''.join(form.split()))


def names(sents):
    """(start, end, type) spans in the stream of non-space characters, and sentence starts."""
    out, starts, pos = set(), set(), 0
    for s in sents:
        starts.add(pos)
        cur = None
        for form, label in s:
            if cur and not (label.startswith('I-') and label[2:] == cur[2]):
                out.add(tuple(cur))
                cur = None
            if label != 'O' and cur is None:
                cur = [pos, pos + width(form), label[2:]]
            elif cur is not None:
                cur[1] = pos + width(form)
            pos += width(form)
        if cur:
            out.add(tuple(cur))
    return out, starts


def f1(gold, pred):
    c = len(gold & pred)
    p, r = c / max(1, len(pred)), c / max(1, len(gold))
    return 100 * 2 * p * r / max(1e-9, p + r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('sitrep')
    ap.add_argument('gold', help='IOB2 file with # newdoc and # text lines (UNER)')
    ap.add_argument('models', help='models folder (pos.model, parse.model, ner.model)')
    ap.add_argument('--examples', type=int, default=10)
    a = ap.parse_args()
    gold_text = open(a.gold, encoding='utf-8').read()
    gold = sentences(gold_text, True)
    parse = [a.sitrep, 'parse', '--input', 'conllu', '-', '--models', a.models]
    conllu = ''.join(''.join(f'{i + 1}\t{f}\t_\t_\t_\t_\t_\t_\t_\t_\n' for i, (f, _) in enumerate(s)) + '\n'
                     for s in gold)
    on_gold = subprocess.run(parse, input=conllu.encode(), capture_output=True, check=True).stdout.decode()
    docs, doc = [], []
    for line in gold_text.splitlines():
        if line.startswith('# newdoc') and doc:
            docs.append(' '.join(doc))
            doc = []
        if line.startswith('# text = '):
            doc.append(line[9:])
    if doc:
        docs.append(' '.join(doc))
    with tempfile.TemporaryDirectory() as d:
        raw = os.path.join(d, 'raw.txt')
        open(raw, 'w', encoding='utf-8').write('\n\n'.join(docs) + '\n')
        tokens = subprocess.run([a.sitrep, 'analyze', raw, '--format', 'conllu'], capture_output=True,
                                check=True).stdout
    on_raw = subprocess.run(parse, input=tokens, capture_output=True, check=True).stdout.decode()
    raw_sents = sentences(on_raw, False)
    g, gold_starts = names(gold)
    p_gold, _ = names(sentences(on_gold, False))
    p_raw, raw_starts = names(raw_sents)
    print(f'F1 on gold tokens {f1(g, p_gold):.2f}, from raw text {f1(g, p_raw):.2f}; sentences: '
          f'gold {len(gold)}, raw {len(raw_sents)}')
    bounds, pos = {0}, 0
    for s in raw_sents:
        for form, _ in s:
            pos += width(form)
            bounds.add(pos)
    lost = sorted(e for e in g if e in p_gold and e not in p_raw)
    classes = collections.Counter()
    for e in lost:
        if e[0] not in bounds or e[1] not in bounds:
            classes['token boundaries differ'] += 1
        elif e[0] in gold_starts and e[0] not in raw_starts:
            classes['starts a gold sentence, mid-sentence in raw'] += 1
        elif e[0] in raw_starts and e[0] not in gold_starts:
            classes['starts a raw sentence only'] += 1
        elif any(e[0] < b < e[1] for b in raw_starts):
            classes['raw sentence break inside'] += 1
        else:
            classes['same tokens, other context'] += 1
    print(f'names right on gold tokens, lost from raw text: {len(lost)}')
    for cls, n in classes.most_common():
        print(f'  {cls}: {n}')
    print(f'names lost on gold tokens, right from raw text: {len(g & p_raw - p_gold)}')
    stream = ''.join(''.join(f.split()) for s in gold for f, _ in s)
    random.seed(0)
    for e in random.sample(lost, min(a.examples, len(lost))):
        print(f'  {e[2]}: ...{stream[max(0, e[0] - 40):e[0]]} [[{stream[e[0]:e[1]]}]] {stream[e[1]:e[1] + 25]}...')


if __name__ == '__main__':
    main()
