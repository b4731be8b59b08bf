/** The capacity gate's rules, from the quotas read and the call's answer (no AWS: the verdict is pure). */
import { describe, expect, it } from '@jest/globals'
import {
  CALL_OK,
  denied,
  details,
  evidence,
  HAIKU_ON_DEMAND,
  HAIKU_PER_DAY,
  judge,
  NO_CALL,
  quotaListing,
  refused,
  throttledCall,
  fixIn
} from '../../../__fixtures__/evidence.js'
import { desiredOf } from '../../../src/gates/capacity.js'
import { overallResult } from '../../../src/gates/sequence.js'

const DAILY = 'Too many tokens per day, please wait before trying again.'
const PER_MINUTE = 'Too many tokens, please wait before trying again.'

describe('capacity: closed', () => {
  it('a call throttled for the day: no tokens left today, naming the per-day quota and its applied value', () => {
    const { gates } = judge(evidence({ quotas: quotaListing({ [HAIKU_PER_DAY]: 0 }) }), throttledCall(DAILY))
    expect(gates.capacity).toMatchObject({ status: 'fail', cause: 'daily-tokens-exhausted' })
    expect(gates.capacity.detail).toBe(
      `Converse was throttled after retries (${DAILY}): no tokens left for today (${HAIKU_PER_DAY}: 0 applied)`
    )
    expect(fixIn(gates.capacity)).toContain(
      'Request 288000000 for Model invocation max tokens per day for Anthropic Claude 3 Haiku (L-HAIKU-DAY) in us-east-1'
    )
    // The request was authorized before it was throttled: the IAM gate is open, the check fails on capacity.
    expect(gates['iam-permission'].status).toBe('pass')
    expect(overallResult(gates)).toBe('fail')
  })

  it('a quota of 0 tokens per minute closes it, naming the quota and its default', () => {
    const { gates } = judge(
      evidence({ quotas: quotaListing({ [HAIKU_ON_DEMAND]: 0 }) }),
      throttledCall(PER_MINUTE)
    )
    expect(gates.capacity).toMatchObject({ status: 'fail', cause: 'quota-zero' })
    expect(gates.capacity.detail).toBe(
      `${HAIKU_ON_DEMAND} is 0 in us-east-1 (AWS's default: 200000): no call can be served`
    )
    expect(gates.capacity.hints?.quota).toEqual({
      name: HAIKU_ON_DEMAND,
      code: 'L-HAIKU-OD',
      region: 'us-east-1',
      applied: 0,
      default: 200000,
      adjustable: true,
      desired: 200000
    })
  })

  it('below min-tokens-per-minute: closed, naming both numbers and asking for what the workload needs', () => {
    const { gates } = judge(evidence({ quotas: quotaListing(), minTokensPerMinute: 500000 }))
    expect(gates.capacity).toMatchObject({ status: 'fail', cause: 'quota-below-need' })
    expect(gates.capacity.detail).toBe(
      `${HAIKU_ON_DEMAND} is 200000 in us-east-1; the workload needs 500000 (min-tokens-per-minute)`
    )
    expect(fixIn(gates.capacity)).toContain('Request 500000 for')
  })

  it('a request refused for a quota (ServiceQuotaExceededException) is closed, after authorization', () => {
    const { gates } = judge(
      evidence({ quotas: quotaListing() }),
      refused('ServiceQuotaExceededException', 'Your request exceeds the service quota for your account.')
    )
    expect(gates.capacity).toMatchObject({ status: 'fail', cause: 'quota-exceeded' })
    expect(gates['iam-permission'].status).toBe('pass')
  })
})

describe('capacity: open, with a warning', () => {
  it('a quota below AWS default is a warning with the way to raise it; the check passes', () => {
    const { gates } = judge(evidence({ quotas: quotaListing({ [HAIKU_ON_DEMAND]: 20000 }) }))
    expect(gates.capacity).toMatchObject({ status: 'warn', cause: 'quota-reduced' })
    expect(gates.capacity.detail).toBe(
      `${HAIKU_ON_DEMAND} is 20000 in us-east-1, below AWS's default of 200000`
    )
    expect(fixIn(gates.capacity)).toContain(
      '"Cross-region model inference tokens per minute" quota of the model'
    )
    expect(overallResult(gates)).toBe('pass')
  })

  it('per-minute throttling after retries passes with a capacity warning: authorization is proven', () => {
    const { gates } = judge(evidence({ quotas: quotaListing() }), throttledCall(PER_MINUTE))
    expect(gates.capacity).toMatchObject({ status: 'warn', cause: 'throttled' })
    expect(gates['iam-permission'].status).toBe('pass')
    expect(overallResult(gates)).toBe('pass')
  })

  it('the quota as AWS sets it: open, naming it', () => {
    const { gates } = judge(evidence({ quotas: quotaListing() }), CALL_OK)
    expect(gates.capacity).toEqual({ status: 'pass', detail: `${HAIKU_ON_DEMAND}: 200000 in us-east-1` })
  })
})

