#!/usr/bin/env python3
"""Derives data/know_common_words.txt: English words that are frequent in lower case, so a
capitalised one-word occurrence ("Hit", "Police", "Mobile", "Reading") is more likely a word at
the start of a sentence or in a headline than the place of that name.

Source: Universal Dependencies English EWT train (en_ewt-ud-train.conllu, CC BY-SA 4.0). A word
form (lower-cased) is listed when, counted over sentence-internal tokens,
  - it occurs in lower case at least --min-lower (5) times, and
  - at least --min-share (0.5, a majority) of its sentence-internal occurrences are lower case, and
  - it is written with ASCII letters only and has at least 2 letters.
Names the corpus writes capitalised ("Baghdad", "Sadr", "Quds") fail the share test. The only
words added otherwise are the English month and weekday names (a closed class that English
always capitalises: "an August attack" is not August, Georgia). Usage:
  scripts/places_common_words.py [--ud ../shared/data/ud/en_ewt-ud-train.conllu] > data/know_common_words.txt
"""
import argparse
import collections
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", default=os.path.join(os.path.dirname(ROOT), "shared/data/ud/en_ewt-ud-train.conllu"))
    ap.add_argument("--min-lower", type=int, default=5)
    ap.add_argument("--min-share", type=float, default=0.5)
    args = ap.parse_args()
    lower = collections.Counter()
    total = collections.Counter()
    first = True
    with open(args.ud, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            if not line.strip():
                first = True
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            form = cols[1]
            if not form.isascii() or not form.isalpha() or len(form) < 2:
                first = False
                continue
            if not first:
                key = form.lower()
                total[key] += 1
                if form[0].islower():
                    lower[key] += 1
            first = False
    words = {w for w, n in lower.items() if n >= args.min_lower and n >= args.min_share * total[w]}
    words |= {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday"}
    words = sorted(words)
    print("# English words frequent in lower case: a capitalised one-word occurrence is not taken")
    print("# for a place name of that spelling (country names excepted). Derived by")
    print(f"# scripts/places_common_words.py (--min-lower {args.min_lower} --min-share {args.min_share})")
    print("# from Universal Dependencies English EWT train (en_ewt-ud-train.conllu, CC BY-SA 4.0):")
    print("# sentence-internal lower-case occurrences; plus the month and weekday names.")
    print("# One word a line, lower case, sorted.")
    for w in words:
        print(w)
    print(f"places_common_words: {len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
