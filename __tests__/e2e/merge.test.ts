/**
 * One report for a fleet, end to end: three jobs probe three accounts (each writes its report with report-file),
 * then the action's merge mode and the CLI's `merge` make one summary with an account column and one result.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../emulator/server.js'
import { AMBIENT_KEY, openAccount, type EmulatorState } from '../../emulator/state.js'
import { runAction, runCli, type ActionRun } from './harness.js'
import type { Report } from '../../src/types.js'

const dir = mkdtempSync(join(tmpdir(), 'fleet-'))
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'] as const
const MODELS = 'us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0'

/** An open account under another ID: the caller and the ARNs the emulator names follow it. */
function accountState(account: string): EmulatorState {
  const state = openAccount()
  state.account = account
  state.accessKeys[AMBIENT_KEY]!.arn = `arn:aws:sts::${account}:assumed-role/fleet-runner/i-0abc`
  return state
}

async function probeAccount(state: EmulatorState, inputs: Record<string, string>): Promise<ActionRun> {
  const emulator = await startEmulator(state)
  try {
    return await runAction(emulator, inputs)
  } finally {
    await emulator.close()
  }
}

/** The merge job: no AWS at all (an emulator is started only because the runner helper needs an endpoint). */
async function mergeRun(inputs: Record<string, string>): Promise<ActionRun> {
  return probeAccount(openAccount(), { models: '', ...inputs })
}

beforeAll(async () => {
  const [first, second, third] = ACCOUNTS
  // Account 1: everything open. Account 2: IAM allows nothing. Account 3: Nova Lite not offered in us-west-2.
  const closedIam = accountState(second)
  closedIam.iam.invokeAllowed = []
  for (const [account, state, regions] of [
    [first, accountState(first), 'us-east-1'],
    [second, closedIam, 'us-east-1'],
    [third, accountState(third), 'us-east-1, us-west-2']
  ] as const) {
    const run = await probeAccount(state, {
      models: MODELS,
      regions,
      'fail-on': 'never',
      'report-file': join(dir, `report-${account}.json`)
    })
    expect(run.outputs.result).toBeDefined()
  }
}, 60_000)

describe('merge', () => {
  it('report-file writes the report each job uploads', async () => {
    const { readFileSync } = await import('node:fs')
    const report = JSON.parse(readFileSync(join(dir, `report-${ACCOUNTS[1]}.json`), 'utf8')) as Report
    expect(report.identity?.account).toBe(ACCOUNTS[1])
    expect(report.result).toBe('fail')
  })

  it('the action merges three account reports into one table with an account column and one result', async () => {
    const run = await mergeRun({ merge: join(dir, 'report-*.json') })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('fail')
    const report = run.report!
    expect(report.checks).toHaveLength(2 + 2 + 4)
    expect([...new Set(report.checks.map(check => check.account))].sort()).toEqual([...ACCOUNTS])
    expect(report.counts).toEqual({ pass: 5, fail: 3, inconclusive: 0, warn: 0 })
    // One row per account × model, a column per region; the cell names the closed gate.
    expect(run.summary).toContain(
      '<tr><th>Account</th><th>Model</th><th>us-east-1</th><th>us-west-2</th></tr>'
    )
    const matrix = run.summary.slice(0, run.summary.indexOf('</table>'))
    expect(matrix.match(/<tr><td>/g)).toHaveLength(6)
    expect(run.summary).toContain(
      `<tr><td><code>${ACCOUNTS[1]}</code></td><td><code>amazon.nova-lite-v1:0</code></td><td>❌ IAM</td><td>—</td></tr>`
    )
    expect(run.summary).toContain(
      `<tr><td><code>${ACCOUNTS[2]}</code></td><td><code>amazon.nova-lite-v1:0</code></td><td>✅</td><td>❌ Region</td></tr>`
    )
    expect(run.summary).toContain(`<b>Accounts</b> <code>${ACCOUNTS[0]}</code>`)
    // Each account's fix stays its own: the IAM section names account 2 only.
    expect(run.summary).toMatch(new RegExp(`IAM permission closed[^]*${ACCOUNTS[1]}`))
    expect(run.outputs['iam-policy']).toBe('')
  })

  it('the CLI merges the same files, as a table or JSON, with one exit code', async () => {
    const files = ACCOUNTS.map(account => join(dir, `report-${account}.json`))
    const text = await runCli(['merge', ...files], { PATH: process.env.PATH, HOME: dir })
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/^3 of 8 Bedrock access checks failed: Region and IAM permission closed/)
    // One line per check, led by its account; one probe line counts the distinct models.
    expect(text.stdout).toMatch(/^FAIL {2}222222222222 {2}amazon.nova-lite-v1:0\s+us-east-1 {2}IAM$/m)
    expect(text.stdout).toMatch(/^Probed: 2 models × /m)
    const json = await runCli(['merge', join(dir, 'report-*.json'), '--json'], {
      PATH: process.env.PATH,
      HOME: dir
    })
    expect((JSON.parse(json.stdout) as Report).checks).toHaveLength(8)
  })

  it('bad input is named: no file, or a file that is not a report', async () => {
    const none = await mergeRun({ merge: join(dir, 'nothing-*.json') })
    expect(none.code).toBe(1)
    expect(none.stdout).toMatch(/::error::Input "merge": ".*nothing-\*\.json" names no file/)
    const stray = join(dir, 'stray.json')
    writeFileSync(stray, '{"hello": "world"}')
    const notReport = await mergeRun({ merge: stray })
    expect(notReport.stdout).toContain(`${stray} is not a bedrock-access-probe report`)
    const cliRun = await runCli(['merge', stray], { PATH: process.env.PATH, HOME: dir })
    expect(cliRun.code).toBe(2)
    expect(cliRun.stderr).toContain('is not a bedrock-access-probe report')
  })
})
