#!/usr/bin/env python3
"""Error classes of an NER model on an IOB2 file (predictions via `sitrep parse`): boundary
errors, type confusions, missed names by casing, names in URLs/e-mails, demonyms predicted as
names, and how many gold names the NER lexicon file covers.
usage: ner_error_classes.py SITREP MODELS_DIR GOLD.iob2 [LEXICON.tsv]"""
import collections, re, subprocess, sys

sitrep, models, gold_path = sys.argv[1:4]
lexicon = collections.defaultdict(set)
if len(sys.argv) > 4:
    for line in open(sys.argv[4], encoding='utf-8'):
        if line.startswith('#') or '\t' not in line: continue
        cls, name = line.rstrip('\n').split('\t', 1)
        lexicon[name.lower()].add(cls)

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
conllu = '\n'.join('\n'.join(f"{i+1}\t{f}\t_\t_\t_\t_\t_\t_\t_\t_" for i, (f, _) in enumerate(s)) + '\n'
                   for s in sents)
out = subprocess.run([sitrep, 'parse', '--input', 'conllu', '--models', models, '-'], input=conllu,
                     capture_output=True, text=True).stdout
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
        if not (l.startswith('I-') and typ == l[2:]):
            if typ: out.add((start, i, typ))
            typ = l[2:] if l != 'O' else None
            start = i
    return out


def casing(words):
    letters = ''.join(ch for w in words for ch in w if ch.isalpha())
    if not letters: return 'no letters'
    if letters.islower(): return 'all lowercase'
    if letters.isupper() and len(letters) > 1: return 'all caps'
    return 'capitalised'


def web(words):
    return any(re.search(r'@|www|https?:|\.(com|org|net|co)\b', w.lower()) for w in words)


classes = collections.Counter()
examples = collections.defaultdict(list)
covered = collections.Counter()
gold_by_type = collections.Counter()


def note(kind, text):
    classes[kind] += 1
    examples[kind].append(text)


for s, p in zip(sents, pred):
    words = [f for f, _ in s]
    g, q = spans([l for _, l in s]), spans(p)
    for sp in g:
        text = ' '.join(words[sp[0]:sp[1]])
        gold_by_type[sp[2]] += 1
        if text.lower() in lexicon: covered[sp[2]] += 1
    for sp in g - q:
        text = ' '.join(words[sp[0]:sp[1]])
        over = [x for x in q if x[0] < sp[1] and sp[0] < x[1]]
        same = [x for x in over if (x[0], x[1]) == (sp[0], sp[1])]
        if same:
            note(f'type {sp[2]}->{same[0][2]}', text)
        elif over:
            note(f'boundary {sp[2]}', text)
        else:
            kind = f'missed {sp[2]}, ' + ('in a URL/e-mail' if web(words[sp[0]:sp[1]])
                                         else casing(words[sp[0]:sp[1]]))
            note(kind, text)
    for sp in q - g:
        text = ' '.join(words[sp[0]:sp[1]])
        if any(x[0] < sp[1] and sp[0] < x[1] for x in g): continue  # counted above
        kind = f'spurious {sp[2]}'
        if 'demonym' in lexicon.get(text.lower(), ()) or text.lower().rstrip('s') in (
                n for n, c in lexicon.items() if 'demonym' in c):
            kind += ', demonym'
        elif web(words[sp[0]:sp[1]]):
            kind += ', in a URL/e-mail'
        else:
            kind += ', ' + casing(words[sp[0]:sp[1]])
        note(kind, text)

print('| error class | count | examples |\n|---|---|---|')
for k, v in classes.most_common():
    e = collections.Counter(examples[k]).most_common(5)
    print(f'| {k} | {v} | ' + '; '.join(f'{w} ({n})' if n > 1 else w for w, n in e) + ' |')
if lexicon:
    print('\n| type | gold names | text found in the lexicon file (any class) |\n|---|---|---|')
    for t in sorted(gold_by_type):
        print(f'| {t} | {gold_by_type[t]} | {covered[t]} ({100 * covered[t] / gold_by_type[t]:.1f}%) |')
