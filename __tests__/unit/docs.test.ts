/**
 * The README, CONTRIBUTING.md and docs/ as a newcomer uses them: every JSON snippet parses, every YAML snippet
 * parses, every workflow names only the action's inputs, the quick start probes pairs that exist, every relative
 * link leads somewhere, and the README stays a product page. (Each workflow is also checked by actionlint and the
 * workflow schema in `npm run validate`; the quick start and the documented policies run end to end in
 * __tests__/e2e/documented-policies.test.ts.)
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { openAccount } from '../../emulator/state.js'
import { docFiles, docSnippets, isWorkflow, ROOT } from '../../scripts/doc-snippets.js'
import { splitList } from '../../src/inputs/values.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
const snippets = docFiles().flatMap(file => docSnippets(file))

interface Step {
  uses?: string
  with?: Record<string, string>
}
const probeSteps = (workflow: { jobs: Record<string, { steps?: Step[] }> }) =>
  Object.values(workflow.jobs).flatMap(job =>
    (job.steps ?? []).filter(step => step.uses?.includes('bedrock-access-probe'))
  )

describe('the snippets of the README and docs/', () => {
  it.each(snippets.filter(snippet => snippet.lang === 'json').map(s => [`${s.file}:${s.line}`, s] as const))(
    'JSON at %s parses',
    (_where, snippet) => {
      expect(() => JSON.parse(snippet.text)).not.toThrow()
    }
  )

  it.each(snippets.filter(snippet => snippet.lang === 'yaml').map(s => [`${s.file}:${s.line}`, s] as const))(
    'YAML at %s parses',
    (_where, snippet) => {
      expect(() => parse(snippet.text)).not.toThrow()
    }
  )

  it.each(snippets.filter(isWorkflow).map(s => [`${s.file}:${s.line}`, s] as const))(
    "the workflow at %s names only the action's inputs",
    (_where, snippet) => {
      for (const step of probeSteps(parse(snippet.text)))
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
    }
  )

  it("the README's quick start is a workflow whose every model × region the emulator's catalogue offers", () => {
    const quickStart = docSnippets('README.md').find(isWorkflow)!
    const [step] = probeSteps(parse(quickStart.text))
    const state = openAccount()
    const models = splitList(step!.with!.models!)
    const regions = splitList(step!.with!.regions!)
    expect(models.length * regions.length).toBeGreaterThan(1)
    for (const model of models)
      for (const region of regions) {
        const offered =
          state.profiles.some(profile => profile.id === model && profile.regions.includes(region)) ||
          state.models.some(candidate => candidate.id === model && candidate.regions.includes(region))
        expect({ model, region, offered }).toEqual({ model, region, offered: true })
      }
  })

  it('the documented policies are there to be tested end to end', () => {
    const policies = snippets.filter(snippet => snippet.policy).map(snippet => snippet.policy)
    expect(policies.sort()).toEqual(['claude-code', 'pr-trust', 'quick-start'])
  })
})

describe('where the action comes from', () => {
  it('every uses: line names the action the same way: one repository, its major tag (CONTRIBUTING, Releasing)', () => {
    const examples = ['examples', '.github/workflows'].flatMap(dir =>
      readdirSync(join(ROOT, dir)).map(name => join(dir, name))
    )
    const lines = [...docFiles(), ...examples].flatMap(
      file => readFileSync(join(ROOT, file), 'utf8').match(/uses: [\w./-]*bedrock-access-probe@[\w.]+/g) ?? []
    )
    expect(lines.length).toBeGreaterThan(8)
    expect(new Set(lines)).toEqual(new Set(['uses: OWNER/bedrock-access-probe@v1']))
  })
})

describe('the docs a newcomer reads', () => {
  it('the README is a product page, not the reference', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme.split('\n').length).toBeLessThan(300)
    // No table cell holds a paragraph.
    for (const line of readme.split('\n').filter(line => line.startsWith('|')))
      for (const cell of line.split('|')) expect(cell.trim().length).toBeLessThan(200)
  })

  it.each(docFiles())('every relative link of %s leads to a file, and to a heading there', file => {
    const text = readFileSync(join(ROOT, file), 'utf8')
    const links = [...text.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)].map(match => match[1] ?? match[2]!)
    for (const link of links.filter(link => !/^(https?:|mailto:)/.test(link))) {
      const [path, anchor] = link.split('#')
      const target = path ? join(ROOT, dirname(file), path) : join(ROOT, file)
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true })
      if (anchor && target.endsWith('.md')) {
        const headings = readFileSync(target, 'utf8')
          .split('\n')
          .filter(line => /^#{1,6} /.test(line))
          .map(line =>
            line
              .replace(/^#+ /, '')
              .toLowerCase()
              .replace(/[^\w\s-]/g, '')
              .trim()
              .replace(/\s/g, '-')
          )
        expect({ link, found: headings.includes(anchor) }).toEqual({ link, found: true })
      }
    }
  })

  it('no text recommends pull_request_target (it would hand a fork AWS credentials)', () => {
    for (const file of docFiles()) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      // Said only to warn against it: every paragraph that names it says never (or not).
      for (const paragraph of text.split(/\n\s*\n/).filter(part => part.includes('pull_request_target')))
        expect(paragraph).toMatch(/\b(never|not|don.t)\b/i)
    }
  })
})
