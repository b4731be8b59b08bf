/**
 * What the docs tell a user to do, done: the README's quick start, with a role that holds exactly the policy the
 * README gives, is green; examples/claude-code.yml, with exactly the Claude Code policy of docs/iam-policies.md,
 * is green. The snippets are read from the docs themselves, so a doc change that breaks the story fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { openAccount } from '../../emulator/state.js'
import { docSnippets, isWorkflow, ROOT } from '../../scripts/doc-snippets.js'
import { holdingExactly, type PolicyDocument } from '../support/policy.js'
import { emulatorPerTest } from './harness.js'

const { probe, emulator } = emulatorPerTest()

/** The docs' placeholder account, for the emulator's. */
const withEmulatorAccount = (text: string) => text.replaceAll('123456789012', '111122223333')

function policyNamed(file: string, name: string): PolicyDocument {
  const snippet = docSnippets(file).find(candidate => candidate.policy === name)
  if (!snippet) throw new Error(`${file} has no policy ${name}`)
  return JSON.parse(withEmulatorAccount(snippet.text)) as PolicyDocument
}

interface Workflow {
  jobs: Record<
    string,
    { env?: Record<string, string>; steps: { uses?: string; with?: Record<string, string> }[] }
  >
}

function probeStep(workflow: Workflow) {
  for (const job of Object.values(workflow.jobs)) {
    const step = job.steps.find(candidate => candidate.uses?.includes('bedrock-access-probe'))
    if (step) return { job, inputs: step.with ?? {} }
  }
  throw new Error('no probe step')
}

describe('the documented set-ups are green on a working account', () => {
  it('the README quick start, with a role holding exactly the README policy', async () => {
    const quickStart = docSnippets('README.md').find(isWorkflow)!
    const { inputs } = probeStep(parse(withEmulatorAccount(quickStart.text)) as Workflow)
    const state = holdingExactly(openAccount(), policyNamed('README.md', 'quick-start'))
    const run = await probe(state, { ...inputs, 'role-to-assume': state.oidc.roleArn }, { oidc: true })
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.checks.every(check => check.result === 'pass')).toBe(true)
    expect(emulator().count('Converse')).toBe(2)
  })

  it('examples/claude-code.yml, with exactly the Claude Code policy of docs/iam-policies.md', async () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/claude-code.yml'), 'utf8')) as Workflow
    const { job, inputs } = probeStep(workflow)
    const state = holdingExactly(openAccount(), policyNamed('docs/iam-policies.md', 'claude-code'))
    // configure-aws-credentials leaves the role's keys in the environment: the harness's ambient credentials.
    const run = await probe(state, inputs, { env: job.env ?? {} })
    expect(run.outputs.result).toBe('pass')
    expect(run.report!.checks.map(check => check.model).sort()).toEqual([
      'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      'us.anthropic.claude-sonnet-4-6'
    ])
    // Claude Code's calls, streaming included, and its profile listing, all proven.
    expect(emulator().count('InvokeModelWithResponseStream')).toBeGreaterThan(0)
    expect(emulator().count('ListInferenceProfiles')).toBeGreaterThan(0)
  })

  it('without the read the docs add, the Claude Code story would not be green (the read is what makes it so)', async () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/claude-code.yml'), 'utf8')) as Workflow
    const { job, inputs } = probeStep(workflow)
    const policy = policyNamed('docs/iam-policies.md', 'claude-code')
    policy.Statement = policy.Statement.filter(
      statement => !JSON.stringify(statement.Action).includes('Availability')
    )
    const run = await probe(holdingExactly(openAccount(), policy), inputs, { env: job.env ?? {} })
    expect(run.outputs.result).toBe('inconclusive')
  })
})
