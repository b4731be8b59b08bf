/**
 * Faults end to end: 5xx, throttling, hangs, garbage, resets, a broken OIDC endpoint and credentials that
 * expire mid-run. The probe must never crash, never hang, never read a fault as a closed gate, and always
 * write its report.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount, type EmulatorState, type Fault } from '../../emulator/state.js'
import { gateOf, runAction, type ActionRun } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
})

const MODEL = 'us.anthropic.claude-sonnet-4-6'
/** Sold outside AWS Marketplace: called even when its reads fail (no provider terms can be accepted by a call). */
const NOVA = 'amazon.nova-lite-v1:0'

async function withFaults(
  faults: Fault[],
  inputs: Record<string, string> = {},
  options: Parameters<typeof runAction>[2] = {},
  state: EmulatorState = openAccount()
) {
  state.faults = faults
  emulator = await startEmulator(state)
  const started = Date.now()
  const run = await runAction(emulator, { models: MODEL, regions: 'us-east-1', ...inputs }, options)
  return { run, seconds: (Date.now() - started) / 1000 }
}

/** No crash: a report, no unhandled rejection, no stack trace printed as a message. */
function expectCleanEnd(run: ActionRun) {
  expect(run.report).toBeDefined()
  expect(run.stderr).not.toMatch(/Unhandled|UnhandledPromiseRejection|TypeError|ReferenceError/)
  expect(run.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
}

describe('retries', () => {
  it('5xx is retried by the SDK, and a later success counts', async () => {
    const { run } = await withFaults([
      { operation: 'GetFoundationModelAvailability', kind: 'http500', times: 2 }
    ])
    expect(emulator!.count('GetFoundationModelAvailability')).toBe(3)
    expect(run.outputs.result).toBe('pass')
    expect(gateOf(run, MODEL, 'us-east-1', 'provider-terms').status).toBe('pass')
  })

  it('persistent 5xx: bounded attempts, then a warning — not a closed gate, and not a pass', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'http500' }])
    expect(emulator!.count('Converse')).toBe(3)
    const gate = gateOf(run, MODEL, 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'warn', cause: 'service-error' })
    expect(gate.detail).toMatch(/Could not be decided: Converse service error 500/)
    expect(gate.fix).toMatch(/re-run/)
    expect(run.outputs.result).toBe('inconclusive')
    expect(run.code).toBe(1)
    expectCleanEnd(run)
  })

  it('an HTML 502 from a proxy is retried and then reported as a fault', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'html502' }])
    expect(emulator!.count('Converse')).toBe(3)
    expect(gateOf(run, MODEL, 'us-east-1', 'iam-permission').status).toBe('warn')
    expectCleanEnd(run)
  })

  it('an AccessDenied is final at once: no retry', async () => {
    const state = openAccount()
    state.iam.invokeAllowed = []
    const { run } = await withFaults([], {}, {}, state)
    expect(emulator!.count('Converse')).toBe(1)
    expect(gateOf(run, MODEL, 'us-east-1', 'iam-permission').status).toBe('fail')
  })

  it('fail-on: closed lets a run with a fault through; fail-on: warn fails on a warning of a proven run', async () => {
    const closed = await withFaults([{ operation: 'Converse', kind: 'http500' }], { 'fail-on': 'closed' })
    expect(closed.run.code).toBe(0)
    expect(closed.run.outputs.result).toBe('inconclusive')
    await emulator!.close()
    const { run } = await withFaults([{ operation: 'Converse', kind: 'throttle' }], { 'fail-on': 'warn' })
    expect(run.outputs.result).toBe('pass')
    expect(run.code).toBe(1)
  })
})

