#!/usr/bin/env bash
# Fails when dist/ is not what the current sources build to: the bundles are built into a temporary folder
# (scripts/build.sh, the same build) and compared, so dist/ itself is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
bash scripts/build.sh "$fresh/dist"
if ! diff -r dist "$fresh/dist" >/dev/null; then
  echo "dist/ is stale: run 'npm run build' and commit the result." >&2
  diff -rq dist "$fresh/dist" >&2 || true
  exit 1
fi
echo "dist/ is up to date"
