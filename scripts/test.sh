#!/usr/bin/env bash
# Runs every test: formatting and clippy, native unit and property tests,
# wasm-bindgen component tests in headless Chromium, and end-to-end tests
# against the release build in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "native tests"
cargo test

step "browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release

step "end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/
