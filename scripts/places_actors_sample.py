#!/usr/bin/env python3
"""Samples entities for a hand check of precision on the dev articles (there is no entity gold):
--articles (10) articles drawn with --seed (1) from ../shared/dev/news/*.txt, up to --per (10)
entities of each (drawn with the same seed), each printed with its kind, country, geo and the
text around its first mention. The verdicts are written by hand into bench/results/know.md.
Usage: scripts/places_actors_sample.py [--sitrep build/sitrep]
"""
import argparse
import glob
import json
import os
import random
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build/sitrep"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--per", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = sorted(glob.glob(os.path.join(args.shared, "dev/news/*.txt")))
    n = 0
    for path in sorted(rng.sample(files, args.articles)):
        out = subprocess.run([args.sitrep, "analyze", path, "--format", "json"], capture_output=True,
                             text=True, check=True).stdout
        doc = json.loads(out)
        if isinstance(doc, list):
            doc = doc[0]
        text = doc.get("text", "")
        ents = doc.get("entities", [])
        picked = sorted(rng.sample(range(len(ents)), min(args.per, len(ents))))
        print(f"== {os.path.basename(path)} ({len(ents)} entities)")
        for i in picked:
            e = ents[i]
            m = e["mentions"][0]
            b, t = m["span"][0], m["span"][1]
            ctx = text[max(0, b - 50):t + 30].replace("\n", " ") if text else ""
            geo = e.get("geo")
            g = f" geo={geo.get('admin1','')},{geo['country']},{geo['precision']},{geo['lat']:.2f},{geo['lon']:.2f}" if geo else ""
            n += 1
            print(f"{n:3d} {e['id']} | {e['name']} | kind={e['kind']} country={e['country']}{g} "
                  f"| x{len(e['mentions'])} | ...{ctx}...")


if __name__ == "__main__":
    main()
