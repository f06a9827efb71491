#!/usr/bin/env python3
"""Per-type P/R/F1 and top confusions of an NER model on an IOB2 file (via sitrep parse).
usage: ner_errors.py SITREP MODELS_DIR GOLD.iob2"""
import collections, subprocess, sys
sitrep, models, gold_path = sys.argv[1:4]
sents, cur = [], []
for line in open(gold_path, encoding='utf-8'):
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
conllu = '\n'.join('\n'.join(f"{i+1}\t{f}\t_\t_\t_\t_\t_\t_\t_\t_" for i, (f, _) in enumerate(s)) + '\n' for s in sents)
out = subprocess.run([sitrep, 'parse', '--input', 'conllu', '--models', models, '-'], input=conllu, capture_output=True, text=True).stdout
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
def spans(labs):
    out, start, typ = set(), 0, None
    for i, l in enumerate(labs + ['O']):
        cont = l.startswith('I-') and typ == l[2:]
        if not cont:
            if typ: out.add((start, i, typ))
            typ = l[2:] if l != 'O' else None
            start = i
    return out
tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
conf = collections.Counter(); ex = collections.defaultdict(list)
for s, p in zip(sents, pred):
    g = spans([l for _, l in s]); q = spans(p)
    words = [f for f, _ in s]
    for sp in g & q: tp[sp[2]] += 1
    for sp in g - q:
        fn[sp[2]] += 1
        over = [x for x in q if x[0] < sp[1] and sp[0] < x[1]]
        if not over: kind = f'missed {sp[2]}'
        elif any((x[0], x[1]) == (sp[0], sp[1]) for x in over): kind = f'type {sp[2]}->{[x for x in over if (x[0],x[1])==(sp[0],sp[1])][0][2]}'
        else: kind = f'boundary {sp[2]}'
        conf[kind] += 1; ex[kind].append(' '.join(words[sp[0]:sp[1]]))
    for sp in q - g:
        fp[sp[2]] += 1
        over = [x for x in g if x[0] < sp[1] and sp[0] < x[1]]
        if not over:
            kind = f'spurious {sp[2]}'; conf[kind] += 1; ex[kind].append(' '.join(words[sp[0]:sp[1]]))
print('| type | gold | predicted | correct | P | R | F1 |\n|---|---|---|---|---|---|---|')
for t in sorted(set(tp) | set(fp) | set(fn)) + ['ALL']:
    a = sum(tp.values()) if t == 'ALL' else tp[t]; b = sum(fp.values()) if t == 'ALL' else fp[t]; c = sum(fn.values()) if t == 'ALL' else fn[t]
    P = 100 * a / max(1, a + b); R = 100 * a / max(1, a + c); F = 2 * P * R / max(1e-9, P + R)
    print(f'| {t} | {a + c} | {a + b} | {a} | {P:.2f} | {R:.2f} | {F:.2f} |')
print('\n| error | count | examples |\n|---|---|---|')
for k, v in conf.most_common(14):
    e = collections.Counter(ex[k]).most_common(6)
    print(f'| {k} | {v} | ' + '; '.join(f'{w} ({n})' if n > 1 else w for w, n in e) + ' |')