describe('hangs end', () => {
  it('a hung runtime endpoint (HTTP/2): every attempt times out, the check says "timed out", the job ends', async () => {
    const { run, seconds } = await withFaults([{ operation: 'Converse', kind: 'hang' }], {
      'request-timeout-seconds': '1'
    })
    const gate = gateOf(run, MODEL, 'us-east-1', 'iam-permission')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/timed out/)
    expect(emulator!.count('Converse')).toBe(3)
    expect(seconds).toBeLessThan(15)
    expectCleanEnd(run)
  })

  it('a hung control-plane endpoint (HTTP/1.1) times out as well, and the call still decides', async () => {
    const { run, seconds } = await withFaults(
      [{ operation: 'GetFoundationModelAvailability', kind: 'hang' }],
      { models: NOVA, 'request-timeout-seconds': '1' }
    )
    expect(gateOf(run, NOVA, 'us-east-1', 'iam-permission').status).toBe('pass')
    expect(gateOf(run, NOVA, 'us-east-1', 'region').detail).toMatch(/^Proven by the call \(.*timed out/)
    expect(run.outputs.result).toBe('pass')
    expect(seconds).toBeLessThan(15)
  })

  it('a hung control-plane endpoint for a Marketplace model: no call (it could accept terms), inconclusive', async () => {
    const { run } = await withFaults([{ operation: 'GetFoundationModelAvailability', kind: 'hang' }], {
      'request-timeout-seconds': '1'
    })
    expect(emulator!.count('Converse')).toBe(0)
    expect(gateOf(run, MODEL, 'us-east-1', 'provider-terms')).toMatchObject({
      status: 'warn',
      cause: 'timed-out'
    })
    expect(run.outputs.result).toBe('inconclusive')
  })

  it('a hung STS: the checks still run, and a successful call proves the credentials', async () => {
    const { run } = await withFaults([{ operation: 'GetCallerIdentity', kind: 'hang' }], {
      'request-timeout-seconds': '1'
    })
    const gate = gateOf(run, MODEL, 'us-east-1', 'credentials')
    expect(gate.status).toBe('pass')
    expect(gate.detail).toMatch(/^Proven by the call \(Could not be decided: GetCallerIdentity timed out/)
    expect(gateOf(run, MODEL, 'us-east-1', 'iam-permission').status).toBe('pass')
  })

  it('the run deadline (timeout-seconds) ends a run whose every request hangs, and the report is still written', async () => {
    const { run, seconds } = await withFaults(
      [
        { operation: 'GetInferenceProfile', kind: 'hang' },
        { operation: 'Converse', kind: 'hang' }
      ],
      { 'request-timeout-seconds': '300', 'timeout-seconds': '10' },
      { timeoutMs: 40_000 }
    )
    expect(seconds).toBeLessThan(25)
    const gate = gateOf(run, MODEL, 'us-east-1', 'region')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/timed out/)
    expectCleanEnd(run)
  }, 45_000)
})

