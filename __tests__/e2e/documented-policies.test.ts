/**
 * What the docs tell a user to do, done: the README's quick start, with a role that holds exactly the policy the
 * README gives, is green; examples/claude-code.yml, with exactly the Claude Code policy of docs/iam-policies.md,
 * is green. The snippets are read from the docs themselves, so a doc change that breaks the story fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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

describe("the README's pull-request checks", () => {
  const PR_SUB = 'repo:octo-org/octo-repo:pull_request'
  const QUICK_START = { models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' }

  /** A pull_request run of the repository itself (not a fork), as the runner describes it. */
  function pullRequestEvent(): Record<string, string> {
    const path = join(mkdtempSync(join(tmpdir(), 'pr-event-')), 'event.json')
    const repo = { full_name: 'octo-org/octo-repo', fork: false }
    writeFileSync(path, JSON.stringify({ pull_request: { number: 7, head: { repo }, base: { repo } } }))
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'octo-org/octo-repo'
    }
  }

  /** The sub values a documented trust policy admits, for the emulator's repository. */
  function trustedSubs(name: string): string[] {
    const policy = JSON.parse(
      docSnippets('README.md')
        .find(candidate => candidate.policy === name)!
        .text.replaceAll('OWNER/REPO', 'octo-org/octo-repo')
    ) as { Statement: { Condition: { StringEquals: Record<string, string | string[]> } }[] }
    return [policy.Statement[0]!.Condition.StringEquals['token.actions.githubusercontent.com:sub']!].flat()
  }

  it('a pull-request run is refused by a trust policy pinned to main, and the fix admits its sub', async () => {
    const state = openAccount()
    state.oidc.sub = PR_SUB
    const run = await probe(
      state,
      { ...QUICK_START, 'role-to-assume': state.oidc.roleArn },
      { oidc: true, env: pullRequestEvent() }
    )
    expect(run.outputs.result).toBe('fail')
    expect(run.summary).toContain(`"token.actions.githubusercontent.com:sub": "${PR_SUB}"`)
  })

  it("the README's pull-request trust policy admits the pull-request run: green", async () => {
    const state = openAccount()
    state.oidc.sub = PR_SUB
    state.oidc.trustedSub = trustedSubs('pr-trust')
    expect(state.oidc.trustedSub).toContain('repo:octo-org/octo-repo:ref:refs/heads/main')
    const run = await probe(
      state,
      { ...QUICK_START, 'role-to-assume': state.oidc.roleArn },
      { oidc: true, env: pullRequestEvent() }
    )
    expect(run.outputs.result).toBe('pass')
  })
})
