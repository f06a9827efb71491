#!/usr/bin/python3
"""Side-by-side check of sitrep's time normalisation and Debian's python3-dateparser.

Both read tests/text/time_cases.tsv (reference date, text with the [[judged expression]],
kind, expected interval). dateparser gets the judged expression alone (falling back to
search_dates over the whole text), with RELATIVE_BASE = the reference and PREFER_DATES_FROM =
'future' when the text says "will", else 'past'. A dateparser date is right when it falls in
the expected interval; an expected '?' is right when it returns nothing. Durations and sets
have no dateparser equivalent and count as wrong for it (reported separately).

Usage: /usr/bin/python3 bench/peers/dateparser_compare.py [--sitrep build-time/sitrep]
"""
import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import dateparser  # noqa: E402
from dateparser.search import search_dates  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_cases(path):
    cases = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        ref, text, kind, lo, hi = line.split("\t")
        m = re.search(r"\[\[(.*?)\]\]", text)
        cases.append({"line": n, "ref": ref, "text": text.replace("[[", "").replace("]]", ""),
                      "target": m.group(1), "kind": kind, "lo": lo, "hi": hi})
    return cases


def settings_for(c):
    s = {"PREFER_DATES_FROM": "future" if re.search(r"\bwill\b", c["text"]) else "past"}
    if c["ref"] != "-":
        s["RELATIVE_BASE"] = dt.datetime.fromisoformat(c["ref"].split("/")[0])
    return s


def run_dateparser(c):
    s = settings_for(c)
    d = dateparser.parse(c["target"], languages=["en"], settings=s)
    if d is None:
        found = search_dates(c["text"], languages=["en"], settings=s) or []
        for frag, when in found:
            if frag in c["text"] and (c["target"] in frag or frag in c["target"]):
                d = when
        if d is None and found:
            d = found[-1][1]
    return d


def judge_dateparser(c, d):
    if c["kind"] != "point":
        return False
    if c["lo"] == "?":
        return d is None
    if d is None:
        return False
    return dt.date.fromisoformat(c["lo"]) <= d.date() <= dt.date.fromisoformat(c["hi"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", default=os.path.join(ROOT, "tests/text/time_cases.tsv"))
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build-time/sitrep"))
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds over the table")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    cases = load_cases(a.cases)
    points = [c for c in cases if c["kind"] == "point"]

    dp_right = {}
    for c in cases:
        d = run_dateparser(c)
        dp_right[c["line"]] = judge_dateparser(c, d)
        if a.verbose:
            print("dateparser", "ok  " if dp_right[c["line"]] else "FAIL", c["line"], c["target"], d)
    t0 = time.perf_counter()
    n = 0
    for _ in range(a.rounds):
        for c in cases:
            dateparser.parse(c["target"], languages=["en"], settings=settings_for(c))
            n += 1
    dp_rate = n / (time.perf_counter() - t0)

    out = subprocess.run([a.sitrep, "times", "--cases", a.cases], capture_output=True, text=True,
                         check=True).stdout
    ours_right = {}
    ours_rate = 0.0
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] in ("ok", "FAIL"):
            ours_right[int(f[1])] = f[0] == "ok"
            if a.verbose and f[0] == "FAIL":
                print("sitrep FAIL", line)
        elif line.startswith("expressions_per_second"):
            ours_rate = float(line.split()[1])

    def count(right, subset):
        return sum(1 for c in subset if right.get(c["line"]))

    print(f"cases: {len(cases)} ({len(points)} points, {len(cases) - len(points)} durations/sets)")
    print(f"{'system':<12}{'right (all)':>14}{'right (points)':>16}{'expressions/s':>16}")
    print(f"{'sitrep':<12}{count(ours_right, cases):>10}/{len(cases):<3}"
          f"{count(ours_right, points):>12}/{len(points):<3}{ours_rate:>16,.0f}")
    print(f"{'dateparser':<12}{count(dp_right, cases):>10}/{len(cases):<3}"
          f"{count(dp_right, points):>12}/{len(points):<3}{dp_rate:>16,.0f}")
    print(f"speed ratio: {ours_rate / dp_rate:,.0f}x")
    misses = [c["target"] for c in points if not dp_right[c["line"]] and ours_right.get(c["line"])]
    print("dateparser misses that sitrep gets:", "; ".join(misses))
    both = [c["target"] for c in cases if not ours_right.get(c["line"])]
    print("sitrep misses:", "; ".join(both) if both else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