describe('garbage and broken connections', () => {
  it('unparseable JSON from the control plane is a fault; the call still decides', async () => {
    const { run } = await withFaults([{ operation: 'GetFoundationModelAvailability', kind: 'garbage' }], {
      models: NOVA
    })
    expect(run.outputs.result).toBe('pass')
    expect(gateOf(run, NOVA, 'us-east-1', 'model-access').detail).toMatch(
      /^Proven by the call \(.*unreadable/
    )
    expectCleanEnd(run)
  })

  it('a truncated answer with the call also failing: "could not be decided", never a closed gate', async () => {
    const { run } = await withFaults(
      [
        { operation: 'GetFoundationModelAvailability', kind: 'truncated' },
        { operation: 'Converse', kind: 'garbage' }
      ],
      { models: NOVA }
    )
    const gates = run.report!.checks[0]!.gates
    expect(Object.values(gates).some(gate => gate.status === 'fail')).toBe(false)
    expect(gates['iam-permission'].detail).toMatch(/unreadable response/)
    expect(gates['model-access'].status).toBe('warn')
    expect(run.outputs.result).toBe('inconclusive')
    expectCleanEnd(run)
  })

  it('a 200 with an empty body from Converse is not a pass', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'empty200' }])
    const gate = gateOf(run, MODEL, 'us-east-1', 'iam-permission')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/without an output message/)
  })

  it('garbage XML from STS leaves the credentials gate undecided until the call proves it', async () => {
    const { run } = await withFaults([{ operation: 'GetCallerIdentity', kind: 'truncated' }], {
      invoke: 'false'
    })
    expect(gateOf(run, MODEL, 'us-east-1', 'credentials')).toMatchObject({ status: 'warn', cause: 'fault' })
    expect(run.outputs.result).toBe('inconclusive')
    expectCleanEnd(run)
  })

  it('a reset HTTP/1.1 connection is retried (a transient error), and the call still decides', async () => {
    const { run } = await withFaults([
      { operation: 'GetFoundationModelAvailability', kind: 'reset', times: 2 }
    ])
    expect(emulator!.count('GetFoundationModelAvailability')).toBe(3)
    expect(run.outputs.result).toBe('pass')
  })

  it('a reset HTTP/2 stream on the call is reported as a fault, not a closed gate', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'reset' }])
    const gate = gateOf(run, MODEL, 'us-east-1', 'iam-permission')
    expect(gate).toMatchObject({ status: 'warn', cause: 'fault' })
    expect(gate.detail).toMatch(/connection failed/)
    expectCleanEnd(run)
  })
})

describe('OIDC endpoint trouble', () => {
  const oidcInputs = { 'role-to-assume': 'arn:aws:iam::111122223333:role/bedrock-ci' }

  it('an erroring token endpoint: a clear credentials warning and a report', async () => {
    const { run } = await withFaults([{ operation: 'OidcToken', kind: 'http500' }], oidcInputs, {
      oidc: true
    })
    const gate = gateOf(run, MODEL, 'us-east-1', 'credentials')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/^Could not get a GitHub OIDC token/)
    expect(emulator!.count('AssumeRoleWithWebIdentity')).toBe(0)
    expectCleanEnd(run)
  })

  it('a token endpoint that returns no token', async () => {
    const { run } = await withFaults([{ operation: 'OidcToken', kind: 'empty200' }], oidcInputs, {
      oidc: true
    })
    const gate = gateOf(run, MODEL, 'us-east-1', 'credentials')
    expect(gate.status).toBe('warn')
    expect(gate.detail).toMatch(/ID Token/)
    expectCleanEnd(run)
  })

  it('a hung token endpoint is cut off by the deadline', async () => {
    const { run, seconds } = await withFaults(
      [{ operation: 'OidcToken', kind: 'hang' }],
      { ...oidcInputs, 'request-timeout-seconds': '1' },
      { oidc: true }
    )
    expect(gateOf(run, MODEL, 'us-east-1', 'credentials').detail).toMatch(/timed out/)
    expect(seconds).toBeLessThan(15)
    expectCleanEnd(run)
  })
})

describe('credentials that expire mid-run', () => {
  it('ExpiredToken on the call is reported on the credentials gate', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'expired' }])
    const gate = gateOf(run, MODEL, 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'fail', cause: 'credentials-expired' })
    expect(gateOf(run, MODEL, 'us-east-1', 'iam-permission').status).toBe('skip')
  })
})

describe('isolation', () => {
  it('one failing check never stops the others', async () => {
    const { run } = await withFaults([{ operation: 'Converse', kind: 'hang', region: 'us-west-2' }], {
      regions: 'us-east-1, us-west-2, us-east-2',
      'request-timeout-seconds': '1'
    })
    expect(gateOf(run, MODEL, 'us-west-2', 'iam-permission').status).toBe('warn')
    expect(gateOf(run, MODEL, 'us-east-1', 'iam-permission').status).toBe('pass')
    expect(gateOf(run, MODEL, 'us-east-2', 'iam-permission').status).toBe('pass')
  })
})
