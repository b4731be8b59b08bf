#!/usr/bin/env bash
# Builds the action (index.js) and the CLI (cli/index.js) bundles into OUTDIR (default dist/), the two ncc
# builds side by side. The committed dist/ and the bundle the end-to-end tests run are this same build.
# scripts/ncc-build.mjs says why the build goes through ncc's API.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
started=$(date +%s)
echo "Building the action and the CLI from src/ into $out/ (ncc, then terser) …"
rm -rf "$out"
node scripts/ncc-build.mjs src/index.ts "$out" --license licenses.txt &
action=$!
node scripts/ncc-build.mjs src/cli/index.ts "$out/cli" &
cli=$!
wait "$action"
wait "$cli"
# What it was built from (scripts/sources-hash.mjs): lets the end-to-end tests reuse a bundle already built.
node scripts/sources-hash.mjs > "$out/.sources"
size() { du -sk "$1" | cut -f1; }
echo "Built $out/: the action $(($(size "$out") - $(size "$out/cli"))) KiB ($out/index.js and its chunks), the CLI $(size "$out/cli") KiB ($out/cli/index.js), in $(($(date +%s) - started)) s."
