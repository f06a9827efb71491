#!/usr/bin/env python3
"""Actor agreement of per-article events with gold events (score.py does not score actors).

Usage: roles_actor_check.py --system EVENTS.jsonl --gold GOLD.jsonl [--score PATH/score.py]
       [--actors data/actors/curated.txt] [--verbose]

Events are paired with score.py's own matching (its score() returns gold id -> system id).
For each matched gold event: does our actor1 name the gold actor1, our actor2 the gold actor2?
"Names" = our actor's name or one of its aliases (from the curated actor file) shares a
significant word with the gold text, comparing word stems (first 5 letters, so "Russia" and
"Russian", "Israel" and "Israeli" agree), or our actor's acronym ("US", "IDF") appears there.
Gold actors are free text. Prints actor1_ok, actor2_ok, and how often we gave an actor at all.
"""
import argparse
import importlib.util
import json
import os
import re

GENERIC = {"the", "of", "and", "in", "a", "an", "on", "at", "for", "by", "to", "per", "with",
           "forces", "force", "armed", "military", "army", "group", "state", "states", "government",
           "people", "members", "claimed", "staff", "unidentified", "suspected"}
ALIASES = {"us": ["united states", "u.s.", "american"], "uk": ["united kingdom", "british"]}


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_aliases(path):
    """actor id -> [name, aliases...] from the curated actor file."""
    out, cur = {}, None
    if not path or not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            cur = None if not line else cur
            continue
        k, _, v = line.partition(":")
        v = v.strip()
        if k == "id":
            cur = v
            out[cur] = []
        elif cur and k in ("name", "alias"):
            out[cur].append(v)
    return out


def words(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower().replace(".", "")) if w not in GENERIC]


def stems(s):
    return {w[:5] for w in words(s) if len(w) > 1}


def names(actor, aliases):
    if not actor:
        return []
    out = [actor.get("name") or ""] + aliases.get(actor.get("id") or "", [])
    for n in list(out):
        out += ALIASES.get(n.lower().replace(".", ""), [])
    return [n for n in out if n]


def agrees(actor, gold_text, aliases):
    if not actor or not gold_text:
        return False
    g = gold_text.lower()
    gs = stems(gold_text)
    for n in names(actor, aliases):
        if n.isupper() and re.search(r"\b" + re.escape(n.lower()) + r"\b", g):
            return True
        if stems(n) & gs:
            return True
    return False


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--score", default=os.path.join(here, "..", "..", "shared", "eval", "score.py"))
    ap.add_argument("--actors", default=os.path.join(here, "..", "data", "actors", "curated.txt"))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    score = load_score(a.score)
    system, gold = score.load(a.system), score.load(a.gold)
    r = score.score(system, gold)
    by_id = {e.get("id"): e for e in system if e.get("event_type")}
    aliases = load_aliases(a.actors)
    n = ok1 = ok2 = have1 = have2 = n2 = 0
    for g in gold:
        sid = r["matches"].get(g.get("event_id"))
        if sid is None:
            continue
        e = by_id[sid]
        n += 1
        a1, a2 = e.get("actor1"), e.get("actor2")
        have1 += a1 is not None
        have2 += a2 is not None
        o1 = agrees(a1, g.get("actor1"), aliases)
        ok1 += o1
        o2 = None
        if g.get("actor2"):
            n2 += 1
            o2 = agrees(a2, g.get("actor2"), aliases)
            ok2 += o2
        if a.verbose:
            print(f"{g['event_id']}: actor1 {'ok ' if o1 else 'NO '} ours={a1 and a1['name']!r} "
                  f"gold={g.get('actor1')!r} | actor2 {'ok ' if o2 else 'NO '} "
                  f"ours={a2 and a2['name']!r} gold={g.get('actor2')!r}")
    print(f"matched: {n}")
    print(f"actor1_ok: {ok1}/{n} = {ok1 / n if n else 0:.3f} (actor1 given: {have1})")
    print(f"actor2_ok: {ok2}/{n2} = {ok2 / n2 if n2 else 0:.3f} (actor2 given: {have2})")


if __name__ == "__main__":
    main()
