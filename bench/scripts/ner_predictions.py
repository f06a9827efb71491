"""Shared by the NER error scripts: gold sentences of a UNER IOB2 file (draft labels OTH and
stray B-O/I-O read as O), our predicted labels for them via `sitrep parse`, and exact spans."""
import subprocess


def read_gold(path):
    """[[(form, label), ...], ...] per sentence."""
    sents, cur = [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line:
            if cur: sents.append(cur); cur = []
            continue
        if line.startswith('#'): continue
        c = line.split('\t')
        lab = c[2]
        if lab.endswith('-OTH') or lab.endswith('-O'): lab = 'O'
        cur.append((c[1], lab))
    if cur: sents.append(cur)
    return sents


def predict(sitrep, models, sents):
    """Our NER label per token of `sents` (given tokens and sentences)."""
    conllu = '\n'.join('\n'.join(f"{i+1}\t{f}\t_\t_\t_\t_\t_\t_\t_\t_" for i, (f, _) in enumerate(s))
                       + '\n' for s in sents)
    out = subprocess.run([sitrep, 'parse', '--input', 'conllu', '--models', models, '-'],
                         input=conllu, capture_output=True, text=True).stdout
    pred, cur = [], []
    for line in out.split('\n'):
        if not line:
            if cur: pred.append(cur); cur = []
            continue
        if line.startswith('#'): continue
        c = line.split('\t')
        if '-' in c[0] or '.' in c[0]: continue
        lab = 'O'
        for m in c[9].split('|'):
            if m.startswith('NER='): lab = m[4:]
        cur.append(lab)
    if cur: pred.append(cur)
    assert len(pred) == len(sents), (len(pred), len(sents))
    return pred


def spans(labs):
    """Exact (start, end, type) spans of an IOB2 label sequence."""
    out, start, typ = set(), 0, None
    for i, l in enumerate(labs + ['O']):
        if not (l.startswith('I-') and typ == l[2:]):
            if typ: out.add((start, i, typ))
            typ = l[2:] if l != 'O' else None
            start = i
    return out
