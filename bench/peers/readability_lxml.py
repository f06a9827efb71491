#!/usr/bin/python3
"""readability-lxml on the pages of ../shared/data/extraction, timed in-process.

Run with Debian's Python (python3-readability): /usr/bin/python3 bench/peers/readability_lxml.py
Pages are gunzipped and decoded once; the timed loop is Document(html).summary() per page,
repeated --reps times. Prints pages/s and MB/s by wall and by CPU time (MB of decoded HTML, UTF-8 bytes).
"""
import argparse, glob, gzip, os, time

from readability import Document

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "extraction", "html")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=DEFAULT)
    ap.add_argument("--reps", type=int, default=2)
    a = ap.parse_args()
    pages = [gzip.open(p).read().decode("utf-8", "replace") for p in sorted(glob.glob(os.path.join(a.dir, "*.html.gz")))]
    nbytes = sum(len(p.encode("utf-8")) for p in pages)
    best = best_cpu = None
    for _ in range(a.reps):
        t0, c0 = time.perf_counter(), time.process_time()
        for p in pages:
            Document(p).summary()
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    print("readability-lxml: %d pages, %.1f MB, best of %d: wall %.2f s (%.1f pages/s, %.1f MB/s), "
          "CPU %.2f s (%.1f pages/s, %.1f MB/s per core)"
          % (len(pages), nbytes / 1e6, a.reps, best, len(pages) / best, nbytes / 1e6 / best,
             best_cpu, len(pages) / best_cpu, nbytes / 1e6 / best_cpu))


if __name__ == "__main__":
    main()
