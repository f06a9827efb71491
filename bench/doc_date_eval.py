#!/usr/bin/env python3
"""Evaluate article-date inference on articles whose true publication date is known.

Reads a manifest.jsonl (fields: file, published) next to the article texts, runs
`sitrep times FILE... --doc-date` (text only; the known date is never passed), and reports
how often the true date lies inside the inferred [earliest, latest] interval, how many
articles get no date at all, and the median width of the inferred intervals.

With --with-url the manifest's `url` is passed too (`--url`; a dated URL path counts), one
call per article. Without it the evaluation is text-only.

Usage: bench/doc_date_eval.py --sitrep build-X/sitrep --dir /work/shared/dev/news [-v] [--with-url]
"""
import argparse, datetime, json, os, statistics, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--with-url", action="store_true")
    a = ap.parse_args()
    truth, urls = {}, {}
    with open(os.path.join(a.dir, "manifest.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            if r.get("published"):
                path = os.path.join(a.dir, r["file"])
                truth[path] = datetime.date.fromisoformat(r["published"][:10])
                urls[path] = r.get("url") or ""
    if a.with_url:
        out = "".join(subprocess.run([a.sitrep, "times", "--doc-date", "--url", urls[p], p],
                                     check=True, capture_output=True, text=True).stdout
                      for p in sorted(truth))
    else:
        out = subprocess.run([a.sitrep, "times", "--doc-date", *sorted(truth)], check=True,
                             capture_output=True, text=True).stdout
    inside = none = 0
    widths = []
    for line in out.splitlines():
        r = json.loads(line)
        t = truth[r["file"]]
        if not r["earliest"]:
            none += 1
            status = "NONE"
        else:
            lo = datetime.date.fromisoformat(r["earliest"])
            hi = datetime.date.fromisoformat(r["latest"])
            widths.append((hi - lo).days + 1)
            ok = lo <= t <= hi
            inside += ok
            status = "ok" if ok else "MISS"
        if a.verbose:
            print(f"{status:4} true {t} got [{r['earliest']}, {r['latest']}] "
                  f"{os.path.basename(r['file'])[:40]} | {r['evidence'][:150]}")
    n = len(truth)
    print(f"articles {n}  contained {inside} ({inside / n:.1%})  no_date {none}  "
          f"wrong {n - inside - none}")
    if widths:
        print(f"median_width_days {statistics.median(widths):g}  "
              f"(over {len(widths)} dated; mean {statistics.mean(widths):.1f})")


if __name__ == "__main__":
    sys.exit(main())
