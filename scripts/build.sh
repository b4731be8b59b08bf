#!/usr/bin/env bash
# Builds the action (index.js) and the CLI (cli/index.js) bundles into OUTDIR (default dist/), the two ncc
# builds side by side. The committed dist/ and the bundle the end-to-end tests run are this same build.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
rm -rf "$out"
ncc=node_modules/.bin/ncc
"$ncc" build src/index.ts -o "$out" --minify --license licenses.txt >/dev/null &
action=$!
"$ncc" build src/cli/index.ts -o "$out/cli" --minify >/dev/null &
cli=$!
wait "$action"
wait "$cli"
