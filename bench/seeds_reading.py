#!/usr/bin/env python3
# Seeds boilerplate check: gold boilerplate lines gone from the clean text, body lines kept
# verbatim. Run from the repository root after building build-clean (or pass SITREP=path).
import os
import json, subprocess, sys, re
shared = '/work/shared'
out = subprocess.run([os.environ.get('SITREP', 'build-clean/sitrep'), 'analyze', '--format', 'json', shared + '/seeds'],
                     capture_output=True, text=True).stdout
docs, pos, dec = {}, 0, json.JSONDecoder()
while pos < len(out.rstrip()):  # indented objects, one after the other
    d, pos = dec.raw_decode(out, pos)
    docs[d['doc']] = d
    while pos < len(out) and out[pos].isspace():
        pos += 1
def col(s): return ' '.join(s.replace('\u00a0', ' ').split())
junk_total = junk_gone = body_total = body_kept = 0
for g in map(json.loads, open(shared + '/gold/seeds.docs.jsonl')):
    d = docs[g['file']]
    blocks = d['text'].split('\n\n')
    junk = [col(b) for b in g['boilerplate']]
    for j in junk:
        junk_total += 1
        junk_gone += j not in blocks
    meta = {r['text'] for r in d['removed'] if r['reason'] == 'metadata'}
    lines = [col(l) for l in open(shared + '/seeds/' + g['file'], encoding='utf-8') if col(l)]
    for i, l in enumerate(lines):
        if i == 0 and g['title'] and l.strip('“”"') == g['title'] or l in junk or l in meta:
            continue
        body_total += 1
        body_kept += l in d['text']
print(f'gold boilerplate lines removed: {junk_gone}/{junk_total}; body lines kept verbatim: {body_kept}/{body_total}')
