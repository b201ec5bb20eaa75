#!/usr/bin/env bash
# Installs what building and testing Implan needs, skipping what is there:
# the wasm32 target, Trunk, wasm-bindgen-cli (the version in Cargo.lock),
# Node packages (playwright-core, binaryen's wasm-opt), Chromium and
# ChromeDriver. Nothing is fetched outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
TRUNK_VERSION=0.21.14
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes about 9 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION"
  # Its --locked install fails on this toolchain.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

missing_node=$(node -e 'const fs=require("fs");const d=require("./package.json").devDependencies;console.log(Object.keys(d).filter(p=>!fs.existsSync("node_modules/"+p+"/package.json")).join(" "))')
if [ -n "$missing_node" ] || [ ! -x node_modules/.bin/wasm-opt ]; then
  log "installing node packages ($missing_node)"

  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
log "ready"
