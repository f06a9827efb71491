#!/usr/bin/env python3
"""Scores sitrep's tagger, parser and NER from raw text (`sitrep analyze --format conllu`: our
tokenizer, sentence splitter and models) against gold CoNLL-U, aligning words by character
spans as the CoNLL 2018 script does (words inside a multi-word token are aligned when their
forms spell its surface, else not). Usage:
  raw_text_parse_eval.py SITREP GOLD.conllu [MODELS_DIR]   (word, UPOS, UAS, LAS F1)
  raw_text_parse_eval.py SITREP GOLD.iob2 [MODELS_DIR]      (NER exact char span + type F1)"""
import os, subprocess, sys, tempfile


def read(text):
    """Sentences as lists of (start, end, upos, head_index, deprel) in a stream of non-space chars."""
    sents, cur, pos, mwt_end = [], [], 0, 0
    surface, mwt_start, mwt_pos, mwt_stop = '', 0, None, 0
    for line in text.splitlines():
        if not line:
            if cur: sents.append(cur)
            cur, mwt_end = [], 0
            continue
        if line.startswith('#'): continue
        c = line.split('\t')
        if '.' in c[0]: continue
        if '-' in c[0]:
            a, b = map(int, c[0].split('-'))
            n = len(''.join(c[1].split()))
            cur.append(('MWT', pos, pos + n, b))
            surface, mwt_start, mwt_pos, mwt_stop = ''.join(c[1].split()), pos, pos, pos + n
            pos += n
            mwt_end = b
            continue
        wid = int(c[0])
        if wid <= mwt_end:
            # Inside a multi-word token: aligned by sub-span when the word forms spell the
            # surface in order (pic's = pic + 's), else unaligned.
            n = len(''.join(c[1].split()))
            if mwt_pos is not None and mwt_pos + n <= mwt_stop and surface.startswith(c[1], mwt_pos - mwt_start):
                cur.append((mwt_pos, mwt_pos + n, c[3], int(c[6]) if c[6].isdigit() else 0, c[7]))
                mwt_pos += n
            else:
                mwt_pos = None
                cur.append((None, None, c[3], int(c[6]) if c[6].isdigit() else 0, c[7]))
            continue
        n = len(''.join(c[1].split()))
        cur.append((pos, pos + n, c[3], int(c[6]) if c[6].isdigit() else 0, c[7]))
        pos += n
    if cur: sents.append(cur)
    words = []  # (span or None, upos, head span or root/None, deprel)
    for s in sents:
        ws = [w for w in s if w[0] != 'MWT']
        for w in ws:
            h = w[3]
            hspan = 'root' if h == 0 else (ws[h - 1][0], ws[h - 1][1]) if h <= len(ws) and ws[h - 1][0] is not None else None
            words.append(((w[0], w[1]) if w[0] is not None else None, w[2], hspan, w[4]))
    return words


def entities(text, iob2):
    """Entity (start, end, type) char spans in the non-space stream; labels from column 3 of
    IOB2 files or NER= in the MISC column of CoNLL-U."""
    out, pos, cur = set(), 0, None
    for line in text.splitlines() + ['']:
        c = line.split('\t') if line and not line.startswith('#') else None
        if c and ('.' in c[0] or '-' in c[0]): continue
        label = 'O'
        if c:
            if iob2: label = c[2]
            else:
                for item in c[9].split('|'):
                    if item.startswith('NER='): label = item[4:]
        if cur and not (label.startswith('I-') and label[2:] == cur[2]):
            out.add(tuple(cur)); cur = None
        if not c: continue
        n = len(''.join(c[1].split()))
        if label != 'O' and cur is None: cur = [pos, pos + n, label[2:]]
        elif cur is not None: cur[1] = pos + n
        pos += n
    return out


def main():
    sitrep, gold_path = sys.argv[1], sys.argv[2]
    models = sys.argv[3] if len(sys.argv) > 3 else None
    gold_text = open(gold_path, encoding='utf-8').read()
    paras, doc = [], []
    for line in gold_text.splitlines():
        if line.startswith('# newdoc') and doc:
            paras.append(' '.join(doc)); doc = []
        if line.startswith('# text = '): doc.append(line[9:])
    if doc: paras.append(' '.join(doc))
    with tempfile.TemporaryDirectory() as d:
        raw = os.path.join(d, 'raw.txt')
        open(raw, 'w', encoding='utf-8').write('\n\n'.join(paras) + '\n')
        cmd = [sitrep, 'analyze', raw, '--format', 'conllu'] + (['--models', models] if models else [])
        out = subprocess.run(cmd, capture_output=True, check=True).stdout.decode('utf-8')
    if gold_path.endswith('.iob2'):
        g, s = entities(gold_text, True), entities(out, False)
        c = len(g & s)
        p, r = 100.0 * c / max(1, len(s)), 100.0 * c / max(1, len(g))
        print(f'gold {len(g)}, predicted {len(s)}, correct {c}')
        print(f'NER P {p:.2f} R {r:.2f} F1 {2 * p * r / max(1e-9, p + r):.2f}')
        return
    g, s = read(gold_text), read(out)
    gi = {w[0]: w for w in g if w[0]}
    aligned = words = upos = uas = las = 0
    for w in s:
        if not w[0] or w[0] not in gi: continue
        gw = gi[w[0]]
        words += 1
        upos += w[1] == gw[1]
        head_ok = w[2] == gw[2] and w[2] is not None
        uas += head_ok
        las += head_ok and w[3] == gw[3]
    f1 = lambda c: 200.0 * c / (len(g) + len(s))
    print(f'gold words {len(g)}, system words {len(s)}, aligned {words}')
    print(f'Words F1 {f1(words):.2f}\nUPOS F1 {f1(upos):.2f}\nUAS F1 {f1(uas):.2f}\nLAS F1 {f1(las):.2f}')


if __name__ == '__main__':
    main()
