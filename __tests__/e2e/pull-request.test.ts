/**
 * A PR check end to end: models-from on a pull_request event probes the IDs the PR adds first, annotates the
 * added line, and comment: true keeps one sticky comment (created once, then updated). GitHub's REST API is
 * the emulator's, through GITHUB_API_URL, as @actions/github reads it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount } from '../../emulator/state.js'
import { runAction } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

function pullRequestWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'pr-'))
  mkdirSync(join(workspace, 'app'))
  writeFileSync(join(workspace, 'app/old.ts'), 'export const CHAT = "us.anthropic.claude-sonnet-4-6"\n')
  writeFileSync(
    join(workspace, 'app/new.ts'),
    '// embeddings\n\nexport const EMBED = "amazon.titan-embed-text-v2:0"\nexport const FAST = "amazon.nova-lite-v1:0"\n'
  )
  const event = join(workspace, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: { number: 7 },
      repository: { name: 'octo-repo', owner: { login: 'octo-org' } }
    })
  )
  return { workspace, event }
}

async function prRun(inputs: Record<string, string>) {
  const { workspace, event } = pullRequestWorkspace()
  const state = openAccount()
  state.github.files = [
    {
      filename: 'app/new.ts',
      patch:
        '@@ -1,2 +1,4 @@\n // embeddings\n \n+export const EMBED = "amazon.titan-embed-text-v2:0"\n+export const FAST = "amazon.nova-lite-v1:0"'
    }
  ]
  state.iam.invokeAllowed = [
    `arn:aws:bedrock:us-east-1:${state.account}:inference-profile/us.anthropic.claude-sonnet-4-6`,
    'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6',
    'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0'
  ]
  emulator ??= await startEmulator(state)
  const env = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_API_URL: `${emulator.url}/_github`
  }
  return runAction(
    emulator,
    {
      models: '',
      'models-from': 'app/**',
      regions: 'us-east-1',
      'github-token': emulator.state.github.token,
      ...inputs
    },
    { env }
  )
}

describe('pull-request checks', () => {
  it('probes the IDs the PR adds first and annotates the added line', async () => {
    const run = await prRun({})
    expect(run.report!.checks.map(check => check.model)).toEqual([
      'amazon.titan-embed-text-v2:0',
      'amazon.nova-lite-v1:0',
      'us.anthropic.claude-sonnet-4-6'
    ])
    expect(run.report!.checks[1]!.source).toEqual({ file: 'app/new.ts', line: 4 })
    expect(run.stdout).toMatch(
      /^::error title=Bedrock IAM permission closed \(1 check\),file=app\/new.ts,line=4::IAM permission closed for amazon.nova-lite-v1:0 @ us-east-1/m
    )
    expect(emulator!.count('GitHubListPullFiles')).toBe(1)
    expect(emulator!.count('GitHubCreateComment')).toBe(0)
  })

  it('comment: true posts one sticky comment, then updates it', async () => {
    await prRun({ comment: 'true' })
    expect(emulator!.state.github.comments).toHaveLength(1)
    expect(emulator!.state.github.comments[0]!.body).toMatch(
      /^<!-- bedrock-access-probe -->\n\n<h2>❌ 1 of 3 Bedrock access checks failed: IAM permission closed<\/h2>/
    )
    await prRun({ comment: 'true' })
    expect(emulator!.count('GitHubCreateComment')).toBe(1)
    expect(emulator!.count('GitHubUpdateComment')).toBe(1)
    expect(emulator!.state.github.comments).toHaveLength(1)
  })

  it('a refused GitHub token is a warning, never a failed probe', async () => {
    const run = await prRun({ comment: 'true', 'github-token': 'wrong' })
    expect(run.stdout).toMatch(/::warning::Could not read the pull request's files/)
    expect(run.stdout).toMatch(/::warning::Could not post the PR comment/)
    expect(run.report!.checks).toHaveLength(3)
  })
})
