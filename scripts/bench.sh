#!/usr/bin/env bash
# Builds the release app and prints its benchmark figures (sizes, cold
# start). Pass --record to write them to docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
trunk build --release
node scripts/bench.mjs "$@"
