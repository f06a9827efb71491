#!/usr/bin/env python3
"""NER learning curve: trains the NER on a seeded share of the training documents and
prints the dev F1 of the last epoch, so one can read how much more labelled data (or
pretraining) a target would need. Documents are `# newdoc` blocks of the IOB2 file;
every share is drawn from the same shuffled document order, so a smaller share is a
subset of a larger one.

    python3 bench/scripts/ner_learning_curve.py build/sitrep \\
        --train ../shared/data/uner/en_ewt-ud-train.draft.iob2 \\
        --dev ../shared/data/uner/en_ewt-ud-dev.iob2 --shares 0.25 0.5 1 --seeds 1 2 \\
        --work /tmp/curve -- --arch bilstm --tagger models/pos.model ...

Everything after `--` is passed to `sitrep train ner` as is.
"""
import argparse
import math
import os
import random
import re
import subprocess
import sys


def documents(path):
    """The file's text split into `# newdoc` blocks (text before the first one is its own)."""
    docs, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('# newdoc') and cur:
                docs.append(''.join(cur))
                cur = []
            cur.append(line)
    if cur:
        docs.append(''.join(cur))
    return docs


def main():
    argv = sys.argv[1:]
    extra = []
    if '--' in argv:
        cut = argv.index('--')
        argv, extra = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('sitrep')
    ap.add_argument('--train', required=True)
    ap.add_argument('--dev', required=True)
    ap.add_argument('--shares', type=float, nargs='+', default=[0.25, 0.5, 1.0])
    ap.add_argument('--seeds', type=int, nargs='+', default=[1])
    ap.add_argument('--order-seed', type=int, default=7, help='seed of the document order')
    ap.add_argument('--epochs', type=int, default=6,
                    help='epochs at share 1; a share s trains ceil(epochs / s) epochs, '
                         'so every share makes the same number of updates')
    ap.add_argument('--work', required=True, help='folder for the subsets, models and logs')
    args = ap.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    docs = documents(args.train)
    random.Random(args.order_seed).shuffle(docs)
    tokens = [sum(1 for l in d.splitlines() if l and not l.startswith('#')) for d in docs]
    print('share\tdocuments\ttokens\tseed\tepochs\tlast_dev_f1\tbest_dev_f1')
    for share in args.shares:
        n = max(1, round(share * len(docs)))
        subset = os.path.join(args.work, 'train_%g.iob2' % share)
        with open(subset, 'w', encoding='utf-8') as f:
            f.write(''.join(docs[:n]))
        epochs = math.ceil(args.epochs / share - 1e-9)
        for seed in args.seeds:
            stem = os.path.join(args.work, 'ner_%g_s%d' % (share, seed))
            cmd = [args.sitrep, 'train', 'ner', '--train', subset, '--dev', args.dev,
                   '--out', stem + '.model', '--seed', str(seed), '--epochs', str(epochs),
                   '--patience', str(epochs)] + extra
            run = subprocess.run(cmd, capture_output=True, text=True)
            with open(stem + '.log', 'w') as log:
                log.write(run.stdout + run.stderr)
            if run.returncode != 0:
                sys.exit('training failed (%s): see %s.log' % (' '.join(cmd), stem))
            scores = re.findall(r'dev P [\d.]+ R [\d.]+ F1 ([\d.]+)', run.stdout + run.stderr)
            last = scores[-1] if scores else '?'
            best = max(scores, key=float) if scores else '?'
            print('%g\t%d\t%d\t%d\t%d\t%s\t%s' % (share, n, sum(tokens[:n]), seed, epochs,
                                                  last, best), flush=True)


if __name__ == '__main__':
    main()
