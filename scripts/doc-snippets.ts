/**
 * The snippets of the README, CONTRIBUTING.md and docs/: every fenced block with its language and the policy
 * marker before it (`<!-- policy: NAME -->`). `tsx scripts/doc-snippets.ts DIR` writes each workflow (a YAML block
 * with `jobs:`) to DIR, for `npm run validate` to check with actionlint and the workflow schema as it checks
 * examples/; the tests read the blocks through `docSnippets`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'yaml'

export const ROOT = join(import.meta.dirname, '..')

export interface Snippet {
  file: string
  line: number
  lang: string
  text: string
  /** The NAME of a `<!-- policy: NAME -->` comment right before the block. */
  policy?: string
}

export function docFiles(): string[] {
  return [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter(name => name.endsWith('.md'))
      .map(name => `docs/${name}`)
  ]
}

export function docSnippets(file: string): Snippet[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
  const snippets: Snippet[] = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,})(\w*)\s*$/.exec(lines[index]!)
    if (!open) continue
    const fence = open[1]!
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && lines[index] !== fence; index++) body.push(lines[index]!)
    const before = lines
      .slice(0, start)
      .reverse()
      .find(line => line.trim() !== '')
    const policy = /^<!-- policy: ([\w-]+) -->$/.exec(before ?? '')?.[1]
    snippets.push({
      file,
      line: start + 1,
      lang: open[2] ?? '',
      text: body.join('\n'),
      ...(policy ? { policy } : {})
    })
  }
  return snippets
}

/** A YAML block that is a workflow (it has jobs). */
export function isWorkflow(snippet: Snippet): boolean {
  if (snippet.lang !== 'yaml' && snippet.lang !== 'yml') return false
  const value = parse(snippet.text) as { jobs?: unknown } | null
  return typeof value === 'object' && value !== null && 'jobs' in value
}

if (process.argv[1] && basename(process.argv[1]).startsWith('doc-snippets')) {
  const out = process.argv[2]
  if (!out) throw new Error('usage: tsx scripts/doc-snippets.ts DIR')
  mkdirSync(out, { recursive: true })
  let count = 0
  for (const file of docFiles())
    for (const snippet of docSnippets(file).filter(isWorkflow)) {
      writeFileSync(join(out, `${file.replace(/[/.]/g, '-')}-${snippet.line}.yml`), snippet.text + '\n')
      count++
    }
  console.log(`${count} workflows from the README and docs/ written to ${out}`)
}
