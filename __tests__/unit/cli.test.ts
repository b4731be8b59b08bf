/** The CLI front end in-process: flags, exit codes, what goes to stdout and stderr (the engine is injected). */
import { describe, expect, it, jest } from '@jest/globals'
import { main, type CliIo } from '../../src/cli/main.js'
import type { ProbeInputs } from '../../src/inputs/parse.js'
import type { runProbe } from '../../src/run/probe.js'
import type { CheckResult, ProbeOutcome, Report } from '../../src/types.js'

const passing: CheckResult = {
  model: 'amazon.nova-lite-v1:0',
  region: 'us-east-1',
  result: 'pass',
  invocation: 'converse',
  calls: [],
  gates: {
    credentials: { status: 'pass', detail: 'ok' },
    region: { status: 'pass', detail: 'ok' },
    'model-access': { status: 'pass', detail: 'ok' },
    'provider-terms': { status: 'pass', detail: 'ok' },
    'iam-permission': { status: 'pass', detail: 'ok' },
    capacity: { status: 'pass', detail: 'ok' }
  }
}

function outcome(result: Report['result']): ProbeOutcome {
  const check: CheckResult =
    result === 'pass'
      ? passing
      : {
          ...passing,
          result: 'fail',
          gates: {
            ...passing.gates,
            'iam-permission': { status: 'fail', cause: 'iam-no-allow', detail: 'no' }
          }
        }
  return {
    report: {
      result,
      identity: { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/r/s' },
      checks: [check],
      changes: [],
      counts: { pass: result === 'pass' ? 1 : 0, fail: result === 'pass' ? 0 : 1, inconclusive: 0, warn: 0 }
    },
    iamPolicy: ''
  }
}

function io(result: Report['result'] = 'pass') {
  const out: string[] = []
  const err: string[] = []
  const probe = jest.fn<typeof runProbe>(async () => outcome(result))
  const cliIo: CliIo = {
    stdout: text => void out.push(text),
    stderr: text => void err.push(text),
    env: {},
    cwd: process.cwd(),
    probe
  }
  return { cliIo, probe, stdout: () => out.join(''), stderr: () => err.join('') }
}

describe('CLI', () => {
  it('the progress on stderr (--verbose) wraps at 80 columns when not a terminal, as the report does', async () => {
    const { cliIo, probe, stderr } = io()
    probe.mockImplementation(async (_inputs, deps) => {
      deps.log.info(
        `Credentials: pass — Authenticated as ${'arn:aws:sts::111122223333:assumed-role/a-rather-long-role-name/session '.repeat(2)}`
      )
      return outcome('pass')
    })
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', '--verbose'], cliIo)
    const lines = stderr().split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
  })

  it('progress only on a terminal or with --verbose: a piped log says each result once; warnings always', async () => {
    const { cliIo, probe, stderr } = io()
    probe.mockImplementation(async (_inputs, deps) => {
      deps.log.info('PASS amazon.nova-lite-v1:0 @ us-east-1')
      deps.log.warning('the quotas could not be read')
      return outcome('pass')
    })
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1'], cliIo)
    expect(stderr()).not.toContain('PASS amazon.nova-lite-v1:0 @ us-east-1')
    expect(stderr()).toContain('warning: the quotas could not be read')
    const terminal = io()
    terminal.probe.mockImplementation(async (_inputs, deps) => {
      deps.log.info('PASS amazon.nova-lite-v1:0 @ us-east-1')
      return outcome('pass')
    })
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1'], {
      ...terminal.cliIo,
      progressTerminal: true
    })
    expect(terminal.stderr()).toContain('PASS amazon.nova-lite-v1:0 @ us-east-1')
  })

  it('--help prints the usage and exits 0 without probing', async () => {
    const { cliIo, probe, stdout } = io()
    expect(await main(['--help'], cliIo)).toBe(0)
    expect(stdout()).toMatch(/^Usage: bedrock-access-probe --models/)
    expect(probe).not.toHaveBeenCalled()
  })

  it('an unknown flag is a usage error (exit 2) that suggests the flag meant, not the whole help', async () => {
    const { cliIo, probe, stderr } = io()
    expect(await main(['--modles', 'x'], cliIo)).toBe(2)
    expect(stderr()).toBe(
      'bedrock-access-probe: unknown option --modles; did you mean --models?\nRun bedrock-access-probe --help for every option.\n'
    )
    const region = io()
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--region', 'us-east-1'], region.cliIo)).toBe(2)
    expect(region.stderr()).toContain('unknown option --region; did you mean --regions?')
    const far = io()
    expect(await main(['--frobnicate'], far.cliIo)).toBe(2)
    expect(far.stderr()).not.toContain('did you mean')
    expect(probe).not.toHaveBeenCalled()
  })

  it('bad input names the flag as it was typed and exits 2 before any AWS call', async () => {
    const { cliIo, probe, stderr } = io()
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'mars-1'], cliIo)).toBe(2)
    expect(stderr()).toMatch(/^bedrock-access-probe: --regions entry "mars-1" is not an AWS region\.\s/)
    // The error and its fix fold at 80 columns, as the report does.
    expect(stderr().split('\n').length).toBeGreaterThan(2)
    for (const line of stderr().split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    expect(probe).not.toHaveBeenCalled()
  })

  it('--role-to-assume is explained for a terminal (it needs a GitHub OIDC token) and exits 2', async () => {
    const { cliIo, probe, stderr } = io()
    const role = 'arn:aws:iam::111122223333:role/ci'
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--role-to-assume', role], cliIo)).toBe(2)
    expect(stderr()).toContain('--role-to-assume needs a GitHub OIDC token')
    expect(stderr()).toContain('--profile')
    expect(stderr()).not.toContain('id-token: write')
    expect(probe).not.toHaveBeenCalled()
  })

  it('--help folds at 80 columns when not a terminal, and at the width of a terminal', async () => {
    const piped = io()
    await main(['--help'], piped.cliIo)
    const lines = piped.stdout().split('\n')
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
    // A flag's description continues in its column.
    const models = lines.findIndex(line => line.startsWith('  --models LIST'))
    expect(lines[models + 1]).toMatch(/^ {32}\S/)
    const wide = io()
    await main(['--help'], { ...wide.cliIo, terminal: { isTTY: true, columns: 140 } })
    expect(wide.stdout()).toContain(
      '  --models LIST                 model IDs, inference-profile IDs or ARNs (comma-separated)\n'
    )
  })

  it('--help lists every flag the CLI accepts', async () => {
    const { cliIo, stdout } = io()
    await main(['--help'], cliIo)
    for (const flag of [
      '--models',
      '--regions',
      '--profile',
      '--report-file',
      '--role-to-assume',
      '--json',
      '--version'
    ])
      expect(stdout()).toContain(flag)
  })

  it('passes the flags to the engine as the action inputs', async () => {
    const { cliIo, probe } = io()
    await main(
      ['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1,eu-west-1', '--no-invoke'],
      cliIo
    )
    const inputs = probe.mock.calls[0]![0] as ProbeInputs
    expect(inputs.invoke).toBe(false)
    expect(inputs.pairs.map(pair => pair.region)).toEqual(['us-east-1', 'eu-west-1'])
  })

  it.each([
    [['--invoke=false'], false],
    [['--invoke=true'], true],
    [['--invoke'], true],
    [['--no-invoke'], false]
  ])("%j: the action's spelling of invoke is understood (invoke %s)", async (flag, invoke) => {
    const { cliIo, probe } = io()
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', ...flag], cliIo)
    expect((probe.mock.calls[0]![0] as ProbeInputs).invoke).toBe(invoke)
  })

  it('--invoke=maybe names the values, and --no-invoke', async () => {
    const { cliIo, stderr } = io()
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--invoke=maybe'], cliIo)).toBe(2)
    expect(stderr().replace(/\s+/g, ' ')).toContain(
      '--invoke takes true or false, not "maybe" (or use --no-invoke)'
    )
  })

  it('--json prints only the report on stdout; exit 1 when a gate is closed', async () => {
    const { cliIo, stdout } = io('fail')
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', '--json'], cliIo)).toBe(
      1
    )
    expect((JSON.parse(stdout()) as Report).result).toBe('fail')
  })

  it('a table and exit 0 when every gate is open', async () => {
    const { cliIo, stdout } = io('pass')
    expect(await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1'], cliIo)).toBe(0)
    expect(stdout()).toMatch(/^1 Bedrock access check passed: access proven/)
  })
})

describe('CLI flags', () => {
  it('--version prints the version it was built with', async () => {
    const { cliIo, probe, stdout } = io()
    expect(await main(['--version'], { ...cliIo, version: '9.8.7' })).toBe(0)
    expect(stdout()).toBe('9.8.7\n')
    expect(probe).not.toHaveBeenCalled()
  })

  it('boolean flags take =true and =false, and refuse anything else', async () => {
    const { cliIo, stdout } = io()
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', '--json=false'], cliIo)
    expect(stdout()).toMatch(/^1 Bedrock access check passed/)
    const json = io()
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', '--json=true'], json.cliIo)
    expect(JSON.parse(json.stdout())).toMatchObject({ result: 'pass' })
    const bad = io()
    expect(await main(['--json=maybe'], bad.cliIo)).toBe(2)
    expect(bad.stderr()).toContain('--json takes true or false, not "maybe"')
  })

  it('--profile names the profile for the credential chain', async () => {
    const { cliIo, probe } = io()
    await main(['--models', 'amazon.nova-lite-v1:0', '--regions', 'us-east-1', '--profile', 'ci'], cliIo)
    expect((probe.mock.calls[0]![0] as ProbeInputs).profile).toBe('ci')
  })
})
