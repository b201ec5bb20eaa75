#!/usr/bin/env bash
# Builds Implan and serves it on http://127.0.0.1:8080/, installing what is
# missing first. Pass --release for an optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
