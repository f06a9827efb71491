#!/usr/bin/env bash
# Sets up (packages + build) and runs the whole test suite: unit, golden (reads ../shared when
# present), fuzz-corpus replays. Usage: scripts/test.sh [extra ctest args, e.g. -L unit]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cd build
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
