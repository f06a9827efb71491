#!/usr/bin/env python3
"""Error classes of an NER model on an IOB2 file (predictions via `sitrep parse`): boundary
errors, type confusions, missed names by casing, names in URLs/e-mails, demonyms predicted as
names, and how many gold names the NER lexicon file covers.
usage: ner_error_classes.py SITREP MODELS_DIR GOLD.iob2 [LEXICON.tsv]"""
import collections, re, sys

from ner_predictions import predict, read_gold, spans

sitrep, models, gold_path = sys.argv[1:4]
lexicon = collections.defaultdict(set)
if len(sys.argv) > 4:
    for line in open(sys.argv[4], encoding='utf-8'):
        if line.startswith('#') or '\t' not in line: continue
        cls, name = line.rstrip('\n').split('\t', 1)
        lexicon[name.lower()].add(cls)

sents = read_gold(gold_path)
pred = predict(sitrep, models, sents)


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
