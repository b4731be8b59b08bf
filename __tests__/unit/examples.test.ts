/**
 * The examples/ users copy: complete workflows (actionlint and the workflow schema check them in `npm run
 * validate`); here, every use of this action in them names only inputs action.yml has, with values the probe
 * accepts, and the README links every example.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { isCallKind } from '../../src/bedrock/calls.js'
import { splitList } from '../../src/inputs/values.js'
import { WORKLOADS } from '../../src/inputs/workload.js'

const root = join(import.meta.dirname, '../..')
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const examples = readdirSync(join(root, 'examples')).filter(name => name.endsWith('.yml'))

interface Workflow {
  on: unknown
  jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}

describe.each(examples)('examples/%s', name => {
  const workflow = parse(readFileSync(join(root, 'examples', name), 'utf8')) as Workflow
  const probes = Object.values(workflow.jobs).flatMap(job =>
    (job.steps ?? []).filter(step => step.uses?.includes('bedrock-access-probe'))
  )

  it('is a complete workflow that uses the probe', () => {
    expect(workflow.on).toBeDefined()
    expect(probes.length).toBeGreaterThan(0)
  })

  it("names only the action's inputs, with values the probe accepts", () => {
    for (const step of probes) {
      for (const [input, value] of Object.entries(step.with ?? {})) {
        expect(Object.keys(action.inputs)).toContain(input)
        if (input === 'calls')
          for (const call of splitList(String(value))) expect(isCallKind(call)).toBe(true)
        if (input === 'workload') expect(WORKLOADS).toContain(value)
      }
    }
  })

  it('is linked from the README', () => {
    expect(readme).toContain(`examples/${name}`)
  })
})
