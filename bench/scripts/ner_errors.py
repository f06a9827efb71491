#!/usr/bin/env python3
"""Per-type P/R/F1 and top confusions of an NER model on an IOB2 file (via sitrep parse).
usage: ner_errors.py SITREP MODELS_DIR GOLD.iob2"""
import collections, sys

from ner_predictions import predict, read_gold, spans

sitrep, models, gold_path = sys.argv[1:4]
sents = read_gold(gold_path)
pred = predict(sitrep, models, sents)
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
