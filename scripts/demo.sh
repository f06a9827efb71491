#!/usr/bin/env bash
# Sets up and runs the main job on the sample corpus in examples/ (articles we wrote): reads,
# cleans, analyses and fuses every article into a fresh database, then lists the documents,
# the fused events, one event in full and the situation report (Markdown, then HTML in
# build/report.html). Usage: scripts/demo.sh [DB] (default build/demo.db)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
db=${1:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
echo
echo "== sitrep docs examples/ --format table"
build/sitrep docs examples/ --format table
echo
echo "== sitrep ingest examples/ --db $db"
build/sitrep ingest examples/ --db "$db"
echo
echo "== sitrep events --db $db --format table"
build/sitrep events --db "$db" --format table
echo
events_file="$db.events.jsonl"
build/sitrep events --db "$db" --format jsonl --type "Explosions/Remote violence" >"$events_file"
[ -s "$events_file" ] || build/sitrep events --db "$db" --format jsonl >"$events_file"
first=$(sed -n '1s/.*"id":"\(ev-[0-9a-f]*\)".*/\1/p' "$events_file")
rm -f "$events_file"
if [ -n "$first" ]; then
  echo "== sitrep show $first --db $db"
  build/sitrep show "$first" --db "$db"
fi
echo
echo "== sitrep report --db $db    (the situation report, Markdown)"
build/sitrep report --db "$db"
echo
echo "== sitrep report --db $db --format html --out build/report.html"
build/sitrep report --db "$db" --format html --out build/report.html
echo "wrote build/report.html (one self-contained page: briefing, map, timeline)"
