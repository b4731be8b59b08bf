/**
 * docs/inputs.md from action.yml: every input (its default and description) and every output, so the reference
 * cannot drift from the action's metadata. `npm run docs` writes it; `--check` (run by `npm run validate` in CI)
 * fails when the committed file is not what action.yml makes. Formatted with the project's Prettier settings.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const ROOT = join(import.meta.dirname, '..')
const TARGET = join(ROOT, 'docs/inputs.md')

interface Metadata {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()

async function render(): Promise<string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Metadata
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default !== undefined ? `\`${cell(input.default)}\`` : '—'} | ${cell(input.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  const markdown = [
    '# Inputs and outputs',
    '',
    '<!-- Generated from action.yml by scripts/docs-inputs.ts (npm run docs): edit action.yml, not this file. -->',
    '',
    'Every input of the action, in the order of `action.yml`, with its default. The CLI takes the same names as',
    'flags (`--models`, `--regions`, …; see [cli.md](cli.md)). The report the `report` output holds is described in',
    '[report.md](report.md).',
    '',
    '## Inputs',
    '',
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '## Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
    ''
  ].join('\n')
  const options = (await prettier.resolveConfig(TARGET)) ?? {}
  return prettier.format(markdown, { ...options, parser: 'markdown' })
}

const wanted = await render()
if (process.argv.includes('--check')) {
  let committed = ''
  try {
    committed = readFileSync(TARGET, 'utf8')
  } catch {
    // missing: stale
  }
  if (committed !== wanted) {
    console.error('docs/inputs.md is not what action.yml makes: run `npm run docs` and commit it.')
    process.exit(1)
  }
  console.log('docs/inputs.md matches action.yml')
} else {
  writeFileSync(TARGET, wanted)
  console.log('docs/inputs.md written from action.yml')
}
