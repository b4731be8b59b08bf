/**
 * The CLI bundle (cli/index.js, built from the current sources) and models-from, end to end against the emulator: same engine, other front end.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GOOD_FORM } from '../../__fixtures__/forms.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { freshAccount, openAccount, type EmulatorState } from '../../emulator/state.js'
import { cliEnv, runAction, runCli, type CliRun } from './harness.js'
import type { Report } from '../../src/types.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

async function cli(state: EmulatorState, args: string[]): Promise<CliRun> {
  emulator = await startEmulator(state)
  return runCli(args, cliEnv(emulator, mkdtempSync(join(tmpdir(), 'cli-'))))
}

describe('CLI', () => {
  it('exit 0 and a table when every gate is open', async () => {
    const run = await cli(openAccount(), [
      '--models',
      'us.anthropic.claude-sonnet-4-6,amazon.nova-lite-v1:0',
      '--regions',
      'us-east-1'
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^All 2 Bedrock access checks passed: access proven/)
    // The model × region grid, then the six gates, every one proven open for both checks.
    expect(run.stdout).toMatch(
      /^MODEL\s+us-east-1\nus\.anthropic\.claude-sonnet-4-6\s+ok\namazon\.nova-lite-v1:0\s+ok$/m
    )
    expect(run.stdout).toMatch(/^IAM permission\s+2\s+-\s+-/m)
    expect(run.stdout).not.toMatch(/^pass /m)
  })

  it('--verbose adds one line per check', async () => {
    const run = await cli(openAccount(), [
      '--models',
      'us.anthropic.claude-sonnet-4-6,amazon.nova-lite-v1:0',
      '--regions',
      'us-east-1',
      '--verbose'
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Every check \(2\)\npass {2}us\.anthropic\.claude-sonnet-4-6 {2}us-east-1$/m)
  })

  it('exit 1 when a gate is closed, with the same fix as the action', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const run = await cli(state, ['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('IAM permission closed: no policy allows the call (1 check)')
    expect(run.stdout).toContain('"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"')
  })

  it('exit 2 on bad input, before any AWS call', async () => {
    const run = await cli(openAccount(), ['--models', 'amazon.nova-lite-v1:0', '--regions', 'nowhere'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--regions entry "nowhere" is not an AWS region')
    expect(emulator!.calls).toEqual([])
  })

  it('exit 2 on an unknown flag, naming the flag meant and the way to --help', async () => {
    const run = await cli(openAccount(), ['--model', 'x'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'bedrock-access-probe: unknown option --model; did you mean --models?\nRun bedrock-access-probe --help for every option.\n'
    )
  })

  it('--json prints the report for machines', async () => {
    const run = await cli(openAccount(), [
      '--models',
      'amazon.nova-lite-v1:0',
      '--regions',
      'us-east-1',
      '--json',
      '--no-invoke'
    ])
    const report = JSON.parse(run.stdout) as Report
    expect(report.result).toBe('pass')
    expect(report.checks[0]!.gates['iam-permission'].status).toBe('skip')
    expect(emulator!.count('Converse')).toBe(0)
  })

  it('bootstraps a fresh account from a runner script', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-form-'))
    writeFileSync(join(dir, 'form.json'), JSON.stringify(GOOD_FORM))
    const run = await cli(freshAccount(), [
      '--models',
      'us.anthropic.claude-sonnet-4-6',
      '--regions',
      'us-east-1',
      '--create-agreement',
      '--use-case-form',
      join(dir, 'form.json')
    ])
    expect(run.code).toBe(0)
    // Prose wraps at 80 columns when stdout is not a terminal.
    const text = run.stdout.replace(/\n {2}/g, ' ')
    expect(text).toContain('Changed: submitted the Anthropic use-case form in us-east-1')
    expect(text).toContain(
      'Changed: created the model agreement for anthropic.claude-sonnet-4-6 in us-east-1'
    )
    expect(emulator!.count('CreateFoundationModelAgreement')).toBe(1)
  })
})

describe('models-from', () => {
  it('probes the IDs found in the repository and annotates the line that names a failing one', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    mkdirSync(join(workspace, 'src'))
    writeFileSync(
      join(workspace, 'src/chat.py'),
      'import boto3\n\nMODEL_ID = "amazon.nova-lite-v1:0"\nFALLBACK = "us.anthropic.claude-sonnet-4-6"\n'
    )
    const state = openAccount()
    state.iam.invokeAllowed = [
      `arn:aws:bedrock:us-east-1:${state.account}:inference-profile/us.anthropic.claude-sonnet-4-6`,
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6'
    ]
    emulator = await startEmulator(state)
    const run = await runAction(
      emulator,
      { models: '', 'models-from': 'src/**/*.py', regions: 'us-east-1' },
      { env: { GITHUB_WORKSPACE: workspace } }
    )
    expect(run.report!.checks.map(check => check.model)).toEqual([
      'amazon.nova-lite-v1:0',
      'us.anthropic.claude-sonnet-4-6'
    ])
    expect(run.report!.checks[0]!.source).toEqual({ file: 'src/chat.py', line: 3 })
    expect(run.stdout).toMatch(
      /^::error title=Bedrock IAM permission closed \(1 check\),file=src\/chat.py,line=3::IAM permission closed for amazon.nova-lite-v1:0 @ us-east-1/m
    )
    expect(run.report!.checks[1]!.result).toBe('pass')
  })

  it('says so when the globs find no model ID and none is given', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    writeFileSync(join(workspace, 'a.txt'), 'nothing here')
    emulator = await startEmulator(openAccount())
    const run = await runAction(
      emulator,
      { models: '', 'models-from': '*.txt', regions: 'us-east-1' },
      { env: { GITHUB_WORKSPACE: workspace } }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Input "models" is empty and models-from found no model IDs')
    expect(emulator.calls).toEqual([])
  })
})
