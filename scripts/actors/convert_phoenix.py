#!/usr/bin/env python3
"""Converts the Phoenix/PETRARCH2 actor dictionaries (MIT, openeventdata/petrarch2) into
sitrep's actor TSV (data/actors/phoenix.tsv): one actor per line,

  id <TAB> name <TAB> kind <TAB> country <TAB> parent <TAB> aliases (|) <TAB> roles (;)

where a role is "CC sector YYYY-MM-DD..YYYY-MM-DD" (either end may be empty = open).
Country entries ([IRQ]) are skipped: countries come from the gazetteer's country data.
Persons whose every role ended before 1995 are dropped to keep the dictionary small.

Usage: convert_phoenix.py DICTS_DIR COUNTRIES_JSON > data/actors/phoenix.tsv
  DICTS_DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
  Phoenix.MilNonState.actors.txt; COUNTRIES_JSON is world-countries/countries.json (for the
  ISO 3166 alpha-3 -> alpha-2 map only).
"""
import json
import re
import sys

FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
         "Phoenix.MilNonState.actors.txt"]
# Phoenix/CAMEO sector codes -> sitrep actor kinds (first matching sector wins).
SECTOR_KIND = [("MIL", "state_military"), ("COP", "police"), ("SPY", "intelligence"),
               ("REB", "rebel_group"), ("INS", "rebel_group"), ("UAF", "militia"),
               ("PTY", "political_party"), ("OPP", "opposition"), ("MED", "media"),
               ("NGO", "ngo"), ("IGO", "igo"), ("BUS", "business"), ("CVL", "civilians"),
               ("REL", "religious"), ("EDU", "education"), ("HLH", "health"),
               ("JUD", "judiciary"), ("LEG", "legislature"), ("GOV", "government"),
               ("ELI", "elite")]
TRANSNATIONAL = {"IGO": "igo", "NGO": "ngo", "NGM": "ngo", "MNC": "business", "INT": "other",
                 "UNO": "igo"}
MIN_YEAR = 1995
SMALL_WORDS = {"al", "el", "of", "the", "and", "de", "bin", "ibn", "for", "in", "on", "ad",
               "as", "ash", "ar", "at", "az", "an", "da", "di", "du", "la", "le", "van", "von"}


def pretty(token):
    words = token.strip("_").replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in SMALL_WORDS:
            out.append(lw)
        elif re.fullmatch(r"([A-Z]\.){2,}|[A-Z]\.[A-Z]", w):
            out.append(w)  # dotted acronym: U.N.
        elif re.fullmatch(r"[A-Z]{2,5}", w) and len(words) == 1:
            out.append(w)  # acronym
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def parse_date(s):
    s = s.strip()
    if not s:
        return ""
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8 or not s.isdigit():
        return None
    month, day = int(s[4:6]), int(s[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{s[:4]}-{s[4:6]}-{s[6:8]}"


def parse_code(text):
    """'[IRQGOV 20140908-20180101]' -> (code, from, to) or None."""
    parts = text.strip().strip("[]").split()
    if not parts:
        return None
    code, start, end = parts[0], "", ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = parse_date(span[1:])
        elif span.startswith("<"):
            end = parse_date(span[1:])
        elif "-" in span:
            a, b = span.split("-", 1)
            start, end = parse_date(a), parse_date(b)
        if start is None or end is None:
            start, end = "", ""
    return code, start, end


def split_code(code, iso3):
    """'IRQGOVBUS' -> ('IQ', 'GOVBUS'); 'IGOUNOKID' -> ('', 'IGOUNOKID')."""
    head, rest = code[:3], code[3:]
    if head in iso3:
        return iso3[head], rest
    if head in TRANSNATIONAL:
        return "", code
    return "", rest


def kind_of(sector):
    if sector.startswith("IGO"):
        return "igo"
    if sector.startswith("NGO") or sector.startswith("NGM"):
        return "ngo"
    for part in (sector[i:i + 3] for i in range(0, len(sector), 3)):
        for s, k in SECTOR_KIND:
            if part == s:
                return k
    return "other"


def read_entries(path):
    """Yields (head, comment, aliases, codes) for each entry of a Phoenix actor file."""
    entry = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            comment = ""
            if "#" in line:
                line, comment = line.split("#", 1)
            stripped = line.strip()
            if not stripped:
                continue
            codes = re.findall(r"\[[^\]]*\]", stripped)
            name_part = re.sub(r"\[[^\]]*\]", "", stripped).strip()
            if line.startswith("\t") or line.startswith(" ") or (not name_part and codes):
                if entry is not None:
                    entry[3].extend(codes)
                continue
            if name_part.startswith("+"):
                if entry is not None:
                    entry[2].append(name_part[1:].strip())
                    entry[3].extend(codes)
                continue
            if entry is not None:
                yield entry
            entry = [name_part, comment, [], list(codes)]
    if entry is not None:
        yield entry


def slug(name):
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def main():
    dicts, countries_json = sys.argv[1], sys.argv[2]
    iso3 = {c["cca3"]: c["cca2"] for c in json.load(open(countries_json, encoding="utf-8"))}
    iso3.update({"KSV": "XK", "ROM": "RO", "ZAR": "CD", "TMP": "TL", "PSE": "PS"})
    seen = set()
    rows = []
    for fname in FILES:
        for head, comment, aliases, codes in read_entries(f"{dicts}/{fname}"):
            parsed = [p for p in (parse_code(c) for c in codes) if p]
            if not parsed or not head:
                continue
            if any(len(code) == 3 and code in iso3 for code, _, _ in parsed):
                continue  # a country entry
            dated = any(s or e for _, s, e in parsed)
            sectors = [split_code(code, iso3) for code, _, _ in parsed if code != "---"]
            if not sectors:
                continue
            is_person = dated or "CountryInfo" in comment or sectors[0][1].endswith("ELI")
            if is_person and dated:
                ends = [e for _, _, e in parsed if e]
                opens = [1 for _, s, e in parsed if not e]
                if not opens and max(int(e[:4]) for e in ends) < MIN_YEAR:
                    continue
            name = pretty(head)
            country = sectors[0][0]
            kind = "person" if is_person else kind_of(sectors[0][1])
            if kind == "other":
                continue  # territories and unclassified entries
            base = slug(name) or "actor"
            actor_id = base
            n = 2
            while actor_id in seen:
                actor_id = f"{base}_{n}"
                n += 1
            seen.add(actor_id)
            alias_names = []
            for a in aliases:
                p = pretty(a)
                if p and p != name and p not in alias_names:
                    alias_names.append(p)
            roles = []
            for code, s, e in parsed:
                cc, sector = split_code(code, iso3)
                if code == "---" or not sector:
                    continue
                roles.append(f"{cc or '--'} {kind_of(sector)} {s}..{e}")
            rows.append("\t".join([actor_id, name, kind, country, "", "|".join(alias_names),
                                   ";".join(roles if is_person else [])]))
    sys.stdout.write("# Converted from the Phoenix/PETRARCH2 actor dictionaries (MIT) by "
                     "scripts/actors/convert_phoenix.py. Do not edit: re-run the script.\n")
    sys.stdout.write("# id\tname\tkind\tcountry\tparent\taliases\troles\n")
    for r in rows:
        sys.stdout.write(r + "\n")


if __name__ == "__main__":
    main()
