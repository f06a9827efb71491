#!/usr/bin/env python3
"""Sentence-level PLOVER event-type accuracy of our extractor on PLOVER's coded examples.

Usage: bench/plover_eval.py BUILD_DIR [--shared DIR] [--misses N] [--out FILE.md]

Reads, at run time (nothing is copied into the repository):
  <shared>/data/events/PLOVER_GSR_CAMEO.txt   the 2016 gold-standard example sentences (JSON list;
                                              each has the old PLOVER category in "event")
  <shared>/data/events/CAMEO2PLOVER-2021.txt  the CAMEO -> PLOVER 2021 conversion table
Each sentence becomes one document; `BUILD_DIR/sitrep analyze --format json` extracts its
events; the sentence's *main* event is the one whose first trigger comes first in the sentence.
Gold: the example's 2016 category -> its CAMEO root (the 2016 categories were named after the
CAMEO roots, see ROOT_OF below) -> the 2021 type of that root in the conversion table; a mode
whose CAMEO code the table maps to another type (COERCE "destroy" = 1712 -> ASSAULT) follows it.
Prints accuracy, the accuracy when any extracted event has the gold type, and the confusion.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

# 2016 PLOVER category -> CAMEO root code (PLOVER 0.5 renamed the CAMEO roots 03..20).
ROOT_OF = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11",
    "REJECT": "12", "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16",
    "COERCE": "17", "ASSAULT": "18", "FIGHT": "19",
}
# 2016 modes that name one CAMEO code whose 2021 type differs from its root's.
MODE_CODE = {("COERCE", "destroy"): "1712"}


def read_table(path):
    """CAMEO code -> 2021 PLOVER type; root headers ("10: REQUEST") included."""
    table = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def gold_type(ex, table):
    old = ex["event"]
    code = MODE_CODE.get((old, ex.get("mode") or ""))
    if code and code in table:
        return table[code]
    root = ROOT_OF.get(old)
    if root == "08":  # the 08 root is split: 080-083 CONCEDE, 084-087 RETREAT
        return old
    return table.get(root, old)


def parse_stream(text):
    dec = json.JSONDecoder()
    i, out = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses")
    ap.add_argument("--out", help="also write the figures as markdown to this file")
    args = ap.parse_args()
    ev_dir = os.path.join(args.shared, "data", "events")
    examples = json.load(open(os.path.join(ev_dir, "PLOVER_GSR_CAMEO.txt"), encoding="utf-8"))
    table = read_table(os.path.join(ev_dir, "CAMEO2PLOVER-2021.txt"))
    examples = [e for e in examples if e.get("text") and e["event"] in ROOT_OF]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for e in examples:
            f.write(json.dumps({"id": e["id"], "text": e["text"], "published": e.get("date")}) + "\n")
        inp = f.name
    try:
        res = subprocess.run([os.path.join(args.build, "sitrep"), "analyze", "--format", "json", inp],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(inp)
    docs = parse_stream(res.stdout)
    by_id = {}
    for d in docs:
        evs = []
        for e in d.get("events", []):
            starts = [s.get("trigger_span", [1 << 30])[0] for s in e.get("sources", [])]
            evs.append((min(starts) if starts else 1 << 30, e.get("plover_type") or ""))
        evs.sort()
        by_id[d.get("doc") or ""] = evs
    n = ok = any_ok = none = 0
    confusion = collections.Counter()
    per_gold = collections.defaultdict(lambda: [0, 0])
    misses = []
    for e in examples:
        g = gold_type(e, table)
        evs = by_id.get(e["id"], [])
        p = evs[0][1] if evs else "(none)"
        n += 1
        none += not evs
        ok += p == g
        any_ok += any(t == g for _, t in evs)
        per_gold[g][0] += 1
        per_gold[g][1] += p == g
        if p != g:
            confusion[(g, p)] += 1
            misses.append((g, p, e["text"]))
    lines = [f"plover sentences={n} accuracy={ok / n:.3f} any_event_accuracy={any_ok / n:.3f} "
             f"no_event={none / n:.3f}", "", "| gold type | sentences | correct | accuracy |",
             "|---|---|---|---|"]
    for g, (c, k) in sorted(per_gold.items(), key=lambda x: -x[1][0]):
        lines.append(f"| {g} | {c} | {k} | {k / c:.2f} |")
    lines += ["", "| gold -> predicted (misses) | count |", "|---|---|"]
    for (g, p), c in confusion.most_common(25):
        lines.append(f"| {g} -> {p} | {c} |")
    print("\n".join(lines))
    for g, p, t in misses[: args.misses]:
        print(f"MISS gold={g} pred={p}: {t}", file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
