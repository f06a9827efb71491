#!/usr/bin/env python3
"""Simulate salience rules on a fused export (sitrep events --format jsonl) before coding them.

For each rule, events that fail it lose their ACLED type (as Reconcile does with
FusionOptions::require_salience) and the result is scored with the shared scorer.
Rules: corr = reported by 2+ articles; lead = a sentence starts within LEAD bytes;
many = 2+ sentences in one article; fig = a sentence carries a figure; place = has a location;
dated = the event has a date at all.

Usage: bench/fusion_salience_sim.py EVENTS.jsonl GOLD.jsonl [LEAD=600] [SCORE_DIR=/work/shared/eval]
"""
import collections, json, sys

lead = int(sys.argv[3]) if len(sys.argv) > 3 else 600
sys.path.insert(0, sys.argv[4] if len(sys.argv) > 4 else "/work/shared/eval")
import score as S  # noqa: E402

events = [json.loads(l) for l in open(sys.argv[1])]
gold = [json.loads(l) for l in open(sys.argv[2])]


def prominent(e, rule):
    by_doc = collections.defaultdict(list)
    for s in e["sources"]:
        by_doc[s["doc"]].append(s)
    if len(by_doc) >= 2:
        return True
    if "place" in rule and e.get("location"):
        return True
    for ss in by_doc.values():
        if "lead" in rule and min(s["span"][0] for s in ss) < lead:
            return True
        if "many" in rule and len(ss) >= 2:
            return True
        if "fig" in rule and any(s.get("values") for s in ss):
            return True
    return False


for rule in ["none", "dated", "lead+many+fig", "dated+lead+many+fig", "dated+lead+many+fig+place"]:
    out = []
    for e in events:
        e = dict(e)
        if e.get("event_type"):
            if "dated" in rule and not e.get("date"):
                e["event_type"] = ""
            if "lead" in rule and not prominent(e, rule):
                e["event_type"] = ""
        out.append(e)
    r = S.score(out, gold)
    print(f"{rule:26} typed={r['system_events']:3} core_recall={r['core_recall']:.3f} "
          f"precision={r['precision']:.3f} f1={r['f1']:.3f} duplicates={r['duplicates']}")
