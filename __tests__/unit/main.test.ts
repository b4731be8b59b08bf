/**
 * The action's orchestration with @actions/core and the probe engine replaced by doubles: inputs are read
 * once and refused before any AWS call, outputs and the summary are published, and fail-on decides the step.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import type { GateResult, ProbeOutcome, Report } from '../../src/types.js'
import { overallResult } from '../../src/gates/sequence.js'
import { buildReport } from '../../src/report/build/verdict.js'

const runProbe = jest.fn<(...args: unknown[]) => Promise<ProbeOutcome>>()
jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('../../src/run/probe.js', () => ({ runProbe }))
const { run } = await import('../../src/main.js')

const pass: GateResult = { status: 'pass', detail: 'ok' }
const warn: GateResult = { status: 'warn', cause: 'agreement-pending', detail: 'PENDING', fix: 'wait' }
const fault: GateResult = {
  status: 'warn',
  cause: 'unreachable',
  detail: 'could not connect',
  fix: 'network'
}
const fail: GateResult = { status: 'fail', detail: 'denied', fix: 'allow it', cause: 'iam-no-allow' }

function outcome(iam: GateResult, provider: GateResult = pass): ProbeOutcome {
  const gates = {
    credentials: pass,
    region: pass,
    'model-access': pass,
    'provider-terms': provider,
    'iam-permission': iam,
    capacity: pass
  }
  const check = {
    model: 'amazon.nova-lite-v1:0',
    region: 'us-east-1',
    invocation: 'converse' as const,
    calls: [],
    gates
  }
  const report: Report = buildReport(
    [{ ...check, result: overallResult(gates) }],
    { account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/ci/x' },
    []
  )
  return { report, iamPolicy: iam.status === 'fail' ? '{"Version":"2012-10-17"}' : '' }
}

function givenInputs(values: Record<string, string>) {
  core.getInput.mockImplementation(name => values[name] ?? '')
}

const outputs = () => Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, value]))

describe('run', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    process.env.GITHUB_STEP_SUMMARY = '/dev/null'
  })

  it('publishes result, report and iam-policy, the summary and annotations, and fails on a closed gate', async () => {
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' })
    runProbe.mockResolvedValue(outcome(fail))
    await run()
    expect(outputs().result).toBe('fail')
    expect(JSON.parse(outputs().report as string).checks[0].gates['iam-permission'].status).toBe('fail')
    expect(outputs()['iam-policy']).toBe('{"Version":"2012-10-17"}')
    expect(core.summary.addRaw).toHaveBeenCalledWith(expect.stringContaining('<table>'))
    expect(core.summary.write).toHaveBeenCalled()
    // The log: the verdict and table open, each finding a collapsible group.
    expect(core.startGroup).toHaveBeenCalledWith(
      '✗ IAM permission closed: no policy allows the call (1 check)'
    )
    expect(core.endGroup).toHaveBeenCalledTimes(core.startGroup.mock.calls.length)
    expect(core.error).toHaveBeenCalledWith(
      expect.stringContaining('IAM permission closed for amazon.nova-lite-v1:0 @ us-east-1: denied'),
      expect.objectContaining({ title: expect.any(String) })
    )
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^1 of 1 Bedrock access check failed: IAM permission closed/)
    )
  })

  it('fail-on: never reports without failing the step', async () => {
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'fail-on': 'never' })
    runProbe.mockResolvedValue(outcome(fail))
    await run()
    expect(outputs().result).toBe('fail')
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('an unproven run fails the step by default and says why; fail-on: closed lets it pass', async () => {
    runProbe.mockResolvedValue(outcome(fault))
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' })
    await run()
    expect(outputs().result).toBe('inconclusive')
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/nothing was proven|not proven/))
    jest.clearAllMocks()
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'fail-on': 'closed' })
    await run()
    expect(outputs().result).toBe('inconclusive')
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('fail-on: warn fails on warnings; error does not', async () => {
    runProbe.mockResolvedValue(outcome(pass, warn))
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' })
    await run()
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalled()
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'fail-on': 'warn' })
    await run()
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/warnings, and fail-on is warn/))
  })

  it('refuses a bad input before any AWS call', async () => {
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'role-duration-seconds': '60' })
    await run()
    expect(runProbe).not.toHaveBeenCalled()
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/^Input "role-duration-seconds" is 60, outside 900 to 43200/)
    )
    expect(core.setOutput).not.toHaveBeenCalled()
  })

  it('mask-account-id masks the account and removes it from outputs and the summary', async () => {
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1', 'mask-account-id': 'true' })
    runProbe.mockResolvedValue(outcome(fail))
    await run()
    expect(String(outputs().report)).not.toContain('111122223333')
    expect(String(core.summary.addRaw.mock.calls[0]![0])).not.toContain('111122223333')
  })

  it('turns an unexpected crash into one clear line, not a stack trace', async () => {
    givenInputs({ models: 'amazon.nova-lite-v1:0', regions: 'us-east-1' })
    runProbe.mockRejectedValue(new TypeError('boom'))
    await run()
    expect(core.setFailed).toHaveBeenCalledWith('bedrock-access-probe failed unexpectedly: boom')
  })
})
