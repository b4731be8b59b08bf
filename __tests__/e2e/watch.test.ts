/**
 * open-issue end to end: a scheduled watch opens one issue per workflow and job on a failing run, updates it (and
 * says what changed) on the next failure instead of opening a second, and comments and closes it when a run
 * passes; warnings open it only with `warnings`; without the permission it says so and the verdict stands.
 */
import { describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount, type EmulatorState } from '../../emulator/state.js'
import { githubView } from '../support/github-view.js'
import { runAction } from './harness.js'
import { afterEach } from '@jest/globals'

const NOVA = 'amazon.nova-lite-v1:0'
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'
const WORKFLOW_REF = 'octo-org/octo-repo/.github/workflows/watch.yml@refs/heads/main'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

/** One scheduled run of the watch job against the account as it is now. */
async function watchRun(state: EmulatorState, inputs: Record<string, string> = {}, job = 'bedrock') {
  emulator ??= await startEmulator(state)
  return runAction(
    emulator,
    {
      models: `${NOVA}, ${HAIKU}`,
      regions: 'us-east-1',
      'open-issue': 'failures',
      'github-token': state.github.token,
      'fail-on': 'never',
      ...inputs
    },
    {
      env: {
        GITHUB_REPOSITORY: 'octo-org/octo-repo',
        GITHUB_API_URL: `${emulator.url}/_github`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
        GITHUB_WORKFLOW_REF: WORKFLOW_REF,
        GITHUB_WORKFLOW: 'Bedrock watch',
        GITHUB_JOB: job,
        GITHUB_EVENT_NAME: 'schedule'
      }
    }
  )
}

const openIssues = (state: EmulatorState) => state.github.issues.filter(issue => issue.state === 'open')

describe('a scheduled watch keeps one issue', () => {
  it('opens on failure, updates on the next failure saying what changed, and closes when access is back', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = [] // no policy allows the calls: both checks fail at IAM
    const first = await watchRun(state)
    expect(first.outputs.result).toBe('fail')
    expect(openIssues(state)).toHaveLength(1)
    const issue = openIssues(state)[0]!
    expect(issue.labels).toEqual(['bedrock-access-probe'])
    expect(issue.title).toContain('(.github/workflows/watch.yml / bedrock)')
    expect(issue.body).toContain(
      '<!-- bedrock-access-probe:watch workflow=.github/workflows/watch.yml job=bedrock -->'
    )
    // The body is the summary, as GitHub renders it: the policy to copy is a code block.
    const view = githubView(issue.body)
    expect(
      view.codeBlocks.some(block => block.lang === 'json' && block.text.includes('bedrock:InvokeModel'))
    ).toBe(true)
    expect(view.text).toContain('workflow run')

    // Still failing, but one check recovered: the same issue, its body updated, a comment on what changed.
    state.iam.invokeAllowed = [`arn:aws:bedrock:us-east-1::foundation-model/${NOVA}`]
    await watchRun(state)
    expect(state.github.issues).toHaveLength(1)
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]!.body).toContain('No longer seen')
    expect(issue.comments[0]!.body).toContain(`${NOVA} @ us-east-1: iam-permission fail (iam-no-allow)`)
    expect(issue.body).not.toContain(`<code>${NOVA}</code> @ us-east-1</p>`)

    // The same failure again: the body is refreshed, no comment repeats it.
    await watchRun(state)
    expect(issue.comments).toHaveLength(1)

    // Access is back: a comment says so, and the issue is closed.
    state.iam.invokeAllowed = undefined
    const recovered = await watchRun(state)
    expect(recovered.outputs.result).toBe('pass')
    expect(issue.state).toBe('closed')
    expect(issue.state_reason).toBe('completed')
    expect(issue.comments.at(-1)!.body).toMatch(
      /^Access proven again by \[this run\]\(https:\/\/github.com\/octo-org\/octo-repo\/actions\/runs\/4242\)/
    )

    // A passing run with no issue open does nothing.
    const before = emulator!.calls.length
    await watchRun(state)
    const issueCalls = emulator!.calls
      .slice(before)
      .filter(call => /GitHub(Create|Update)/.test(call.operation))
    expect(issueCalls).toHaveLength(0)
  })

  it('another job of the same workflow has its own issue; a pull request in the list is never taken for one', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    state.github.issues.push({
      number: 7,
      title: 'a pull request that quotes the marker',
      body: '<!-- bedrock-access-probe:watch workflow=.github/workflows/watch.yml job=bedrock -->',
      state: 'open',
      labels: ['bedrock-access-probe'],
      comments: [],
      pull_request: { url: 'https://api.github.com/repos/octo-org/octo-repo/pulls/7' }
    })
    await watchRun(state, {}, 'bedrock')
    await watchRun(state, {}, 'bedrock-eu')
    const watch = state.github.issues.filter(issue => !issue.pull_request)
    expect(watch).toHaveLength(2)
    expect(watch.map(issue => issue.body.match(/job=([\w-]+)/)?.[1]).sort()).toEqual([
      'bedrock',
      'bedrock-eu'
    ])
  })

  it('warnings open the issue only with open-issue: warnings', async () => {
    const state = openAccount()
    state.models.find(model => model.id === NOVA)!.lifecycle = {
      status: 'ACTIVE',
      endOfLifeTime: new Date(Date.now() + 20 * 86_400_000)
    }
    const failuresOnly = await watchRun(state, { models: NOVA })
    expect(failuresOnly.outputs.result).toBe('pass')
    expect(state.github.issues).toHaveLength(0)
    await watchRun(state, { models: NOVA, 'open-issue': 'warnings' })
    expect(openIssues(state)).toHaveLength(1)
    expect(openIssues(state)[0]!.body).toContain('end of life is near')
  })

  it('without issues: write it says so once, and the verdict is unchanged', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    state.github.issuesReadOnly = true
    const run = await watchRun(state, { 'fail-on': 'error' })
    expect(run.outputs.result).toBe('fail')
    expect(run.code).toBe(1)
    const warnings = run.stdout.split('\n').filter(line => line.includes('open-issue could not'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('issues: write')
    expect(state.github.issues).toHaveLength(0)
  })

  it('open-issue with a value it does not take is refused, naming the input', async () => {
    const state = openAccount()
    const run = await watchRun(state, { 'open-issue': 'always' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('open-issue')
    expect(run.stdout).toContain('Use never (default), failures')
    expect(emulator!.calls).toHaveLength(0)
  })
})
