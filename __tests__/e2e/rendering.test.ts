/**
 * What GitHub shows, end to end: the bundle runs each failing scenario against the emulator as the runner runs
 * it, and the job summary it wrote and the PR comment it posted are parsed as GitHub parses them (cmark-gfm, then
 * GitHub's sanitizer allowlist). Every fix to copy is a code block with its command whole, the matrix and the five
 * gates are tables, and nothing from outside text (OIDC claims, AWS messages, model IDs) becomes markup.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshAccount, openAccount, AMBIENT_KEY, type EmulatorState } from '../../emulator/state.js'
import {
  githubView,
  SUMMARY_ATTRIBUTES,
  SUMMARY_ELEMENTS,
  tableStartingWith,
  type GitHubView
} from '../support/github-view.js'
import { emulatorPerTest, type ActionRun } from './harness.js'

const { probe, emulator } = emulatorPerTest()

const CLAUDE = 'us.anthropic.claude-sonnet-4-6'
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const NOVA = 'amazon.nova-lite-v1:0'
const ROLE = 'arn:aws:iam::111122223333:role/bedrock-ci'
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>'
const FORM = JSON.stringify({
  companyName: 'Example Corp',
  companyWebsite: 'https://example.com',
  intendedUsers: '0',
  industryOption: 'Technology',
  otherIndustryOption: '',
  useCases: 'Internal engineering assistants.'
})

/** The run as a pull-request check that posts its comment (GitHub's REST API is the emulator's). */
function asPullRequest(): { inputs: Record<string, string>; env: (url: string) => Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'render-pr-'))
  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: { number: 7, head: { sha: 'c0ffee1d5e7a9b3f' } },
      repository: { name: 'octo-repo', owner: { login: 'octo-org' } }
    })
  )
  return {
    inputs: { comment: 'true', 'github-token': 'ghs_EMULATORTOKEN' },
    env: url => ({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_RUN_ID: '42',
      GITHUB_API_URL: `${url}/_github`
    })
  }
}

/** What holds for every page the probe writes, pass or fail. */
function expectGitHubReadable(view: GitHubView, checks: number) {
  for (const element of view.elements) expect(SUMMARY_ELEMENTS).toContain(element)
  for (const attribute of view.attributes) expect(SUMMARY_ATTRIBUTES).toContain(attribute)
  expect(view.text).not.toContain('```')
  const matrix = tableStartingWith(view, 'Model')
  expect(matrix).toBeDefined()
  const gates = tableStartingWith(view, 'Gate')
  expect(gates?.map(row => row[0])).toEqual([
    'Gate',
    'Credentials',
    'Region',
    'Model access',
    'Provider terms',
    'IAM permission',
    'Capacity'
  ])
  // Every check is counted once on every gate.
  for (const row of gates!.slice(1)) {
    const counted = row.slice(1).reduce((sum, cell) => sum + (cell === '—' ? 0 : Number(cell)), 0)
    expect(counted).toBe(checks)
  }
}

async function scenario(
  state: EmulatorState,
  inputs: Record<string, string>,
  options: { oidc?: boolean; comment?: boolean } = {}
): Promise<{ run: ActionRun; summary: GitHubView; comment?: GitHubView }> {
  const pr = options.comment ? asPullRequest() : undefined
  const run = await probe(
    state,
    { regions: 'us-east-1', 'fail-on': 'never', ...inputs, ...(pr?.inputs ?? {}) },
    ({ url }) => ({ ...(options.oidc ? { oidc: true } : {}), env: pr?.env(url) ?? {} })
  )
  const summary = githubView(run.summary)
  expectGitHubReadable(summary, run.report!.checks.length)
  if (!pr) return { run, summary }
  const posted = emulator().state.github.comments[0]?.body
  expect(posted).toBeDefined()
  const comment = githubView(posted!)
  expectGitHubReadable(comment, run.report!.checks.length)
  return { run, summary, comment }
}

