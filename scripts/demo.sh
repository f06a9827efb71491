#!/usr/bin/env bash
# Sets up and runs the main job on the sample corpus in examples/: reads, cleans and describes
# every article and prints what sitrep found. Usage: scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo
echo "== sitrep docs examples/ --format table"
build/sitrep docs examples/ --format table
