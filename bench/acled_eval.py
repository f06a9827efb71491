#!/usr/bin/env python3
"""ACLED event notes as a diagnostic: every note is one document, its coded row the gold.

Usage: bench/acled_eval.py BUILD_DIR [--shared DIR] [--csv FILE] [--keep DIR] [--causes]
                           [--examples CAUSE:N]

Runs, reading the shared files at run time (nothing is copied into the repository):
  1. ../shared/eval/acled_eval.py make CSV all IN.jsonl     (the notes as JSONL documents)
  2. BUILD_DIR/sitrep analyze --format jsonl IN.jsonl        (our per-article events, unfused)
  3. ../shared/eval/acled_eval.py score CSV all EVENTS.jsonl (the official figures)
The shared scorer reads a "region" column that acled_2020_dev.csv does not have (it raises
KeyError even for region "all"), so step 1 and 3 get a temporary copy of the CSV with region =
country; nothing else changes. One note has an empty event_id_cnty: sitrep warns that the
record has no id and skips it (it counts as undetected in the official figures).
--causes adds our own breakdown of the misses (the scorer's event choice, re-done here):
undetected notes, type and sub-type confusions, dates, places and fatalities.
"""
import argparse
import collections
import csv
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("acled_eval_shared", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def with_region(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w", newline="", encoding="utf-8") as g:
        r = csv.DictReader(f)
        w = csv.DictWriter(g, fieldnames=list(r.fieldnames) + ["region"])
        w.writeheader()
        for row in r:
            row["region"] = row["country"]
            w.writerow(row)


def causes(scorer, csv_path, events_path, examples):
    by_doc = {}
    n_events = 0
    for line in open(events_path, encoding="utf-8"):
        if line.strip():
            e = json.loads(line)
            n_events += 1
            for s in e.get("sources") or []:
                by_doc.setdefault(s.get("doc"), []).append(e)
    out = collections.defaultdict(list)
    rows = list(scorer.rows(csv_path, "all"))
    typed_per_note = collections.Counter()
    for r in rows:
        evs = [e for e in by_doc.get(r["event_id_cnty"], []) if e.get("event_type")]
        typed_per_note[min(len(evs), 3)] += 1
        gd = scorer.iso(r["event_date"])
        if not evs:
            out["undetected"].append((r, None))
            continue
        evs.sort(key=lambda e: (e.get("event_type") != r["event_type"],
                                e.get("sub_event_type") != r["sub_event_type"], e.get("date") != gd))
        e = evs[0]
        if e["event_type"] != r["event_type"]:
            out[f"type {r['event_type']} -> {e['event_type']}"].append((r, e))
        elif e.get("sub_event_type") != r["sub_event_type"]:
            out[f"subtype {r['sub_event_type']} -> {e.get('sub_event_type')}"].append((r, e))
        if e.get("date") != gd:
            out["date " + ("missing" if not e.get("date") else "wrong")].append((r, e))
        loc = e.get("location") or {}
        if loc.get("lat") is None:
            out["location none" if not loc else f"location {loc.get('precision')} (no point)"].append((r, e))
        elif scorer.km((loc["lat"], loc["lon"]), (float(r["latitude"]), float(r["longitude"]))) > 25:
            out["location > 25 km"].append((r, e))
        f = (e.get("fatalities") or {}).get("best")
        if (f or 0) != int(r["fatalities"]):
            out["fatalities " + ("missing" if f is None else "wrong")].append((r, e))
    print(f"events={n_events} notes={len(rows)} typed events per note: "
          + " ".join(f"{k}{'+' if k == 3 else ''}:{v}" for k, v in sorted(typed_per_note.items())))
    print("| cause (note counted once per field) | notes |\n|---|---|")
    for k, v in sorted(out.items(), key=lambda x: -len(x[1])):
        print(f"| {k} | {len(v)} |")
    random.seed(1)
    for spec in examples:
        name, _, count = spec.rpartition(":")
        items = list(out.get(name, []))
        random.shuffle(items)
        for r, e in items[: int(count)]:
            print(f"--- {r['event_id_cnty']} {r['event_type']} / {r['sub_event_type']} "
                  f"{r['event_date']} {r['location']} ({r['admin1']}, {r['country']}) fat={r['fatalities']}")
            print(r["notes"])
            if e:
                loc = e.get("location") or {}
                print(f"  => {e['event_type']} / {e.get('sub_event_type')} {e.get('date')} "
                      f"{loc.get('name')} [{loc.get('precision')}] fat={(e.get('fatalities') or {}).get('best')}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--csv", help="default: <shared>/dev/acled/acled_2020_dev.csv")
    ap.add_argument("--keep", help="write the input, events and CSV copy into this folder")
    ap.add_argument("--causes", action="store_true")
    ap.add_argument("--examples", action="append", default=[], help="CAUSE:N examples to print")
    args = ap.parse_args()
    src_csv = args.csv or os.path.join(args.shared, "dev", "acled", "acled_2020_dev.csv")
    scorer_py = os.path.join(args.shared, "eval", "acled_eval.py")
    work = args.keep or tempfile.mkdtemp(prefix="acled_eval_")
    os.makedirs(work, exist_ok=True)
    csv_path = os.path.join(work, "acled_region.csv")
    inp = os.path.join(work, "acled_in.jsonl")
    events = os.path.join(work, "acled_events.jsonl")
    with_region(src_csv, csv_path)
    subprocess.run([sys.executable, scorer_py, "make", csv_path, "all", inp], check=True)
    t0 = time.time()
    with open(events, "w", encoding="utf-8") as out:
        res = subprocess.run([os.path.join(args.build, "sitrep"), "analyze", "--format", "jsonl", inp],
                             stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.time() - t0
    warnings = [l for l in res.stderr.splitlines() if l.strip()]
    if res.returncode != 0 and not all("no \"id\"" in l or "could not be read" in l for l in warnings):
        sys.exit("sitrep analyze failed:\n" + res.stderr)
    print(f"analyze: {wall:.1f} s wall for the notes; {len(warnings)} warning line(s)")
    score = subprocess.run([sys.executable, scorer_py, "score", csv_path, "all", events],
                           capture_output=True, text=True)
    print(score.stdout.strip())
    if args.causes or args.examples:
        causes(load_scorer(scorer_py), csv_path, events, args.examples)
    if not args.keep:
        for p in (csv_path, inp, events):
            os.unlink(p)
        os.rmdir(work)


if __name__ == "__main__":
    main()
