#!/usr/bin/env python3
"""Country-less reports of a kept ingest_bench database (SITREP_BENCH_KEEP_DB=1) and the events
they sit in: how many link to reports of other articles, and how many sit in an event whose other
articles tell a story of another country (story country = dateline city -> the generator's city
table in bench/ingest_bench_corpus.h). Usage: placeless_links.py DB [v]   (v: list those)."""
import json, os, re, sqlite3, sys
from collections import Counter
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ingest_bench_corpus.h')).read()
city_country = dict(re.findall(r'\{"([^"]+)", "([^"]+)"\}', src.split('kCities[]')[1].split('};')[0]))
db = sqlite3.connect(sys.argv[1])
doc_country = {}
for did, text in db.execute("SELECT id, text FROM documents"):
    body = text.split('\n\n', 1)[1] if '\n\n' in text else text
    m = re.match(r'([^,\n]+), ', body)
    doc_country[did] = city_country.get(m.group(1)) if m else None
members = {}
for key, doc, ev in db.execute("SELECT key, doc_id, event_id FROM reports"):
    members.setdefault(ev, []).append(doc)
n = linked = other = own = 0
for key, doc, ev, js in db.execute("SELECT key, doc_id, event_id, json FROM reports WHERE country = ''"):
    n += 1
    docs = set(members[ev]) - {doc}
    if not docs: continue
    linked += 1
    cs = {doc_country.get(d) for d in docs}
    if any(c != doc_country.get(doc) for c in cs): other += 1
    else: own += 1
print(f"reports {sum(len(v) for v in members.values())} events {len(members)} countryless {n} "
      f"linked_to_other_articles {linked} in_event_of_other_country {other} own_country_only {own}")
if len(sys.argv) > 2:
    byev = {}
    for key, doc, ev, js in db.execute("SELECT key, doc_id, event_id, json FROM reports"):
        byev.setdefault(ev, []).append((key, doc, json.loads(js)))
    for key, doc, ev, js in db.execute("SELECT key, doc_id, event_id, json FROM reports WHERE country = ''"):
        others = [d for k, d, j in byev[ev] if d != doc]
        if not others or all(doc_country.get(d) == doc_country.get(doc) for d in others): continue
        e = json.loads(js)
        print("==", key, doc_country.get(doc), e.get("event_type"), e.get("date_range"), [(s["sentence"][:100], s.get("trigger")) for s in e["sources"]][:2])
        for k, d, j in byev[ev]:
            if d == doc: continue
            print("   ", k, doc_country.get(d), (j.get("location") or {}).get("name"), j.get("date_range"), j["sources"][0]["sentence"][:100])
