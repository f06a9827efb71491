#!/usr/bin/env python3
"""Lists what the shared scorer counts against an export: every typed system event that is
unmatched or a duplicate (articles, type, date/precision, place, first sentence) and, for each
unmatched gold event, the typed and untyped events the system made from its articles.

Usage: fusion_dev_report.py --system ev.jsonl --gold gold.jsonl --score /work/shared/eval/score.py
"""
import argparse
import importlib.util
import json


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def short(e):
    docs = sorted({s.get("doc", "")[:3] for s in e.get("sources") or []})
    loc = e.get("location") or {}
    rng = e.get("date_range") or [e.get("date"), e.get("date")]
    sent = ((e.get("sources") or [{}])[0].get("sentence") or "")[:90].replace("\n", " ")
    fat = (e.get("fatalities") or {}).get("best")
    return (f"{e.get('id','')[-6:]} {','.join(docs)} | {e.get('event_type') or '-'} | "
            f"{rng[0]}..{rng[1]} {e.get('date_precision','')} | {loc.get('name','-')} "
            f"{loc.get('country','')} {loc.get('precision','')} | f={fat} | {sent}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--score", default="/work/shared/eval/score.py")
    a = ap.parse_args()
    sc = load_scorer(a.score)
    system, gold = sc.load(a.system), sc.load(a.gold)
    acled = [e for e in system if e.get("event_type")]
    r = sc.score(system, gold)
    matched_ids = set(r["matches"].values())
    by_id = {g["event_id"]: g for g in gold}
    print(f"typed {len(acled)} matched {len(matched_ids)} dup {r['duplicates']} "
          f"recall {r['core_recall']:.3f} prec {r['precision']:.3f} f1 {r['f1']:.3f} "
          f"jac {r['source_jaccard']}")
    print("\n## typed system events not matched")
    for e in acled:
        if e["id"] in matched_ids:
            continue
        cands = [g["event_id"] for g in gold if sc.candidate(e, g) is not None]
        tag = "DUP of " + ",".join(cands) if cands else "UNMATCHED"
        print(f"{tag:12} {short(e)}")
    print("\n## matched: source jaccard < 1")
    inv = {v: k for k, v in r["matches"].items()}
    for e in acled:
        if e["id"] not in inv:
            continue
        g = by_id[inv[e["id"]]]
        ga, sd = set(g["articles"]), sc.sys_docs(e)
        if ga != sd:
            print(f"{g['event_id']} missing {sorted(x[:3] for x in ga - sd)} extra "
                  f"{sorted(x[:3] for x in sd - ga)}")
            # What each missing article's reports became (typed events, or untyped ones told
            # in 2+ sentences): why it did not join.
            for a in sorted(ga - sd):
                for x in system:
                    if a in sc.sys_docs(x) and (x.get("event_type") or len(x["sources"]) > 1):
                        print(f"    {a[:3]}: {short(x)}")
    print("\n## unmatched gold: what the system made of its articles")
    for gid in r["unmatched_gold"]:
        g = by_id[gid]
        print(f"{gid} {g['date']} {g.get('event_type')} {g.get('country')} {g['location'][:40]}")
        arts = set(g["articles"])
        for e in system:
            if sc.sys_docs(e) & arts:
                print("    " + short(e))


if __name__ == "__main__":
    main()
