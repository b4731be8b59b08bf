#!/usr/bin/env bash
# Validate action.yml and every workflow against the GitHub Actions schemas (@action-validator/cli).
# The validator's bundled action schema predates `runs.using: node24`, so action.yml is checked as a copy
# that says node20; __tests__/unit/action-yml.test.ts pins the real value to node24.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
# The validator tells an action from a workflow by the file name, so the copy keeps it.
sed 's/^\(\s*using:\s*\)node24\s*$/\1node20/' action.yml >"$dir/action.yml"
npx --no-install action-validator "$dir/action.yml"
for workflow in .github/workflows/*.yml; do
  npx --no-install action-validator "$workflow"
done
echo "action.yml and $(ls .github/workflows/*.yml | wc -l) workflows are valid"