describe('a failing run, as GitHub shows it', () => {
  it('IAM: the policy and the put-role-policy command for the role behind the session, in summary and comment', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const { summary, comment } = await scenario(state, { models: CLAUDE }, { comment: true })
    for (const view of [summary, comment!]) {
      const [policy, attach] = view.codeBlocks
      expect(policy?.lang).toBe('json')
      expect(JSON.parse(policy!.text).Statement[0].Resource).toContain(
        `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${CLAUDE}`
      )
      expect(attach).toEqual({
        lang: 'sh',
        text: 'aws iam put-role-policy --role-name runner-instance --policy-name bedrock-access --policy-document file://bedrock-access.json'
      })
    }
    // The comment folds the fix; the summary shows it.
    expect(comment!.html).toContain('<summary>The fix to copy</summary>')
    expect(tableStartingWith(summary, 'Model')).toEqual([
      ['Model', 'us-east-1'],
      [CLAUDE, '❌ IAM']
    ])
  })

  it('IAM for an IAM user: put-user-policy on that user', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    state.accessKeys[AMBIENT_KEY]!.arn = 'arn:aws:iam::111122223333:user/ci/deployer'
    const { summary } = await scenario(state, { models: NOVA })
    expect(summary.codeBlocks.map(block => block.text)).toContain(
      'aws iam put-user-policy --user-name deployer --policy-name bedrock-access --policy-document file://bedrock-access.json'
    )
  })

  it("the use-case form is missing: the form's CLI command, whole", async () => {
    const state = openAccount()
    state.useCaseOnFile = false
    const { summary } = await scenario(state, { models: HAIKU })
    expect(summary.codeBlocks).toEqual([
      {
        lang: 'sh',
        text: `aws bedrock put-use-case-for-model-access --form-data "$(base64 < use-case.json | tr -d '\\n')" --region us-east-1`
      }
    ])
    expect(tableStartingWith(summary, 'Model')?.[1]).toEqual([HAIKU, '❌ Terms'])
  })

  it('no agreement: the offer token and the agreement, one command block per place, said once', async () => {
    const state = openAccount()
    delete state.agreements[HAIKU]
    const { summary } = await scenario(state, { models: HAIKU, regions: 'us-east-1, us-west-2' })
    expect(summary.codeBlocks).toHaveLength(1)
    const lines = summary.codeBlocks[0]!.text.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(
      /^token=\$\(aws bedrock list-foundation-model-agreement-offers --model-id \S+ --region us-east-1 /
    )
    expect(lines[1]).toBe(
      `aws bedrock create-foundation-model-agreement --model-id ${HAIKU} --offer-token "$token" --region us-east-1`
    )
    // The EULA is named once, in the fix, not again as the reason the call was not made.
    expect(summary.text.match(/EULA/g)).toHaveLength(1)
    expect(summary.text).toContain(
      'the provider agreement is missing, and a first call would accept its terms (see Provider terms)'
    )
  })

  it('an OIDC trust refusal with markup in the branch name: the statement to copy, the markup only as text', async () => {
    const state = openAccount()
    state.oidc.sub = `repo:octo-org/octo-repo:ref:refs/heads/${HOSTILE}`
    const { summary, comment } = await scenario(
      state,
      { models: `${CLAUDE}, ${NOVA}`, 'role-to-assume': ROLE },
      { oidc: true, comment: true }
    )
    for (const view of [summary, comment!]) {
      expect(view.elements.has('img')).toBe(false)
      expect(view.elements.has('script')).toBe(false)
      expect(view.text).toContain(HOSTILE)
      const trust = view.codeBlocks.find(block => block.lang === 'json')
      expect(JSON.parse(trust!.text).Condition.StringLike['token.actions.githubusercontent.com:sub']).toBe(
        state.oidc.sub
      )
      expect(view.codeBlocks.find(block => block.lang === 'sh')?.text).toBe(
        [
          'aws iam get-role --role-name bedrock-ci --query Role.AssumeRolePolicyDocument',
          'aws iam update-assume-role-policy --role-name bedrock-ci --policy-document file://trust-policy.json'
        ].join('\n')
      )
    }
  })

  it('an AWS message with markup: shown as text, never as an element', async () => {
    const state = openAccount()
    state.faults = [
      {
        operation: 'Converse',
        kind: 'refuse',
        exception: 'AccessDeniedException',
        message: `Denied ${HOSTILE} | x`
      }
    ]
    const { summary } = await scenario(state, { models: NOVA })
    expect(summary.elements.has('img')).toBe(false)
    expect(summary.text).toContain(`Denied ${HOSTILE} | x`)
  })

  it('a bootstrap without the form it needs: the form command; the changes it made are a list', async () => {
    const state = freshAccount()
    state.newAgreementPendingPolls = 0
    const failing = await scenario(state, { models: CLAUDE, 'create-agreement': 'true' })
    expect(failing.summary.codeBlocks.map(block => block.text).join('\n')).toContain(
      'aws bedrock put-use-case-for-model-access'
    )
    const fresh = freshAccount()
    fresh.newAgreementPendingPolls = 0
    const { summary } = await scenario(fresh, {
      models: `${CLAUDE}, cohere.embed-english-v3`,
      'create-agreement': 'true',
      'use-case-form': FORM
    })
    expect(summary.html).toContain('<h3>Changes made to the account</h3>')
    expect(summary.text).toContain('Submitted the Anthropic use-case form in us-east-1')
    expect(summary.codeBlocks).toHaveLength(0)
  })

  it('faults only: how to get a verdict on the first screen, each fault said once, no fix to copy', async () => {
    const state = openAccount()
    state.faults = [
      { operation: 'Converse', kind: 'http500' },
      { operation: 'GetFoundationModelAvailability', kind: 'http500' },
      { operation: 'GetFoundationModel', kind: 'http500' }
    ]
    const { run, summary, comment } = await scenario(state, { models: NOVA }, { comment: true })
    expect(run.outputs.result).toBe('inconclusive')
    for (const view of [summary, comment!]) {
      expect(view.codeBlocks).toHaveLength(0)
      expect(view.text).toContain(
        'To get a verdict: AWS answered with a server error (5xx) after retries: re-run the probe.'
      )
    }
    // The summary says it again in the fault's own block; the comment's digest gives the fault one line.
    expect(
      summary.text.match(/AWS answered with a server error \(5xx\) after retries: re-run the probe/g)
    ).toHaveLength(2)
    expect(run.summary.indexOf('To get a verdict')).toBeLessThan(run.summary.indexOf('<table>'))
  })

  it('fourteen mixed checks: one code block per kind of fix, every closed cell naming its gate', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = [
      `arn:aws:bedrock:us-east-1:${state.account}:inference-profile/${CLAUDE}`,
      ...['us-east-1', 'us-east-2', 'us-west-2'].map(
        region => `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-sonnet-4-6`
      )
    ]
    delete state.agreements['cohere.embed-english-v3']
    state.models.push({ id: 'mistral.mistral-large-2407-v1:0', regions: ['us-west-2'] })
    const { summary } = await scenario(state, {
      models: [
        CLAUDE,
        NOVA,
        'amazon.titan-embed-text-v2:0',
        'cohere.embed-english-v3',
        'meta.llama3-1-8b-instruct-v1:0',
        'anthropic.claude-v2:1',
        'mistral.mistral-large-2407-v1:0'
      ].join('\n'),
      regions: 'us-east-1, us-west-2'
    })
    const matrix = tableStartingWith(summary, 'Model')!
    expect(matrix).toHaveLength(8)
    for (const cell of matrix.slice(1).flatMap(row => row.slice(1)))
      expect(cell).toMatch(/^(✅( ⚠️)?|❌ [A-Za-z +]+|🟡 [a-z0-9 ]+|—)$/)
    const langs = summary.codeBlocks.map(block => block.lang)
    expect(langs.filter(lang => lang === 'json')).toHaveLength(1)
    expect(
      summary.codeBlocks.find(block => block.lang === 'sh' && block.text.includes('put-role-policy'))
    ).toBeDefined()
  })
})
