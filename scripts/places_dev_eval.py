#!/usr/bin/env python3
"""Place resolution on the dev set: for each gold event of ../shared/dev/news/gold.jsonl, is
the gold location (lat/lon) within --km (25) of some place entity `sitrep analyze` finds in that
event's articles? Prints one line per event (best distance, the place that came closest) and
the share of events hit. Usage:
  scripts/places_dev_eval.py [--sitrep build/sitrep] [--km 25] [--shared ../shared]
"""
import argparse
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def km(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    a = (math.sin((lat2 - lat1) * r / 2) ** 2 +
         math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def places_of(sitrep, path, cache):
    if path not in cache:
        out = subprocess.run([sitrep, "analyze", path, "--format", "json"], capture_output=True,
                             text=True, check=True).stdout
        doc = json.loads(out)
        if isinstance(doc, list):
            doc = doc[0]
        cache[path] = [e for e in doc.get("entities", []) if e.get("geo")]
    return cache[path]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build/sitrep"))
    ap.add_argument("--km", type=float, default=25.0)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    args = ap.parse_args()
    news = os.path.join(args.shared, "dev/news")
    cache = {}
    hit = total = 0
    for line in open(os.path.join(news, "gold.jsonl"), encoding="utf-8"):
        ev = json.loads(line)
        best = None
        for art in ev["articles"]:
            for e in places_of(args.sitrep, os.path.join(news, art), cache):
                g = e["geo"]
                d = km(ev["lat"], ev["lon"], g["lat"], g["lon"])
                if best is None or d < best[0]:
                    best = (d, e["name"], g.get("precision"))
        total += 1
        ok = best is not None and best[0] <= args.km
        hit += ok
        where = f"{best[1]} ({best[2]}) at {best[0]:.1f} km" if best else "no place found"
        print(f"{'hit ' if ok else 'MISS'} {ev['event_id']} {ev['country']} {ev['location'][:50]!r}: {where}")
    print(f"places_dev_eval: {hit}/{total} gold events have a place entity within {args.km:g} km "
          f"({100.0 * hit / max(total, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