describe('capacity: not known, which changes no result', () => {
  it('Service Quotas denied: a skip naming both permissions', () => {
    const { gates } = judge(
      evidence({ quotas: denied('servicequotas:ListServiceQuotas') as ReturnType<typeof denied> }),
      CALL_OK
    )
    expect(gates.capacity).toMatchObject({ status: 'skip', cause: 'quota-read-denied' })
    expect(fixIn(gates.capacity)).toContain('servicequotas:ListAWSDefaultServiceQuotas')
    expect(overallResult(gates)).toBe('pass')
  })

  it('no quota names the model, or its applied value is not listed: unknown, never zero', () => {
    const other = judge(
      evidence({
        quotas: quotaListing(),
        details: details({ displayName: 'Anthropic Claude 9', name: 'Claude 9' })
      }),
      CALL_OK
    )
    expect(other.gates.capacity).toMatchObject({ status: 'skip', cause: 'quota-unknown' })
    expect(other.gates.capacity.detail).toContain('no quota in Service Quotas names Anthropic Claude 9')
    const unnamed = judge(
      evidence({
        quotas: quotaListing(),
        details: { state: 'ok', value: { onDemand: 'supported', inferenceTypes: [] } }
      }),
      CALL_OK
    )
    expect(unnamed.gates.capacity).toMatchObject({ status: 'skip', cause: 'quota-unknown' })
    expect(unnamed.gates.capacity.detail).toContain(
      "the model's display name (GetFoundationModel) is unknown"
    )
    const leftOut = judge(evidence({ quotas: quotaListing({ [HAIKU_ON_DEMAND]: undefined }) }), CALL_OK)
    expect(leftOut.gates.capacity).toMatchObject({ status: 'skip', cause: 'quota-unknown' })
    expect(leftOut.gates.capacity.detail).toContain(
      'is listed without an applied value (unknown, never zero)'
    )
    expect(overallResult(leftOut.gates)).toBe('pass')
  })

  it('a listing lost to a fault leaves capacity undecided, never closed and never the check inconclusive', () => {
    const { gates } = judge(
      evidence({
        quotas: {
          state: 'failed',
          failure: { kind: 'timeout', name: 'TimeoutError', message: 'timed out: x' }
        }
      }),
      CALL_OK
    )
    expect(gates.capacity).toMatchObject({ status: 'warn', cause: 'timed-out' })
    expect(overallResult(gates)).toBe('pass')
  })

  it('behind a closed gate, capacity is not evaluated', () => {
    const { gates } = judge(
      evidence({ quotas: quotaListing({ [HAIKU_ON_DEMAND]: 0 }) }),
      refused(
        'AccessDeniedException',
        'User: x is not authorized to perform: bedrock:InvokeModel on resource: y because no identity-based policy allows the bedrock:InvokeModel action'
      )
    )
    expect(gates['iam-permission'].status).toBe('fail')
    expect(gates.capacity).toMatchObject({ status: 'skip', cause: 'not-evaluated' })
  })

  it('with invoke: false the quotas still decide it', () => {
    const { gates } = judge(evidence({ quotas: quotaListing({ [HAIKU_ON_DEMAND]: 0 }) }), NO_CALL)
    expect(gates.capacity).toMatchObject({ status: 'fail', cause: 'quota-zero' })
    expect(overallResult(gates)).toBe('fail')
  })
})

describe('the value a quota fix asks for', () => {
  const quota = { name: 'q', code: 'L-1', applied: 288000000, default: 288000000 }

  it('never the value already applied: twice it, when it is already the default', () => {
    expect(desiredOf(quota)).toBe(576000000)
  })

  it("AWS's default when below it, what the workload needs when more, nothing to say for a 0 without a default", () => {
    expect(desiredOf({ ...quota, applied: 1000 })).toBe(288000000)
    expect(desiredOf({ ...quota, applied: 50000, default: 20000, desired: 100000 })).toBe(100000)
    expect(desiredOf({ ...quota, applied: 50000, default: 400000, desired: 100000 })).toBe(100000)
    expect(desiredOf({ name: 'q', code: 'L-1', applied: 0 })).toBeUndefined()
    expect(desiredOf({ name: 'q', code: 'L-1', applied: 0, default: 200000 })).toBe(200000)
  })
})
